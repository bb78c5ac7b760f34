"""`praktijkbank validate` on the real practices with bytes flipped, deleted and inserted: every mutant ends in
exit 0 or 1 with `file:line` problems, and never in a crash (the command's last-resort
"er ging iets mis in het programma zelf" message counts as one). Seeded, so a failure can be replayed.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import PROJECT_ROOT, CliResult
from praktijkbank.validate.hidden_characters import is_hidden

REAL_PRACTICES = sorted((PROJECT_ROOT / "practices").glob("[!_]*.yml"))
MUTANTS_PER_FILE = 25
INSERTS = [b"\t", b":", b": ", b"- ", b"&a ", b"*a", b"!!python/object:os.system ", b"'", b'"', b"#", b"\n", b"\n  ",
           b"[", b"{", b"|", b">", b"\x00", b"\xff", b"\xc3", b"\xef\xbb\xbf", b"\r", b"%YAML 1.1\n", b"---\n", b"<<: ",
           # invisible format characters (U+202E, U+2066, U+200B, U+200D, U+00AD, U+E0041) and their codes
           *(character.encode() for character in "\u202e\u2066\u200b\u200d\u00ad\U000e0041"), b"\\u202E", b"&#x202E;"]


def mutate(raw: bytes, seed: str) -> bytes:
    """One to four flips, deletions or insertions at random places."""
    chance = random.Random(seed)
    data = bytearray(raw)
    for _ in range(chance.randint(1, 4)):
        position = chance.randrange(len(data) or 1)
        action = chance.choice(["flip", "delete", "insert", "random-byte"])
        if action == "flip" and data:
            data[position] ^= 1 << chance.randrange(8)
        elif action == "delete":
            del data[position:position + chance.randint(1, 8)]
        elif action == "insert":
            data[position:position] = chance.choice(INSERTS)
        else:
            data[position:position] = bytes([chance.randrange(256)])
    return bytes(data)


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mutants")
    for folder in ("schemas", "practices", "collections"):
        shutil.copytree(PROJECT_ROOT / folder, root / folder)
    return root


@pytest.mark.parametrize("original", REAL_PRACTICES, ids=lambda path: path.stem)
def test_mutated_practices_fail_cleanly(original: Path, repository: Path, run_cli: Callable[..., CliResult]) -> None:
    target = repository / "practices" / original.name
    raw = original.read_bytes()
    for number in range(MUTANTS_PER_FILE):
        seed = f"{original.stem}-{number}"
        mutant = mutate(raw, seed)
        target.write_bytes(mutant)

        result = run_cli("validate", "--root", repository, "--format", "json", target)

        assert result.code in (0, 1), (seed, result.stderr)
        assert "Traceback" not in result.stderr and "programma zelf" not in result.stderr, (seed, result.stderr)
        assert all(problem["file"] == f"practices/{original.name}" and problem["line"] >= 1
                   for problem in result.problems), seed
        assert (result.code == 1) == bool(result.problems), seed
        text = mutant.decode("utf-8", "replace").removeprefix("\ufeff")
        assert result.code == 1 or not any(is_hidden(character) for character in text), seed
    target.write_bytes(raw)

"""`praktijkbank validate` on the real practices with bytes flipped, deleted and inserted: every mutant ends in
exit 0 or 1 with `file:line` problems, and never in a crash (the command's last-resort
"er ging iets mis in het programma zelf" message counts as one). Seeded, so a failure can be replayed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import PROJECT_ROOT, CliResult
from mutants import MUTANTS_PER_FILE, real_practices, seeded_mutants
from praktijkbank.validate.hidden_characters import is_hidden

REAL_PRACTICES = real_practices(PROJECT_ROOT)


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mutants")
    for folder in ("schemas", "practices", "collections"):
        shutil.copytree(PROJECT_ROOT / folder, root / folder)
    return root


@pytest.mark.parametrize("original", REAL_PRACTICES, ids=lambda path: path.stem)
def test_mutated_practices_fail_cleanly(original: Path, repository: Path, run_cli: Callable[..., CliResult]) -> None:
    target = repository / "practices" / original.name
    for seed, mutant in seeded_mutants(original, MUTANTS_PER_FILE):
        target.write_bytes(mutant)

        result = run_cli("validate", "--root", repository, "--format", "json", target)

        assert result.code in (0, 1), (seed, result.stderr)
        assert "Traceback" not in result.stderr and "programma zelf" not in result.stderr, (seed, result.stderr)
        assert all(problem["file"] == f"practices/{original.name}" and problem["line"] >= 1
                   for problem in result.problems), seed
        assert (result.code == 1) == bool(result.problems), seed
        text = mutant.decode("utf-8", "replace").removeprefix("\ufeff")
        assert result.code == 1 or not any(is_hidden(character) for character in text), seed
    target.write_bytes(original.read_bytes())

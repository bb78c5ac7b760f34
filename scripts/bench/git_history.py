"""A git history for a generated repository, written with `git fast-import` (seconds, where a `git commit` per
change would take minutes), so every build the benchmark times reads a history as a real repository has one.

Every practice is added, then changed in further commits, each commit editing fields as contributors do:
the first version has a draft title and lacks two optional fields the practice fills, the next adds one of
them, the last is the file as it is. Every RENAME_EVERY-th practice lives under an older name until its last
commit.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

COMMITS_PER_PRACTICE = 3
RENAME_EVERY = 10
FIRST_COMMIT = 1_767_225_600  # 2026-01-01T00:00:00Z: fixed, so every run writes the same history
GIT = Path("/usr/bin/git")
LATER_FIELDS = ("lessons", "results", "related", "activities", "costs", "funding", "last_reviewed")
"""Optional fields a first version may lack; the two first ones a practice fills are added in later commits."""
DRAFT_TITLE = " (concept)"
_TOP_LEVEL_KEY = re.compile(r"^([a-z_]+):", re.MULTILINE)


def write_history(root: Path, commits_per_practice: int = COMMITS_PER_PRACTICE) -> int:
    """A git history for the practices under `root`, ending in the files as they are; returns the number of
    commits."""
    names = sorted(path.name for path in (root / "practices").glob("*.yml"))
    texts = {name: (root / "practices" / name).read_text(encoding="utf-8") for name in names}
    stream, mark = bytearray(), 0
    for version in range(1, commits_per_practice + 1):
        last = version == commits_per_practice
        for number, name in enumerate(names):
            mark += 1
            renamed = number % RENAME_EVERY == 0
            old = name.replace(".yml", "-oud.yml") if renamed else name
            content = earlier_version(texts[name], commits_per_practice - version).encode()
            operations = f"D practices/{old}\n".encode() if renamed and last else b""
            path = name if last or not renamed else old
            operations += f"M 100644 inline practices/{path}\n".encode() + _data(content)
            subject = f"{'Add' if version == 1 else 'Rename' if renamed and last else 'Edit'} {name} (#{mark})"
            stream += (f"commit refs/heads/main\nmark :{mark}\n"
                       f"committer Bench <bench@example.org> {FIRST_COMMIT + 60 * mark} +0000\n").encode()
            stream += _data(subject.encode()) + (f"from :{mark - 1}\n".encode() if mark > 1 else b"") + operations
    _git(root, "init", "-q")
    _git(root, "fast-import", "--quiet", input=bytes(stream))
    _git(root, "symbolic-ref", "HEAD", "refs/heads/main")
    return mark


def earlier_version(text: str, steps_back: int) -> str:
    """The practice `steps_back` commits before `text`: without the LATER_FIELDS added since, and the first
    version (any step back) with a draft title."""
    if steps_back == 0:
        return text
    present = [key for key in LATER_FIELDS if re.search(rf"^{key}:", text, re.MULTILINE)]
    for key in present[:2][max(0, 2 - steps_back):]:
        text = _without_field(text, key)
    return re.sub(r"^(title: .*)$", rf"\g<1>{DRAFT_TITLE}", text, count=1, flags=re.MULTILINE)


def _without_field(text: str, key: str) -> str:
    """`text` without the top-level field `key` and the indented lines under it."""
    starts = [match.start() for match in _TOP_LEVEL_KEY.finditer(text)]
    begin = next(start for start in starts if text.startswith(f"{key}:", start))
    end = next((start for start in starts if start > begin), len(text))
    return text[:begin] + text[end:]


def _data(content: bytes) -> bytes:
    return f"data {len(content)}\n".encode() + content + b"\n"


def _git(root: Path, *arguments: str, input: bytes | None = None) -> None:
    environment = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run([str(GIT), *arguments], cwd=root, input=input, env=environment, check=True,
                   capture_output=True)

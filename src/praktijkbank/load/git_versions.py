"""The committed versions of one file, newest first, read from git: what schema_compatibility.py compares
the published schemas with. Git is input: fixed options, no user configuration of the output, and no git, no
repository or a path git never saw gives no versions rather than an error."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

GIT = ("git", "-c", "log.showSignature=false", "-c", "core.quotePath=false")


def committed_versions(root: Path, path: str) -> Iterator[bytes]:
    """The contents of `path` (relative to `root`) in each commit that changed it, newest first; deletions
    are skipped."""
    log = _git(root, "log", "-z", "--format=%H", "--diff-filter=AMR", "--", path)
    for commit in (log or b"").decode("ascii", "replace").split("\0"):
        commit = commit.strip()
        if commit:
            content = _git(root, "show", f"{commit}:./{path}")
            if content is not None:
                yield content


def _git(root: Path, *arguments: str) -> bytes | None:
    """git's output as bytes, or None when git is missing or fails (no repository, an unknown path)."""
    try:
        result = subprocess.run([*GIT, *arguments], cwd=root, capture_output=True, check=False)
    except FileNotFoundError:
        return None
    return result.stdout if result.returncode == 0 else None

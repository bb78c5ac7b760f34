"""Problems found in the input, and the three ways to print them.

Validation never stops at the first mistake: every step returns Problems, so a contributor sees all of
them at once, each pointing at the line to fix.
"""

from __future__ import annotations

import functools
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file: where, which rule, what is wrong, and how to fix it.

    An error makes the input unusable; a warning (severity WARNING) only says what would make it better.
    """

    file: str
    line: int
    column: int
    rule: str
    message: str
    hint: str = ""
    severity: str = ERROR


def display_path(path: Path, root: Path) -> str:
    """Show a path relative to the repository when it lies inside it, as contributors know it: by where it
    stands, or else by its real place (the repository reached through a link). Worked out on strings, with each
    folder's real path looked up once: validation shows thousands of files."""
    where, base = os.path.abspath(path), os.path.abspath(root)
    inside = _inside(where, base)
    if inside is None:
        inside = _inside(_real_path(where), _resolved(base))
    return path.as_posix() if inside is None else inside


def _inside(path: str, folder: str) -> str | None:
    """`path` relative to `folder` with forward slashes, or None when it is not inside it."""
    prefix = folder.rstrip(os.sep) + os.sep
    return Path(path.removeprefix(prefix)).as_posix() if path.startswith(prefix) else None


def _real_path(path: str) -> str:
    """`os.path.realpath` of an absolute path, with its folder looked up once for all the files in it."""
    folder, name = os.path.split(path)
    if name in ("", ".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    return os.path.join(_resolved(folder), name)


@functools.lru_cache(maxsize=64)
def _resolved(folder: str) -> str:
    """An absolute folder's real path (only absolute ones are kept: a relative one changes with the working
    folder)."""
    return os.path.realpath(folder)


def format_text(problems: list[Problem]) -> str:
    """`path:line:col: rule-id: message` (a warning marked `waarschuwing:`), the hint on its own line."""
    lines = []
    for problem in problems:
        marker = "waarschuwing: " if problem.severity == WARNING else ""
        lines.append(f"{problem.file}:{problem.line}:{problem.column}: {marker}{problem.rule}: {problem.message}")
        if problem.hint:
            lines.append(f"    tip: {problem.hint}")
    return "\n".join(lines)


def _escape_github(value: str, *, is_property: bool = False) -> str:
    """Escape as GitHub's workflow commands require, so a message cannot end the command early."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(problems: list[Problem]) -> str:
    """GitHub workflow annotations, so each problem shows on its line in the pull request."""
    lines = []
    for problem in problems:
        message = problem.message + (f" Tip: {problem.hint}" if problem.hint else "")
        lines.append(
            f"::{problem.severity} file={_escape_github(problem.file, is_property=True)},"
            f"line={problem.line},col={problem.column},"
            f"title={_escape_github(problem.rule, is_property=True)}::{_escape_github(message)}"
        )
    return "\n".join(lines)


def format_json(problems: list[Problem]) -> str:
    """A JSON array of problems, for tools."""
    return json.dumps([asdict(problem) for problem in problems], ensure_ascii=False, indent=2)


FORMATTERS = {"text": format_text, "github": format_github, "json": format_json}

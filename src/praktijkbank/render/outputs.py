"""What the engine hands to a site generator: pages (Markdown) and other files (exports, images)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Page:
    """A generated page: its source path (`praktijken/x.md`) and Markdown text with front matter."""

    src_uri: str
    content: str


@dataclass(frozen=True)
class OutputFile:
    """A file copied to the site as it is, e.g. `api/praktijken.json`."""

    path: str
    content: bytes


def write_outputs(files: Iterable[OutputFile], target: Path) -> int:
    """Write each file under `target`, making folders as needed; returns how many were written."""
    count = 0
    for output in files:
        destination = target / output.path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(output.content)
        count += 1
    return count

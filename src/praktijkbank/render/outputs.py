"""What the engine hands to a site generator: pages (Markdown) and other files (exports, images)."""

from __future__ import annotations

from dataclasses import dataclass


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

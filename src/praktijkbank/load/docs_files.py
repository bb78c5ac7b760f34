"""Which files of docs_dir the site publishes, and where: one place maps a source file to its destination and
URL, for the hand-written pages and the generated ones alike (as MkDocs' `structure/files.py` does).

A Markdown file is a page: `over.md` becomes `over/index.html` at `over/` with directory URLs, else
`over.html`; `index.md` and `README.md` become their folder's `index.html`. Every other file is copied as it is.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the settings' module reads YAML and ignore patterns: only the annotations need it
    from praktijkbank.load.site_config import SiteConfig

PAGE_SUFFIX = ".md"
PAGE_FILE = "index.html"
HOME = "./"
INDEX_NAMES = ("index", "README")


@dataclass(frozen=True)
class DocsFile:
    """A file in docs_dir the site publishes: its path there (`src_uri`, `/`-separated) and on disk."""

    src_uri: str
    path: Path

    @property
    def is_page(self) -> bool:
        return is_page(self.src_uri)


def is_page(src_uri: str) -> bool:
    return src_uri.endswith(PAGE_SUFFIX)


def destination(src_uri: str, use_directory_urls: bool = True) -> str:
    """The file a source becomes in the built site (`/`-separated, relative to its root)."""
    if not is_page(src_uri):
        return src_uri
    parent, filename = posixpath.split(src_uri)
    name = filename.removesuffix(PAGE_SUFFIX)
    if name in INDEX_NAMES:
        return posixpath.join(parent, PAGE_FILE)
    return posixpath.join(parent, name, PAGE_FILE) if use_directory_urls else posixpath.join(parent, f"{name}.html")


def page_url(output_path: str) -> str | None:
    """The address a written file serves as a page (`x/index.html` → `x/`, the root's → `./`); other files
    are no pages."""
    if output_path == PAGE_FILE:
        return HOME
    if output_path.endswith("/" + PAGE_FILE):
        return output_path[: -len(PAGE_FILE)]
    return None


def source_url(src_uri: str, use_directory_urls: bool = True) -> str | None:
    """The page address a source file gets, or None for a file that is no page there."""
    return page_url(destination(src_uri, use_directory_urls))


def docs_files(config: SiteConfig) -> list[DocsFile]:
    """Every file in docs_dir the site publishes, sorted by path; excluded files left out."""
    found = []
    for folder, _, names in os.walk(config.docs_dir, followlinks=True):
        for name in names:
            path = Path(folder) / name
            src_uri = path.relative_to(config.docs_dir).as_posix()
            if not config.is_excluded(src_uri):
                found.append(DocsFile(src_uri, path))
    return sorted(found, key=lambda file: file.src_uri)

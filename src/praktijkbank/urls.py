"""The site's stable URLs, in one place: published links must keep working for years.

Paths are relative to the site root and end in a slash (MkDocs' directory URLs): `praktijken/<id>/`.
"""

from __future__ import annotations

import posixpath

PRACTICES = "praktijken"
COLLECTIONS = "collecties"

FACET_FOLDERS = {
    "themes": "themas",
    "organisation_types": "partners",
    "provinces": "provincies",
    "target_groups": "doelgroepen",
    "statuses": "status",
}


def practice_url(practice_id: str) -> str:
    return f"{PRACTICES}/{practice_id}/"


def collection_url(collection_id: str) -> str:
    return f"{COLLECTIONS}/{collection_id}/"


def facet_url(facet: str, value: str | None = None) -> str:
    """The overview of one vocabulary (`themas/`) or of one value in it (`themas/laaggeletterdheid/`)."""
    folder = FACET_FOLDERS[facet]
    return f"{folder}/{value}/" if value else f"{folder}/"


def source_path(url: str) -> str:
    """The Markdown file MkDocs turns into `url`: `praktijken/x/` comes from `praktijken/x/index.md`."""
    return f"{url}index.md"


def relative(from_url: str, to_url: str) -> str:
    """A link from one page to another that works wherever the site is hosted (also in a subfolder)."""
    path = posixpath.relpath(to_url or ".", from_url or ".")
    return "./" if path == "." else f"{path}/" if to_url.endswith("/") or not to_url else path


def absolute(url: str, site_url: str | None) -> str:
    """An absolute URL when the site's address is known (feeds and Open Graph need one), else `/`-rooted."""
    return f"{site_url.rstrip('/')}/{url}" if site_url else f"/{url}"

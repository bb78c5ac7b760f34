"""The site's stable URLs, in one place: published links must keep working for years.

Paths are relative to the site root and end in a slash (MkDocs' directory URLs): `praktijken/<id>/`.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from praktijkbank.common.facets import FACETS, MUNICIPALITIES

PRACTICES = "praktijken"
# The theme's icon, for the pages the engine writes without the theme; the link checker proves it is there.
THEME_FAVICON = "assets/images/favicon.png"
REVIEW = "te-herzien/"
"""Practices due for review; at the top level, so no practice id can ever take its address."""
COLLECTIONS = "collecties"
# The address `mkdocs build` uses when PRAKTIJKBANK_SITE_URL is not set (see mkdocs.yml).
LOCAL_SITE_URL = "http://localhost:8000/"
SEARCH = "zoeken/"
SELECTION = "selectie/"
"""A visitor's own selection of practices, kept in the browser; shared as `selectie/?t=…&p=…` (selectie-link.js)."""
SELECTION_ID_SEPARATOR = "."
SELECTION_PRESENTATION = f"{SELECTION}presentatie/"
SELECTION_CARDS = f"{SELECTION}kaarten.json"
COMPARE = "vergelijk/"
"""Two to four practices side by side (`vergelijk/?p=a,b,c`); at the top level, like the search page."""
EDITOR = "aanmelden/"
"""Add (`aanmelden/`), change (`?wijzig=<id>`) or adopt (`?neem-over=<id>`) a practice in the browser."""
CHANGES = "wijzigingen/"
"""The newest changes in the whole bank; at the top level, like the search page."""
CHANGES_FEED = f"{CHANGES}feed.xml"
FEED = "feed.xml"
"""The newest practices of the whole bank."""
FEED_FACETS = ("themes", "provinces")
"""The facets whose every value has a feed of its own beside its overview page: `themas/<id>/feed.xml`."""
MAP = "kaart/"
GLOSSARY = "begrippen/"
"""Every sector term and abbreviation from A to Z, with the practices that use it."""
GLOSSARY_DATA = "api/begrippen.json"
"""The same terms as data, for the pages the browser fills itself (publish/glossary_file.py)."""
MUNICIPALITY_NAMES = "api/gemeenten.json"
"""The municipalities and the names people use for them (publish/municipality_names.py), for forms in the browser."""
# The provinces without data, drawn once per build: the background of every practice's locator map.
MAP_BACKGROUND = "kaart/nederland.svg"


def practice_url(practice_id: str) -> str:
    return f"{PRACTICES}/{practice_id}/"


def collection_url(collection_id: str | None = None) -> str:
    """The index of all collections (`collecties/`) or one collection (`collecties/<id>/`)."""
    return f"{COLLECTIONS}/{collection_id}/" if collection_id else f"{COLLECTIONS}/"


def presentation_url(collection_id: str) -> str:
    return f"{collection_url(collection_id)}presentatie/"


def embed_url(collection_id: str) -> str:
    return f"{collection_url(collection_id)}embed/"


def selection_url(title: str, intro: str, items: list[tuple[str, str]], collection_id: str = "") -> str:
    """A selection as one link, in the format selectie-link.js reads (`t` title, `p` ids joined by ".",
    `i` introduction, one `n` per note up to the last one given, `c` the collection it adapts): the
    collection pages put a collection into Mijn selectie with it."""
    notes = [note for _, note in items]
    while notes and not notes[-1]:
        notes.pop()
    parameters = ([("t", title)] if title else []) + [("p", SELECTION_ID_SEPARATOR.join(i for i, _ in items))]
    parameters += ([("i", intro)] if intro else []) + [("n", note) for note in notes]
    parameters += [("c", collection_id)] if collection_id else []
    return f"{SELECTION}?{urlencode(parameters)}"


def facet_url(facet: str, value: str | None = None) -> str:
    """The overview of one vocabulary (`themas/`) or of one value in it (`themas/laaggeletterdheid/`)."""
    folder = FACETS[facet].folder
    return f"{folder}/{value}/" if value else f"{folder}/"


def facet_feed_url(facet: str, value: str) -> str:
    """The feed of one value's practices, beside its overview page: `themas/laaggeletterdheid/feed.xml`."""
    return f"{facet_url(facet, value)}feed.xml"


def is_local(site_url: str) -> bool:
    """A site address on this computer: QR codes to it only work here."""
    host = urlsplit(site_url).hostname or ""
    return host in ("localhost", "127.0.0.1", "::1")


def search_url(facet: str, value: str) -> str:
    """The search page narrowed to one vocabulary value: `zoeken/?thema=laaggeletterdheid`. The parameters
    (common/facets.py) are also the filter names in the search index; shared links depend on them."""
    return f"{SEARCH}?{urlencode({FACETS[facet].parameter: value})}"


# Municipalities are no vocabulary, so they stand apart from FACETS (common/facets.py): `zoeken/?gemeente=Dalfsen`.
MUNICIPALITY_PARAMETER = MUNICIPALITIES.parameter


def municipality_search_url(name: str) -> str:
    """The search page narrowed to one municipality, as the map and its table link to it."""
    return f"{SEARCH}?{urlencode({MUNICIPALITY_PARAMETER: name})}"


def source_path(url: str) -> str:
    """The Markdown file MkDocs turns into `url`: `praktijken/x/` comes from `praktijken/x/index.md`."""
    return f"{url}index.md"


def relative(from_url: str, to_url: str) -> str:
    """A link from one page to another that works wherever the site is hosted (also in a subfolder).

    Pure string work on the site's own URLs: posixpath.relpath would ask the file system for the working
    directory on every one of the thousands of links a build writes.
    """
    source = from_url.split("/")[:-1]
    target = to_url.split("/")
    common = 0
    while common < len(source) and common < len(target) - 1 and source[common] == target[common]:
        common += 1
    path = "../" * (len(source) - common) + "/".join(target[common:])
    return path or "./"


def absolute(url: str, site_url: str | None) -> str:
    """An absolute URL when the site's address is known (feeds and Open Graph need one), else `/`-rooted."""
    return f"{site_url.rstrip('/')}/{url}" if site_url else f"/{url}"


def practice_changes_url(practice_id: str) -> str:
    """Every change of one practice, field by field, a section per change (`#wijziging-<commit>`)."""
    return f"{practice_url(practice_id)}{CHANGES}"


def collection_changes_url(collection_id: str) -> str:
    """Every change of one collection, as for a practice."""
    return f"{collection_url(collection_id)}{CHANGES}"

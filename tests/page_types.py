"""Every kind of page the site has, with one example URL each, relative to the site root.

The accessibility tests (axe-core in light and dark mode and at 320 px) and the keyboard tests walk this
table; the checks that do not need a browser (HTML validation, links, hostile input) walk the whole output
folder instead, so they cover new pages without a row here. A new kind of page gets one row: its name and
a URL of the repository's own site (a practice or collection taken from the data, see real_data.py), e.g. `"search with filters": "zoeken/?thema=laaggeletterdheid"`.
"""

from __future__ import annotations

from pathlib import Path

from praktijkbank.common.urls import (
    EDITOR,
    collection_url,
    embed_url,
    practice_changes_url,
    practice_url,
    presentation_url,
)
from real_data import A_COLLECTION, A_PRACTICE, other_practice

PAGE_TYPES: dict[str, str] = {
    "home": "",
    "practice": practice_url(A_PRACTICE.id),
    "practices A-Z": "praktijken/",
    "themes overview": "themas/",
    "theme": "themas/laaggeletterdheid/",
    "partner types overview": "partners/",
    "partner type": "partners/bibliotheek/",
    "provinces overview": "provincies/",
    "province": "provincies/overijssel/",
    "target groups overview": "doelgroepen/",
    "target group": "doelgroepen/kinderen/",
    "statuses overview": "status/",
    "status": "status/lopend/",
    "organisations": "organisaties/",
    "practices due for review": "te-herzien/",
    "changes": "wijzigingen/",
    "change page of a practice": practice_changes_url(A_PRACTICE.id),
    "collections overview": "collecties/",
    "collection": collection_url(A_COLLECTION.id),
    "collection presentation": presentation_url(A_COLLECTION.id),
    "collection embed": embed_url(A_COLLECTION.id),
    "selection (empty)": "selectie/",
    "selection shared (read-only)": f"selectie/?t=Voorbeelden&p={A_PRACTICE.id}.{other_practice().id}&n=Een+toelichting",
    "selection presentation": f"selectie/presentatie/?t=Voorbeelden&p={A_PRACTICE.id}",
    "search with filters": "zoeken/?q=bibliotheek&thema=laaggeletterdheid&partner=bibliotheek",
    "comparison": f"vergelijk/?p={A_PRACTICE.id},{other_practice().id}",
    "search by municipality": "zoeken/?gemeente=Dalfsen",
    "search with nothing found": "zoeken/?q=qqxqqxqq",
    "map": "kaart/",
    "glossary": "begrippen/",
    "editor": EDITOR,
    "docs page": "over/",
    "contributing": "bijdragen/",
    "contributing with GitHub": "bijdragen-met-github/",
    "accessibility statement": "toegankelijkheid/",
    "editors' guide": "redactie/",
    "open data": "open-data/",
    "not found (404)": "404.html",
}


def page_file(site: Path, url: str) -> Path:
    """The file a static host serves for `url`: query and fragment dropped, a folder URL gives index.html."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path

"""Every kind of page the site has, with one example URL each, relative to the site root.

The accessibility tests (axe-core in light and dark mode and at 320 px) and the keyboard tests walk this
table; the checks that do not need a browser (HTML validation, links, hostile input) walk the whole output
folder instead, so they cover new pages without a row here. A new kind of page gets one row: its name and
a URL of the repository's own site, e.g. `"search with filters": "zoeken/?thema=laaggeletterdheid"`.
"""

from __future__ import annotations

from pathlib import Path

PAGE_TYPES: dict[str, str] = {
    "home": "",
    "practice": "praktijken/dalfsen-voorleestent/",
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
    "collections overview": "collecties/",
    "collection": "collecties/bieb-in-het-sociaal-domein/",
    "collection presentation": "collecties/bieb-in-het-sociaal-domein/presentatie/",
    "collection embed": "collecties/bieb-in-het-sociaal-domein/embed/",
    "search with filters": "zoeken/?q=bibliotheek&thema=laaggeletterdheid&partner=bibliotheek",
    "search by municipality": "zoeken/?gemeente=Dalfsen",
    "map": "kaart/",
    "docs page": "over/",
    "accessibility statement": "toegankelijkheid/",
    "not found (404)": "404.html",
}


def page_file(site: Path, url: str) -> Path:
    """The file a static host serves for `url`: query and fragment dropped, a folder URL gives index.html."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path

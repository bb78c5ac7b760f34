"""Link checks: every internal link of a built site resolves (offline), and the web addresses in the
practices still answer (online, for a scheduled job).

The internal check reads the output folder as a static host serves it: a folder URL means its index.html,
`#id` must name an element on the target page, and assets (images, stylesheets, scripts, srcset entries,
url() in the site's own CSS) must exist. The external check asks each address once, politely (HEAD, then
GET for servers that refuse HEAD; a time limit; a few at a time) and reports dead ones as problems at the
file and line of the practice that links there.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from praktijkbank.common.problems import Problem
from praktijkbank.common.schemas import read_schema
from praktijkbank.load.repository import COLLECTION, PRACTICE
from praktijkbank.load.strict_yaml import DataPath
from praktijkbank.validate import rules
from praktijkbank.validate.checker import ValidationReport

URL_ATTRIBUTES = {"href", "src", "poster"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
USER_AGENT = "praktijkbank-check-links/1 (controleert bronnen van de Praktijkbank Sociaal Domein; geen crawler)"
TIMEOUT_SECONDS = 15.0
AT_THE_SAME_TIME = 4


@dataclass(frozen=True)
class BrokenLink:
    page: str
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url}: {self.reason}"


class _PageParser(HTMLParser):
    """Collects the ids a page offers as anchors and the URLs it refers to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in URL_ATTRIBUTES:
                self.urls.append(value)
            elif name == "srcset":
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]


@cache
def _parse(page: Path) -> _PageParser:
    """Each page is parsed once, however many links point at its anchors."""
    parser = _PageParser()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    return parser


def check_site(site: Path) -> list[BrokenLink]:
    """Every internal link in the HTML pages and in the site's own stylesheets that leads nowhere."""
    _parse.cache_clear()
    site = site.resolve()
    broken = []
    for page in sorted(site.rglob("*.html")):
        broken += [link for url in _parse(page).urls if (link := _check(site, page, url))]
    for stylesheet in sorted(site.rglob("*.css")):
        if "assets" in stylesheet.relative_to(site).parts:
            continue
        urls = CSS_URL.findall(stylesheet.read_text(encoding="utf-8", errors="replace"))
        broken += [link for url in urls if (link := _check(site, stylesheet, url, anchors=False))]
    return broken


def _check(site: Path, source: Path, url: str, anchors: bool = True) -> BrokenLink | None:
    parts = urlsplit(url.strip())
    if parts.scheme or parts.netloc:
        return None
    page = str(source.relative_to(site))
    base = site if parts.path.startswith("/") else source.parent
    target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else source
    if target != site and site not in target.parents:
        return BrokenLink(page, url, "wijst buiten de site")
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return BrokenLink(page, url, "bestaat niet")
    if anchors and parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _parse(target).ids:
        return BrokenLink(page, url, f"de pagina heeft geen anker #{parts.fragment}")
    return None


@dataclass(frozen=True)
class ExternalLink:
    """A web address in a practice or collection, with where it is (for the file:line of a report)."""

    record: rules.Record
    path: DataPath
    url: str


def external_links(report: ValidationReport, schemas_dir: Path) -> list[ExternalLink]:
    """The web addresses in the practices and collections (where the schema says a URL goes)."""
    paths = {kind: rules.url_paths(read_schema(schemas_dir, kind)) for kind in (PRACTICE, COLLECTION)}
    return [ExternalLink(record, path, url) for record in report.records
            for path, url in rules.urls_in(record, paths.get(record.kind, []))
            if urlsplit(url.strip()).scheme in ("http", "https")]


def dead_links(links: Iterable[ExternalLink]) -> list[Problem]:
    """Problems for the addresses that do not answer; each address is asked once."""
    links = list(links)
    unique = sorted({link.url for link in links})
    with ThreadPoolExecutor(max_workers=AT_THE_SAME_TIME) as pool:
        failures = dict(zip(unique, pool.map(why_dead, unique)))
    return [link.record.problem(link.path, "dead-link", f"'{link.url[:100]}' werkt niet: {failures[link.url]}.",
                                "Zoek het nieuwe adres, of een kopie in het webarchief (web.archive.org).")
            for link in links if failures[link.url]]


def why_dead(url: str) -> str | None:
    """None when the address answers; else the reason, in Dutch. HEAD first, GET when HEAD fails."""
    reason = None
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS):
                return None
        except urllib.error.HTTPError as error:
            reason = f"de server antwoordt {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            reason = f"geen antwoord ({getattr(error, 'reason', error)})"
    return reason

"""A published URL never disappears: `published-urls.txt` lists every page address the site has published,
and a build that would lose one of them stops before anything is written.

The manifest only guards against losing addresses: a new page that is not yet listed never fails the build
(a contributor adding a practice in the web editor must not be blocked); `praktijkbank published-urls
--update` adds it deliberately. The hand-written pages count too: they are read as MkDocs sees them, with
`exclude_docs` applied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from praktijkbank.common.problems import Problem
from praktijkbank.publish.site import Site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

MANIFEST_NAME = "published-urls.txt"
HOME = "./"
PAGE_FILE = "index.html"
MANIFEST_HEADER = """\
# Alle adressen die de Praktijkbank Sociaal Domein heeft gepubliceerd, één per regel, op volgorde.
# Een adres in deze lijst moet blijven werken: verdwijnt het, dan stopt `mkdocs build` met een melding.
# Heeft een praktijk of collectie een nieuw id? Zet het oude id in `aliases`: het oude adres stuurt dan door.
# Nieuwe adressen zet je erbij met: praktijkbank published-urls --update
"""


@dataclass(frozen=True)
class ManifestDiff:
    """How the manifest differs from what the site publishes now."""

    added: list[str]
    removed: list[str]

    @property
    def up_to_date(self) -> bool:
        return not self.added and not self.removed


def page_url(output_path: str) -> str | None:
    """The address a written file serves as a page (`x/index.html` → `x/`); other files are no pages."""
    if output_path == PAGE_FILE:
        return HOME
    if output_path.endswith("/" + PAGE_FILE):
        return output_path[: -len(PAGE_FILE)]
    return None


def site_page_urls(site: Site) -> set[str]:
    """The engine's pages (`x/index.md` becomes `x/index.html`) and its stand-alone HTML pages."""
    paths = [page.src_uri.removesuffix(".md") + ".html" for page in site.pages] + [output.path for output in site.files]
    return {url for url in map(page_url, paths) if url}


def docs_page_urls(config: MkDocsConfig) -> set[str]:
    """The hand-written pages in docs_dir, as MkDocs will publish them (excluded files left out). MkDocs is
    imported here, not on top: the `praktijkbank` command imports this module and must start fast."""
    from mkdocs.structure.files import get_files

    return {url for file in get_files(config) if not file.inclusion.is_excluded()
            if (url := page_url(file.dest_uri))}


def published_urls(config: MkDocsConfig, site: Site) -> list[str]:
    """Every page address the build will publish, sorted."""
    return sorted(docs_page_urls(config) | site_page_urls(site))


def manifest_path(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / MANIFEST_NAME


def read_manifest(path: Path) -> list[tuple[int, str]]:
    """(line number, address) for each address in the manifest; comments and blank lines are skipped."""
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        address = line.strip()
        if address and not address.startswith("#"):
            entries.append((number, address))
    return entries


def lost_urls(path: Path, urls: Iterable[str]) -> list[Problem]:
    """A problem for every address in the manifest that the site would no longer serve. Without a
    manifest (a fresh repository) nothing is guarded yet."""
    if not path.is_file():
        return []
    current = set(urls)
    return [
        Problem(MANIFEST_NAME, number, 1, "published-url-lost",
                f"Het adres {address} is gepubliceerd, maar deze versie van de site heeft er geen pagina meer voor.",
                "Heeft een praktijk of collectie een nieuw id gekregen? Zet het oude id in `aliases` van het "
                "nieuwe bestand, dan stuurt het oude adres door. Is een pagina in docs/ hernoemd of "
                "verwijderd? Zet hem terug.")
        for number, address in read_manifest(path) if address not in current
    ]


def manifest_diff(path: Path, urls: Iterable[str]) -> ManifestDiff:
    listed = {address for _, address in read_manifest(path)} if path.is_file() else set()
    current = set(urls)
    return ManifestDiff(added=sorted(current - listed), removed=sorted(listed - current))


def manifest_text(urls: Iterable[str]) -> str:
    return MANIFEST_HEADER + "".join(f"{url}\n" for url in sorted(set(urls)))

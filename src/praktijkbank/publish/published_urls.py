"""A published URL never disappears: `published-urls.txt` lists every page address the site has published,
and a build that would lose one of them stops before anything is written.

The manifest only guards against losing addresses: a new page that is not yet listed never fails the build
(a contributor adding a practice in the web editor must not be blocked); `praktijkbank published-urls
--update` adds it deliberately. The hand-written pages count too: the files of docs_dir the site publishes,
`exclude_docs` applied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from praktijkbank.common.problems import Problem
from praktijkbank.load.docs_files import destination, docs_files, page_url
from praktijkbank.render.outputs import OutputFile, Page

if TYPE_CHECKING:  # the settings' module reads YAML and ignore patterns: only the annotations need it
    from praktijkbank.load.site_config import SiteConfig

MANIFEST_NAME = "published-urls.txt"
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


def published_urls(config: SiteConfig, pages: Iterable[Page], files: Iterable[OutputFile]) -> list[str]:
    """Every page address the build will publish, sorted: the hand-written pages, the generated pages and
    the generated stand-alone HTML pages (redirects, presentations)."""
    sources = [file.src_uri for file in docs_files(config)] + [page.src_uri for page in pages]
    outputs = [destination(src_uri, config.use_directory_urls) for src_uri in sources]
    return sorted({url for url in map(page_url, outputs + [output.path for output in files]) if url})


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
                "nieuwe bestand, dan stuurt het oude adres door. Moet een praktijk weg? Verwijder het bestand "
                "niet, maar zet er `withdrawn` in (datum en reden): het adres toont dan dat hij is "
                "teruggetrokken. Is een pagina in docs/ hernoemd of verwijderd? Zet hem terug.")
        for number, address in read_manifest(path) if address not in current
    ]


def lost_summary(lost: list[Problem]) -> str:
    """How many published addresses would disappear, in words, for the line that stops a build or export."""
    return f"{len(lost)} gepubliceerde {'adres zou' if len(lost) == 1 else 'adressen zouden'} verdwijnen"


def manifest_diff(path: Path, urls: Iterable[str]) -> ManifestDiff:
    listed = {address for _, address in read_manifest(path)} if path.is_file() else set()
    current = set(urls)
    return ManifestDiff(added=sorted(current - listed), removed=sorted(listed - current))


def manifest_text(urls: Iterable[str]) -> str:
    return MANIFEST_HEADER + "".join(f"{url}\n" for url in sorted(set(urls)))

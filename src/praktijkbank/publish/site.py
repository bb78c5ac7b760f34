"""The whole site as data: validate the repository, build the catalog, render pages and other files.

Engine-agnostic on purpose: the MkDocs plugin feeds these to MkDocs, and `praktijkbank export-pages`
writes them to disk for any other engine that reads mkdocs.yml.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from praktijkbank.common.problems import Problem
from praktijkbank.common.urls import MAP_BACKGROUND
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import Catalog, build_catalog
from praktijkbank.publish.exports import export_files
from praktijkbank.publish.search_documents import SearchDocument, practice_documents
from praktijkbank.render.collection_pages import CollectionRenderer
from praktijkbank.render.outputs import OutputFile, Page
from praktijkbank.render.maps import background_svg, read_base_map
from praktijkbank.render.pages import PageRenderer
from praktijkbank.render.redirects import redirect_files
from praktijkbank.validate.checker import validate_repository


@dataclass(frozen=True)
class Site:
    """The generated pages and files, and what search needs of the practices (the engine adds its own pages)."""

    pages: list[Page]
    files: list[OutputFile]
    search_documents: list[SearchDocument]


class InvalidInput(Exception):
    """The repository has problems; the site must not be built from it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problemen in de invoer")
        self.problems = problems


def load_catalog(repository: Repository, workers: int = 1) -> Catalog:
    report = validate_repository(repository, workers=workers)
    if report.problems:
        raise InvalidInput(report.problems)
    return build_catalog(report)


def build_site(repository: Repository, site_url: str | None = None, workers: int = 1,
               draw_maps: bool = True) -> Site:
    """Every page and file of the site; raises InvalidInput, with all problems, on bad input.
    `draw_maps=False` is for the benchmark only: the same site without the map drawings."""
    catalog = load_catalog(repository, workers)
    base_map = read_base_map(repository.geo_dir)
    renderer = PageRenderer(catalog, site_url, base_map, repository.qr_cache_file, workers, draw_maps)
    collections = CollectionRenderer(renderer)
    files = export_files(catalog, site_url) + collections.files() + redirect_files(catalog, renderer.environment)
    files.append(OutputFile(MAP_BACKGROUND, background_svg(base_map)))
    return Site(renderer.pages() + collections.pages(), files + media_files(repository, catalog),
                practice_documents(catalog))


def write_site(site: Site, docs_dir: Path, target: Path) -> int:
    """Write the hand-written docs and every generated page and file under `target`; returns the count."""
    shutil.copytree(docs_dir, target, dirs_exist_ok=True)
    written = sum(1 for path in target.rglob("*") if path.is_file())
    for path, content in [(page.src_uri, page.content.encode("utf-8")) for page in site.pages] + [
        (output.path, output.content) for output in site.files
    ]:
        destination = target / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(content)
        written += 1
    return written


def media_files(repository: Repository, catalog: Catalog) -> list[OutputFile]:
    """The images the practices use (validated to exist inside practices/media/), under media/."""
    names = sorted({item.file for practice in catalog.practices.values() for item in practice.media})
    return [OutputFile(f"media/{name}", (repository.media_dir / name).read_bytes()) for name in names]

"""The whole site as data, built the way Jekyll's `Site#process` reads: read (validate the repository into
a catalog, read mkdocs.yml), generate (the pages and files of the catalog), render (the hand-written pages,
for search), index (search), guard (the published URLs), and write (to disk, for `export-pages`).

Engine-agnostic on purpose: the MkDocs plugin hands the result to MkDocs, and `praktijkbank export-pages`
writes it to disk for any other engine that reads mkdocs.yml. Nothing an engine must add is left out: the
search index and the hand-written pages' search documents are built here, not by an engine's plugin.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from praktijkbank.common.clock import last_second_of, reference_date
from praktijkbank.common.field_labels import field_labels
from praktijkbank.common.problems import Problem
from praktijkbank.common.schemas import read_schema
from praktijkbank.common.urls import MAP_BACKGROUND
from praktijkbank.common.ways_in import WaysIn
from praktijkbank.load.docs_files import docs_files
from praktijkbank.load.history import read_history
from praktijkbank.load.repository import COLLECTION, PRACTICE, Repository
from praktijkbank.load.site_config import CONFIG_NAME, SiteConfig, read_site_config
from praktijkbank.model.catalog import Catalog, build_catalog
from praktijkbank.publish.export_config import export_config
from praktijkbank.publish.data_schemas import schema_files, with_schema_names
from praktijkbank.publish.data_package import data_package_file
from praktijkbank.publish.data_schemas import read_open_data_settings
from praktijkbank.publish.dcat import dataset_file
from praktijkbank.publish.exports import export_files
from praktijkbank.publish.glossary_file import glossary_file
from praktijkbank.publish.municipality_names import municipality_names_file
from praktijkbank.publish.published_urls import MANIFEST_NAME, lost_urls, published_urls
from praktijkbank.publish.search_documents import SearchDocument, page_document, practice_documents
from praktijkbank.publish.search_index import IndexSummary, search_index
from praktijkbank.render.change_pages import ChangePagesRenderer
from praktijkbank.render.changes_page import ChangesRenderer
from praktijkbank.render.collection_pages import CollectionRenderer
from praktijkbank.render.docs_pages import docs_pages
from praktijkbank.render.editor_page import editor_page
from praktijkbank.render.glossary_page import glossary_page
from praktijkbank.render.outputs import OutputFile, Page, write_outputs
from praktijkbank.render.maps import background_svg, read_base_map
from praktijkbank.render.pages import PageRenderer
from praktijkbank.render.redirects import redirect_files
from praktijkbank.render.ways_in_markdown import resolved_routes
from praktijkbank.render.selection_pages import SelectionRenderer
from praktijkbank.validate.checker import validate_repository


@dataclass(frozen=True)
class Site:
    """Everything the site publishes beside the hand-written pages in docs_dir: the generated pages, the
    files (exports, media, redirects, the search index), what the search index holds, every page address
    the site publishes, and the published addresses it would lose (an engine must not build then)."""

    pages: list[Page] = field(default_factory=list)
    files: list[OutputFile] = field(default_factory=list)
    search: IndexSummary = IndexSummary(0, 0, 0)
    urls: list[str] = field(default_factory=list)
    lost_urls: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the build left out and why, in Dutch, for the engine to say once (the history without git)."""
    page_dates: dict[str, str] = field(default_factory=dict)
    """The day each hand-written page (by its path in docs_dir) last changed, from git: its `lastmod`."""


class InvalidInput(Exception):
    """The repository has problems; the site must not be built from it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problemen in de invoer")
        self.problems = problems


def build_site(repository: Repository, config: SiteConfig | None = None, workers: int = 1,
               draw_maps: bool = True) -> Site:
    """Every page and file of the site, with mkdocs.yml's settings unless `config` is given; raises
    InvalidInput, with all problems, on bad input."""
    config = config or read_site_config(repository.root / CONFIG_NAME)
    docs_folder = _relative_folder(config.docs_dir, repository.root)
    catalog = load_catalog(repository, workers, docs_folder)
    pages, files = generate(repository, catalog, config.site_url, workers, draw_maps,
                            WaysIn(config.repository or "", config.contact))
    index = search_index(practice_documents(catalog) + hand_written_documents(config))
    urls = published_urls(config, pages, files)
    notes = [catalog.histories.omitted] if catalog.histories.omitted else []
    return Site(pages, with_schema_names(files + index.files, config.site_url), index.summary, urls,
                lost_urls(repository.root / MANIFEST_NAME, urls), notes, page_dates(config, catalog, docs_folder))


def load_catalog(repository: Repository, workers: int = 1, docs_dir: str | None = None) -> Catalog:
    """The validated catalog, with the history of its files read from git in one pass, and when each
    hand-written page in `docs_dir` (relative to the repository) last changed."""
    report = validate_repository(repository, workers=workers)
    if report.problems:
        raise InvalidInput(report.problems)
    schemas = {kind: read_schema(repository.schemas_dir, kind) for kind in (PRACTICE, COLLECTION)}
    history = read_history(repository.root, (docs_dir,) if docs_dir else ())
    return build_catalog(report, history, field_labels(schemas),
                         last_second_of(reference_date()))


def _relative_folder(folder: Path, root: Path) -> str | None:
    """`folder` as git names it from `root`; None when it lies outside (then its history is not read)."""
    try:
        return folder.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return None


def page_dates(config: SiteConfig, catalog: Catalog, folder: str | None) -> dict[str, str]:
    """For each hand-written page (by its path in docs_dir, `folder` in the repository), the day of its newest
    commit: its `lastmod` in the sitemap."""
    return {file.src_uri: catalog.histories.file_dates[f"{folder}/{file.src_uri}"] for file in docs_files(config)
            if file.is_page and f"{folder}/{file.src_uri}" in catalog.histories.file_dates}


def generate(repository: Repository, catalog: Catalog, site_url: str | None, workers: int = 1,
             draw_maps: bool = True, ways_in: WaysIn = WaysIn()) -> tuple[list[Page], list[OutputFile]]:
    """The pages and files made from the catalog: practices, overviews, the map, collections, the selection,
    the changes, the glossary, the editor, exports, redirects, media. `draw_maps=False` leaves the map drawings
    out (the benchmark measures their cost); `ways_in` is the GitHub repository (its forms, and the pull
    requests the histories link) and the editors' address."""
    base_map = read_base_map(repository.geo_dir)
    renderer = PageRenderer(catalog, site_url, base_map, repository.qr_cache_file, workers, draw_maps, ways_in)
    collections = CollectionRenderer(renderer)
    selection = SelectionRenderer(renderer)
    changes = ChangesRenderer(renderer)
    change_pages = ChangePagesRenderer(renderer)
    files = (export_files(catalog, site_url) + collections.files() + selection.files()
             + redirect_files(catalog, renderer.environment) + [OutputFile(MAP_BACKGROUND, background_svg(base_map))]
             + [municipality_names_file(catalog.municipalities), glossary_file(catalog.glossary)])
    files += open_data_files(repository, catalog, site_url, ways_in)
    pages = (renderer.pages() + collections.pages() + selection.pages() + changes.pages() + change_pages.pages()
             + [glossary_page(renderer)] + [editor_page(renderer)])
    return pages, files + media_files(repository, catalog)


def open_data_files(repository: Repository, catalog: Catalog, site_url: str | None,
                    ways_in: WaysIn) -> list[OutputFile]:
    """What describes the open data to others: the JSON Schemas, the data package and the DCAT record."""
    settings = read_open_data_settings(repository.schemas_dir)
    return [*schema_files(repository.schemas_dir, catalog.vocabularies, site_url),
            data_package_file(settings["title"], settings["description"], site_url),
            dataset_file(settings, catalog, site_url, ways_in)]


def hand_written_documents(config: SiteConfig) -> list[SearchDocument]:
    """The hand-written pages, for search: rendered from their Markdown as the site renders them."""
    return [page_document(page.url, page.title, page.html) for page in docs_pages(config)]


def write_site(site: Site, config: SiteConfig, target: Path) -> int:
    """Write the complete site tree under `target`: the hand-written docs (their routes written out, so no
    engine needs our Markdown extension), every generated page and file, and a mkdocs.yml to build it in
    place (`export_config`); returns the number of files."""
    shutil.copytree(config.docs_dir, target, dirs_exist_ok=True)
    ways_in = WaysIn(config.repository or "", config.contact)
    for page in target.rglob("*.md"):
        page.write_text(resolved_routes(page.read_text(encoding="utf-8"), ways_in), encoding="utf-8")
    copied = sum(1 for path in target.rglob("*") if path.is_file())
    pages = [OutputFile(page.src_uri, page.content.encode("utf-8")) for page in site.pages]
    engine_config = OutputFile(CONFIG_NAME, export_config(config).encode("utf-8"))
    return copied + write_outputs([*pages, *site.files, engine_config], target)


def media_files(repository: Repository, catalog: Catalog) -> list[OutputFile]:
    """The images the practices use (validated to exist inside practices/media/), under media/."""
    names = sorted({item.file for practice in catalog.practices.values() for item in practice.media})
    return [OutputFile(f"media/{name}", (repository.media_dir / name).read_bytes()) for name in names]

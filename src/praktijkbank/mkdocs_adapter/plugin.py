"""The MkDocs plugin: a thin adapter that hands the engine's pages and files to MkDocs.

Validation runs in `on_config`, so a build with bad input fails with the validator's own messages.
`mkdocs build` writes into a temporary folder next to the output folder and swaps it in only when the whole
build succeeded: MkDocs reports strict-mode warnings as an error *after* `on_post_build`, so success is
known only in `on_shutdown`, when no `on_build_error` came. Any failure leaves the previous site untouched.
While serving, a failed rebuild keeps the last good site on screen instead of stopping the server with a
traceback.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from praktijkbank.common.problems import Problem, format_text
from praktijkbank.common.urls import is_local
from praktijkbank.load.repository import Repository
from praktijkbank.publish.published_urls import lost_urls, manifest_path, published_urls
from praktijkbank.publish.search_documents import SearchDocument, page_document
from praktijkbank.publish.search_index import build_search_index
from praktijkbank.publish.site import InvalidInput, Site, build_site
from praktijkbank.publish.staging import discard, publish, staging_folder

log = logging.getLogger("mkdocs.plugins.praktijkbank")
# Set by scripts/bench.py only: the same site without the map drawings, to measure what the map costs.
NO_MAP_VARIABLE = "PRAKTIJKBANK_BENCH_NO_MAP"


class InvalidInputError(PluginError):
    """The practices or collections have problems; they were logged, nothing was written."""


class PraktijkbankPlugin(BasePlugin):
    """`plugins: [praktijkbank]` in mkdocs.yml; the repository is the folder that holds mkdocs.yml."""

    def __init__(self) -> None:
        self.site = Site([], [], [])
        self.searchable_pages: list[SearchDocument] = []
        self.workers = 1
        self.command = ""
        self.output: Path | None = None
        self.staging: Path | None = None
        self.succeeded = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """`mkdocs build` runs one thread, so validation may fork workers; `serve` runs threads, so it may not.
        Only `mkdocs build` is staged: `serve` writes to its own temporary folder anyway."""
        self.workers = (os.cpu_count() or 1) if command == "build" else 1
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        repository = Repository(Path(config.config_file_path).parent)
        try:
            self.site = build_site(repository, config.site_url or None, workers=self.workers,
                                   draw_maps=not os.environ.get(NO_MAP_VARIABLE))
        except InvalidInput as error:
            count = len(error.problems)
            _refuse(error.problems, f"De site is niet gebouwd: {count} {'probleem' if count == 1 else 'problemen'} "
                                    "in de praktijken of collecties (zie hierboven). `praktijkbank validate` toont "
                                    "dezelfde meldingen.")
        if self.command == "build" and is_local(config.site_url or ""):
            log.info(f"Het adres van de site is {config.site_url}: de QR-codes wijzen dus naar localhost en werken "
                     "alleen op deze computer. Zet PRAKTIJKBANK_SITE_URL op het echte adres van de site voor een "
                     "publieke versie.")
        lost = lost_urls(manifest_path(config), published_urls(config, self.site))
        if lost:
            _refuse(lost, f"De site is niet gebouwd: {len(lost)} gepubliceerde "
                          f"{'adres zou' if len(lost) == 1 else 'adressen zouden'} verdwijnen (zie hierboven).")
        self.searchable_pages = []
        if self.command == "build":
            self.output = Path(config.site_dir)
            self.staging = staging_folder(self.output)
            config.site_dir = str(self.staging)
        return config

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Hand-written pages are searchable too; generated ones are either practices (indexed from the
        catalog) or overviews and lists, which would only repeat the practices' words."""
        if not page.file.generated_by:
            self.searchable_pages.append(page_document(page.url, page.title or page.url, html))
        return html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        started = time.perf_counter()
        summary = build_search_index(self.site.search_documents + self.searchable_pages, Path(config.site_dir))
        log.info(f"Zoekindex: {summary.practices} praktijken en {summary.pages} andere pagina's, {summary.stems} "
                 f"woordstammen, in {time.perf_counter() - started:.2f} s.")
        self.succeeded = True

    def on_build_error(self, *, error: Exception) -> None:
        self.succeeded = False

    def on_shutdown(self) -> None:
        if self.staging is None or self.output is None:
            return
        if self.succeeded:
            publish(self.staging, self.output)
        else:
            discard(self.staging)
            log.error("De vorige versie van de site in %s is niet veranderd.", self.output)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        in_nav = set(_nav_paths(config.nav or []))
        for page in self.site.pages:
            inclusion = InclusionLevel.INCLUDED if page.src_uri in in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src_uri, content=page.content, inclusion=inclusion))
        for output in self.site.files:
            files.append(File.generated(config, output.path, content=output.content))
        return files

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        server.builder = _keep_last_good_site(server.builder)
        return server


def _refuse(problems: list[Problem], summary: str) -> NoReturn:
    """Log every problem on its own line, then stop the build before anything is written."""
    for line in format_text(problems).splitlines():
        log.error(line)
    raise InvalidInputError(summary) from None


def _keep_last_good_site(builder: Callable[..., Any]) -> Callable[..., Any]:
    """Each rebuild loads the configuration, and so this plugin, anew: the failure is recognised by its
    cause, which MkDocs keeps as the context of the Abort it raises."""

    def rebuild(*args: Any, **kwargs: Any) -> None:
        try:
            builder(*args, **kwargs)
        except Abort as error:
            if not isinstance(error.__context__, InvalidInputError):
                raise
            log.error("De site is niet bijgewerkt. De vorige versie blijft zichtbaar tot de problemen hierboven "
                      "zijn opgelost; sla het bestand daarna opnieuw op.")

    return rebuild


def _nav_paths(items: list[Any]) -> Iterator[str]:
    """Every page path named in the `nav` of mkdocs.yml; generated pages not named there stay out of it."""
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from _nav_paths(value if isinstance(value, list) else [value])

"""The MkDocs plugin: a thin adapter that hands the site `build_site` made (pages and files, the search index
included) to MkDocs, and stops the build on problems.

The whole site is built in `on_config`, so a build with bad input fails with the validator's own messages.
`mkdocs build` writes into a temporary folder next to the output folder and swaps it in only when the whole
build succeeded: MkDocs reports strict-mode warnings as an error *after* `on_post_build`, so success is
known only in `on_shutdown`, when no `on_build_error` came. Any failure leaves the previous site untouched.
While serving, a failed rebuild keeps the last good site on screen instead of stopping the server with a
traceback.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

from mkdocs.config import base
from mkdocs.config import config_options as options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from praktijkbank.common.problems import Problem, format_text
from praktijkbank.common.urls import is_local
from praktijkbank.load.repository import Repository
from praktijkbank.load.site_config import SiteConfigError, read_site_config, with_ways_in
from praktijkbank.mkdocs_adapter.finished_html import FinishedHtml, FinishedPage
from praktijkbank.mkdocs_adapter.stylesheets import bundle_file, bundled_list
from praktijkbank.mkdocs_adapter.theme_markup import repair_theme_markup
from praktijkbank.publish.published_urls import lost_summary
from praktijkbank.publish.site import InvalidInput, Site, build_site
from praktijkbank.publish.staging import discard, publish, staging_folder

log = logging.getLogger("mkdocs.plugins.praktijkbank")
# Said once per build, as information: strict mode would turn a warning into a failed build, and a build on
# one's own computer rightly has neither address.
NO_WAY_IN = ("Let op: extra.repository en extra.contact zijn leeg (PRAKTIJKBANK_REPOSITORY, PRAKTIJKBANK_CONTACT). "
             "De pagina's zeggen daarom dat er geen manier is ingesteld om een praktijk, wijziging of collectie "
             "aan te melden. Zet minstens een van de twee voor een publieke versie.")


class InvalidInputError(PluginError):
    """The practices or collections have problems; they were logged, nothing was written."""


class PraktijkbankConfig(base.Config):
    """The plugin's options in mkdocs.yml (`plugins: [{praktijkbank: {maps: false}}]`)."""

    maps = options.Type(bool, default=True)
    """false: the site without the map drawings (the pages and tables stay): the benchmark measures their cost."""


class PraktijkbankPlugin(BasePlugin[PraktijkbankConfig]):
    """`plugins: [praktijkbank]` in mkdocs.yml; the repository is the folder that holds mkdocs.yml."""

    def __init__(self) -> None:
        self.site = Site()
        self.workers = 1
        self.command = ""
        self.output: Path | None = None
        self.staging: Path | None = None
        self.succeeded = False
        self.in_nav: set[str] = set()
        self.generated: set[str] = set()
        self.finished_html: FinishedHtml | None = None
        self.finished: dict[str, FinishedPage] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """`mkdocs build` runs one thread, so validation may fork workers; `serve` runs threads, so it may not.
        Only `mkdocs build` is staged: `serve` writes to its own temporary folder anyway."""
        self.workers = (os.cpu_count() or 1) if command == "build" else 1
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """mkdocs.yml is read by the core; MkDocs decides the site's address (`serve` sets its own)."""
        config_file = Path(config.config_file_path)
        try:
            settings = replace(read_site_config(config_file), site_url=config.site_url or None)
        except SiteConfigError as error:
            raise PluginError(str(error)) from None
        with_ways_in(settings_of(config), settings.repository or "", settings.contact)
        try:
            self.site = build_site(Repository(config_file.parent), settings, workers=self.workers,
                                   draw_maps=self.config.maps)
        except InvalidInput as error:
            count = len(error.problems)
            _refuse(error.problems, f"De site is niet gebouwd: {count} {'probleem' if count == 1 else 'problemen'} "
                                    "in de praktijken of collecties (zie hierboven). `praktijkbank validate` toont "
                                    "dezelfde meldingen.")
        for note in self.site.notes:
            log.info(note)
        if self.command == "build" and is_local(config.site_url or ""):
            log.info(f"Het adres van de site is {config.site_url}: de QR-codes wijzen dus naar localhost en werken "
                     "alleen op deze computer. Zet PRAKTIJKBANK_SITE_URL op het echte adres van de site voor een "
                     "publieke versie.")
        if self.command == "build" and not (settings.repository or settings.contact):
            log.info(NO_WAY_IN)
        if self.site.lost_urls:
            _refuse(self.site.lost_urls,
                    f"De site is niet gebouwd: {lost_summary(self.site.lost_urls)} (zie hierboven).")
        self.in_nav = set(settings.nav)
        self.generated = {page.src_uri for page in self.site.pages}
        if self.command == "build":
            self.output = Path(config.site_dir)
            self.staging = staging_folder(self.output)
            config.site_dir = str(self.staging)
        return config

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        summary = self.site.search
        log.info(f"Zoekindex: {summary.practices} praktijken en {summary.pages} andere pagina's, {summary.stems} "
                 f"woordstammen, in {summary.seconds:.2f} s.")
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
        for page in self.site.pages:
            inclusion = InclusionLevel.INCLUDED if page.src_uri in self.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src_uri, content=page.content, inclusion=inclusion))
        for output in self.site.files:
            files.append(File.generated(config, output.path, content=output.content))
        config.extra_css, joined = bundled_list(config.extra_css, files)
        if joined:
            files.append(bundle_file(config, joined))
        return files

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return repair_theme_markup(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The theme's own pages (404.html) are rendered apart from the others."""
        return repair_theme_markup(output_content)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A hand-written page gets the day of its newest commit as its sitemap date (docs/overrides/sitemap.xml);
        the generated pages carry theirs in their front matter."""
        day = self.site.page_dates.get(page.file.src_uri)
        if day and "praktijkbank_lastmod" not in page.meta:
            page.meta["praktijkbank_lastmod"] = day
        if page.file.src_uri not in self.generated:
            return markdown
        finished = self._finished_html(config).convert(markdown)
        if finished is None:
            return markdown
        self.finished[page.file.src_uri] = finished
        return ""

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page is HTML already: Python-Markdown got nothing to parse (on_page_markdown), and the
        page gets the HTML and table of contents that Python-Markdown would have made of it."""
        finished = self.finished.pop(page.file.src_uri, None)
        if finished is None:
            return html
        page.toc = get_toc(finished.toc_tokens)
        page.present_anchor_ids = finished.anchor_ids
        return finished.html

    def _finished_html(self, config: MkDocsConfig) -> FinishedHtml:
        """Read once per build from the configured extensions (the toc extension's ids and levels)."""
        if self.finished_html is None:
            self.finished_html = FinishedHtml(config.markdown_extensions, config.mdx_configs or {})
        return self.finished_html

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        server.builder = _keep_last_good_site(server.builder)
        return server


def settings_of(config: MkDocsConfig) -> dict[str, Any]:
    """The parts of MkDocs' configuration that the theme (config.extra) and the Markdown extensions
    (mdx_configs) read, as with_ways_in expects them."""
    return {"extra": config.extra, "mdx_configs": config.mdx_configs}


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

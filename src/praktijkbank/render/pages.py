"""Render the catalog into pages: Markdown files with front matter, whose bodies are HTML from Jinja2
templates with autoescape on.

All contributor text reaches the page escaped (plain fields) or sanitised (Markdown fields), and links
between pages are relative, so the pages work on any host and with any engine that reads Markdown.
The title and description in the front matter are HTML-escaped too: mkdocs-material places them in the
page without escaping.
"""

from __future__ import annotations

import html
import json
import multiprocessing
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from praktijkbank.common import urls
from praktijkbank.common.clock import REVIEW_AFTER_YEARS, is_due_for_review, reference_date
from praktijkbank.common.facets import FACETS
from praktijkbank.common.glossary import GlossaryTerm
from praktijkbank.common.licenses import license_for
from praktijkbank.common.problems import Problem
from praktijkbank.common.suggest import normalise
from praktijkbank.common.url_schemes import ALLOWED_URL_SCHEMES
from praktijkbank.common.vocabularies import Term
from praktijkbank.common.ways_in import WaysIn, practice_context
from praktijkbank.load.repository import COLLECTION, PRACTICE
from praktijkbank.model.catalog import (
    MUNICIPALITY_FACET,
    Catalog,
    Practice,
    Source,
    adoptions_by_practice,
    by_title,
    collections_by_practice,
    newest_first,
    title_key,
)
from praktijkbank.model.glossary_use import practice_terms
from praktijkbank.model.history import RecordKey
from praktijkbank.model.related import related_practices
from praktijkbank.render.form_links import FormLinks
from praktijkbank.render.json_ld import practice_json_ld
from praktijkbank.render.glossary_marks import mark_first_uses
from praktijkbank.render.change_text import describe, sentence
from praktijkbank.render.life import change_url, freshness, last_modified, practice_history, pull_request_url
from praktijkbank.render.maps import BaseMap, adoption_points, locator_points, map_view
from praktijkbank.render.markup import markdown_to_html
from praktijkbank.render.outputs import Page
from praktijkbank.render.qr_codes import inline_qr_codes
from praktijkbank.render.template_cache import compiled_templates
from praktijkbank.render.text import dutch_date, locality_text, period_text, place_text
from praktijkbank.validate import abbreviations
from praktijkbank.validate.rules import RELATED_WITHDRAWN

NEWEST_ON_HOME = 6
PAGES_PER_WORKER = 250
"""Below this many practice pages per process, starting the processes costs more than they save."""


# Pages whose content needs the whole width on a wide screen: no navigation column beside it and no table of
# contents; the header stays, and on a phone the menu still holds the navigation.
WIDE = ("navigation", "toc")


@dataclass(frozen=True)
class OrganisationEntry:
    """One organisation across all practices, found by its name."""

    name: str
    types: tuple[str, ...]
    practices: tuple[Practice, ...]


def _allowed_url(url: str | None) -> bool:
    """A second guard behind the validator: only ever link to web pages and e-mail addresses."""
    return bool(url) and urlsplit(url).scheme.lower() in ALLOWED_URL_SCHEMES


def _environment(bytecode_cache: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    """The templates' environment; `bytecode_cache` keeps them compiled between builds (template_cache.py)."""
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("praktijkbank.render", "templates"),
        bytecode_cache=bytecode_cache,
        auto_reload=False,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
        markdown=lambda text: Markup(markdown_to_html(text)),
        dutch_date=dutch_date,
        allowed_url=_allowed_url,
        locality=locality_text,
    )
    environment.globals.update(urls=urls, period=period_text, license=license_for)
    return environment


def escape_html(text: str) -> str:
    """Escape what HTML needs escaped in text and double-quoted attributes: &, <, > and "."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def front_matter(title: str, description: str, **extra: object) -> str:
    """YAML front matter written as JSON strings (valid YAML), with title and description HTML-escaped."""
    values = {"title": escape_html(title), "description": escape_html(description), **extra}
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


class PageRenderer:
    """Renders every page of the site from one catalog."""

    def __init__(self, catalog: Catalog, site_url: str | None, base_map: BaseMap, qr_cache: Path | None = None,
                 workers: int = 1, draw_maps: bool = True, ways_in: WaysIn = WaysIn()) -> None:
        """`draw_maps=False` leaves the map drawings out (the tables stay): the benchmark measures their cost.
        `ways_in` holds the site's repository (https://github.com/<owner>/<name>: the practice pages link to its
        forms, a history to its pull requests) and the editors' address, for the ways in by e-mail."""
        self.catalog = catalog
        self.site_url = site_url
        self.form_links = FormLinks(catalog, ways_in.repository or None)
        self.share_url = site_url or urls.LOCAL_SITE_URL
        self.environment = _environment(compiled_templates())
        self.environment.globals.update(map_view=map_view(base_map, catalog), base_map=base_map,
                                        draw_maps=draw_maps, ways_in=ways_in,
                                        locator_points=partial(locator_points, base_map),
                                        adoption_points=partial(adoption_points, base_map),
                                        review_years=REVIEW_AFTER_YEARS, change_url=change_url,
                                        describe=lambda change, kind: sentence(describe(change, kind,
                                                                                        catalog.labels)),
                                        pull_request_url=partial(pull_request_url, ways_in.repository or None))
        self.reference = reference_date()
        self.related = related_practices(catalog.practices, also=catalog.withdrawn)
        self.collections_of = collections_by_practice(catalog)
        self.adoptions = adoptions_by_practice(catalog.practices)
        practice_addresses = (self.shared(urls.practice_url(practice.id)) for practice in catalog.all_practices)
        self.qr_codes = inline_qr_codes(practice_addresses, qr_cache, workers)
        self.workers = workers
        self._cards: dict[tuple[str, int, int], Markup] = {}

    def pages(self) -> list[Page]:
        """All pages, in a fixed order (the output must be identical for identical input)."""
        pages = [self.home(), self.practices_index(), self.organisations_index(), self.review_page(),
                 self.search_page(), self.compare_page(), self.map_page()]
        pages += self.practice_pages()
        for facet in FACETS:
            pages.append(self.facet_index(facet))
            pages += [self.facet_value(facet, term) for term in self.catalog.vocabularies[facet].terms]
        return pages

    def practice_pages(self) -> list[Page]:
        """Every practice's page, in catalog order; spread over forked worker processes when there are enough
        to be worth it (each page is independent: a third of the build at a thousand practices). A worker
        inherits this renderer and sends back only the finished pages."""
        practices = self.catalog.all_practices
        workers = min(self.workers, len(practices) // PAGES_PER_WORKER)
        if workers <= 1:
            return [self.practice_page(practice) for practice in practices]
        global _worker_job
        _worker_job = (self, practices)
        try:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                return list(pool.map(_practice_page_in_worker, range(len(practices)),
                                     chunksize=max(1, len(practices) // (workers * 4))))
        finally:
            _worker_job = None

    def shared(self, url: str) -> str:
        """The absolute address of a page, as a QR code or a printed handout carries it."""
        return urls.absolute(url, self.share_url)

    def render_html(self, url: str, template: str, **context: Any) -> str:
        """A template rendered for the page at `url`, with the same helpers every page gets."""
        return self.environment.get_template(template).render(**self._helpers(url), **context)

    def render_page(self, url: str, template: str, title: str, description: str, head: str = "",
                    hide: tuple[str, ...] = (), glossary_terms: Sequence[GlossaryTerm] = (), in_sitemap: bool = True,
                    lastmod: str | None = None, **context: Any) -> Page:
        """A themed page. Other section renderers (collection_pages.py) make their themed pages with it too.
        `hide` names the theme's side columns (`navigation`, `toc`) a page needs the room of; `glossary_terms` are
        the glossary terms it explains at their first use and lists at the end (`page_terms`, _begrippen.html.j2);
        `in_sitemap=False` leaves the page out of sitemap.xml (docs/overrides/sitemap.xml reads
        `praktijkbank_sitemap`); `lastmod` is the day its content last changed there (else it has none: a
        sitemap never shows the day of the build)."""
        body = self.render_html(url, template, page_terms=glossary_terms, **context)
        if glossary_terms:
            body = mark_first_uses(body, glossary_terms, self.catalog.glossary)
        extra: dict[str, object] = {"praktijkbank_head": head} if head else {}
        if hide:
            extra["hide"] = list(hide)
        if not in_sitemap:
            extra["praktijkbank_sitemap"] = False
        if lastmod:
            extra["praktijkbank_lastmod"] = lastmod
        return Page(urls.source_path(url), front_matter(title, description, **extra) + body)

    def _helpers(self, url: str) -> dict[str, Callable[..., Any]]:
        """The functions templates use, bound to the page at `url` (links are relative to it)."""
        return {
            "link": partial(urls.relative, url),
            "label": lambda facet, value: self.catalog.vocabularies[facet].label(value),
            "place": lambda practice: place_text(practice.place, self.catalog.vocabularies),
            "terms_with_counts": self.terms_with_counts,
            "municipalities_in": self.municipalities_in,
            "card": partial(self.card, url),
            "shared": self.shared,
            "practice_qr": lambda practice: self.qr_codes[self.shared(urls.practice_url(practice.id))],
            "about_practice": self.about_practice,
            "change_link": partial(self.form_links.change, url),
            "adopt_link": partial(self.form_links.adopt, url),
        }

    def about_practice(self, practice: Practice) -> str:
        """What a mail to the editors says first: which practice, at which address."""
        return practice_context(practice.id, self.shared(urls.practice_url(practice.id)))

    def card(self, url: str, practice: Practice, level: int) -> Markup:
        """A practice's card, rendered once per folder depth: its relative links depend on nothing else,
        and the same card appears on many pages (every overview it belongs to, every related practice)."""
        depth = url.count("/")
        key = (practice.id, level, depth)
        if key not in self._cards:
            html = self.environment.get_template("card.html.j2").render(**self._helpers(url), practice=practice,
                                                                        level=level)
            self._cards[key] = Markup(html)
        return self._cards[key]

    def terms_with_counts(self, facet: str) -> list[tuple[Any, int]]:
        """Each value of a vocabulary with the number of practices that carry it, in vocabulary order."""
        index = self.catalog.by_value.get(facet, {})
        return [(term, len(index.get(term.id, ()))) for term in self.catalog.vocabularies[facet].terms]

    def practice_page(self, practice: Practice) -> Page:
        url = urls.practice_url(practice.id)
        related = [self.catalog.practices[practice_id] for practice_id in self.related[practice.id]]
        if practice.withdrawn:
            return self.withdrawn_page(practice, related)
        head = self.environment.get_template("head.html.j2").render(
            title=practice.title, description=practice.summary,
            url=urls.absolute(url, self.site_url) if self.site_url else "",
            json_ld=Markup(practice_json_ld(practice, self.catalog, self.site_url)),
        )
        return self.render_page(url, "practice.md.j2", practice.title, practice.summary, head,
                                glossary_terms=practice_terms(practice, self.catalog.glossary), practice=practice,
                                related=related,
                                collections=self.collections_of.get(practice.id, []),
                                history=practice_history(self.catalog, practice),
                                freshness=freshness(practice, self.reference),
                                adoptions=self.adoptions.get(practice.id, []),
                                original=self._original(practice),
                                lastmod=self.lastmod[(PRACTICE, practice.id)])

    @cached_property
    def lastmod(self) -> dict[RecordKey, str]:
        """The day each practice and collection last changed (its history, its added and review dates): the
        sitemap's `lastmod` of its page, and of every overview by its newest member."""
        dates = {(PRACTICE, practice.id): last_modified(self.catalog, (PRACTICE, practice.id), practice.added,
                                                        practice.last_reviewed) for practice in self.catalog.all_practices}
        dates.update({(COLLECTION, collection.id): last_modified(self.catalog, (COLLECTION, collection.id),
                                                                 collection.added)
                      for collection in self.catalog.collections.values()})
        return dates

    def newest(self, practices: Iterable[Practice] | None = None) -> str | None:
        """The `lastmod` of an overview: the day its newest member (default: any listed practice) changed."""
        chosen = self.catalog.practices.values() if practices is None else practices
        return max((self.lastmod[(PRACTICE, practice.id)] for practice in chosen), default=None)

    def _original(self, practice: Practice) -> Practice | None:
        """The practice this one is based on, also when it has since been withdrawn: its address still
        answers, with why it left."""
        key = practice.based_on or ""
        return self.catalog.practices.get(key) or self.catalog.withdrawn.get(key)

    def withdrawn_page(self, practice: Practice, related: list[Practice]) -> Page:
        """What stays at a withdrawn practice's address: the title, when and why it was withdrawn, related
        practices and its history. Search engines are asked to drop it; the sitemap leaves it out."""
        assert practice.withdrawn
        return self.render_page(urls.practice_url(practice.id), "withdrawn.md.j2", practice.title,
                                f"Teruggetrokken: {practice.withdrawn.reason}",
                                '<meta name="robots" content="noindex">', in_sitemap=False, practice=practice,
                                related=related, history=practice_history(self.catalog, practice))

    def feed_links(self, url: str, feeds: list[tuple[str, str]]) -> str:
        """The head's `<link rel="alternate feed">` to each (title, feed path), relative to the page at `url`."""
        return self.render_html(url, "feed_links.html.j2", feeds=feeds)

    def facet_index(self, facet: str) -> Page:
        vocabulary = self.catalog.vocabularies[facet]
        return self.render_page(urls.facet_url(facet), "facet_index.md.j2", vocabulary.title,
                                vocabulary.description, lastmod=self.newest(), facet=facet, vocabulary=vocabulary,
                                terms=self.terms_with_counts(facet))

    def municipalities_in(self, province: str) -> list[tuple[str, int]]:
        """The municipalities of a province that have practices, with their number, by name."""
        index = self.catalog.by_value.get(MUNICIPALITY_FACET, {})
        return [(name, len(index[name])) for name in self.catalog.municipalities.names()
                if name in index and self.catalog.municipalities.current[name].province == province]

    def facet_value(self, facet: str, term: Term) -> Page:
        vocabulary = self.catalog.vocabularies[facet]
        practices = self.catalog.practices_with(facet, term.id)
        url = urls.facet_url(facet, term.id)
        title = f"{FACETS[facet].title}: {term.label}"
        feed = urls.facet_feed_url(facet, term.id) if facet in urls.FEED_FACETS else None
        head = self.feed_links(url, [(f"{title} – nieuwe praktijken", feed)]) if feed else ""
        return self.render_page(url, "facet_value.md.j2", title, term.description, head,
                                lastmod=self.newest(practices), facet=facet,
                                vocabulary=vocabulary, term=term, practices=practices,
                                search_within=FACETS[facet].search_within, all_values=FACETS[facet].all_values,
                                feed=feed)

    def search_page(self) -> Page:
        """The search page: the form and its filters are written here, in vocabulary order with Dutch labels;
        zoeken.js runs the search on the index in zoekindex/ and fills in results and counts."""
        facets = [(facet.parameter, facet.title, self.catalog.vocabularies[facet.name]) for facet in FACETS.values()]
        return self.render_page(urls.SEARCH, "search.md.j2", "Zoeken",
                                "Zoek in de praktijken op woorden, en filter op thema, partner, provincie, doelgroep, "
                                "status en gemeente.", hide=WIDE, lastmod=self.newest(), facets=facets,
                                municipalities=[(name, self.catalog.municipalities.keys_meaning(name))
                                                for name in sorted(self.catalog.by_value.get(MUNICIPALITY_FACET, {}),
                                                                   key=title_key)])

    def compare_page(self) -> Page:
        """The comparison: an empty frame that vergelijk.js fills from the open data (api/praktijken/), for
        the practices named in its URL; without JavaScript it says so and leads to the overviews."""
        return self.render_page(urls.COMPARE, "compare.md.j2", "Praktijken vergelijken",
                                "Twee tot vier praktijken naast elkaar: wie meedoen, voor wie, wat het kost en wat "
                                "het opleverde.", hide=WIDE, facets=[(facet, self.catalog.vocabularies[facet])
                                                                    for facet in FACETS])

    def map_page(self) -> Page:
        """The map of the Netherlands with the same counts in tables, so nobody needs the picture."""
        return self.render_page(urls.MAP, "map.md.j2", "Kaart",
                                "De praktijken op de kaart van Nederland: per provincie en per gemeente.",
                                lastmod=self.newest())

    def practices_index(self) -> Page:
        groups: dict[str, list[Practice]] = defaultdict(list)
        for practice in sorted(self.catalog.practices.values(), key=by_title):
            first = title_key(practice.title)[:1].upper()
            groups[first if first.isalpha() else "#"].append(practice)
        return self.render_page(urls.PRACTICES + "/", "practices_index.md.j2", "Alle praktijken",
                                "Alle praktijken in de praktijkbank, van A tot Z.", lastmod=self.newest(),
                                groups=sorted(groups.items()), total=len(self.catalog.practices))

    def review_page(self) -> Page:
        """Practices nobody has looked at for two years, oldest first: the editors' to-do list."""
        reference = self.reference
        due = sorted((practice for practice in self.catalog.practices.values()
                      if is_due_for_review(practice.last_reviewed or practice.added, reference)),
                     key=lambda practice: (practice.last_reviewed or practice.added, practice.id))
        return self.render_page(urls.REVIEW, "review.md.j2", "Te herzien",
                                "Praktijken die al meer dan twee jaar niemand heeft nagekeken.", lastmod=self.newest(due),
                                practices=due, reference=reference.isoformat(), years=REVIEW_AFTER_YEARS,
                                warnings=self._warnings(abbreviations.RULE),
                                withdrawn_relations=self._warnings(RELATED_WITHDRAWN),
                                untraceable=self.untraceable_sources())

    def _warnings(self, rule: str) -> list[Problem]:
        return [warning for warning in self.catalog.warnings if warning.rule == rule]

    def untraceable_sources(self) -> list[tuple[Practice, list[Source]]]:
        """Per practice, by title, its sources with neither an address nor a publisher: nobody can look them up."""
        found = ((practice, [source for source in practice.sources if source.origin_unknown])
                 for practice in sorted(self.catalog.practices.values(), key=by_title))
        return [(practice, sources) for practice, sources in found if sources]

    def organisations_index(self) -> Page:
        return self.render_page("organisaties/", "organisations.md.j2", "Organisaties",
                                "Alle organisaties die meewerken aan een praktijk, met hun praktijken.",
                                lastmod=self.newest(),
                                organisations=self.organisations)

    @cached_property
    def organisations(self) -> list[OrganisationEntry]:
        """Organisations merged by name (ignoring case and accents), sorted by name."""
        names: dict[str, str] = {}
        types: dict[str, dict[str, None]] = defaultdict(dict)
        practices: dict[str, dict[str, Practice]] = defaultdict(dict)
        for practice in sorted(self.catalog.practices.values(), key=by_title):
            for organisation in practice.organisations:
                key = normalise(organisation.name)
                names.setdefault(key, organisation.name)
                types[key][organisation.type] = None
                practices[key][practice.id] = practice
        return [OrganisationEntry(names[key], tuple(types[key]), tuple(practices[key].values()))
                for key in sorted(names, key=lambda key: title_key(names[key]))]

    def home(self) -> Page:
        newest = newest_first(self.catalog.practices.values())[:NEWEST_ON_HOME]
        counts = {
            "practices": len(self.catalog.practices),
            "organisations": len(self.organisations),
            "provinces": len(self.catalog.by_value.get("provinces", {})),
        }
        head = self.feed_links("", [("Nieuwe praktijken", urls.FEED),
                                    ("Wijzigingen in de praktijkbank", urls.CHANGES_FEED)])
        return self.render_page("", "home.md.j2", "Praktijkbank Sociaal Domein",
                                "Goede voorbeelden van bibliotheken en hun partners in het sociaal domein.", head,
                                lastmod=max(self.lastmod.values(), default=None),
                                newest=newest, counts=counts)


_worker_job: tuple[PageRenderer, list[Practice]] | None = None
"""The renderer and the practices a forked worker inherited from PageRenderer.practice_pages."""


def _practice_page_in_worker(number: int) -> Page:
    assert _worker_job is not None
    renderer, practices = _worker_job
    return renderer.practice_page(practices[number])

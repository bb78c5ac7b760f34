"""Every Atom feed of the site, read by a feed reader's parser (feedparser): the newest practices, one per
theme and per province, and the changes; each linked from its page."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from praktijkbank.common.urls import CHANGES, CHANGES_FEED, FEED, FEED_FACETS, facet_feed_url, facet_url
from real_data import CATALOG



def atom_links(html: str) -> dict[str, str]:
    """The feeds a page announces for autodiscovery: `<link rel="alternate …" type="application/atom+xml">`,
    by address, with their titles (rel is a set of words, as a feed reader reads it)."""
    head = BeautifulSoup(html, "html5lib").head
    return {link["href"]: link.get("title", "") for link in head.find_all("link", type="application/atom+xml")
            if "alternate" in link.get("rel", [])}


def _feeds(site: Path) -> list[Path]:
    return sorted(site.rglob("*.xml"), key=str)


@pytest.fixture(scope="module", params=["repository's own site", "site with a git history"])
def site(request: pytest.FixtureRequest) -> Path:
    """Both builds: without a history of their own the practices' feeds fall back to the data's dates."""
    if request.param == "repository's own site":
        return request.getfixturevalue("built_site")
    return request.getfixturevalue("history_site")[1]


def test_every_value_of_a_theme_and_a_province_has_a_feed(site: Path) -> None:
    expected = {FEED, CHANGES_FEED} | {facet_feed_url(facet, term.id) for facet in FEED_FACETS
                                       for term in CATALOG.vocabularies[facet].terms}
    found = {path.relative_to(site).as_posix() for path in _feeds(site)} - {"sitemap.xml"}

    assert expected <= found


def test_every_feed_is_valid_atom_as_a_feed_reader_reads_it(site: Path) -> None:
    feeds = [path for path in _feeds(site) if path.name == "feed.xml"]
    assert len(feeds) > 2

    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        where = path.relative_to(site).as_posix()
        assert not parsed.bozo, f"{where}: {parsed.get('bozo_exception')}"
        assert parsed.version == "atom10", where
        assert parsed.feed.title and parsed.feed.id and parsed.feed.updated, where
        assert any(link.rel == "self" for link in parsed.feed.links), where
        for entry in parsed.entries:
            assert entry.id and entry.title and entry.link and entry.updated and entry.summary, where
        updated = [entry.updated for entry in parsed.entries]
        assert not updated or parsed.feed.updated == max(updated), f"{where}: dated by its newest entry"


def test_a_theme_feed_holds_that_themes_practices_newest_first(site: Path) -> None:
    theme = max(CATALOG.by_value["themes"], key=lambda value: len(CATALOG.by_value["themes"][value]))
    parsed = feedparser.parse((site / facet_feed_url("themes", theme)).read_bytes())
    shown = [entry.link.rstrip("/").rsplit("/", 1)[-1] for entry in parsed.entries]
    overview = (site / facet_url("themes", theme) / "index.html").read_text(encoding="utf-8")
    listed = set(re.findall(r'class="pb-card__title"><a href="\.\./\.\./praktijken/([^/]+)/"', overview))

    assert shown and set(shown) == listed, "the feed holds what the theme's page lists"
    assert [entry.published for entry in parsed.entries] == sorted(
        (entry.published for entry in parsed.entries), reverse=True)


def test_every_overview_of_a_theme_or_province_and_the_changes_page_link_their_feed(site: Path) -> None:
    pages = {facet_url(facet, term.id): "feed.xml" for facet in FEED_FACETS
             for term in CATALOG.vocabularies[facet].terms}
    pages[CHANGES] = "feed.xml"
    pages[""] = CHANGES_FEED

    for url, feed in pages.items():
        links = atom_links((site / url / "index.html").read_text(encoding="utf-8"))
        assert links.get(feed), f"{url} does not announce {feed} with a title"


def test_a_value_without_practices_has_an_empty_but_valid_feed(site: Path) -> None:
    empty = [(facet, term.id) for facet in FEED_FACETS for term in CATALOG.vocabularies[facet].terms
             if not CATALOG.by_value.get(facet, {}).get(term.id)]
    assert empty, "the data leaves some province or theme without practices"
    facet, value = empty[0]

    parsed = feedparser.parse((site / facet_feed_url(facet, value)).read_bytes())

    assert not parsed.bozo and parsed.entries == [] and parsed.feed.updated == "1970-01-01T00:00:00Z"

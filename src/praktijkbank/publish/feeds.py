"""The Atom feeds (RFC 4287): the newest practices of the whole bank, of each theme and of each province,
and the changes in the whole bank (`wijzigingen/feed.xml`).

What a feed holds follows jekyll-feed: a title, a stable id, `updated`, a link to itself and to its page, and
per entry an id, title, link, `published`, `updated`, a summary, categories and an author. Every date comes
from the data or from git, never from the clock, so a rebuild of the same commit gives the same bytes and a
feed reader sees no change. Ids are derived from names (UUID 5), so they survive a move of the site.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

from praktijkbank.common.facets import FACETS
from praktijkbank.common.urls import (
    CHANGES,
    CHANGES_FEED,
    FEED,
    FEED_FACETS,
    absolute,
    collection_url,
    facet_feed_url,
    facet_url,
    practice_url,
)
from praktijkbank.load.repository import PRACTICE
from praktijkbank.model.catalog import Catalog, Practice, newest_first
from praktijkbank.model.history import Change
from praktijkbank.render.change_text import describe, kind_word, sentence
from praktijkbank.render.life import change_url
from praktijkbank.render.outputs import OutputFile

ATOM = "http://www.w3.org/2005/Atom"
SITE_NAME = "Praktijkbank Sociaal Domein"
FEED_TITLE = f"{SITE_NAME} — nieuwe praktijken"
CHANGES_TITLE = f"{SITE_NAME} — wijzigingen"
FEED_SIZE = 50
# An empty feed has no newest entry; a fixed instant keeps that build reproducible too.
EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"


@dataclass(frozen=True)
class Entry:
    """One entry, as a reader's feed program shows it."""

    id: str
    title: str
    link: str
    updated: str
    summary: str
    published: str | None = None
    author: str | None = None
    categories: tuple[tuple[str, str], ...] = ()


def feed_files(catalog: Catalog, site_url: str | None, rights: str) -> list[OutputFile]:
    """Every feed of the site: the newest practices, per theme and province, and the changes."""
    feeds = [OutputFile(FEED, atom_feed(FEED_TITLE, "praktijkbank:feed", FEED, "",
                                        practice_entries(catalog, catalog.practices.values(), site_url),
                                        site_url, rights))]
    for facet in FEED_FACETS:
        for term in catalog.vocabularies[facet].terms:
            path = facet_feed_url(facet, term.id)
            entries = practice_entries(catalog, catalog.practices_with(facet, term.id), site_url)
            feeds.append(OutputFile(path, atom_feed(f"{SITE_NAME} — {FACETS[facet].title}: {term.label}",
                                                    f"praktijkbank:feed:{path}", path, facet_url(facet, term.id),
                                                    entries, site_url, rights)))
    feeds.append(OutputFile(CHANGES_FEED, atom_feed(CHANGES_TITLE, "praktijkbank:feed:wijzigingen", CHANGES_FEED,
                                                    CHANGES, change_entries(catalog, site_url), site_url, rights)))
    return feeds


def practice_entries(catalog: Catalog, practices: Iterable[Practice], site_url: str | None) -> list[Entry]:
    """The newest practices first (by the day they were added), each dated by its last change."""
    return [practice_entry(catalog, practice, site_url) for practice in newest_first(practices)[:FEED_SIZE]]


def practice_entry(catalog: Catalog, practice: Practice, site_url: str | None) -> Entry:
    """A practice as an entry; its id is derived from the practice id, so it stays the same for ever."""
    last = catalog.histories.last_change((PRACTICE, practice.id))
    themes = catalog.vocabularies["themes"]
    return Entry(id=urn(f"praktijkbank:praktijk:{practice.id}"), title=practice.title,
                 link=absolute(practice_url(practice.id), site_url),
                 updated=max(last.moment, day_start(practice.added)) if last else day_start(practice.added),
                 summary=practice.summary, published=day_start(practice.added),
                 author=practice.organisations[0].name,
                 categories=tuple((theme, themes.label(theme)) for theme in practice.themes))


def change_entries(catalog: Catalog, site_url: str | None) -> list[Entry]:
    """The newest changes of practices and collections, each an entry of its own: what changed in the data,
    in the words of the pages, linked to the change itself (its section on the record's change page)."""
    return [change_entry(catalog, change, site_url) for change in catalog.histories.newest(FEED_SIZE)]


def change_entry(catalog: Catalog, change: Change, site_url: str | None) -> Entry:
    kind, record_id = change.record
    title, url = (catalog.practice(record_id).title, practice_url(record_id)) if kind == PRACTICE \
        else (catalog.collections[record_id].title, collection_url(record_id))
    link = change_url(change) if change.sha else url
    return Entry(id=urn(f"praktijkbank:wijziging:{kind}:{record_id}:{change.sha or change.kind}:{change.timestamp}"),
                 title=f"{kind_word(change)}: {title}", link=absolute(link, site_url),
                 updated=change.moment, summary=sentence(describe(change, kind, catalog.labels)))


def atom_feed(title: str, name: str, path: str, page: str, entries: list[Entry], site_url: str | None,
              rights: str) -> bytes:
    """An Atom 1.0 feed; its `updated` is the newest entry's, never the build time."""
    feed = ET.Element("feed", xmlns=ATOM)
    _add(feed, "title", title)
    _add(feed, "id", urn(name))
    _add(feed, "updated", max((entry.updated for entry in entries), default=EMPTY_FEED_UPDATED))
    _add(feed, "link", rel="self", type="application/atom+xml", href=absolute(path, site_url))
    _add(feed, "link", rel="alternate", type="text/html", href=absolute(page, site_url))
    _add(_add(feed, "author"), "name", SITE_NAME)
    _add(feed, "rights", rights)
    for entry in entries:
        _add_entry(feed, entry)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _add_entry(feed: ET.Element, entry: Entry) -> None:
    element = _add(feed, "entry")
    _add(element, "id", entry.id)
    _add(element, "title", entry.title)
    _add(element, "updated", entry.updated)
    if entry.published:
        _add(element, "published", entry.published)
    _add(element, "link", rel="alternate", type="text/html", href=entry.link)
    _add(element, "summary", entry.summary)
    for term, label in entry.categories:
        _add(element, "category", term=term, label=label)
    if entry.author:
        _add(_add(element, "author"), "name", entry.author)


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    """A child element (in the Atom namespace, which the feed element declares as the default); ElementTree
    escapes the text. Characters XML cannot hold never get here: the loader refuses them."""
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def urn(name: str) -> str:
    """A stable, globally unique Atom id that does not change when the site moves to another address."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def day_start(date: str) -> str:
    """An RFC 3339 timestamp for a `jjjj-mm-dd` date, as Atom requires."""
    return f"{date}T00:00:00Z"

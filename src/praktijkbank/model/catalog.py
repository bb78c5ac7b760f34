"""The catalog: validated data as frozen dataclasses, with the indexes the site needs.

Built only from a clean ValidationReport, so every field here has the shape the schema promises and the
renderer never has to check again.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import Any

from praktijkbank.common.facets import INDEXED, MUNICIPALITIES
from praktijkbank.common.field_labels import FieldLabels
from praktijkbank.common.licenses import DEFAULT_LICENSE
from praktijkbank.common.glossary import Glossary
from praktijkbank.common.municipalities import Municipalities
from praktijkbank.common.problems import Problem
from praktijkbank.common.sources import origin_unknown
from praktijkbank.common.vocabularies import Vocabularies
from praktijkbank.load.history import History
from praktijkbank.load.repository import COLLECTION, PRACTICE
from praktijkbank.model.history import Histories, RecordDates, build_histories
from praktijkbank.validate.checker import ValidationReport
from praktijkbank.validate.rules import Record


@dataclass(frozen=True)
class Organisation:
    name: str
    type: str
    role: str | None = None  # left out when the source does not say who started or leads
    website: str | None = None


@dataclass(frozen=True)
class Place:
    """Where a practice runs. `provinces` are the ones given, or else those of the municipalities (derived);
    `municipality_codes` are the CBS codes (`GM0148`) of the municipalities, in the same order."""

    provinces: tuple[str, ...]
    municipalities: tuple[str, ...] = ()
    localities: tuple[str, ...] = ()
    region: str | None = None
    municipality_codes: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a reader may look the practice up by: its municipalities, localities and region, each once
        (the search's municipality filter finds a practice in Weesp and in Zuid-Kennemerland too)."""
        return tuple(dict.fromkeys((*self.municipalities, *self.localities, *((self.region,) if self.region else ()))))


@dataclass(frozen=True)
class Period:
    start: int
    end: int | None = None


@dataclass(frozen=True)
class Result:
    text: str
    evidence: str | None = None


@dataclass(frozen=True)
class Contact:
    organisation: str
    website: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Source:
    """A source as its data gives it: `date_note` says how an unstated date was worked out ("uit 2014 of eerder")."""

    title: str
    publisher: str | None = None
    date: str | None = None
    date_note: str | None = None
    url: str | None = None

    @property
    def origin_unknown(self) -> bool:
        return origin_unknown(self.url, self.publisher)


@dataclass(frozen=True)
class Media:
    file: str
    alt: str
    credit: str


NOT_READ = "De geschiedenis is niet gelezen."


@dataclass(frozen=True)
class Withdrawal:
    date: str
    reason: str


@dataclass(frozen=True)
class Practice:
    """One good practice; `id` is its file name and the last part of its URL."""

    id: str
    title: str
    summary: str
    description: str
    place: Place
    organisations: tuple[Organisation, ...]
    themes: tuple[str, ...]
    target_groups: tuple[str, ...]
    status: str
    sources: tuple[Source, ...]
    added: str
    activities: tuple[str, ...] = ()
    period: Period | None = None
    results: tuple[Result, ...] = ()
    lessons: tuple[str, ...] = ()
    costs: str | None = None
    funding: str | None = None
    contact: Contact | None = None
    media: tuple[Media, ...] = ()
    related: tuple[str, ...] = ()
    last_reviewed: str | None = None
    license: str = DEFAULT_LICENSE
    aliases: tuple[str, ...] = ()
    withdrawn: Withdrawal | None = None
    based_on: str | None = None  # the current id of the practice this one follows, old ids already resolved

    @cached_property
    def organisation_types(self) -> tuple[str, ...]:
        """Each organisation type once, in the order the organisations are listed (lead first)."""
        return tuple(dict.fromkeys(organisation.type for organisation in self.organisations))


@dataclass(frozen=True)
class CollectionItem:
    practice: str
    note: str | None = None


@dataclass(frozen=True)
class Curator:
    name: str
    website: str | None = None


@dataclass(frozen=True)
class Event:
    name: str
    date: str
    place: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class Collection:
    """A curated, ordered list of practices, e.g. for a conference."""

    id: str
    title: str
    description: str
    curator: Curator
    items: tuple[CollectionItem, ...]
    added: str
    event: Event | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalog:
    """Everything the site shows, sorted by id, with indexes from vocabulary values to practices.

    `practices` are the ones the site lists; a withdrawn practice is in `withdrawn` only, so it leaves every
    overview, count, feed and index without each of them checking. Its page, its open data and the
    collections that hold it look it up with `practice`."""

    practices: dict[str, Practice]
    collections: dict[str, Collection]
    vocabularies: Vocabularies
    by_value: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    municipalities: Municipalities = Municipalities()
    glossary: Glossary = Glossary()
    warnings: tuple[Problem, ...] = ()
    """What validation would have the contributors improve (unexplained abbreviations), for the review page."""
    withdrawn: dict[str, Practice] = field(default_factory=dict)
    histories: Histories = Histories(omitted=NOT_READ)
    labels: FieldLabels = FieldLabels()
    """The schemas' Dutch names of the fields, for what a change says."""

    def practice(self, practice_id: str) -> Practice:
        """A practice by its current id, listed or withdrawn."""
        return self.practices.get(practice_id) or self.withdrawn[practice_id]

    @property
    def all_practices(self) -> list[Practice]:
        """Listed and withdrawn practices together, by id: what the open data publishes."""
        return sorted([*self.practices.values(), *self.withdrawn.values()], key=lambda practice: practice.id)

    def practices_with(self, facet: str, value: str) -> list[Practice]:
        """The practices carrying `value` in `facet` (themes, target_groups, provinces, …), by title."""
        ids = self.by_value.get(facet, {}).get(value, ())
        return sorted((self.practices[practice_id] for practice_id in ids), key=by_title)


@lru_cache(maxsize=None)
def title_key(title: str) -> str:
    """Sort titles as a reader expects: case and accents do not count ('Één' sorts with 'Een')."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return "".join(char for char in decomposed if char.isalnum() or char == " ").strip()


def by_title(practice: Practice) -> tuple[str, str]:
    return title_key(practice.title), practice.id


def newest_first(practices: Iterable[Practice]) -> list[Practice]:
    """By `added` date, newest first; practices added on the same day by id, so the order never depends on
    the order of the input."""
    by_id = sorted(practices, key=lambda practice: practice.id)
    return sorted(by_id, key=lambda practice: practice.added, reverse=True)


def newest_collections_first(collections: Iterable[Collection]) -> list[Collection]:
    """Newest first by the date that matters to a reader: the event's date, or the day the collection was
    added when it has no event; the same date by id, so the order never depends on the input order."""
    by_id = sorted(collections, key=lambda collection: collection.id)
    return sorted(by_id, key=lambda collection: collection.event.date if collection.event else collection.added,
                  reverse=True)


def collections_by_practice(catalog: Catalog) -> dict[str, list[Collection]]:
    """For each practice, the collections it appears in, in the order of the collections index."""
    found: dict[str, list[Collection]] = defaultdict(list)
    for collection in newest_collections_first(catalog.collections.values()):
        for practice_id in dict.fromkeys(item.practice for item in collection.items):
            found[practice_id].append(collection)
    return dict(found)


def _tuple(values: list[Any] | None, make: Any = None) -> tuple:
    return tuple(make(**value) if make else value for value in values or ())


def place_from_data(place: dict[str, Any], municipalities: Municipalities) -> Place:
    """A valid place, its provinces derived from its municipalities where none are given."""
    known = [municipalities.current[name] for name in place.get("municipalities", ())]
    provinces = place.get("provinces") or dict.fromkeys(municipality.province for municipality in known)
    return Place(provinces=tuple(provinces), municipalities=_tuple(place.get("municipalities")),
                 localities=_tuple(place.get("localities")), region=place.get("region"),
                 municipality_codes=tuple(municipality.code for municipality in known))


def practice_from_data(practice_id: str, data: dict[str, Any], municipalities: Municipalities) -> Practice:
    """Build a Practice from valid data (schema and rules, so every municipality is a current one)."""
    return Practice(
        id=practice_id,
        title=data["title"],
        summary=data["summary"],
        description=data["description"],
        place=place_from_data(data["place"], municipalities),
        organisations=_tuple(data["organisations"], Organisation),
        themes=tuple(data["themes"]),
        target_groups=tuple(data["target_groups"]),
        status=data["status"],
        sources=_tuple(data["sources"], Source),
        added=data["added"],
        activities=_tuple(data.get("activities")),
        period=Period(**data["period"]) if "period" in data else None,
        results=_tuple(data.get("results"), Result),
        lessons=_tuple(data.get("lessons")),
        costs=data.get("costs"),
        funding=data.get("funding"),
        contact=Contact(**data["contact"]) if "contact" in data else None,
        media=_tuple(data.get("media"), Media),
        related=_tuple(data.get("related")),
        last_reviewed=data.get("last_reviewed"),
        license=data.get("license", DEFAULT_LICENSE),
        aliases=_tuple(data.get("aliases")),
        withdrawn=Withdrawal(**data["withdrawn"]) if "withdrawn" in data else None,
        based_on=data.get("based_on"),
    )


def with_resolved_based_on(practices: dict[str, Practice]) -> dict[str, Practice]:
    """The practices with `based_on` turned into the current id where it names an old id (`aliases`), so
    every page and index follows a renamed original without checking again."""
    current = {alias: practice.id for practice in practices.values() for alias in practice.aliases}
    return {practice_id: replace(practice, based_on=current[practice.based_on]) if practice.based_on in current
            else practice for practice_id, practice in practices.items()}


def adoptions_by_practice(practices: dict[str, Practice]) -> dict[str, list[Practice]]:
    """For each practice, the practices based on it, by title: derived from `based_on`, never typed twice."""
    found: dict[str, list[Practice]] = defaultdict(list)
    for practice in sorted(practices.values(), key=by_title):
        if practice.based_on:
            found[practice.based_on].append(practice)
    return dict(found)


def collection_from_data(collection_id: str, data: dict[str, Any]) -> Collection:
    """Build a Collection from schema-valid data."""
    return Collection(
        id=collection_id,
        title=data["title"],
        description=data["description"],
        curator=Curator(**data["curator"]),
        items=_tuple(data["items"], CollectionItem),
        added=data["added"],
        event=Event(**data["event"]) if "event" in data else None,
        aliases=_tuple(data.get("aliases")),
    )


def facet_values(practice: Practice, facet: str) -> tuple[str, ...]:
    """A practice's values of one facet, read along the facet's declared attribute; a single value (the
    status) as a tuple of one, so every facet reads alike."""
    values = attrgetter(INDEXED[facet].attribute)(practice)
    return values if isinstance(values, tuple) else (values,)


# Municipalities are a facet too (search filter, map), but not a vocabulary: they have no overview pages.
MUNICIPALITY_FACET = MUNICIPALITIES.name


def build_catalog(report: ValidationReport, history: History | None = None, labels: FieldLabels | None = None,
                  latest: int | None = None) -> Catalog:
    """The catalog of a clean report, with each record's changes from `history` (read from git), compared
    field by field in the order of `labels` (the schemas), none dated after `latest`; refuses a report with
    problems, which must be shown instead."""
    if not report.ok:
        raise ValueError("a catalog is built only from input without problems")
    records = sorted(report.records, key=lambda record: record.id)
    everything = with_resolved_based_on(
        {r.id: practice_from_data(r.id, r.data, report.municipalities) for r in records if r.kind == PRACTICE})
    practices = {key: practice for key, practice in everything.items() if not practice.withdrawn}
    withdrawn = {key: practice for key, practice in everything.items() if practice.withdrawn}
    collections = {r.id: collection_from_data(r.id, r.data) for r in records if r.kind == COLLECTION}
    by_value: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for practice in practices.values():
        for facet in INDEXED:
            for value in facet_values(practice, facet):
                by_value[facet][value].append(practice.id)
    frozen = {facet: {value: tuple(ids) for value, ids in values.items()} for facet, values in by_value.items()}
    labels = labels or FieldLabels()
    histories = build_histories(history or History(omitted=NOT_READ), {r.file: (r.kind, r.id) for r in records},
                                _record_dates(everything.values(), collections.values()), labels.order, latest,
                                _loaded(records) if history and history.available else {})
    return Catalog(practices, collections, report.vocabularies, frozen, report.municipalities,
                   glossary=report.glossary, warnings=tuple(report.warnings), withdrawn=withdrawn, histories=histories,
                   labels=labels)


def _loaded(records: Iterable[Record]) -> dict[bytes, dict[str, Any]]:
    """The data of each file as validation loaded it, by the file's bytes: git's newest version of a file is
    mostly the same bytes, and loading YAML costs more than reading a file again."""
    found = {}
    for record in records:
        try:
            found[record.path.read_bytes()] = record.data
        except OSError:
            continue  # gone since validation: git's version is loaded instead
    return found


def _record_dates(practices: Iterable[Practice], collections: Iterable[Collection]) -> dict[tuple[str, str], RecordDates]:
    """What the data says of each record's life, for its history."""
    dates = {(PRACTICE, p.id): RecordDates(p.added, p.withdrawn.date if p.withdrawn else None, p.aliases,
                                           p.withdrawn.reason if p.withdrawn else None) for p in practices}
    dates.update({(COLLECTION, c.id): RecordDates(c.added, None, c.aliases) for c in collections})
    return dates

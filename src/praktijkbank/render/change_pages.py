"""The change pages: for every practice and collection one page with all its changes, newest first, each in
a section of its own (`#wijziging-<commit>`) that shows, field by field, the old and the new value, long texts
as a word diff and lists as the items added and removed (MediaWiki's diff view, one record at a time).

One page per record, whatever git holds: its address never depends on the history, so a build without git
keeps every published address. The page asks search engines to leave it out; the record's page is the one
to find.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from praktijkbank.common import urls
from praktijkbank.common.clock import is_calendar_date
from praktijkbank.common.field_labels import FieldLabels, FieldPath
from praktijkbank.load.repository import COLLECTION, PRACTICE
from praktijkbank.model.field_diff import FieldChange
from praktijkbank.model.history import Change, RecordKey
from praktijkbank.render.change_text import describe, visible
from praktijkbank.render.outputs import Page
from praktijkbank.render.pages import PageRenderer
from praktijkbank.render.text import dutch_date
from praktijkbank.render.word_diff import word_diff

LONG_TEXT = 80
"""From this many characters (or a line break) a changed text shows as a word diff, not as two values."""
PRACTICE_REFERENCES = frozenset({(PRACTICE, ("related",)), (PRACTICE, ("based_on",)),
                                 (COLLECTION, ("items", "practice"))})
"""The fields that name another practice by its id: a reader sees the practice's title, not its file name."""


@dataclass(frozen=True)
class ValueChange:
    """An old and a new value as a reader sees them: both as text (None when absent), or, for a long text,
    the new text with its changed words marked."""

    old: str | None = None
    new: str | None = None
    words: Markup | None = None


@dataclass(frozen=True)
class FieldView:
    """One changed field: its Dutch name and how it changed (a value, parts of an object, or list items)."""

    label: str
    value: ValueChange | None = None
    parts: tuple[tuple[str, ValueChange], ...] = ()
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[ValueChange, ...] = ()
    reordered: bool = False


class FieldViews:
    """Turns the fields of a change into what the change page shows, with the schemas' names, the
    vocabularies' labels and the titles of the practices a field names."""

    def __init__(self, labels: FieldLabels, vocabulary_label: Callable[[str, str], str],
                 practice_title: Callable[[str], str]) -> None:
        self.labels = labels
        self.vocabulary_label = vocabulary_label
        self.practice_title = practice_title

    def views(self, kind: str, change: Change) -> list[FieldView]:
        return [self.view(kind, field) for field in change.fields]

    def view(self, kind: str, field: FieldChange) -> FieldView:
        path = (field.key,)
        label = self.labels.title(kind, path)
        if field.is_list:
            return FieldView(label, added=tuple(self.text(kind, path, item) for item in field.added),
                             removed=tuple(self.text(kind, path, item) for item in field.removed),
                             changed=tuple(self.value(kind, path, old, new) for old, new in field.changed),
                             reordered=field.reordered)
        if isinstance(field.old, dict) and isinstance(field.new, dict):
            keys = [*field.old, *(key for key in field.new if key not in field.old)]
            return FieldView(label, parts=tuple(
                (self.labels.title(kind, (field.key, key)), self.value(kind, (field.key, key), field.old.get(key),
                                                                       field.new.get(key)))
                for key in keys if field.old.get(key) != field.new.get(key)))
        return FieldView(label, value=self.value(kind, path, field.old, field.new))

    def value(self, kind: str, path: FieldPath, old: Any, new: Any) -> ValueChange:
        if isinstance(old, str) and isinstance(new, str) and (max(len(old), len(new)) >= LONG_TEXT
                                                              or "\n" in old + new):
            return ValueChange(words=word_diff(visible(old), visible(new)))
        return ValueChange(self.text(kind, path, old), self.text(kind, path, new))

    def text(self, kind: str, path: FieldPath, value: Any) -> str | None:
        """Any value of any version as plain text: a vocabulary id as its label, an object as its parts."""
        if value is None:
            return None
        if isinstance(value, dict):
            return "; ".join(f"{self.labels.title(kind, path[:1] + (str(key),))}: "
                             f"{self.text(kind, path[:1] + (str(key),), item) or '–'}" for key, item in value.items())
        if isinstance(value, list):
            return "; ".join(self.text(kind, path, item) or "–" for item in value)
        if (kind, path) in PRACTICE_REFERENCES and isinstance(value, str):
            return self.practice_title(value)
        vocabulary = self.labels.vocabulary(kind, path)
        if vocabulary and isinstance(value, str):
            return self.vocabulary_label(vocabulary, value)
        if self.labels.is_date(kind, path) and is_calendar_date(value):
            return dutch_date(value)
        return visible(str(value))


class ChangePagesRenderer:
    """Renders the change page of every practice (listed and withdrawn) and collection."""

    def __init__(self, renderer: PageRenderer) -> None:
        self.renderer = renderer
        self.catalog = renderer.catalog
        self.fields = FieldViews(self.catalog.labels, self._vocabulary_label, self._practice_title)
        practices = self.catalog.all_practices
        self.titles = {alias: f"{practice.title} (oud adres)" for practice in practices for alias in practice.aliases}
        self.titles |= {practice.id: practice.title for practice in practices}

    def pages(self) -> list[Page]:
        pages = [self.page((PRACTICE, practice.id), practice.title, urls.practice_url(practice.id),
                           urls.practice_changes_url(practice.id)) for practice in self.catalog.all_practices]
        pages += [self.page((COLLECTION, collection.id), collection.title, urls.collection_url(collection.id),
                            urls.collection_changes_url(collection.id))
                  for collection in self.catalog.collections.values()]
        return pages

    def page(self, record: RecordKey, title: str, record_url: str, url: str) -> Page:
        kind = record[0]
        changes = list(reversed(self.catalog.histories.of(record)))
        sections = [(change, describe(change, kind, self.catalog.labels), self.fields.views(kind, change))
                    for change in changes]
        noun = "praktijk" if kind == PRACTICE else "collectie"
        return self.renderer.render_page(
            url, "change_view.md.j2", f"Wijzigingen: {title}",
            f"Wat er in de {noun} {title} is veranderd, per wijziging en per veld.",
            '<meta name="robots" content="noindex">', in_sitemap=False, record_title=title, record_url=record_url,
            noun=noun, sections=sections, from_git=self.catalog.histories.from_git)

    def _practice_title(self, practice_id: str) -> str:
        """The current title of the practice an id names, said to be its old address when it is an old id (a
        rename shows as the old address gone and the title added); an id no longer in the bank, as written."""
        return visible(self.titles.get(practice_id, practice_id))

    def _vocabulary_label(self, vocabulary: str, value: str) -> str:
        """The label of a vocabulary value; an id the vocabulary no longer has, as it was written."""
        terms = self.catalog.vocabularies.get(vocabulary)
        return visible(terms.label(value) if terms else value)

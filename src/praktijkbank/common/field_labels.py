"""The Dutch names of the fields of a practice and a collection, taken from the schemas' own `title`s, so a
history says "samenvatting" and "bronnen" in the words the forms and the validator use: one source of truth.

A field is named by its key, and a part of it by (key, part): a part of an object field (`place` →
`municipalities`) or of the objects in a list (`sources` → `title`). Where a part holds values of a
vocabulary (`x-vocabulary`), `vocabulary` names it, so a change shows "Laaggeletterdheid" and not its id; where
it holds a date (`format: date`), `is_date` says so, so a change shows "12 december 2026" as the pages do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from praktijkbank.common.schemas import VOCABULARY_KEYWORD, inline_references

FieldPath = tuple[str, ...]
UNKNOWN_FIELD = "Veld dat het schema niet meer kent"


@dataclass(frozen=True)
class FieldLabels:
    """Per kind (practice, collection): the fields in the schema's order, their titles, vocabularies and dates."""

    order: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    titles: Mapping[str, Mapping[FieldPath, str]] = field(default_factory=dict)
    vocabularies: Mapping[str, Mapping[FieldPath, str]] = field(default_factory=dict)
    dates: Mapping[str, frozenset[FieldPath]] = field(default_factory=dict)

    def title(self, kind: str, path: FieldPath) -> str:
        """The field's Dutch name as the schema gives it ('Samenvatting'); a field the schema no longer has (an
        old version may hold one) gets a plain Dutch phrase, never its English key."""
        return self.titles.get(kind, {}).get(path, UNKNOWN_FIELD)

    def vocabulary(self, kind: str, path: FieldPath) -> str | None:
        return self.vocabularies.get(kind, {}).get(path)

    def is_date(self, kind: str, path: FieldPath) -> bool:
        return path in self.dates.get(kind, frozenset())


def field_labels(schemas: Mapping[str, dict[str, Any]]) -> FieldLabels:
    """The labels of the schemas by kind (each as read from schemas/, references still in it)."""
    order, titles, vocabularies, dates = {}, {}, {}, {}
    for kind, schema in schemas.items():
        properties = inline_references(schema).get("properties", {})
        order[kind] = tuple(properties)
        titles[kind], vocabularies[kind], dates[kind] = {}, {}, set()
        for key, subschema in properties.items():
            _label(titles[kind], vocabularies[kind], dates[kind], (key,), subschema)
            inner = subschema.get("items", subschema) if isinstance(subschema.get("items"), dict) else subschema
            for part, partschema in inner.get("properties", {}).items():
                _label(titles[kind], vocabularies[kind], dates[kind], (key, part), partschema)
    return FieldLabels(order, titles, vocabularies, {kind: frozenset(paths) for kind, paths in dates.items()})


def _label(titles: dict[FieldPath, str], vocabularies: dict[FieldPath, str], dates: set[FieldPath],
           path: FieldPath, schema: dict[str, Any]) -> None:
    titles[path] = schema.get("title") or UNKNOWN_FIELD
    if schema.get("format") == "date":
        dates.add(path)
    vocabulary = schema.get(VOCABULARY_KEYWORD) or schema.get("items", {}).get(VOCABULARY_KEYWORD)
    if vocabulary:
        vocabularies[path] = vocabulary

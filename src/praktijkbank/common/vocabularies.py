"""The controlled lists (themes, organisation types, …): one file drives validation, schema, site and forms."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from praktijkbank.common.suggest import closest


@dataclass(frozen=True)
class Term:
    """One allowed value: a stable id for data and URLs, a Dutch label for people."""

    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Vocabulary:
    """One controlled list, in the order the editors chose."""

    name: str
    title: str
    description: str
    unknown_value: str
    terms: tuple[Term, ...]

    @property
    def ids(self) -> list[str]:
        return [term.id for term in self.terms]

    @cached_property
    def _labels(self) -> dict[str, str]:
        return {term.id: term.label for term in self.terms}

    def label(self, term_id: str) -> str:
        """The Dutch label for an id; the id itself when unknown, so a page never breaks on it."""
        return self._labels.get(term_id, term_id)

    def closest_term(self, text: str) -> str | None:
        """The id of the term `text` most likely means: a near-miss of an id, else of a label."""
        return closest(text, self.ids) or closest(text, list(self._labels.values()), allowed_keys=self.ids)


Vocabularies = dict[str, Vocabulary]


def vocabularies_from_data(data: dict) -> Vocabularies:
    """Build Vocabulary objects from data that already passed vocabularies.schema.json."""
    return {
        name: Vocabulary(
            name=name,
            title=entry["title"],
            description=entry["description"],
            unknown_value=entry["unknown_value"],
            terms=tuple(Term(value["id"], value["label"], value["description"]) for value in entry["values"]),
        )
        for name, entry in data.items()
    }

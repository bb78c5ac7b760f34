"""The repository's own practices and collections, for tests that need real ones.

Tests take a practice by what it has (the one with the most to show, a word only it contains), never by its id
or title, so renaming, rewording or removing a practice in practices/ does not break a test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from helpers import PROJECT_ROOT
from praktijkbank.load.repository import Repository
from praktijkbank.load.strict_yaml import load_file
from praktijkbank.model.catalog import Catalog, Collection, Practice, build_catalog
from praktijkbank.publish.search_compounds import compound_key, compound_stems
from praktijkbank.publish.search_documents import practice_document
from praktijkbank.publish.search_text import STOP_WORDS, stem, stems, words
from praktijkbank.validate.checker import validate_repository

CATALOG: Catalog = build_catalog(validate_repository(Repository(PROJECT_ROOT)))
MIN_WORD_LENGTH = 5


def _richness(practice: Practice) -> tuple[int, ...]:
    return (len(practice.lessons), len(practice.results), len(practice.organisations), len(practice.description))


@cache
def _indexed_stems(practice: Practice) -> frozenset[str]:
    """Every stem search finds `practice` by: its own words, its glossary terms' explanations, the parts of its
    compounds (as their keys)."""
    document = practice_document(practice, CATALOG.vocabularies, CATALOG.glossary)
    return frozenset(found for text, _ in document.fields for found in (*stems(text), *compound_stems(text)))


@cache
def _stems_of_others(practice: Practice) -> frozenset[str]:
    return frozenset({found for other in CATALOG.practices.values() if other.id != practice.id for found in _indexed_stems(other)})


def _leads_only_to(typed: str, practice: Practice) -> bool:
    """Whether search, given `typed`, finds `practice` and no other: the browser matches the word's stem, and
    stems that start with the word as typed (docs/javascripts/zoeken/zoekindex.js); a stem ending in z or v is also
    respelled, which this leaves out to stay simple."""
    base = stem(typed)
    mine, others = _indexed_stems(practice), _stems_of_others(practice)
    return (typed not in STOP_WORDS and base[-1:] not in ("z", "v")
            and any(found == base or found.startswith(typed) for found in mine)
            and compound_key(base) not in others
            and not any(found == base or found.startswith(typed) or found.startswith(base) for found in others))


def _own_words(practice: Practice) -> Iterator[str]:
    """The words of the practice's title that lead to it alone, those its description quotes first."""
    described = set(words(practice.description))
    candidates = [word for word in words(practice.title)
                  if len(word) >= MIN_WORD_LENGTH and _leads_only_to(word, practice)]
    yield from sorted(candidates, key=lambda word: word not in described)


A_PRACTICE: Practice = max((practice for practice in CATALOG.practices.values() if any(_own_words(practice))),
                           key=_richness)
"""A practice with the most to show (lessons, results, organisations, text) and a word of its own."""

OWN_WORD: str = next(_own_words(A_PRACTICE))
"""A word of A_PRACTICE's title that leads to A_PRACTICE alone in search (and is in its description, if one is)."""

OWN_PREFIX: str = next(OWN_WORD[:length] for length in range(MIN_WORD_LENGTH - 1, len(OWN_WORD) + 1)
                       if _leads_only_to(OWN_WORD[:length], A_PRACTICE))
"""The shortest start of OWN_WORD that already leads to A_PRACTICE alone: what someone has typed halfway."""

A_COLLECTION: Collection = CATALOG.collections[min(CATALOG.collections)]
"""The first collection."""


def other_practice() -> Practice:
    """A practice that is not A_PRACTICE, with no aliases yet and an id that is part of no other id, so a test
    can rename it by replacing its id in every file."""
    return next(practice for practice in sorted(CATALOG.practices.values(), key=lambda practice: practice.id)
                if practice.id != A_PRACTICE.id and not practice.aliases
                and not any(practice.id in other for other in CATALOG.practices if other != practice.id))


def rewrite_practice(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Change a copy of a practice file through its data, so the test needs to know nothing of its layout."""
    data = load_file(path).data
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def own_word(practice: Practice) -> str | None:
    """A word of the practice's title that leads to it alone in search, or None when it has none."""
    return next(_own_words(practice), None)

"""Which glossary terms each practice and collection uses: for the list at the end of their pages, for
/begrippen/ (each term with its practices) and for search (a practice is found by its terms' explanations).

A term counts when it stands in a text a reader reads: the title, summary and description (its Markdown as
typed: the markup hides no words), the activities, results, lessons, costs and funding, and the organisations'
names; for a collection its title, description and notes. The same texts as the page shows, so the list at the
end names what the page explains.
"""

from __future__ import annotations

from functools import lru_cache

from praktijkbank.common.glossary import Glossary, GlossaryTerm
from praktijkbank.model.catalog import Catalog, Collection, Practice, by_title

PRACTICES_REMEMBERED = 50_000
"""More than a build has practices: each build asks for all of them three times, in turn."""


def practice_texts(practice: Practice) -> list[str]:
    return [practice.title, practice.summary, practice.description, *practice.activities,
            *(part for result in practice.results for part in (result.text, result.evidence) if part),
            *practice.lessons, practice.costs or "", practice.funding or "",
            *(organisation.name for organisation in practice.organisations)]


def collection_texts(collection: Collection, practices: dict[str, Practice]) -> list[str]:
    """The collection's own texts, and what its page shows of each listed practice: summary and partners (a
    withdrawn practice, which `practices` leaves out, shows only its notice)."""
    shown = [practices[item.practice] for item in collection.items if item.practice in practices]
    return [collection.title, collection.description, *(item.note or "" for item in collection.items),
            *(practice.summary for practice in shown),
            *(organisation.name for practice in shown for organisation in practice.organisations)]


@lru_cache(maxsize=PRACTICES_REMEMBERED)
def practice_terms(practice: Practice, glossary: Glossary) -> tuple[GlossaryTerm, ...]:
    """Remembered: the practice's page, search and /begrippen/ each ask, and each answer reads all its texts."""
    return tuple(glossary.terms_in(practice_texts(practice)))


def practices_by_term(catalog: Catalog) -> dict[str, list[Practice]]:
    """Each term (by its name) with the practices that use it, by title; a term no practice uses has none."""
    found: dict[str, list[Practice]] = {entry.term: [] for entry in catalog.glossary.terms}
    for practice in sorted(catalog.practices.values(), key=by_title):
        for entry in practice_terms(practice, catalog.glossary):
            found[entry.term].append(practice)
    return found

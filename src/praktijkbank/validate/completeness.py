"""Completeness hints: what makes a valid practice weaker. Warnings, never failures.

A practice without results or lessons is still worth publishing; the hints tell a contributor what would
make it more useful, and tell the editors which practices are due for a fresh look (`common.clock` says
when that is).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date

from praktijkbank.common.clock import REVIEW_AFTER_YEARS, is_due_for_review, last_looked_at
from praktijkbank.common.problems import WARNING, Problem
from praktijkbank.common.sources import origin_unknown
from praktijkbank.load.repository import PRACTICE
from praktijkbank.validate.rules import Record

SUMMARY_CARD_MIN = 60
"""Below this, a card says too little to choose by (the schema's hard minimum is 20)."""
SUMMARY_CARD_MAX = 250
"""Above this, a card's summary runs to more than about four lines (the schema's hard maximum is 400)."""


def completeness_hints(record: Record, reference: date) -> list[Problem]:
    """The hints for one loaded practice, each pointing at the line it is about. Asked for where the file was
    just parsed (checker.FileChecker, in a worker process), so the positions come from that parse and no file
    is read a second time."""
    if record.kind != PRACTICE or not isinstance(record.data, dict):
        return []
    return list(_practice_hints(record, reference))


def _practice_hints(record: Record, reference: date) -> Iterable[Problem]:
    data = record.data
    assert data is not None
    hint = functools.partial(record.problem, severity=WARNING)
    if not data.get("results"):
        yield hint((), "no-results", "er staan geen resultaten in.",
                   "Wat heeft de praktijk opgeleverd? Voeg 'results' toe, als de bron het noemt.")
    if not data.get("lessons"):
        yield hint((), "no-lessons", "er staan geen lessen of tips in.",
                   "Wat kunnen anderen leren? Voeg 'lessons' toe, als de bron het noemt.")
    sources = data.get("sources")
    if isinstance(sources, list) and not any(isinstance(source, dict) and source.get("url") for source in sources):
        yield hint(("sources",), "no-source-url", "geen enkele bron heeft een webadres.",
                   "Voeg bij een bron een 'url' toe, zodat lezers de bron zelf kunnen nakijken.")
    for position, source in enumerate(sources if isinstance(sources, list) else []):
        if isinstance(source, dict) and origin_unknown(source.get("url"), source.get("publisher")):
            yield hint(("sources", position), "source-origin-unknown",
                       "deze bron heeft geen webadres en geen uitgever.",
                       "Zoek op waar de bron staat en voeg 'url' of 'publisher' toe, als de bron die "
                       "toont. Vul niets in dat je niet zelf in de bron ziet.")
    summary = data.get("summary")
    if isinstance(summary, str) and len(summary.strip()) < SUMMARY_CARD_MIN:
        yield hint(("summary",), "summary-short",
                   f"de samenvatting is kort voor een kaart: minder dan {SUMMARY_CARD_MIN} tekens.",
                   "Zeg in één of twee zinnen wat er gebeurt, voor wie en met wie.")
    if isinstance(summary, str) and len(summary.strip()) > SUMMARY_CARD_MAX:
        yield hint(("summary",), "summary-long",
                   f"de samenvatting is lang voor een kaart: meer dan {SUMMARY_CARD_MAX} tekens.",
                   "Houd het bij één of twee zinnen; de rest hoort in de beschrijving.")
    description = data.get("description")
    if isinstance(description, str) and "\n\n" not in description.strip():
        yield hint(("description",), "one-paragraph", "de beschrijving is één blok tekst.",
                   "Verdeel hem in alinea's met een lege regel ertussen, bijvoorbeeld: wat er gebeurt, "
                   "hoe het ging, wat het opleverde.")
    looked_at = last_looked_at(data)
    if looked_at and is_due_for_review(looked_at, reference) and "withdrawn" not in data:
        field = "last_reviewed" if data.get("last_reviewed") else "added"
        yield hint((field,), "review-due",
                   f"de tekst is voor het laatst bekeken op {looked_at}, meer dan "
                   f"{REVIEW_AFTER_YEARS} jaar voor {reference.isoformat()}.",
                   "Kijk of alles nog klopt en zet de datum van vandaag bij 'last_reviewed'.")

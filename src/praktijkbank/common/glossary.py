"""The glossary (schemas/begrippen.yml): sector terms and abbreviations, each explained once in plain Dutch.

Pages explain a term at its first use and list the terms at the end; search counts the words of an explanation
for the practices that use the term; the validator warns about an abbreviation the glossary does not know.
All of them find a term in a text the same way, here: any of its forms (the term and its variants) as a whole
word. A form written in capitals (`GGD`, `AWBZ`) matches only in capitals, so 'MEE' would never match 'mee';
every other form matches whatever its case ('Mantelzorg' at the start of a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class GlossaryTerm:
    """One entry: the term as the list shows it, the other ways texts write it, a one- or two-sentence
    explanation, and optionally a page that tells more."""

    term: str
    explanation: str
    variants: tuple[str, ...] = ()
    link: str | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.variants)

    @property
    def anchor(self) -> str:
        """The id of the term's entry on /begrippen/: letters and digits, lower case, joined by hyphens."""
        return "-".join(re.findall(r"\w+", self.term.casefold()))


@dataclass(frozen=True)
class TermUse:
    """Where a form of a term stands in a text: [start, end)."""

    start: int
    end: int
    term: GlossaryTerm


def is_capitals(form: str) -> bool:
    return form.isupper()


@dataclass(frozen=True)
class Glossary:
    """All terms, in the order of the file; looked up by any form."""

    terms: tuple[GlossaryTerm, ...] = ()
    _by_form: dict[str, GlossaryTerm] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for entry in self.terms:
            for form in entry.forms:
                self._by_form[_form_key(form)] = entry

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        """All forms, longest first (so 'voor- en vroegschoolse educatie' wins over a shorter form inside it),
        each as a whole word; forms in capitals case-sensitive, the others not."""
        forms = sorted({form for entry in self.terms for form in entry.forms}, key=lambda form: (-len(form), form))
        if not forms:
            return None
        alternatives = [re.escape(form) if is_capitals(form) else f"(?i:{re.escape(form)})" for form in forms]
        return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")

    def get(self, form: str) -> GlossaryTerm | None:
        """The term `form` is a form of: capitals exactly, other forms whatever their case."""
        return self._by_form.get(_form_key(form))

    def uses(self, text: str) -> Iterator[TermUse]:
        """Every form of a term in `text`, in order, none overlapping."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            entry = self.get(match.group())
            if entry:
                yield TermUse(match.start(), match.end(), entry)

    def terms_in(self, texts: Iterable[str]) -> list[GlossaryTerm]:
        """The terms the texts use, each once, alphabetically as the list at the end of a page shows them."""
        found = {use.term.term: use.term for text in texts for use in self.uses(text)}
        return sorted(found.values(), key=sort_key)


def sort_key(entry: GlossaryTerm) -> tuple[str, str]:
    """A to Z as a reader looks for it: case does not count."""
    return entry.term.casefold(), entry.term


def _form_key(form: str) -> str:
    return form if is_capitals(form) else form.casefold()


def glossary_from_data(data: dict[str, Any]) -> Glossary:
    """A glossary from begrippen.yml as validated (schema and rules)."""
    return Glossary(tuple(GlossaryTerm(item["term"], " ".join(item["explanation"].split()),
                                       tuple(item.get("variants", ())), item.get("link"))
                          for item in data.get("terms", ())))

"""Abbreviations nobody explains: a word of two to six capitals that the glossary does not know. A warning,
never an error: a contributor using a form cannot edit the glossary, and the editors can add the term later.

Only the texts a reader reads are looked at (title, summary, description, activities, results, lessons,
costs, funding, a collection's description and notes), not ids, addresses, licences or the titles of sources.
A word that is part of the file's own organisation names ('ONS welzijn') is a name, not an abbreviation to
explain. An abbreviation the text explains itself, 'AWBZ (Algemene wet …)' or '… (AWBZ)', is explained. Each
word is reported once per file, where it first stands, at the line and column the contributor typed it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from praktijkbank.common.glossary import Glossary
from praktijkbank.common.problems import WARNING, Problem
from praktijkbank.load.strict_yaml import DataPath, Document
from praktijkbank.validate.rules import Record

RULE = "unexplained-abbreviation"
TEXT_FIELDS = ("title", "summary", "description", "activities", "results", "lessons", "costs", "funding",
               "items", "event")
NOT_TEXT = ("url", "practice", "file", "date", "start", "end")
# Two to six capitals, not inside a word or a compound with a hyphen. The first capital comes before the check
# of what stands in front of it: the pattern engine then only stops at capitals, four times faster on real texts.
CAPITALS = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w-][A-ZÀ-ÖØ-Þ])[A-ZÀ-ÖØ-Þ]{1,5}(?![\w-]*\w)")
HINT = "Leg de afkorting uit of vraag de redactie om een begrip."


def unexplained_abbreviations(record: Record, document: Document, glossary: Glossary) -> Iterator[Problem]:
    """A warning at the first place of each unexplained abbreviation in the file's texts."""
    names = _organisation_words(document.data)
    reported: set[str] = set()
    for path, text in _texts(document.data):
        for match in CAPITALS.finditer(text):
            word = match.group()
            if word in reported or word in names or glossary.get(word) or _explained(word, document.text):
                continue
            reported.add(word)
            yield _warning(record.file, document.text, word, _mark_index(document, path))


def _texts(data: dict[str, Any]) -> Iterator[tuple[DataPath, str]]:
    for key in TEXT_FIELDS:
        if key in data:
            yield from _strings(data[key], (key,))


def _strings(value: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_TEXT:
                yield from _strings(item, (*path, key))


def _organisation_words(data: dict[str, Any]) -> set[str]:
    organisations = data.get("organisations")
    names = [item.get("name") for item in organisations if isinstance(item, dict)] \
        if isinstance(organisations, list) else []
    return {word for name in names if isinstance(name, str) for word in CAPITALS.findall(name)}


def _explained(word: str, text: str) -> bool:
    """'AWBZ (Algemene wet …)' or '(AWBZ)' anywhere in the file."""
    return re.search(rf"(?<!\w){re.escape(word)} \(|\({re.escape(word)}\)", text) is not None


def _mark_index(document: Document, path: DataPath) -> int:
    """Where the value at `path` begins in the file's text: the search for the word starts there. Only asked
    for a word that is reported: most texts have none, and walking the lines for each of them was a quarter of
    the validation's time."""
    position = document.source_map.value(path)
    line_start = 0
    for _ in range(position.line - 1):
        line_start = document.text.find("\n", line_start) + 1
        if not line_start:  # YAML counted a line break the text has no \n for (U+2028, refused elsewhere)
            return 0
    return min(line_start + position.column - 1, len(document.text))


def _warning(file: str, text: str, word: str, start: int) -> Problem:
    match = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-]*\w)").search(text, start)
    index = match.start() if match else start
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return Problem(file, line, column, RULE, f"'{word}' lijkt een afkorting die niet in de begrippenlijst staat.",
                   HINT, WARNING)

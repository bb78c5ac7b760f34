"""The texts are in our own words: no practice, collection or glossary text shares a run of ten or more words
with a source article, unless it is quoted ("…", “…”, ‘…’) and so says whose words they are.

Words are compared as a reader compares them (case, accents, punctuation and "5"/"vijf" aside), and a run
still counts when one or two small words in it were changed, added or left out. Names (organisations,
municipalities, places) and the titles of sources are not counted: they can only be written one way.
The articles are kept as fingerprints (scripts/source_fingerprints.py); where the articles themselves are
at hand (../shared/seeds/), a test checks that the fingerprints are up to date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest
import yaml

from helpers import PROJECT_ROOT
from praktijkbank.publish.search_text import STOP_WORDS
from scripts.source_fingerprints import FINGERPRINTS, article_fingerprints, fingerprint, normalised_words

SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
RUN = 10
CHANGES = 2
SMALL = frozenset(fingerprint(word) for word in STOP_WORDS)
# Keys whose values are names, references, codes or dates rather than text we wrote.
NOT_PROSE = {"sources", "place", "organisations", "related", "aliases", "based_on", "themes", "target_groups",
             "status", "added", "last_reviewed", "date", "url", "website", "file", "curator", "practice", "variants"}
QUOTED = re.compile(r'"[^"]*"|“[^”]*”|„[^”“]*[”“]|‘[^’]*’(?!\w)|«[^»]*»')


@dataclass(frozen=True)
class Text:
    """One text of a file: where it stands, and its words outside quotations and names, in runs."""

    where: str
    runs: tuple[tuple[str, ...], ...]


def prose(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """Every string in `value` that we wrote, with the key path it stands at."""
    if isinstance(value, dict):
        for name, item in value.items():
            if name not in NOT_PROSE:
                yield from prose(item, f"{key}.{name}" if key else name)
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from prose(item, f"{key}[{number}]")
    elif isinstance(value, str):
        yield key, value


def names(value: Any) -> Iterator[str]:
    """The names in a practice or collection: organisations, places, titles of sources."""
    for organisation in value.get("organisations", []):
        yield organisation["name"]
    for field in ("municipalities", "localities"):
        yield from value.get("place", {}).get(field, [])
    for source in value.get("sources", []):
        yield source["title"]


def unquoted_runs(text: str, name_words: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The normalised words of `text` outside quotations, split wherever a name stands."""
    runs: list[tuple[str, ...]] = []
    for part in QUOTED.split(text):
        words = normalised_words(part)
        start = 0
        for position in range(len(words) + 1):
            name = next((name for name in name_words if tuple(words[position:position + len(name)]) == name), None)
            if position == len(words) or name:
                runs.append(tuple(words[start:position]))
            if name:
                start = position + len(name)
    return tuple(run for run in runs if len(run) >= RUN)


@cache
def repository_texts() -> tuple[Text, ...]:
    documents = [(path, yaml.safe_load(path.read_text(encoding="utf-8")))
                 for folder in ("practices", "collections") for path in sorted((PROJECT_ROOT / folder).glob("[!_]*.yml"))]
    every_name = {name for _, document in documents for name in names(document)}
    name_words = tuple(sorted((tuple(normalised_words(name)) for name in every_name if normalised_words(name)),
                              key=len, reverse=True))
    glossary = PROJECT_ROOT / "schemas" / "begrippen.yml"
    documents.append((glossary, yaml.safe_load(glossary.read_text(encoding="utf-8"))))
    return tuple(Text(f"{path.relative_to(PROJECT_ROOT)}: {key}", runs) for path, document in documents
                 for key, value in prose(document) if (runs := unquoted_runs(value, name_words)))


@cache
def articles() -> dict[str, tuple[str, ...]]:
    return {name: tuple(words.split()) for name, words in json.loads(FINGERPRINTS.read_text(encoding="utf-8")).items()}


def matched_length(ours: tuple[str, ...], theirs: tuple[str, ...], i: int, j: int, changes: int) -> int:
    """How many of our words from `i` on follow the article from `j` on, ending on a word both have, with at
    most `changes` small words changed, added or left out."""
    exact = 0
    while i < len(ours) and j < len(theirs) and ours[i] == theirs[j]:
        i, j, exact = i + 1, j + 1, exact + 1
    best = exact
    if changes and i < len(ours) and j < len(theirs):
        small_ours, small_theirs = ours[i] in SMALL, theirs[j] in SMALL
        steps = [(1, 1)] if small_ours and small_theirs else []
        steps += [(1, 0)] if small_ours else []
        steps += [(0, 1)] if small_theirs else []
        for step_ours, step_theirs in steps:
            further = matched_length(ours, theirs, i + step_ours, j + step_theirs, changes - 1)
            if further:
                best = max(best, exact + step_ours + further)
    return best


def copied_runs(ours: tuple[str, ...], theirs: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """Where `ours` shares RUN or more words with `theirs`: (start, length) in `ours`."""
    positions: dict[str, list[int]] = {}
    for j, word in enumerate(theirs):
        positions.setdefault(word, []).append(j)
    for i, word in enumerate(ours):
        for j in positions.get(word, []):
            if i and j and ours[i - 1] == theirs[j - 1]:
                continue
            length = matched_length(ours, theirs, i, j, CHANGES)
            if length >= RUN:
                yield i, length


def copies(texts: tuple[Text, ...], sources: dict[str, tuple[str, ...]]) -> list[str]:
    """Each run of a text that follows a source article, as "file: field: words (article)"."""
    found = set()
    for text in texts:
        for run in text.runs:
            ours = tuple(fingerprint(word) for word in run)
            for source, theirs in sources.items():
                found |= {f"{text.where}: '{' '.join(run[start:start + length])}' ({source})"
                          for start, length in copied_runs(ours, theirs)}
    return sorted(found)


def as_texts(*texts: str) -> tuple[Text, ...]:
    return tuple(Text("tekst", unquoted_runs(text, ())) for text in texts)


def as_article(text: str) -> dict[str, tuple[str, ...]]:
    return {"artikel": tuple(fingerprint(word) for word in normalised_words(text))}


ARTICLE = ("De bibliotheek en de welzijnsorganisatie hebben vorig jaar samen een voorleestent gekocht voor de "
           "kinderen in de wijk, zodat er 5 dagen per week voorgelezen kan worden.")


def test_a_copied_sentence_is_found() -> None:
    assert copies(as_texts("Zij hebben vorig jaar samen een voorleestent gekocht voor de kinderen in de wijk."),
                  as_article(ARTICLE))


def test_case_punctuation_and_numbers_in_figures_or_words_do_not_hide_a_copy() -> None:
    assert copies(as_texts("Voor De Kinderen in de wijk: zodat er vijf dagen per week voorgelezen kan worden!"),
                  as_article("voor de kinderen in de wijk, zodat er 5 dagen per week voorgelezen kan worden."))


def test_one_or_two_changed_small_words_do_not_hide_a_copy() -> None:
    assert copies(as_texts("hebben vorig jaar samen die voorleestent gekocht voor kinderen in een wijk"),
                  as_article(ARTICLE))


def test_three_changed_small_words_or_one_that_carries_meaning_make_it_our_own() -> None:
    assert not copies(as_texts("hebben vorig jaar samen die voorleestent gekocht met kinderen uit een wijk"),
                      as_article(ARTICLE))
    assert not copies(as_texts("hebben vorig jaar samen een leestent gekocht voor de kinderen in de wijk"),
                      as_article(ARTICLE))
    assert not copies(as_texts("Zij kochten vorig jaar samen een voorleestent voor de kinderen in de wijk."),
                      as_article(ARTICLE))


def test_a_quotation_in_quotation_marks_is_allowed() -> None:
    for quoted in ['De directeur zegt: "hebben vorig jaar samen een voorleestent gekocht voor de kinderen."',
                   "De directeur zegt: ‘hebben vorig jaar samen een voorleestent gekocht voor de kinderen.’",
                   "De directeur zegt: “hebben vorig jaar samen een voorleestent gekocht voor de kinderen.”"]:
        assert not copies(as_texts(quoted), as_article(ARTICLE)), quoted


def test_nine_words_are_not_a_copy() -> None:
    assert not copies(as_texts("Wij hebben vorig jaar samen een voorleestent gekocht voor ons."), as_article(ARTICLE))


def test_names_and_titles_of_sources_are_not_counted() -> None:
    article = as_article("Samenwerking in Meierijstad bekrachtigd: vijf organisaties slaan officieel de handen ineen")
    title = tuple(normalised_words("Samenwerking in Meierijstad bekrachtigd: vijf organisaties slaan officieel de "
                                   "handen ineen"))
    text = ("Het artikel ‘Samenwerking in Meierijstad bekrachtigd: vijf organisaties slaan officieel de handen "
            "ineen’ vertelt het.")

    assert copies((Text("tekst", unquoted_runs(text.replace("‘", "").replace("’", ""), ())),), article)
    assert not copies((Text("tekst", unquoted_runs(text.replace("‘", "").replace("’", ""), (title,))),), article)


def test_no_practice_collection_or_glossary_text_copies_a_source_article() -> None:
    texts = repository_texts()

    assert len(texts) > 20
    assert copies(texts, articles()) == []


def test_the_fingerprints_are_those_of_the_source_articles() -> None:
    if not SEEDS.is_dir():
        pytest.skip("the source articles are not beside the repository (../shared/seeds/)")
    assert json.loads(FINGERPRINTS.read_text(encoding="utf-8")) == article_fingerprints(SEEDS)

"""Typing errors forgiven: the words of the index that are closest to a word nobody wrote.

Library staff type names from memory ("Philadelpia", "Senfer"). A query word whose stem is in no document
is matched to the closest words of the index by edit distance (one letter added, dropped or changed counts
one, and so do two neighbouring letters swapped: "ouderne" is one step from "ouderen", two from "ouders"), at most 1 for words of 5 to 7 letters and 2 for longer ones; shorter words stay exact,
since nearly every three-letter word is one letter away from another. When nothing is found at all, the
search page suggests the closest word one step further away ("Bedoelde je …?").

Of the words equally close, the one most documents use comes first, then the alphabet decides: "ouderne"
is one step from both "ouderen" and "oudere", and the suggestion is the word people meet more. The browser does
the same in docs/javascripts/zoeken/tikfouten.js, on the word lists this module writes: one list per word length, so a
word of n letters needs only the lists from n - 2 to n + 2. A list is a series of groups, each the number of
documents that use its words followed by those words, the most used group first (`[[12, "ouders"], [3,
"ouderen", "wijken"], …]`): the count costs a number per group, not per word. A test holds the two
implementations to the same candidates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby

from praktijkbank.publish.search_text import STOP_WORDS, words

SHORTEST_WORD = 3  # shorter words are never suggested: "of" and "en" are everywhere
EXACT_BELOW = 5  # words shorter than this are only found as typed
LONG_FROM = 8  # words this long forgive two typing errors


def allowed_distance(word: str) -> int:
    """How many typing errors search forgives in `word`."""
    if len(word) < EXACT_BELOW:
        return 0
    return 1 if len(word) < LONG_FROM else 2


def suggestion_distance(word: str) -> int:
    """How far "Bedoelde je …?" looks: one step further than search itself."""
    return allowed_distance(word) + 1 if len(word) >= SHORTEST_WORD else 0


WordGroup = list[int | str]
"""The number of documents that use the words, then the words: `[3, "ouderen", "wijken"]`."""


def word_lists(texts: Iterable[Iterable[str]]) -> dict[int, list[WordGroup]]:
    """Every indexable word of the documents (each given as its texts), per length, in groups of words that
    as many documents use: the most used group first, the words of a group alphabetical."""
    used: Counter[str] = Counter()
    for document in texts:
        used.update({word for text in document for word in words(text) if _listed(word)})
    lists: dict[int, list[WordGroup]] = {}
    by_length = sorted(used, key=lambda word: (len(word), -used[word], word))
    for length, same_length in groupby(by_length, key=len):
        lists[length] = [[uses, *group] for uses, group in groupby(same_length, key=used.__getitem__)]
    return lists


def listed_words(groups: Sequence[WordGroup]) -> Iterator[str]:
    """The words of one length's list, the most used first."""
    return (word for _, word in _entries(groups))


def _entries(groups: Sequence[WordGroup]) -> Iterator[tuple[int, str]]:
    """Each word of one length's list with the number of documents that use it."""
    for uses, *group in groups:
        for word in group:
            yield int(uses), str(word)


def _listed(word: str) -> bool:
    return len(word) >= SHORTEST_WORD and word.isalpha() and word not in STOP_WORDS


def closest_words(word: str, lists: dict[int, Sequence[WordGroup]], limit: int) -> list[str]:
    """The words at the smallest edit distance from `word`, at most `limit` away, the most used first and
    equally used ones alphabetically; empty when none is that close."""
    best = limit + 1
    found: list[tuple[int, str]] = []
    for length in range(len(word) - limit, len(word) + limit + 1):
        for uses, candidate in _entries(lists.get(length, ())):
            distance = edit_distance(word, candidate, best + 1)
            if distance < best:
                best, found = distance, [(uses, candidate)]
            elif distance == best and distance <= limit:
                found.append((uses, candidate))
    return [candidate for _, candidate in sorted(found, key=lambda pair: (-pair[0], pair[1]))]


def edit_distance(first: str, second: str, ceiling: int) -> int:
    """The edit distance of two words with swaps of neighbouring letters (Damerau's optimal string alignment),
    or `ceiling` when it is that or more: the row-by-row computation stops as soon as every cell has reached
    it (no cell is below the smallest of the row before, a swap included)."""
    before: list[int] = []
    previous = list(range(len(second) + 1))
    for row, letter in enumerate(first, start=1):
        current = [row]
        for column, other in enumerate(second, start=1):
            cell = min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + (letter != other))
            if row > 1 and column > 1 and letter == second[column - 2] and first[row - 2] == other:
                cell = min(cell, before[column - 2] + 1)
            current.append(cell)
        if min(current) >= ceiling:
            return ceiling
        before, previous = previous, current
    return min(previous[-1], ceiling)

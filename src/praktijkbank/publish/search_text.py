"""Words as search sees them: the same steps at build time (here) and in the browser (zoekindex.js).

Text is lower-cased, accents are dropped (a visitor types `clienten` for `cliënten`), it is split into runs of
letters and digits, Dutch stop words are left out, and each word is reduced to its stem with Snowball's Dutch
(Porter) stemmer, so `ouderen`, `oudere` and `ouders` meet in `ouder`. The browser runs the same Snowball
algorithm, generated as JavaScript (docs/javascripts/zoeken/snowball/); a test holds the two to the same stems.

The classic Dutch algorithm (`dutch_porter`) is chosen over Snowball 3's new `dutch` because its stems are
the beginnings of their words (`geldzaken` → `geldzak`, where the new one gives `ldzak`), which is what lets a
half-typed word find its stem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import snowballstemmer

from praktijkbank.common.suggest import without_accents

STEMMER = "dutch_porter"
MINIMUM_LENGTH = 2  # single letters (the `s` of `'s-Hertogenbosch`) only cost space
# Snowball's Dutch stop words (snowballstem.org/algorithms/dutch/stop.txt): in almost every text, so they
# neither find nor rank anything. The browser receives this list with the index.
STOP_WORDS = frozenset("""
    de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of
    wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze
    u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan
    hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon
    niets uw iemand geweest andere
""".split())
_WORD = re.compile(r"[^\W_]+")
_stemmer = snowballstemmer.stemmer(STEMMER)


def words(text: str) -> Iterator[str]:
    """The normalised words of `text`, stop words included, in reading order."""
    for word in _WORD.findall(without_accents(text.lower())):
        if len(word) >= MINIMUM_LENGTH:
            yield word


def stems(text: str) -> Iterator[str]:
    """The stems of the words of `text` that search keeps (no stop words), in reading order."""
    for word in words(text):
        if word not in STOP_WORDS:
            yield stem(word)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of one normalised word; cached, since a corpus repeats few words many times."""
    return _stemmer.stemWord(word)


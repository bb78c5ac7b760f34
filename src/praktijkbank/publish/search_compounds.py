"""Dutch compounds in search: 'overeenkomst' finds 'samenwerkingsovereenkomst', 'werkers' finds
'jongerenwerkers', and 'voorlees tent' finds 'voorleestent'.

Index side. Each indexed word is split as Lucene's dictionary decompounder does, against a list of Dutch word
parts (woorddelen.txt: OpenTaal's words of 3 to 12 letters, its one letter 'ĳ' written as i and j as a visitor
types it; scripts/prepare_compound_words.py). A word is read as a row of known parts, each but the last possibly
followed by a linking s, e or en ('samenwerking·s·overeenkomst'); every part of a reading with the fewest parts
counts, and of one with a part more if all its parts have MIN_PART letters or more (so the middle 'werking' of
'samen·werking·s·overeenkomst' too), except the first, since a search already finds the start of a word; and
every tail, from such a part to the end ('werkingsovereenkomst'). A word that cannot be read to its end as known
parts is no compound: no noise from a chance 'lio' in 'bibliotheek'. Each part's stem gets postings of its own
under the key COMPOUND_MARK + stem, scored like the word it stands in; so do the stems of the part's singular and
plural ('winkel' and 'winkels' in 'wijkwinkels', 'organisaties' for 'welzijnsorganisatie': Snowball keeps an s
after a vowel) and of its other spelling ('huis' for 'taalhuizen'), so that a part is found in the number a
visitor types it, as a whole word's start is. A word list rather than the bank's own words, because a bank of a
few practices has too few: 'overeenkomst' is in no practice on its own (measured: the bank's words split 1 of its
25 longest compounds, OpenTaal's 21).

Query side, the same in Python (here) and in the browser (docs/javascripts/zoeken/samenstellingen.js): a query word
also matches COMPOUND_MARK + its stem, counted at COMPOUND_SHARE and never as a whole-word match, so a compound
ranks below whole-word and prefix matches; and two query words also match their joined word (with and without
a linking s), so a compound typed as two words finds the single word.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache
from importlib.resources import files

from praktijkbank.common.suggest import without_accents
from praktijkbank.publish.search_text import STOP_WORDS, stem, words

PARTS_FILE = "woorddelen.txt"
COMPOUND_MARK = "~"  # sorts after every letter: the parts' postings share the last shards
MIN_HEAD, MIN_PART = 3, 4  # letters of a first or middle part ('dag'), of an end part
SHORT_HEAD_REST = 6  # a part of MIN_HEAD letters needs a long rest: 'dag·besteding', never 'gem·ente'
LINKS = ("", "s", "e", "en")
ENDINGS = ("s", "n", "en", "e")  # plural and inflection: werker·s, kundige·n, bijeenkomst·en, grot·e
MAX_READINGS = 16  # ways to read one word as parts: enough for any real compound, bounded for nonsense
COMPOUND_SHARE = 0.25  # a word found inside a compound counts a quarter (a prefix counts half)
VOWELS, SINGLE_VOWELS = "aeiouy", "aeou"  # one of SINGLE_VOWELS alone before a z or v is doubled before s or f
VOICED = {"z": "s", "v": "f", "s": "z", "f": "v"}  # 'huizen'/'huis', 'brieven'/'brief'


@cache
def known_words() -> frozenset[str]:
    """The word list, read once per process from the package's own copy, without accents as search indexes
    words ('coordinator')."""
    text = (files("praktijkbank.publish") / PARTS_FILE).read_text(encoding="utf-8")
    return frozenset(without_accents(line) for line in text.splitlines() if line and not line.startswith("#"))


def is_word(text: str) -> bool:
    """A part before the end must be a word as the list writes it: 'jongeren', 'dag'."""
    return text in known_words()


def is_end(text: str) -> bool:
    """The last part may be a plural or inflected form of a listed word: 'werkers', 'bijeenkomsten', also where
    the ending changes the spelling ('dagverblijven', 'huizen'). (Cheaper than stemming the whole list in every
    build: the list has tens of thousands of words.)"""
    known = known_words()
    return text in known or any(base in known for ending in ENDINGS if text.endswith(ending)
                                for base in _written_alone(text[:-len(ending)]))


def _written_alone(base: str) -> tuple[str, ...]:
    """What is left of a word without its ending, as the word is written on its own: a z or v that ends it is an
    s or f there, after a doubled vowel when one vowel stood alone ('dagverblijv': 'dagverblijf', 'lez': 'lees');
    the reverse of spellings()."""
    if len(base) < MIN_HEAD or base[-1] not in "zv":
        return (base,)
    plain = base[:-1] + VOICED[base[-1]]
    if base[-2] in SINGLE_VOWELS and base[-3] not in VOWELS:
        return (base, plain, base[:-1] + plain[-2:])
    return (base, plain)


@lru_cache(maxsize=65536)
def compound_parts(word: str) -> tuple[str, ...]:
    """The parts after the first of every way to read `word` as known parts with the fewest parts
    ('samenwerking·s·overeenkomst'), or one more if none is shorter than MIN_PART ('samen·werking·s·overeenkomst':
    short words split off by chance, 'jong·er·en', are noise), then the tails from each of those parts to the end
    ('werkingsovereenkomst'); each once; none for a word that cannot be read as parts."""
    readings = _readings(word, 0)
    if not readings:
        return ()
    fewest = min(len(reading) for reading in readings)
    kept = [reading for reading in readings if len(reading) == fewest
            or (len(reading) == fewest + 1 and min(end - start for start, end in reading) >= MIN_PART)]
    tails = (word[start:] for reading in kept for start, _ in reading[1:])
    return tuple(dict.fromkeys([*(word[start:end] for reading in kept for start, end in reading[1:]), *tails]))


def _readings(word: str, start: int) -> list[tuple[tuple[int, int], ...]]:
    """Every way to read word[start:] as two or more known parts (one when `start` is past the first part),
    each part but the last followed by an optional linking sound, as the parts' (start, end) places in `word`;
    at most MAX_READINGS."""
    readings: list[tuple[tuple[int, int], ...]] = []
    if start and len(word) - start >= MIN_PART and is_end(word[start:]):
        readings.append(((start, len(word)),))
    for end in range(start + MIN_HEAD, len(word) - MIN_PART + 1):
        if not is_word(word[start:end]):
            continue
        shortest_rest = MIN_PART if end - start > MIN_HEAD else SHORT_HEAD_REST
        for link in LINKS:
            if word.startswith(link, end) and len(word) - end - len(link) >= shortest_rest:
                readings += [((start, end), *rest) for rest in _readings(word, end + len(link))]
        if len(readings) >= MAX_READINGS:
            break
    return readings[:MAX_READINGS]


def part_stems(part: str) -> list[str]:
    """The stems a visitor may type a part by: its own and its singular's, each in both spellings ('huizen':
    'huiz' and 'huis'), and its plural's ('organisatie': 'organisaties'; Snowball stems each pair apart)."""
    singular = [part[:-len(ending)] for ending in ("s", "en")
                if part.endswith(ending) and len(part) - len(ending) >= MIN_PART]
    plural = [part + "s"] + ([part + "en"] if part[-1] not in VOWELS else [])
    return list(dict.fromkeys([*(spelling for form in [part, *singular] for spelling in spellings(stem(form))),
                               *map(stem, plural)]))


def spellings(base: str) -> tuple[str, ...]:
    """A stem and its other Dutch spelling: an s or f that ends a syllable is a z or v inside a word, after a
    double vowel then written single ('huis'/'huiz', 'lees'/'lez', 'brief'/'briev'); zoekindex.js's prefixes()
    respells the same way for whole words."""
    if len(base) < MIN_HEAD or base[-1] not in VOICED:
        return (base,)
    voiced = VOICED[base[-1]]
    if base[-1] in "zv" and base[-2] in SINGLE_VOWELS and base[-3] not in VOWELS:
        return (base, base[:-1] + base[-2] + voiced)
    if base[-2] == base[-3] and base[-2] in SINGLE_VOWELS:
        return (base, base[:-2] + voiced)
    return (base, base[:-1] + voiced) if base[-2] in VOWELS + "j" + ("lr" if base[-1] in "fv" else "") else (base,)


def compound_stems(text: str) -> Iterator[str]:
    """The keys of the parts of every compound in `text`, once per occurrence of the compound."""
    for word in words(text):
        if word not in STOP_WORDS:
            yield from compound_keys(word)


@lru_cache(maxsize=65536)
def compound_keys(word: str) -> tuple[str, ...]:
    """The keys of one word's parts, each once."""
    return tuple(dict.fromkeys(compound_key(base) for part in compound_parts(word) for base in part_stems(part)))


def compound_key(base: str) -> str:
    """The key of a stem's postings as a part of compounds."""
    return COMPOUND_MARK + base


def joined_words(typed: list[str]) -> list[list[str]]:
    """For each pair of neighbouring query words, the single words they may be typed apart from: 'voorlees',
    'tent' → 'voorleestent' and 'voorleesstent'. One list per pair, in order."""
    return [[first + link + second for link in ("", "s")] for first, second in zip(typed, typed[1:])]


def compound_queries(typed: list[str]) -> list[list[tuple[str, float]]]:
    """For each query word (normalised, stop words left out), the keys it also looks up with their share:
    its postings as a compound part at COMPOUND_SHARE, and in full the stems of the joined words it makes
    with the word before or after it. The browser's compoundQueries answers the same."""
    queries = [[(compound_key(stem(word)), COMPOUND_SHARE)] for word in typed]
    for pair, joined in enumerate(joined_words(typed)):
        for base in dict.fromkeys(stem(word) for word in joined):
            queries[pair].append((base, 1.0))
            queries[pair + 1].append((base, 1.0))
    return queries

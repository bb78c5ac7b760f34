"""The search index: small files the search page fetches only when a search needs them.

Why not Pagefind, or the theme's search: at 10,000 practices the theme sends the whole index (tens of MB)
before the first result, and Pagefind stores every position of every word on every page, so a word found on
most practices costs hundreds of KB and a second of ranking (scripts/bench/ measured both). Search here
needs less: which documents hold a stem, and how well it describes them. So each stem keeps a list of
(document, score) pairs and nothing else, and the browser does the rest in a few milliseconds.

The layout, under `zoekindex/`:

- `index.json`: the only file with a fixed name. It names the folder with everything else (after a hash of
  its content, so a browser never mixes two versions), the stop words, and the first stem of each shard.
- `<folder>/woorden/<n>.zk`: shard n, the stems from its first stem up to the next shard's, each with its
  documents as [gap, score, gap, score, ...]; a gap is the distance to the previous document's number.
- `<folder>/filters.zk`: per search parameter (`thema`, `partner`, ...) and value, its practices as gaps.
- `<folder>/nieuwste.zk`: the practices' numbers, newest first.
- `<folder>/teksten/<n>.zk`: document n as a result shows it: address, title, place, summary, text.
- `<folder>/woordenlijst/<length>.zk`: every word of that many letters in groups by the number of documents
  that use them, the most used first, fetched only for a word no stem matches (search_typos.py);
  `wordLengths` in `index.json` names the lengths there are.

Documents are numbered practices first, by title, then the hand-written pages; so a number below `practices`
is a practice and sorting by title is sorting by number. Every `.zk` file is gzip-compressed JSON (the
browser unpacks it with DecompressionStream), so it travels small from any web server, compressing or not.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from praktijkbank.publish.search_compounds import compound_stems
from praktijkbank.publish.search_documents import PRACTICE, SearchDocument
from praktijkbank.publish.search_text import STOP_WORDS, stems
from praktijkbank.render.outputs import OutputFile, write_outputs
from praktijkbank.publish.search_typos import word_lists

INDEX_FOLDER = "zoekindex"
MANIFEST = "index.json"
FORMAT = 1
SHARD_SIZE = 32_768  # characters of JSON before compression: about 10 KB on the wire
K1, B = 1.2, 0.75  # BM25: how fast repeating a word stops adding to its score, and how much length counts
TOP_SCORE = 99  # scores are whole numbers from 1 to TOP_SCORE: two digits in the JSON


@dataclass(frozen=True)
class IndexSummary:
    """What was indexed, and how long it took, for the build log."""

    practices: int
    pages: int
    stems: int
    seconds: float = 0.0


@dataclass(frozen=True)
class SearchIndex:
    """The index's files, under `zoekindex/`, ready to be written into a site or handed to an engine."""

    files: list[OutputFile]
    summary: IndexSummary


def search_index(documents: Sequence[SearchDocument]) -> SearchIndex:
    """The index of `documents`; the same documents always give byte-identical files."""
    started = time.perf_counter()
    ordered = number_documents(documents)
    practices = sum(1 for document in ordered if document.kind == PRACTICE)
    postings = score_stems(ordered)
    shards = group_in_shards(postings)
    files = {**shard_files(shards, postings), "filters.zk": _pack(filter_lists(ordered[:practices])),
             "nieuwste.zk": _pack(newest_order(ordered[:practices]))}
    files.update((f"teksten/{number}.zk", _pack(result_view(document))) for number, document in enumerate(ordered))
    lists = word_lists([text for text, _ in document.fields] for document in ordered)
    files.update((f"woordenlijst/{length}.zk", _pack(words)) for length, words in lists.items())
    folder = hashlib.sha256(b"".join(name.encode() + content for name, content in sorted(files.items())))
    manifest = {"format": FORMAT, "folder": folder.hexdigest()[:16] + "/", "documents": len(ordered),
                "practices": practices, "stopWords": sorted(STOP_WORDS),
                "shards": [shard[0] for shard in shards], "wordLengths": list(lists)}
    outputs = [OutputFile(f"{INDEX_FOLDER}/{MANIFEST}",
                          json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))]
    outputs += [OutputFile(f"{INDEX_FOLDER}/{manifest['folder']}{name}", content) for name, content in files.items()]
    summary = IndexSummary(practices, len(ordered) - practices, len(postings), time.perf_counter() - started)
    return SearchIndex(outputs, summary)


def build_search_index(documents: Sequence[SearchDocument], site_dir: Path) -> IndexSummary:
    """Write the index of `documents` under `site_dir/zoekindex/`, replacing an earlier one: for a site
    folder that no engine clears first."""
    index = search_index(documents)
    shutil.rmtree(site_dir / INDEX_FOLDER, ignore_errors=True)
    write_outputs(index.files, site_dir)
    return index.summary


def number_documents(documents: Iterable[SearchDocument]) -> list[SearchDocument]:
    """Practices first, in the order given (by title), then other pages by title and address."""
    listed = list(documents)
    pages = sorted((document for document in listed if document.kind != PRACTICE),
                   key=lambda document: (document.title.casefold(), document.url))
    return [document for document in listed if document.kind == PRACTICE] + pages


def score_stems(documents: Sequence[SearchDocument]) -> dict[str, list[tuple[int, int]]]:
    """Every stem with its (document number, score) pairs, by number. The score is BM25's term weight with
    each field's weight counted as that many occurrences (BM25F's simple form); the browser multiplies it by
    the stem's rarity, which depends only on how many documents have it. The parts of compounds
    (search_compounds.py) get postings of their own, scored the same way but left out of a document's length:
    splitting a word does not make a text longer."""
    counts = [_weighted_counts(document, stems) for document in documents]
    lengths = [sum(count.values()) for count in counts]
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, (count, length) in enumerate(zip(counts, lengths)):
        norm = K1 * (1 - B + B * length / average)
        count.update(_weighted_counts(documents[number], compound_stems))
        for stem, frequency in count.items():
            weight = frequency * (K1 + 1) / (frequency + norm)
            postings[stem].append((number, max(1, round(weight / (K1 + 1) * TOP_SCORE))))
    return dict(sorted(postings.items()))


def _weighted_counts(document: SearchDocument, keys: Callable[[str], Iterable[str]]) -> Counter[str]:
    count: Counter[str] = Counter()
    for text, weight in document.fields:
        for key in keys(text):
            count[key] += weight
    return count


def group_in_shards(postings: dict[str, list[tuple[int, int]]]) -> list[list[str]]:
    """Consecutive stems, cut when a shard reaches SHARD_SIZE: a stem on thousands of documents fills one
    on its own, rare stems share one by the hundred."""
    shards: list[list[str]] = []
    size = SHARD_SIZE
    for stem, pairs in postings.items():
        if size >= SHARD_SIZE:
            shards.append([])
            size = 0
        shards[-1].append(stem)
        size += len(stem) + 6 * len(pairs)
    return shards


def shard_files(shards: list[list[str]], postings: dict[str, list[tuple[int, int]]]) -> dict[str, bytes]:
    return {f"woorden/{number}.zk": _pack({stem: _gaps(postings[stem]) for stem in shard})
            for number, shard in enumerate(shards)}


def _gaps(pairs: list[tuple[int, int]]) -> list[int]:
    """[(number, score), ...] as [gap, score, gap, score, ...]."""
    gaps = _number_gaps([number for number, _ in pairs])
    return [value for gap, (_, score) in zip(gaps, pairs) for value in (gap, score)]


def filter_lists(practices: Sequence[SearchDocument]) -> dict[str, dict[str, list[int]]]:
    """Per search parameter and value, the numbers of the practices that have it, as gaps."""
    lists: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for number, practice in enumerate(practices):
        for parameter, value in dict.fromkeys(practice.filters):
            lists[parameter][value].append(number)
    return {parameter: {value: _number_gaps(numbers) for value, numbers in sorted(values.items())}
            for parameter, values in sorted(lists.items())}


def _number_gaps(numbers: list[int]) -> list[int]:
    return [number - previous for previous, number in zip([0, *numbers], numbers)]


def newest_order(practices: Sequence[SearchDocument]) -> list[int]:
    """The practices' numbers by `added`, newest first; on the same day by address, as the site's lists do."""
    by_url = sorted(range(len(practices)), key=lambda number: practices[number].url)
    return sorted(by_url, key=lambda number: practices[number].added, reverse=True)


def result_view(document: SearchDocument) -> dict[str, str]:
    return {"url": document.url, "title": document.title, "place": document.place, "summary": document.summary,
            "text": document.text}


def _pack(value: Any) -> bytes:
    """JSON, compressed without a timestamp so the same value always gives the same bytes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)

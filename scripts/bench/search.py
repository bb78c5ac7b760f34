"""Search: the index our build writes (zoekindex/, searched by docs/javascripts/zoekindex.js) against
mkdocs-material's built-in search on the same pages, and against Pagefind with its own interface on our built
site: the index's share of the build, and in headless Chromium the bytes transferred until the first result
of a query and the time from the last keystroke to the results.

Goals at 10,000 practices: first results after at most 300 KB of search files, results at most 100 ms after
the last keystroke once loaded, and indexing adding at most 30% to the build.
"""

from __future__ import annotations

import gzip
import re
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.browser import BrowserSearch, SearchUi, measure_in_browser
from scripts.bench.job import Job
from scripts.bench.material import THEME_SEARCH, write_theme_search_config
from scripts.bench.pagefind import PAGEFIND_SEARCH, missing_pagefind, with_pagefind
from scripts.bench.processes import MKDOCS, PRAKTIJKBANK, build_command, missing_executables, run_clean
from scripts.bench.site_build import prepare_site, write_plain_config
from tests.helpers import CHROMIUM

INDEX_LOG = re.compile(r"Zoekindex: .* in ([0-9.]+) s\.")
SEARCH_GOAL_KB, KEYSTROKE_GOAL_MS, INDEX_SHARE_GOAL = 300, 100, 0.30


@dataclass(frozen=True)
class SearchRow:
    count: int
    build_s: float  # our whole `mkdocs build`, the search index included
    index_s: float  # the search index step alone, as the build logs it
    pagefind_index_s: float  # Pagefind indexing our built practice pages
    theme_build_s: float  # MkDocs with Material's search on the exported pages
    theme_index_kb: float  # search/search_index.json as served
    theme_index_gzip_kb: float  # the same, as a server that compresses would send it
    engines: dict[str, BrowserSearch]


OUR_SEARCH = SearchUi(
    "ours", "zoeken/", "#pb-search-q",
    "q => document.querySelector('.pb-search__output').getAttribute('aria-busy') === 'false'"
    " && document.querySelector('.pb-search__status').textContent.includes(q)"
    " && document.querySelector('.pb-result') !== null",
    "() => document.querySelector('.pb-search__practices').hidden",
    ("/zoekindex/", "/javascripts/zoeken.js", "/javascripts/zoekindex.js", "/javascripts/snowball/"))


def benchmark_search(count: int) -> SearchRow:
    """Build the same generated practices with our plugin and, from the exported pages, with Material's search;
    index a copy of our site with Pagefind; then search all three in Chromium."""
    with tempfile.TemporaryDirectory(prefix=f"praktijkbank-bench-search-{count}-") as directory:
        work = Path(directory)
        root, pages, _ = prepare_site(work, count)
        theme_config = write_theme_search_config(write_plain_config(root / "mkdocs.yml", pages, work / "plain.yml"))
        ours_dir, theme_dir, pagefind_dir = work / "ours", work / "theme", work / "pagefind"
        build = run_clean(build_command(root / "mkdocs.yml", ours_dir), count)
        index_s = float(INDEX_LOG.search(build.output).group(1))
        pagefind_index = with_pagefind(ours_dir, pagefind_dir, count)
        theme_build = run_clean(build_command(theme_config, theme_dir), count)
        theme_index = (theme_dir / "search" / "search_index.json").read_bytes()
        print(f"{count}: build {build.seconds:.1f} s (index {index_s:.1f} s), Pagefind {pagefind_index.seconds:.1f} s,"
              f" theme index {len(theme_index) / 1024:.0f} KB; measuring in Chromium", file=sys.stderr, flush=True)
        engines = {}
        for ui, site_dir in ((OUR_SEARCH, ours_dir), (PAGEFIND_SEARCH, pagefind_dir), (THEME_SEARCH, theme_dir)):
            engines[ui.name] = measure_in_browser(site_dir, ui)
            print(f"{count}: {ui.name}: {engines[ui.name]}", file=sys.stderr, flush=True)
        return SearchRow(count, build.seconds, index_s, pagefind_index.seconds, theme_build.seconds,
                         len(theme_index) / 1024, len(gzip.compress(theme_index)) / 1024, engines)


def format_search_table(rows: Sequence[SearchRow]) -> str:
    """Our index against Pagefind and Material's built-in search, per size, then the goals with a verdict."""
    lines = ["search: our index (ours) vs Pagefind 1.5 and Material's built-in search (theme), one run each; "
             "timings on a shared machine are noisy",
             f"{'N':>6}  {'build s':>7}  {'index s':>7}  {'index adds':>10}  {'Pagefind s':>10}  "
             f"{'theme build s':>13}  {'theme index KB':>14}  {'gzipped KB':>10}"]
    lines.append("-" * len(lines[-1]))
    for row in rows:
        lines.append(f"{row.count:>6}  {row.build_s:>7.2f}  {row.index_s:>7.2f}  {_index_share(row):>9.0%}  "
                     f"{row.pagefind_index_s:>10.2f}  {row.theme_build_s:>13.2f}  {row.theme_index_kb:>14.0f}  "
                     f"{row.theme_index_gzip_kb:>10.0f}")
    header = (f"{'N':>6}  {'engine':<8}  {'KB to 1st result':>16}  {'search KB':>9}  {'1st result s':>12}  "
              f"{'keystroke ms (median, max)':>26}  {'search KB vs ours':>17}")
    lines += ["", header, "-" * len(header)]
    for row in rows:
        ours = row.engines[OUR_SEARCH.name]
        for engine, result in row.engines.items():
            lines.append(f"{row.count:>6}  {engine:<8}  {result.total_kb:>16.0f}  {result.search_kb:>9.0f}  "
                         f"{result.first_result_s:>12.2f}  {statistics.median(result.keystroke_ms):>17.0f}, "
                         f"{max(result.keystroke_ms):>6.0f}  {result.search_kb / ours.search_kb:>16.1f}x")
    lines += ["", *search_verdicts(rows)]
    return "\n".join(lines)


def _index_share(row: SearchRow) -> float:
    """How much the index adds to the rest of the build."""
    return row.index_s / (row.build_s - row.index_s)


def search_verdicts(rows: Sequence[SearchRow]) -> list[str]:
    """The three search goals at 10,000 practices, or NOT MEASURED when that size was left out."""
    row = next((row for row in rows if row.count == 10000), None)
    if row is None:
        return ["Goal: search goals at 10,000 practices: NOT MEASURED (add 10000 to --search-sizes)"]
    ours = row.engines[OUR_SEARCH.name]
    keystroke = statistics.median(ours.keystroke_ms)
    checks = [(f"first results after at most {SEARCH_GOAL_KB} KB of search files", ours.search_kb <= SEARCH_GOAL_KB,
               f"{ours.search_kb:.0f} KB"),
              (f"results within {KEYSTROKE_GOAL_MS} ms of the last keystroke", keystroke <= KEYSTROKE_GOAL_MS,
               f"{keystroke:.0f} ms median"),
              (f"indexing adds at most {INDEX_SHARE_GOAL:.0%} to the build", _index_share(row) <= INDEX_SHARE_GOAL,
               f"{_index_share(row):.0%}")]
    return [f"Goal: {text}: {'PASS' if passed else 'FAIL'} ({shown} at 10000)" for text, passed, shown in checks]


def missing() -> str | None:
    """The tools of our build, Chromium to search in and Pagefind to compare with."""
    if not CHROMIUM.is_file():
        return f"bench: the search benchmark needs Chromium at {CHROMIUM} (apt-get install chromium)."
    return missing_executables(PRAKTIJKBANK, MKDOCS) or missing_pagefind()


def run(sizes: Sequence[int], repeat: int) -> None:
    """One run per size (`repeat` does not apply) and one table per size: the 10,000 run takes many minutes."""
    for count in sizes:
        print(format_search_table([benchmark_search(count)]) + "\n", flush=True)


JOB = Job("search", "run the search benchmark (needs Chromium)", "--search-sizes", "to search in",
          default_sizes=(1000, 10000), quick_sizes=(1000,), missing=missing, run=run)

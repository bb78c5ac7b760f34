"""Search: the index our build writes (zoekindex/, searched by docs/javascripts/zoeken/zoekindex.js) against
mkdocs-material's built-in search on the same pages, and against Pagefind with its own interface on our built
site: the index's share of the build, and in headless Chromium the bytes transferred until the first result
of a query and the time from the last keystroke to the results, for a misspelt word too.

`--before REF` also builds the same practices with the engine of git revision REF (previous.py) and measures
it alongside ours, so a change to search shows its before and after in one run on one machine state;
`--only-ours` leaves Pagefind and Material out (at 10,000 practices they take many minutes). Each size also
weighs the comparison page with four practices (compare_page.py).

Goals at 10,000 practices: first results after at most 300 KB of search files, results at most 100 ms after
the last keystroke once loaded (median), and indexing adding at most 30% to the build.
"""

from __future__ import annotations

import dataclasses
import gzip
import math
import re
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.browser import LOADED_QUERIES, MISSPELT_QUERY, BrowserSearch, SearchUi, measure_in_browser
from scripts.bench.compare_page import PageWeight, measure_compare_page
from scripts.bench.job import Job, Option
from scripts.bench.material import THEME_SEARCH, write_theme_search_config
from scripts.bench.pagefind import PAGEFIND_SEARCH, missing_pagefind, with_pagefind
from scripts.bench.previous import build_at_revision, git_revision
from scripts.bench.processes import MKDOCS, PRAKTIJKBANK, Measurement, build_command, missing_executables, run_clean
from scripts.bench.site_build import prepare_site, write_plain_config
from tests.helpers import CHROMIUM

INDEX_LOG = re.compile(r"Zoekindex: .* in ([0-9.]+) s\.")
SEARCH_GOAL_KB, KEYSTROKE_GOAL_MS, INDEX_SHARE_GOAL = 300, 100, 0.30


@dataclass(frozen=True)
class Build:
    """One `mkdocs build` of the generated practices: the whole build and the search index step alone, as the
    build logs it (NaN when that revision did not log it), and the size of the index it wrote."""

    seconds: float
    index_s: float
    index_kb: float = math.nan  # every file under zoekindex/, as written (compressed)

    @classmethod
    def of(cls, measurement: Measurement, site_dir: Path | None = None) -> Build:
        logged = INDEX_LOG.search(measurement.output)
        index = site_dir / "zoekindex" if site_dir else None
        size = sum(path.stat().st_size for path in index.rglob("*") if path.is_file()) / 1024 \
            if index and index.is_dir() else math.nan
        return cls(measurement.seconds, float(logged.group(1)) if logged else math.nan, size)

    @property
    def index_share(self) -> float:
        """How much the index adds to the rest of the build."""
        return self.index_s / (self.seconds - self.index_s)


@dataclass(frozen=True)
class Yardsticks:
    """Pagefind and Material's search on the same pages: how long each takes to index, and Material's index."""

    pagefind_index_s: float  # Pagefind indexing our built practice pages
    theme_build_s: float  # MkDocs with Material's search on the exported pages
    theme_index_kb: float  # search/search_index.json as served
    theme_index_gzip_kb: float  # the same, as a server that compresses would send it


@dataclass(frozen=True)
class SearchRow:
    count: int
    build: Build  # ours
    before: Build | None  # the revision of --before
    yardsticks: Yardsticks | None  # None with --only-ours
    engines: dict[str, BrowserSearch]
    compare_page: PageWeight


# Done when the status names the query: results, or "nothing found", which the engine of before the typing
# errors were forgiven answers for a misspelt word.
_OUR_ANSWER = ("q => document.querySelector('.pb-search__output').getAttribute('aria-busy') === 'false'"
               " && document.querySelector('.pb-search__status').textContent.includes(q)")
OUR_SEARCH = SearchUi(
    "ours", "zoeken/", "#pb-search-q", _OUR_ANSWER + " && document.querySelector('.pb-result') !== null",
    "() => document.querySelector('.pb-search__practices').hidden",
    ("/zoekindex/", "/javascripts/zoeken/zoeken.js", "/javascripts/zoeken/zoekindex.js",
     "/javascripts/zoeken/snowball/", "/javascripts/zoeken/tikfouten.js", "/javascripts/zoeken/samenstellingen.js"),
    _OUR_ANSWER)
BEFORE_SEARCH = dataclasses.replace(OUR_SEARCH, name="before")


def benchmark_search(count: int, before: str | None, only_ours: bool) -> SearchRow:
    """Build the same generated practices with our plugin, with the engine of `before` if given, and (unless
    `only_ours`) from the exported pages with Material's search and, on a copy of our site, Pagefind's index;
    then search each in Chromium and weigh our comparison page."""
    with tempfile.TemporaryDirectory(prefix=f"praktijkbank-bench-search-{count}-") as directory:
        work = Path(directory)
        root, pages, _ = prepare_site(work, count)
        ours_dir = work / "ours"
        build = Build.of(run_clean(build_command(root / "mkdocs.yml", ours_dir), count), ours_dir)
        sites = [(OUR_SEARCH, ours_dir)]
        before_build = None
        if before:
            before_build = Build.of(build_at_revision(before, root, work / "before", count), work / "before")
            sites.append((BEFORE_SEARCH, work / "before"))
        yardsticks = None
        if not only_ours:
            yardsticks = build_yardsticks(work, root, pages, count)
            sites += [(PAGEFIND_SEARCH, work / "pagefind"), (THEME_SEARCH, work / "theme")]
        print(f"{count}: built ours in {build.seconds:.1f} s (index {build.index_s:.1f} s)"
              + (f", before in {before_build.seconds:.1f} s" if before_build else "")
              + "; measuring in Chromium", file=sys.stderr, flush=True)
        engines = {}
        for ui, site_dir in sites:
            engines[ui.name] = measure_in_browser(site_dir, ui)
            print(f"{count}: {ui.name}: {engines[ui.name]}", file=sys.stderr, flush=True)
        return SearchRow(count, build, before_build, yardsticks, engines, measure_compare_page(ours_dir))


def build_yardsticks(work: Path, root: Path, pages: Path, count: int) -> Yardsticks:
    """Pagefind on a copy of our site (work/pagefind) and Material's search from the exported pages (work/theme)."""
    pagefind = with_pagefind(work / "ours", work / "pagefind", count)
    theme_config = write_theme_search_config(write_plain_config(root / "mkdocs.yml", pages, work / "plain.yml"))
    theme_build = run_clean(build_command(theme_config, work / "theme"), count)
    theme_index = (work / "theme" / "search" / "search_index.json").read_bytes()
    return Yardsticks(pagefind.seconds, theme_build.seconds, len(theme_index) / 1024,
                      len(gzip.compress(theme_index)) / 1024)


def format_search_table(row: SearchRow, before: str | None) -> str:
    """The builds, then every engine in the browser, the comparison page, and the goals with a verdict."""
    lines = [f"search at {row.count} practices: our index (ours)"
             + (f", the engine of {before} on the same practices (before)" if before else "")
             + ("" if row.yardsticks is None else ", Pagefind 1.5 and Material's built-in search (theme)")
             + "; one run each, timings on a shared machine are noisy", *_build_lines(row)]
    header = (f"{'engine':<8}  {'KB to 1st result':>16}  {'search KB':>9}  {'1st result s':>12}  "
              f"{'keystroke ms (median, max)':>26}  {'vs ours':>7}  {'search KB vs ours':>17}  "
              f"{'misspelt ms':>11}  {'found':>5}  {'misspelt 1st KB':>15}")
    lines += ["", header, "-" * len(header)]
    ours = row.engines[OUR_SEARCH.name]
    lines += [_engine_line(engine, result, ours) for engine, result in row.engines.items()]
    weight = row.compare_page
    lines += ["", f"keystroke ms: {', '.join(LOADED_QUERIES)} and, on engines that answer it, the misspelt "
                  f"'{MISSPELT_QUERY}', typed once search is loaded; found = results shown for '{MISSPELT_QUERY}'; "
                  "misspelt 1st KB = search files a fresh visitor fetches until its answer",
              f"vergelijk/ with {len(weight.ids)} practices ({', '.join(weight.ids)}): {weight.total_kb:.0f} KB "
              f"({', '.join(f'{kind} {kb:.0f} KB' for kind, kb in weight.kilobytes.items())})",
              "", *search_verdicts(row)]
    return "\n".join(lines)


def _engine_line(engine: str, result: BrowserSearch, ours: BrowserSearch) -> str:
    """One engine in the browser, with its keystroke median and search KB as ratios to ours."""
    keystroke = statistics.median(result.keystroke_ms)
    line = (f"{engine:<8}  {result.total_kb:>16.0f}  {result.search_kb:>9.0f}  {result.first_result_s:>12.2f}  "
            f"{keystroke:>17.0f}, {max(result.keystroke_ms):>6.0f}  "
            f"{keystroke / statistics.median(ours.keystroke_ms):>6.2f}x  {result.search_kb / ours.search_kb:>16.2f}x  ")
    misspelt = result.misspelt
    if misspelt is None:
        return line + f"{'-':>11}  {'-':>5}  {'-':>15}"
    return line + (f"{misspelt.keystroke_ms:>11.0f}  {'yes' if misspelt.found else 'no':>5}  "
                   f"{misspelt.first_search_kb:>15.0f}")


def _build_lines(row: SearchRow) -> list[str]:
    """Our build and, when measured, the revision's and the yardsticks'."""
    lines = [f"{'build':<8}  {'build s':>7}  {'index s':>7}  {'index adds':>10}  {'index KB':>8}"]
    lines.append("-" * len(lines[-1]))
    for name, build in (("ours", row.build), ("before", row.before)):
        if build:
            lines.append(f"{name:<8}  {build.seconds:>7.2f}  {build.index_s:>7.2f}  {build.index_share:>9.0%}  "
                         f"{build.index_kb:>8.0f}")
    if row.yardsticks:
        sticks = row.yardsticks
        lines += [f"Pagefind indexing {sticks.pagefind_index_s:.2f} s; Material build {sticks.theme_build_s:.2f} s, "
                  f"its index {sticks.theme_index_kb:.0f} KB ({sticks.theme_index_gzip_kb:.0f} KB gzipped)"]
    return lines


def search_verdicts(row: SearchRow) -> list[str]:
    """The three search goals at 10,000 practices, or NOT MEASURED when that size was left out."""
    if row.count != 10000:
        return [f"Goal: search goals at 10,000 practices: NOT MEASURED at {row.count} (add 10000 to --search-sizes)"]
    ours = row.engines[OUR_SEARCH.name]
    keystroke = statistics.median(ours.keystroke_ms)
    checks = [(f"first results after at most {SEARCH_GOAL_KB} KB of search files", ours.search_kb <= SEARCH_GOAL_KB,
               f"{ours.search_kb:.0f} KB"),
              (f"results within {KEYSTROKE_GOAL_MS} ms of the last keystroke", keystroke <= KEYSTROKE_GOAL_MS,
               f"{keystroke:.0f} ms median"),
              (f"indexing adds at most {INDEX_SHARE_GOAL:.0%} to the build", row.build.index_share <= INDEX_SHARE_GOAL,
               f"{row.build.index_share:.0%}")]
    return [f"Goal: {text}: {'PASS' if passed else 'FAIL'} ({shown} at 10000)" for text, passed, shown in checks]


def missing() -> str | None:
    """The tools of our build, Chromium to search in and Pagefind to compare with."""
    if not CHROMIUM.is_file():
        return f"bench: the search benchmark needs Chromium at {CHROMIUM} (apt-get install chromium)."
    return missing_executables(PRAKTIJKBANK, MKDOCS) or missing_pagefind()


def run(sizes: Sequence[int], repeat: int, before: str | None = None, only_ours: bool = False) -> None:
    """One run per size (`repeat` does not apply) and one table per size: the 10,000 run takes many minutes."""
    for count in sizes:
        print(format_search_table(benchmark_search(count, before, only_ours), before) + "\n", flush=True)


JOB = Job("search", "run the search benchmark (needs Chromium)", missing, run, "--search-sizes", "to search in",
          default_sizes=(1000, 10000), quick_sizes=(1000,),
          options=(Option("--before", "also measure the engine of git revision REF (e.g. main) on the same "
                                      "practices, in the same run", metavar="REF", parse=git_revision),
                   Option("--only-ours", "leave out Pagefind and Material's search (minutes at 10,000)")))

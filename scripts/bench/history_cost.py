"""The history's cost: what reading the practices' history from git (one `git log` and one `git cat-file
--batch` for every version of every file), comparing each version with its parent field by field, and
rendering the change pages (a word diff per changed text) take, as a share of the whole `mkdocs build` they
are part of, timed inside one run.

The generated repository gets a git history of its own (git_history.py): every practice is added, then its
fields are changed in further commits, and every tenth is renamed on its last commit. Timing both parts inside
the same build, rather than two builds against each other, keeps the ratio honest on a busy machine.

Goal: at 1,000 practices with several commits each, the history costs at most 10 % of the build.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.bench.git_history import COMMITS_PER_PRACTICE, GIT, write_history
from scripts.bench.job import Job, Option
from scripts.bench.processes import missing_executables
from scripts.bench.site_build import prepare_repository

GOAL, GOAL_COUNT = 0.10, 1000


@dataclass(frozen=True)
class HistoryRun:
    """One build: its total time, the time spent reading and comparing the history, and rendering the change
    pages (the word diffs) inside it."""

    build: float
    history: float
    change_pages: float

    @property
    def ratio(self) -> float:
        return (self.history + self.change_pages) / self.build


def timed_build(config_file: Path, site_dir: Path) -> HistoryRun:
    """`mkdocs build` in this process, with the history steps and the change pages timed where the build
    calls them."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import praktijkbank.model.catalog as catalog
    import praktijkbank.publish.site as site
    from praktijkbank.render.change_pages import ChangePagesRenderer

    spent: list[float] = []
    rendering: list[float] = []
    originals = (site.read_history, catalog.build_histories, ChangePagesRenderer.pages)
    site.read_history, catalog.build_histories = _timed(originals[0], spent), _timed(originals[1], spent)
    ChangePagesRenderer.pages = _timed(originals[2], rendering)  # type: ignore[method-assign]
    try:
        started = time.perf_counter()
        build(load_config(str(config_file), site_dir=str(site_dir)))
        total = time.perf_counter() - started
    finally:
        site.read_history, catalog.build_histories, ChangePagesRenderer.pages = originals  # type: ignore[method-assign]
    if len(spent) != 2 or len(rendering) != 1:
        raise SystemExit(f"bench: expected the build to read the history once, build it once and render the "
                         f"change pages once, saw {len(spent)} and {len(rendering)}.")
    return HistoryRun(total, sum(spent), rendering[0])


def require_followed_renames(site_dir: Path) -> None:
    """The history was really read and compared: a renamed practice's page shows the rename, a change of its
    summary and its addition before them."""
    page = (site_dir / "praktijken" / "practice-00001" / "index.html").read_text(encoding="utf-8")
    if not all(text in page for text in ("Nieuw adres (was practice-00001-oud)", "Gewijzigd: samenvatting",
                                         "Toegevoegd")):
        raise SystemExit("bench: the build did not show the generated history; nothing was measured.")


def _timed(function: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    def timed(*arguments: Any, **options: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*arguments, **options)
        finally:
            spent.append(time.perf_counter() - started)
    return timed


def run(sizes: Sequence[int], repeat: int, history_commits: int | None = None) -> None:
    """For each size: a generated site with its history, one untimed build (warm caches), then `repeat` builds
    that each time their own history steps."""
    commits = history_commits or COMMITS_PER_PRACTICE
    rows = []
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix=f"praktijkbank-bench-history-{count}-") as directory:
            work = Path(directory)
            root = prepare_repository(work, count)
            started = time.perf_counter()
            total_commits = write_history(root, commits)
            print(f"{count} practices: {total_commits} commits written in {time.perf_counter() - started:.1f} s "
                  "(not timed)", file=sys.stderr)
            timed_build(root / "mkdocs.yml", work / "warm-up")
            require_followed_renames(work / "warm-up")
            runs = [timed_build(root / "mkdocs.yml", work / f"site-{number}") for number in range(repeat)]
            rows.append((count, total_commits, runs))
    print(format_table(rows, repeat))


def format_table(rows: Sequence[tuple[int, int, list[HistoryRun]]], repeat: int) -> str:
    lines = [f"history from git inside mkdocs build (median of {repeat} run(s), each ratio from one run): "
             "reading and comparing, and the change pages",
             f"{'practices':>10} {'commits':>8} {'build s':>8} {'history s':>10} {'pages s':>8} {'ratio':>7}"]
    for count, commits, runs in rows:
        lines.append(f"{count:>10} {commits:>8} {statistics.median(run.build for run in runs):>8.2f} "
                     f"{statistics.median(run.history for run in runs):>10.3f} "
                     f"{statistics.median(run.change_pages for run in runs):>8.3f} {_median_ratio(runs):>7.1%}")
    measured = [(count, _median_ratio(runs)) for count, _, runs in rows if count == GOAL_COUNT]
    verdict = ("PASS" if measured[0][1] <= GOAL else "FAIL") + f" ({measured[0][1]:.1%})" if measured \
        else f"not measured (run with --history-sizes {GOAL_COUNT})"
    lines.append(f"goal: the history costs at most {GOAL:.0%} of the build at {GOAL_COUNT:,} practices: {verdict}")
    return "\n".join(lines)


def _median_ratio(runs: Sequence[HistoryRun]) -> float:
    return statistics.median(run.ratio for run in runs)


def _commits(text: str) -> int:
    value = int(text) if text.isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is geen aantal commits (1 of meer)")
    return value


JOB = Job(name="history", help="run the history benchmark: reading git's history as a share of the build",
          missing=lambda: missing_executables(GIT), run=run, sizes_option="--history-sizes",
          sizes_help="for the history benchmark", default_sizes=(GOAL_COUNT,), quick_sizes=(100,),
          options=(Option("--history-commits", f"commits per practice (default {COMMITS_PER_PRACTICE})",
                          metavar="N", parse=_commits),))

"""The history's cost: what reading the practices' history from git (one `git log` and one `git cat-file
--batch` for every version of every file), comparing each version with its parent field by field, and
rendering the change pages (a word diff per changed text) take, as a share of the whole `mkdocs build` they
are part of, timed inside one run.

The generated repository gets a git history of its own, written with `git fast-import` (seconds, where a
`git commit` per change would take minutes): every practice is added, then changed in further commits (its
summary and review date, so every change is compared field by field and shown as a word diff), and every
tenth is renamed on its last commit. Timing the parts inside the same build, rather than two builds against
each other, keeps the ratio honest on a busy machine.

Goal: at 1,000 practices with several commits each, the history costs at most 10 % of the build.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.bench.job import Job, Option
from scripts.bench.processes import missing_executables
from scripts.bench.site_build import prepare_repository

GOAL, GOAL_COUNT = 0.10, 1000
COMMITS_PER_PRACTICE = 3
RENAME_EVERY = 10
FIRST_COMMIT = 1_767_225_600  # 2026-01-01T00:00:00Z: fixed, so every run writes the same history
GIT = Path("/usr/bin/git")


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


def write_history(root: Path, commits_per_practice: int) -> int:
    """A git history for the practices under `root`, ending in the files as they are; returns the number of
    commits. Earlier versions carry a comment, another summary and review date that the last one drops; every
    RENAME_EVERY-th practice lives under an older name until its last commit."""
    names = sorted(path.name for path in (root / "practices").glob("*.yml"))
    texts = {name: (root / "practices" / name).read_bytes() for name in names}
    stream, mark = bytearray(), 0
    for version in range(1, commits_per_practice + 1):
        last = version == commits_per_practice
        for number, name in enumerate(names):
            mark += 1
            renamed = number % RENAME_EVERY == 0
            old = name.replace(".yml", "-oud.yml") if renamed else name
            content = texts[name] if last else _earlier(texts[name], version)
            operations = f"D practices/{old}\n".encode() if renamed and last else b""
            path = name if last or not renamed else old
            operations += f"M 100644 inline practices/{path}\n".encode() + _data(content)
            subject = f"{'Add' if version == 1 else 'Rename' if renamed and last else 'Edit'} {name} (#{mark})"
            stream += (f"commit refs/heads/main\nmark :{mark}\n"
                       f"committer Bench <bench@example.org> {FIRST_COMMIT + 60 * mark} +0000\n").encode()
            stream += _data(subject.encode()) + (f"from :{mark - 1}\n".encode() if mark > 1 else b"") + operations
    _git(root, "init", "-q")
    _git(root, "fast-import", "--quiet", input=bytes(stream))
    _git(root, "symbolic-ref", "HEAD", "refs/heads/main")
    return mark


def _earlier(text: bytes, version: int) -> bytes:
    """An earlier version of a practice: its summary begun otherwise and reviewed a year before, plus a comment."""
    changed = text.replace(b"\nsummary: ", f"\nsummary: Versie {version} van de tekst. ".encode(), 1)
    return changed.replace(b"\nlast_reviewed: '2026-", b"\nlast_reviewed: '2025-", 1) + f"# versie {version}\n".encode()


def _data(content: bytes) -> bytes:
    return f"data {len(content)}\n".encode() + content + b"\n"


def _git(root: Path, *arguments: str, input: bytes | None = None) -> None:
    environment = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run([str(GIT), *arguments], cwd=root, input=input, env=environment, check=True,
                   capture_output=True)


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

"""A timed comparison of one of our tools with a yardstick on the same generated practices: runs in turns, a
table of medians, ratios and peak memory, and each project goal as a PASS/FAIL line under it."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.job import Job
from scripts.bench.processes import Measurement, missing_executables, run_clean


@dataclass(frozen=True)
class Row:
    """All repetitions for one repository size: our tool and the yardstick it is compared with."""

    count: int
    ours: list[Measurement]
    theirs: list[Measurement]


@dataclass(frozen=True)
class Goal:
    """One goal of the project as a PASS/FAIL line under a table, so nobody has to do arithmetic on it.
    `counts` names the sizes the goal is about; empty means every size that was measured."""

    text: str
    counts: tuple[int, ...]
    value: Callable[[Row], float]
    passes: Callable[[float], bool]
    show: Callable[[float], str]


@dataclass(frozen=True)
class Comparison:
    """What tells one comparison apart from another; timing, the table and the verdicts are shared."""

    title: str
    baseline: str
    ratio: Callable[[Row], float]
    goals: tuple[Goal, ...]
    measure: Callable[[int, int], Row]


def comparison_job(comparison: Comparison, *, name: str, help: str, sizes_option: str, sizes_help: str,
                   default_sizes: tuple[int, ...], quick_sizes: tuple[int, ...],
                   executables: tuple[Path, ...]) -> Job:
    """A job that measures every size, then prints one table for all of them."""

    def run(sizes: Sequence[int], repeat: int) -> None:
        rows = [comparison.measure(count, repeat) for count in sizes]
        print(format_table(comparison, rows, repeat, sizes_option) + "\n", flush=True)

    return Job(name, help, lambda: missing_executables(*executables), run, sizes_option, sizes_help, default_sizes,
               quick_sizes)


def time_alternately(ours: Sequence[str], theirs: Sequence[str], count: int, repeat: int) -> Row:
    """Time both commands in turns (ours, theirs, ours, ...), so a machine getting busier or quieter during
    the run affects both alike. The caller has run each once already, which also warms the file cache."""
    results: tuple[list[Measurement], list[Measurement]] = ([], [])
    for _ in range(repeat):
        for argv, measurements in zip((ours, theirs), results):
            measurements.append(run_clean(argv, count))
    return Row(count, *results)


def format_table(comparison: Comparison, rows: Sequence[Row], repeat: int, sizes_option: str) -> str:
    """Median and fastest wall time per side, the ratio and peak memory, then the goals with a verdict."""
    theirs = comparison.baseline
    seconds_width, megabytes_width = len(f"{theirs} med s"), len(f"{theirs} MB")
    header = (f"{'N':>6}  {'ours med s':>10}  {'ours min s':>10}  {theirs + ' med s':>{seconds_width}}  "
              f"{theirs + ' min s':>{seconds_width}}  {'ratio':>6}  {'ours MB':>7}  "
              f"{theirs + ' MB':>{megabytes_width}}")
    lines = [f"{comparison.title}, {repeat} run(s) each, interleaved", header, "-" * len(header)]
    for row in rows:
        lines.append(f"{row.count:>6}  {median(row.ours):>10.3f}  {fastest(row.ours):>10.3f}  "
                     f"{median(row.theirs):>{seconds_width}.3f}  {fastest(row.theirs):>{seconds_width}.3f}  "
                     f"{comparison.ratio(row):>5.2f}x  {peak(row.ours):>7.1f}  "
                     f"{peak(row.theirs):>{megabytes_width}.1f}")
    lines += ["", *(goal_verdict(goal, rows, sizes_option) for goal in comparison.goals)]
    return "\n".join(lines)


def goal_verdict(goal: Goal, rows: Sequence[Row], sizes_option: str) -> str:
    """PASS only if every size the goal is about was measured and met it; a size left out of the run is
    named, so a quick run neither passes nor fails a goal about a size it never tried."""
    measured = [row for row in rows if not goal.counts or row.count in goal.counts]
    missing = [count for count in goal.counts if count not in {row.count for row in rows}]
    details = [f"{goal.show(goal.value(row))} at {row.count}" for row in measured]
    if missing:
        details.append(f"add {','.join(map(str, missing))} to {sizes_option}")
    passed = all(goal.passes(goal.value(row)) for row in measured)
    verdict = "FAIL" if not passed else "NOT MEASURED" if missing else "PASS"
    return f"Goal: {goal.text}: {verdict} ({'; '.join(details)})"


def speed_up(row: Row) -> float:
    return median(row.theirs) / median(row.ours)


def slowdown(row: Row) -> float:
    return median(row.ours) / median(row.theirs)


def median(measurements: Sequence[Measurement]) -> float:
    return statistics.median(measurement.seconds for measurement in measurements)


def fastest(measurements: Sequence[Measurement]) -> float:
    return min(measurement.seconds for measurement in measurements)


def peak(measurements: Sequence[Measurement]) -> float:
    return max(measurement.peak_mb for measurement in measurements)

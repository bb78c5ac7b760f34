"""Robustness: how long validation takes on broken and hostile input, where a slow path (a regular expression
that backtracks, a parser that recurses) would show. The fuzz tests check that such input is reported and
never crashes; they no longer time it, since a shared CI machine is too noisy to fail a build on.

- `praktijkbank validate --format json FILE` on each seeded byte mutant of the real practices (the mutants of
  tests/test_mutation_fuzz.py), run in this process as that test runs it: worst and 95th percentile, goal
  under 1 s each;
- `validate_repository` on a copy of the real repository with one file of YAML-shaped noise (the tokens of
  tests/test_fuzz.py, seeded): worst, goal under 1 s;
- refusing a nesting bomb of one megabyte (tests/test_load.py): goal under 5 s.

The real practices are few, so this job has no sizes; `--repeat` times every case that often and keeps its
fastest run, so one hiccup of a busy machine does not pass for a slow case.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from praktijkbank.cli.main import main as praktijkbank
from praktijkbank.load.repository import Repository
from praktijkbank.load.strict_yaml import MAX_FILE_BYTES, LoadError, load_bytes
from praktijkbank.validate.checker import validate_repository
from scripts.bench.job import Job
from scripts.bench.processes import PROJECT_ROOT
from tests.mutants import MUTANTS_PER_FILE, real_practices, seeded_mutants, yaml_noise

NOISE_EXAMPLES = 150  # as many as the fuzz test's examples
NOISE_FILE = "ruis.yml"
NESTING_BOMB = b"a: " + b"[" * (MAX_FILE_BYTES - 10)


@dataclass(frozen=True)
class Case:
    """One kind of hostile input: the seconds each example took (its fastest run) and the goal for the worst."""

    name: str
    seconds: list[float]
    goal_s: float


def fastest(action: Callable[[], object], repeat: int) -> float:
    """The fastest of `repeat` runs of `action`, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def copy_repository(target: Path) -> Path:
    """The real schemas, practices and collections, to overwrite files in without touching the project."""
    for folder in ("schemas", "practices", "collections"):
        shutil.copytree(PROJECT_ROOT / folder, target / folder)
    return target


def validate_file(root: Path, target: Path) -> int:
    """`praktijkbank validate --format json` on one file, its output swallowed, as the mutation test runs it."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return praktijkbank(["validate", "--root", str(root), "--format", "json", str(target)])


def time_mutants(root: Path, repeat: int) -> list[float]:
    """Every seeded mutant of every real practice, validated in its own place."""
    seconds = []
    for original in real_practices(PROJECT_ROOT):
        target = root / "practices" / original.name
        for _, mutant in seeded_mutants(original, MUTANTS_PER_FILE):
            target.write_bytes(mutant)
            seconds.append(fastest(lambda: validate_file(root, target), repeat))
        target.write_bytes(original.read_bytes())
    return seconds


def time_noise(root: Path, repeat: int) -> list[float]:
    """The whole repository validated with one extra practice made of YAML-shaped noise."""
    target, repository = root / "practices" / NOISE_FILE, Repository(root)
    seconds = []
    for number in range(NOISE_EXAMPLES):
        target.write_bytes(yaml_noise(f"noise-{number}"))
        seconds.append(fastest(lambda: validate_repository(repository), repeat))
    target.unlink()
    return seconds


def refuse_bomb() -> None:
    """Load the bomb; it must be refused for its depth, or the benchmark times the wrong thing."""
    try:
        load_bytes(NESTING_BOMB)
    except LoadError as error:
        if error.rule == "yaml-too-deep":
            return
        raise SystemExit(f"bench: the nesting bomb was refused as {error.rule}, not as yaml-too-deep") from None
    raise SystemExit("bench: the nesting bomb was loaded instead of refused")


def measure(repeat: int) -> list[Case]:
    """All three kinds; the first validation is run once beforehand, so imports and caches filling up do not
    count against the first mutant."""
    with tempfile.TemporaryDirectory(prefix="praktijkbank-bench-robustness-") as directory:
        root = copy_repository(Path(directory))
        validate_file(root, real_practices(root)[0])
        return [Case("validate FILE, byte mutants", time_mutants(root, repeat), 1.0),
                Case("validate_repository, YAML noise", time_noise(root, repeat), 1.0),
                Case("nesting bomb of 1 MB refused", [fastest(refuse_bomb, repeat)], 5.0)]


def percentile(seconds: Sequence[float], share: float) -> float:
    """The value below which `share` of the examples lie (nearest rank)."""
    ordered = sorted(seconds)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def format_table(cases: Sequence[Case], repeat: int) -> str:
    """Per kind of input: examples, median, 95th percentile and worst, then each goal with a verdict."""
    header = f"{'input':<34}  {'examples':>8}  {'median ms':>9}  {'p95 ms':>8}  {'worst ms':>8}  {'goal':>6}"
    lines = [f"robustness: validation on hostile input, in this process, fastest of {repeat} run(s) per example",
             header, "-" * len(header)]
    for case in cases:
        lines.append(f"{case.name:<34}  {len(case.seconds):>8}  {statistics.median(case.seconds) * 1000:>9.1f}  "
                     f"{percentile(case.seconds, 0.95) * 1000:>8.1f}  {max(case.seconds) * 1000:>8.1f}  "
                     f"{case.goal_s:>5.0f}s")
    lines.append("")
    for case in cases:
        worst, p95 = max(case.seconds), percentile(case.seconds, 0.95)
        verdict = "PASS" if worst < case.goal_s else "FAIL"
        lines.append(f"Goal: {case.name}, every example in under {case.goal_s:.0f} s: {verdict} "
                     f"(worst {worst * 1000:.0f} ms, 95th percentile {p95 * 1000:.0f} ms)")
    return "\n".join(lines)


def run(sizes: Sequence[int], repeat: int) -> None:
    print(format_table(measure(repeat), repeat) + "\n", flush=True)


JOB = Job("robustness", "time validation on mutated practices, YAML noise and a nesting bomb",
          missing=lambda: None, run=run)

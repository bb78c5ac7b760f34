"""The command line: pick jobs and sizes, check that every chosen job has what it needs, then run them in turn.

`python -m scripts.bench --help` lists the options; each job brings its own (job.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from scripts.bench import map_cost, search, site_build, validation
from scripts.bench.job import Job

JOBS: tuple[Job, ...] = (validation.JOB, site_build.JOB, search.JOB, map_cost.JOB)
DEFAULT_REPEAT = 3


def parse_arguments(argv: Sequence[str] | None) -> tuple[list[tuple[Job, tuple[int, ...]]], int]:
    """The chosen jobs (all when none is named) with their sizes, and the number of timed runs."""
    parser = argparse.ArgumentParser(prog="python -m scripts.bench",
                                     description="Measure the project's speed goals on generated practices. "
                                                 "Without a job option, every job runs.")
    for job in JOBS:
        parser.add_argument(f"--{job.name}", action="store_true", help=job.help)
    for job in JOBS:
        parser.add_argument(job.sizes_option, type=_parse_sizes, default=None,
                            help=f"comma-separated numbers of practices {job.sizes_help} "
                                 f"(default: {','.join(map(str, job.default_sizes))})")
    parser.add_argument("--repeat", type=int, default=None,
                        help=f"timed runs per side and size (default: {DEFAULT_REPEAT})")
    parser.add_argument("--quick", action="store_true", help="the small sizes and one repetition")
    arguments = vars(parser.parse_args(argv))
    named = [job for job in JOBS if arguments[job.name]] or list(JOBS)
    chosen = [(job, arguments[_destination(job.sizes_option)]
               or (job.quick_sizes if arguments["quick"] else job.default_sizes)) for job in named]
    repeat = arguments["repeat"] if arguments["repeat"] is not None else 1 if arguments["quick"] else DEFAULT_REPEAT
    if repeat < 1:
        parser.error("--repeat must be at least 1")
    return chosen, repeat


def _destination(option: str) -> str:
    """Where argparse keeps an option's value: `--site-sizes` in `site_sizes`."""
    return option.lstrip("-").replace("-", "_")


def _parse_sizes(text: str) -> tuple[int, ...]:
    """`--sizes 100,1000` as numbers; a typo should fail at once, not after minutes of benchmarking."""
    try:
        sizes = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of numbers: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive numbers")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen jobs; each prints its tables. Only a failing command or a missing tool is an error."""
    chosen, repeat = parse_arguments(argv)
    for job, _ in chosen:  # all checked before the first run, not after minutes of benchmarking
        problem = job.missing()
        if problem:
            raise SystemExit(problem)
    for job, sizes in chosen:
        job.run(sizes, repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())

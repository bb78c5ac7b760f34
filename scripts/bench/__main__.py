"""The command line: pick jobs and sizes, check that every chosen job has what it needs, then run them in turn.

`python -m scripts.bench --help` lists the options; each job brings its own (job.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from scripts.bench import history_cost, lighthouse, map_cost, robustness, search, site_build, validation
from scripts.bench.job import Job, Option

JOBS: tuple[Job, ...] = (validation.JOB, site_build.JOB, search.JOB, map_cost.JOB, history_cost.JOB, robustness.JOB,
                         lighthouse.JOB)
DEFAULT_REPEAT = 3


@dataclass(frozen=True)
class Chosen:
    """A job to run, with its sizes (none for a job without a sizes option) and the values of its own options."""

    job: Job
    sizes: tuple[int, ...]
    options: dict[str, Any]


def parse_arguments(argv: Sequence[str] | None) -> tuple[list[Chosen], int]:
    """The chosen jobs (all when none is named) with their sizes and options, and the number of timed runs."""
    parser = argparse.ArgumentParser(prog="python -m scripts.bench",
                                     description="Measure the project's speed goals on generated practices. "
                                                 "Without a job option, every job runs.")
    for job in JOBS:
        parser.add_argument(f"--{job.name}", action="store_true", help=job.help)
    for job in JOBS:
        if job.sizes_option:
            parser.add_argument(job.sizes_option, type=_parse_sizes, default=None,
                                help=f"comma-separated numbers of practices {job.sizes_help} "
                                     f"(default: {','.join(map(str, job.default_sizes))})")
    for job in JOBS:
        for option in job.options:
            _add_option(parser, job, option)
    parser.add_argument("--repeat", type=int, default=None,
                        help=f"timed runs per side and size (default: {DEFAULT_REPEAT})")
    parser.add_argument("--quick", action="store_true", help="the small sizes and one repetition")
    arguments = vars(parser.parse_args(argv))
    named = [job for job in JOBS if arguments[job.name]] or list(JOBS)
    for job in JOBS:  # an option of a job that does not run would be ignored without a word
        given = [option.flag for option in job.options if arguments[_destination(option.flag)] not in (None, False)]
        if given and job not in named:
            parser.error(f"{', '.join(given)} only applies to --{job.name}")
    chosen = [Chosen(job, _sizes(job, arguments), {_destination(option.flag): arguments[_destination(option.flag)]
                                                   for option in job.options}) for job in named]
    repeat = arguments["repeat"] if arguments["repeat"] is not None else 1 if arguments["quick"] else DEFAULT_REPEAT
    if repeat < 1:
        parser.error("--repeat must be at least 1")
    return chosen, repeat


def _add_option(parser: argparse.ArgumentParser, job: Job, option: Option) -> None:
    """A job's own option, its help saying which job reads it."""
    help = f"{job.name}: {option.help}"
    if option.metavar is None:
        parser.add_argument(option.flag, action="store_true", help=help)
    else:
        parser.add_argument(option.flag, metavar=option.metavar, type=option.parse, default=None, help=help)


def _sizes(job: Job, arguments: dict[str, Any]) -> tuple[int, ...]:
    """The sizes given on the command line, else the quick or the default ones."""
    if not job.sizes_option:
        return ()
    return arguments[_destination(job.sizes_option)] or (job.quick_sizes if arguments["quick"] else job.default_sizes)


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
    for each in chosen:  # all checked before the first run, not after minutes of benchmarking
        problem = each.job.missing()
        if problem:
            raise SystemExit(problem)
    for each in chosen:
        each.job.run(each.sizes, repeat, **each.options)
    return 0


if __name__ == "__main__":
    sys.exit(main())

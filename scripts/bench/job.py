"""What a benchmark job is to the command line: its option, its sizes, its own options, what it needs and how
it runs.

A new job is a module with one `Job` that is added to `JOBS` in `__main__.py`; the options `--<name>` and its
sizes option, `--quick`, the job's own options and the check of what it needs before the first run then come
with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Option:
    """An option only one job reads, handed to its `run` as a keyword argument named after the option
    (`--only-ours` as `only_ours`). Without `metavar` it is a switch; with it, it takes a value that `parse`
    checks at once (raising argparse.ArgumentTypeError), so a mistake fails before minutes of benchmarking."""

    flag: str
    help: str
    metavar: str | None = None
    parse: Callable[[str], Any] = str


@dataclass(frozen=True)
class Job:
    """One benchmark. `run(sizes, repeat, **options)` measures every size and prints its table(s); `missing`
    says what is not installed (None when all is there), checked for every chosen job before the first one
    starts. A job without `sizes_option` measures one fixed set and is run with no sizes."""

    name: str
    help: str
    missing: Callable[[], str | None]
    run: Callable[..., None]
    sizes_option: str | None = None
    sizes_help: str = ""
    default_sizes: tuple[int, ...] = ()
    quick_sizes: tuple[int, ...] = ()
    options: tuple[Option, ...] = ()

"""What a benchmark job is to the command line: its option, its sizes, what it needs and how it runs.

A new job is a module with one `Job` that is added to `JOBS` in `__main__.py`; the options `--<name>` and its
sizes option, `--quick` and the check of what it needs before the first run then come with it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Job:
    """One benchmark. `run` measures every size and prints its table(s); `missing` says what is not installed
    (None when all is there), checked for every chosen job before the first one starts."""

    name: str
    help: str
    sizes_option: str
    sizes_help: str
    default_sizes: tuple[int, ...]
    quick_sizes: tuple[int, ...]
    missing: Callable[[], str | None]
    run: Callable[[Sequence[int], int], None]

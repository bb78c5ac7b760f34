"""Build into a temporary folder next to the output folder, and swap it in only when the build succeeded.

A failed build (bad input, a broken link in strict mode, a crash in any step) then leaves the previous site
exactly as it was, and a half-written site is never served. The temporary folder sits next to the output
folder, on the same file system, so the swap is a pair of renames.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def staging_folder(output: Path) -> Path:
    """The temporary sibling a build writes into; a leftover from an interrupted build is cleared first."""
    staging = output.with_name(f".{output.name}.building")
    shutil.rmtree(staging, ignore_errors=True)
    return staging


def publish(staging: Path, output: Path) -> None:
    """Replace `output` by the finished build in `staging`; the old site disappears only after the swap."""
    retired = output.with_name(f".{output.name}.previous")
    shutil.rmtree(retired, ignore_errors=True)
    if output.exists():
        output.rename(retired)
    staging.rename(output)
    shutil.rmtree(retired, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)

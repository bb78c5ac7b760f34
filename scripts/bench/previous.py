"""Our site as another git revision builds it (`--before REF`): that revision's engine (src/), its mkdocs.yml
and docs/ (the browser code and the theme's overrides), on the same generated practices, schemas and
collections as the current build, so a before-and-after comparison differs in the engine only.

The revision is read with `git archive` into the benchmark's own folder; neither the working tree nor the
installed package is touched. PYTHONPATH puts its src/ before the editable install of the current one.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

from scripts.bench.processes import CHILD_ENVIRONMENT, PROJECT_ROOT, Measurement, build_command, run_clean

ENGINE_PARTS = ("src", "docs", "mkdocs.yml")
DATA_PARTS = ("practices", "collections", "schemas")


def git_revision(ref: str) -> str:
    """The commit `ref` names (a branch, tag or hash), checked when the options are read, not after the first
    size has been benchmarked."""
    result = subprocess.run(["git", "-C", str(PROJECT_ROOT), "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
                            capture_output=True, text=True)
    if result.returncode:
        raise argparse.ArgumentTypeError(f"not a git revision of this repository: {ref!r}")
    return result.stdout.strip()


def build_at_revision(commit: str, repository: Path, target: Path, count: int) -> Measurement:
    """Build `repository`'s practices with the engine of `commit` into `target`; the source goes next to it."""
    source = target.with_name(f"{target.name}-source")
    archive = subprocess.run(["git", "-C", str(PROJECT_ROOT), "archive", commit, *ENGINE_PARTS],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(source, filter="data")
    for part in DATA_PARTS:
        shutil.copytree(repository / part, source / part)
    environment = {**CHILD_ENVIRONMENT, "PYTHONPATH": str(source / "src")}
    require_engine_from(source, environment)
    return run_clean(build_command(source / "mkdocs.yml", target), count, environment)


def require_engine_from(source: Path, environment: dict[str, str]) -> None:
    """Stop if the build would import the current engine after all: the comparison would be with itself."""
    imported = subprocess.run([sys.executable, "-c", "import praktijkbank; print(praktijkbank.__file__)"],
                              capture_output=True, text=True, env=environment, check=True).stdout.strip()
    if not Path(imported).is_relative_to(source):
        raise SystemExit(f"bench: the build for --before would import {imported}, not the revision's engine.")

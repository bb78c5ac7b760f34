"""Helpers for tests that build or serve a real site: a copy of the repository to change freely."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from helpers import PROJECT_ROOT

SITE_PARTS = ("mkdocs.yml", "docs", "schemas", "practices", "collections")
# The GitHub repository the forms site is built with (conftest.py, forms_site): its pages link to its forms.
FORMS_REPOSITORY = "https://github.com/voorbeeld/praktijkbank"
# ... given as `owner/name`, as GitHub shows it: the build writes it as FORMS_REPOSITORY everywhere.
FORMS_REPOSITORY_AS_TYPED = "voorbeeld/praktijkbank"
# The editors' address it is built with: every route offers "per e-mail" too.
FORMS_CONTACT = "redactie@praktijkbank.example"
MKDOCS = Path(sys.executable).with_name("mkdocs")


def copy_site_repository(target: Path) -> Path:
    """The project's site sources (config, docs, data, schemas) in `target`, for a test to change."""
    target.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = PROJECT_ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy(source, target / part)
    return target


def mkdocs_environment(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def build(repository: Path, output: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` exactly as a user runs it, into `output`."""
    return subprocess.run([MKDOCS, "build", "-f", repository / "mkdocs.yml", "-d", output], capture_output=True,
                          text=True, env=mkdocs_environment(**environment), timeout=300)


def build_once(repository: Path, tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """`repository` built into a folder `name` once per test run (made_once)."""
    return made_once(tmp_path_factory, name, lambda output: _build_or_fail(repository, output))


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]) -> Path:
    """A folder `name` made by `make` once per test run. Each pytest-xdist worker has its own temporary folder
    inside one shared by the run: the first worker that needs the folder makes it there while holding a lock,
    and the others wait for it and use the same folder. A failed `make` is left unmarked, so each worker that
    needs it reports the failure itself."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        output = tmp_path_factory.mktemp(name)
        make(output)
        return output
    shared = tmp_path_factory.getbasetemp().parent
    output, done = shared / name, shared / f"{name}.built"
    with _exclusive(shared / f"{name}.lock"):
        if not done.is_file():
            shutil.rmtree(output, ignore_errors=True)
            output.mkdir()
            make(output)
            done.touch()
    return output


def _build_or_fail(repository: Path, output: Path) -> Path:
    result = build(repository, output)
    assert result.returncode == 0, result.stderr
    return output


@contextmanager
def _exclusive(lock_file: Path) -> Iterator[None]:
    """One process at a time, across the workers of a test run (an advisory lock, released on exit too)."""
    with lock_file.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

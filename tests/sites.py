"""Helpers for tests that build or serve a real site: a copy of the repository to change freely."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import PROJECT_ROOT

SITE_PARTS = ("mkdocs.yml", "docs", "schemas", "practices", "collections")
# The GitHub repository the forms site is built with (conftest.py, forms_site): its pages link to its forms.
FORMS_REPOSITORY = "https://github.com/voorbeeld/praktijkbank"
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

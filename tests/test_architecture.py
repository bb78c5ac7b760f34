"""The pipeline's direction, as DESIGN.md draws it and pyproject.toml's import-linter contracts state it:
each step imports only the steps below it, and only the engine adapter imports MkDocs or Material, so the
core can move to another engine."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from helpers import PROJECT_ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGE = PROJECT_ROOT / "src" / "praktijkbank"
ADAPTER = "praktijkbank.mkdocs_adapter"
ENGINE_CONTRACT = "Only the engine adapter imports MkDocs or Material"


def lint_imports(source_root: Path, config: Path = PROJECT_ROOT / "pyproject.toml") -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the package under `source_root` (its copy first on the path), without a cache."""
    return subprocess.run([LINT_IMPORTS, "--no-cache", "--no-logo", str(config)], capture_output=True, text=True,
                          cwd=source_root, env={"PYTHONPATH": str(source_root), "PATH": ""}, timeout=300)


def contracts() -> list[dict]:
    settings = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return settings["tool"]["importlinter"]["contracts"]


def test_every_import_contract_is_kept() -> None:
    result = lint_imports(PROJECT_ROOT / "src")

    assert result.returncode == 0, result.stdout
    assert "2 kept, 0 broken" in result.stdout


def test_every_subpackage_but_the_adapter_is_forbidden_to_import_the_engine() -> None:
    """A new subpackage is covered as soon as it exists: the contract must name it, or this fails."""
    engine = next(contract for contract in contracts() if contract["name"] == ENGINE_CONTRACT)
    subpackages = {f"praktijkbank.{path.parent.name}" for path in PACKAGE.glob("*/__init__.py")}

    assert set(engine["forbidden_modules"]) == {"mkdocs", "material"}
    assert set(engine["source_modules"]) == subpackages - {ADAPTER}


def test_an_engine_import_outside_the_adapter_breaks_the_contract(tmp_path: Path) -> None:
    copy = tmp_path / "src"
    shutil.copytree(PACKAGE, copy / "praktijkbank", ignore=shutil.ignore_patterns("__pycache__"))
    site = copy / "praktijkbank" / "publish" / "site.py"
    site.write_text(site.read_text(encoding="utf-8") + "\nimport mkdocs.structure.files  # noqa\n", encoding="utf-8")

    result = lint_imports(copy)

    assert result.returncode == 1
    assert f"{ENGINE_CONTRACT} BROKEN" in result.stdout
    assert "praktijkbank.publish.site -> mkdocs (l." in result.stdout

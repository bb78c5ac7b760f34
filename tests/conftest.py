"""Shared test helpers: throwaway repositories built from fixtures, and running the CLI as a user would."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from praktijkbank.cli import main

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID_PRACTICE = FIXTURES / "valid" / "voorbeeldstad-voorleestent.yml"
VALID_COLLECTION = FIXTURES / "valid" / "voorbeeldstad-collectie.yml"


@dataclass(frozen=True)
class CliResult:
    code: int
    stdout: str
    stderr: str

    @property
    def problems(self) -> list[dict]:
        """The errors printed with `--format json` (warnings left out: they are tested on their own)."""
        return [problem for problem in self.printed if problem["severity"] == "error"]

    @property
    def warnings(self) -> list[dict]:
        """The completeness warnings printed with `--format json`."""
        return [problem for problem in self.printed if problem["severity"] == "warning"]

    @property
    def printed(self) -> list[dict]:
        return json.loads(self.stdout) if self.stdout.strip() else []


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run `praktijkbank ARGS` in this process and capture what it prints."""

    def run(*args: str | Path) -> CliResult:
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def make_repository(tmp_path: Path) -> Callable[..., Path]:
    """A repository with the project's schemas and the given practice and collection files copied in."""

    def make(practices: Iterable[Path] = (VALID_PRACTICE,), collections: Iterable[Path] = (),
             media: Iterable[str] = ()) -> Path:
        root = tmp_path / "repo"
        shutil.copytree(PROJECT_ROOT / "schemas", root / "schemas")
        (root / "practices" / "media").mkdir(parents=True)
        (root / "collections").mkdir()
        for source in practices:
            shutil.copy(source, root / "practices" / source.name)
        for source in collections:
            shutil.copy(source, root / "collections" / source.name)
        for name in media:
            (root / "practices" / "media" / name).write_bytes(b"\x89PNG\r\n\x1a\n")
        return root

    return make


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once with `mkdocs build` for every test that only reads it."""
    from sites import build

    output = tmp_path_factory.mktemp("site")
    result = build(PROJECT_ROOT, output)
    assert result.returncode == 0, result.stderr
    return output

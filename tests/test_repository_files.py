"""Nothing under practices/ or collections/ is silently skipped: every file is loaded, skipped by a documented
rule (a name starting with `_` or `.`, and practices/media/), or reported with its path and a Dutch tip.
`praktijkbank validate PATH` follows the same rules as the run over the whole repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import PROJECT_ROOT, VALID_PRACTICE
from praktijkbank.load.repository import Repository
from sites import copy_site_repository

PRACTICE_TEXT = VALID_PRACTICE.read_text(encoding="utf-8").replace("voorbeeldstad-zomertent", "andere-oude-naam")


@pytest.mark.parametrize(("stray", "rule", "tip"), [
    ("practices/Nieuwe-praktijk.YML", "wrong-extension", "Hernoem het bestand naar practices/nieuwe-praktijk.yml."),
    ("practices/nieuwe-praktijk.yaml", "wrong-extension", "Hernoem het bestand naar practices/nieuwe-praktijk.yml."),
    ("collections/Congres.Yml", "wrong-extension", "Hernoem het bestand naar collections/congres.yml."),
    ("practices/2025/nieuwe-praktijk.yml", "file-in-subfolder",
     "Verplaats het bestand naar practices/nieuwe-praktijk.yml."),
    ("collections/oud/congres.yml", "file-in-subfolder", "Verplaats het bestand naar collections/congres.yml."),
    ("practices/notities.txt", "unexpected-file", "Haal het bestand weg, of laat de naam beginnen met _"),
    ("practices/foto.jpg", "unexpected-file", "Zet afbeeldingen in de map practices/media/"),
    ("collections/congres.json", "unexpected-file", "Haal het bestand weg"),
])
def test_a_file_that_is_not_read_is_reported_with_a_tip(stray: str, rule: str, tip: str, make_repository,
                                                          run_cli) -> None:
    root = make_repository()
    (root / stray).parent.mkdir(parents=True, exist_ok=True)
    (root / stray).write_text(PRACTICE_TEXT, encoding="utf-8")

    whole = run_cli("validate", "--root", root, "--format", "json")
    named = run_cli("validate", "--root", root, "--format", "json", root / stray)

    for result in (whole, named):
        assert result.code == 1
        [problem] = [problem for problem in result.problems if problem["rule"] == rule]
        assert (problem["file"], problem["line"], problem["column"]) == (stray, 1, 1)
        assert problem["hint"].startswith(tip)
        assert "Alles in orde" not in result.stderr


def test_a_file_that_is_not_read_stops_the_build(run_cli, tmp_path: Path) -> None:
    """The site is built by the same `build_site` as `export-pages` (the MkDocs plugin calls it too)."""
    root = copy_site_repository(tmp_path / "repo")
    (root / "practices" / "2025").mkdir()
    (root / "practices" / "2025" / "nieuwe-praktijk.yml").write_text(PRACTICE_TEXT, encoding="utf-8")

    result = run_cli("export-pages", "--root", root, tmp_path / "export")

    assert result.code == 1
    assert "practices/2025/nieuwe-praktijk.yml:1:1: file-in-subfolder:" in result.stdout
    assert not (tmp_path / "export").exists()


@pytest.mark.parametrize("skipped", ["practices/_concept.yml", "practices/_concepten/nieuw.yml",
                                     "practices/.DS_Store", "collections/.gitkeep", "collections/_oud.yml",
                                     "practices/media/kaart/overzicht.png"])
def test_files_skipped_by_a_documented_rule_pass_quietly(skipped: str, make_repository, run_cli) -> None:
    root = make_repository()
    (root / skipped).parent.mkdir(parents=True, exist_ok=True)
    (root / skipped).write_text("dit is geen praktijk: [", encoding="utf-8")

    for arguments in ((), (root / skipped,), (root / skipped.split("/")[0],)):
        result = run_cli("validate", "--root", root, "--no-warnings", *arguments)
        assert result.code == 0, result.stdout
        assert "Alles in orde: 1 praktijk" in result.stderr


def test_a_folder_argument_follows_the_rules_of_the_whole_repository(make_repository, run_cli) -> None:
    root = make_repository()
    (root / "practices" / "_template.yml").write_text("title: [", encoding="utf-8")
    (root / "practices" / "2025").mkdir()
    (root / "practices" / "2025" / "nieuw.yml").write_text(PRACTICE_TEXT, encoding="utf-8")

    result = run_cli("validate", "--root", root, "--format", "json", root / "practices")

    assert [(problem["file"], problem["rule"]) for problem in result.problems] == [
        ("practices/2025/nieuw.yml", "file-in-subfolder")]


@pytest.mark.parametrize("folder", ["practices", "collections", "."])
def test_validating_a_folder_of_this_repository_passes(folder: str, run_cli) -> None:
    result = run_cli("validate", "--root", PROJECT_ROOT, "--format", "json", PROJECT_ROOT / folder)

    assert result.code == 0, result.stdout
    assert result.problems == []


def test_each_file_of_the_repository_is_loaded_or_skipped_by_a_documented_rule() -> None:
    handled = {data_file.path for data_file in Repository(PROJECT_ROOT).data_files()}
    others = [path for folder in ("practices", "collections") for path in (PROJECT_ROOT / folder).rglob("*")
              if path.is_file() and path not in handled]

    assert others and all(path.name.startswith("_") or "media" in path.relative_to(PROJECT_ROOT).parts
                          for path in others)

"""The command line as contributors and CI meet it: exit codes, output formats, and never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import FIXTURES, PROJECT_ROOT, VALID_PRACTICE

BAD = FIXTURES / "bad" / "practices"


def test_clean_repository_exits_0(make_repository, run_cli) -> None:
    result = run_cli("validate", "--root", make_repository(), "--no-warnings")
    assert result.code == 0
    assert result.stdout == ""


def test_problems_exit_1_in_text_format(make_repository, run_cli) -> None:
    root = make_repository(practices=[VALID_PRACTICE, BAD / "unknown-value-theme.yml"])

    result = run_cli("validate", "--root", root, "--no-warnings")

    assert result.code == 1
    assert result.stdout.splitlines() == [
        "practices/unknown-value-theme.yml:20:5: unknown-value: onbekend thema 'laaggeletterheid'.",
        "    tip: bedoelde je 'laaggeletterdheid'?",
    ]
    assert "1 probleem gevonden in 1 bestand." in result.stderr


def test_github_format_writes_annotations(make_repository, run_cli) -> None:
    root = make_repository(practices=[VALID_PRACTICE, BAD / "unknown-value-theme.yml"])

    result = run_cli("validate", "--root", root, "--format", "github", "--no-warnings")

    assert result.stdout.strip() == (
        "::error file=practices/unknown-value-theme.yml,line=20,col=5,title=unknown-value::"
        "onbekend thema 'laaggeletterheid'. Tip: bedoelde je 'laaggeletterdheid'?"
    )


def test_github_annotations_cannot_be_broken_out_of() -> None:
    from praktijkbank.common.problems import Problem, format_github

    line = format_github([Problem("a,b:c.yml", 1, 1, "rule", "eerste\n::error::nep", "100%")])

    assert line.count("\n") == 0
    assert "file=a%2Cb%3Ac.yml" in line
    assert "eerste%0A::error::nep Tip: 100%25" in line


def test_json_format_lists_every_field(make_repository, run_cli) -> None:
    root = make_repository(practices=[VALID_PRACTICE, BAD / "too-short.yml"])

    problems = run_cli("validate", "--root", root, "--format", "json").problems

    assert problems == [{
        "file": "practices/too-short.yml", "line": 3, "column": 10, "rule": "too-short",
        "message": "'summary' is te kort: schrijf minstens 20 tekens.",
        "hint": "Eén of twee zinnen: wat gebeurt er, voor wie en met wie? Deze tekst staat in overzichten en "
                "zoekresultaten.",
        "severity": "error",
    }]


def test_all_problems_in_all_files_come_in_one_run(make_repository, run_cli) -> None:
    fixtures = [BAD / "yaml-tab.yml", BAD / "unknown-field.yml", BAD / "media-missing.yml"]
    root = make_repository(practices=[VALID_PRACTICE, *fixtures])

    problems = run_cli("validate", "--root", root, "--format", "json").problems

    assert {problem["rule"] for problem in problems} == {"yaml-tab", "unknown-field", "media-missing"}


def test_a_file_can_have_several_problems_at_once(make_repository, run_cli, tmp_path: Path) -> None:
    practice = tmp_path / "veel-fouten.yml"
    text = (VALID_PRACTICE.read_text().replace("laaggeletterdheid", "lezen").replace("role: partner", "role: helper")
            .replace("voorbeeldstad-zomertent", "voorbeeldstad-ander"))
    practice.write_text(text + "related:\n  - bestaat-niet\n")

    problems = run_cli("validate", "--root", make_repository(practices=[VALID_PRACTICE, practice]),
                       "--format", "json").problems

    assert sorted((p["line"], p["rule"]) for p in problems if p["file"] == "practices/veel-fouten.yml") == [
        (18, "unknown-value"), (20, "unknown-value"), (30, "unknown-practice"),
    ]


def test_paths_limit_the_report_but_references_resolve_against_the_repository(make_repository, run_cli) -> None:
    root = make_repository(practices=[VALID_PRACTICE, BAD / "too-short.yml", BAD / "related-self.yml"])
    new = root / "practices" / "voorbeeldstad-nieuw.yml"
    new.write_text(VALID_PRACTICE.read_text().replace("voorbeeldstad-zomertent", "voorbeeldstad-nieuw-oud")
                   + "related:\n  - voorbeeldstad-voorleestent\n")

    result = run_cli("validate", "--root", root, new)

    assert result.code == 0, result.stdout


def test_a_folder_argument_checks_the_files_in_it(make_repository, run_cli) -> None:
    root = make_repository(practices=[VALID_PRACTICE, BAD / "too-short.yml"])

    result = run_cli("validate", "--root", root, "--format", "json", root / "practices")

    assert [problem["rule"] for problem in result.problems] == ["too-short"]


def test_the_same_id_in_two_folders_is_a_duplicate(make_repository, run_cli, tmp_path: Path) -> None:
    root = make_repository()
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    shutil.copy(VALID_PRACTICE, elsewhere / VALID_PRACTICE.name)

    problems = run_cli("validate", "--root", root, "--format", "json", elsewhere / VALID_PRACTICE.name).problems

    assert "duplicate-id" in {problem["rule"] for problem in problems}


def test_a_symlink_out_of_the_media_folder_is_refused(make_repository, run_cli, tmp_path: Path) -> None:
    secret = tmp_path / "geheim.jpg"
    secret.write_bytes(b"geheim")
    root = make_repository()
    (root / "practices" / "media" / "foto.jpg").symlink_to(secret)
    practice = root / "practices" / "voorbeeldstad-foto.yml"
    practice.write_text(VALID_PRACTICE.read_text().replace("  - voorbeeldstad-zomertent\n", "  - voorbeeldstad-oud\n")
                        + "media:\n  - file: foto.jpg\n    alt: Een foto van de tent.\n    credit: Iemand\n")

    problems = run_cli("validate", "--root", root, "--format", "json").problems

    assert [(p["file"], p["line"], p["rule"]) for p in problems] == [
        ("practices/voorbeeldstad-foto.yml", 30, "media-path")
    ]


def test_an_existing_media_file_passes(make_repository, run_cli) -> None:
    root = make_repository(media=["tent.png"])
    practice = root / "practices" / "voorbeeldstad-foto.yml"
    practice.write_text(VALID_PRACTICE.read_text().replace("  - voorbeeldstad-zomertent\n", "  - voorbeeldstad-oud\n")
                        + "media:\n  - file: tent.png\n    alt: Een foto van de tent.\n    credit: Iemand\n")

    assert run_cli("validate", "--root", root).code == 0


def test_usage_errors_exit_2_in_dutch(run_cli, make_repository) -> None:
    root = make_repository()
    for args, words in [
        (("validate", "--root", root, "--format", "xml"), "ongeldige keuze"),
        (("validate", "--root", root, root / "bestaat-niet.yml"), "bestaat niet"),
        (("validate", "--root", root / "practices"), "geen praktijkbank"),
        (("onbekend",), "ongeldige keuze"),
        ((), "dit ontbreekt"),
    ]:
        result = run_cli(*args)
        assert result.code == 2, args
        assert words in result.stderr, result.stderr


def test_the_installed_command_never_shows_a_traceback(make_repository) -> None:
    root = make_repository(practices=[VALID_PRACTICE, *sorted(BAD.glob("*.y*ml"))])
    command = Path(sys.executable).with_name("praktijkbank")

    result = subprocess.run([command, "validate", "--root", root], capture_output=True, text=True,
                            env={**os.environ, "PYTHONHASHSEED": "1"}, timeout=60)

    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.count("\n") >= len(list(BAD.glob("*.y*ml")))


def test_the_repository_itself_validates_from_its_own_folder() -> None:
    command = Path(sys.executable).with_name("praktijkbank")
    result = subprocess.run([command, "validate", "--format", "json"], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, json.dumps(json.loads(result.stdout or "[]"), indent=1, ensure_ascii=False)

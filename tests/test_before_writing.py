"""Checks before a new file is written: an id that is already another practice's old id stops `new` and
`from-issue` with a Dutch message naming that practice's file and line, and nothing is written; a withdrawn
practice as `based_on` or in a new collection is a warning, said before the file is made and repeated in the
pull request's text."""

from __future__ import annotations

from pathlib import Path

from helpers import VALID_PRACTICE
from test_adoption import OLD_ID, ORIGINAL
from test_contribute import ISSUES, collection_answers, run, write_issue

WITHDRAWN = "withdrawn:\n  date: 2026-11-30\n  reason: De bibliotheek is met de voorleestent gestopt.\n"


def practice_issue(folder: Path, **replace: str) -> Path:
    """The good practice issue, with text replaced and, optionally, "Gebaseerd op" answered."""
    body = (ISSUES / "goed.md").read_text(encoding="utf-8")
    for old, new in replace.items():
        body = body.replace(old, new)
    path = folder / "issue.md"
    path.write_text(body, encoding="utf-8")
    return path


def withdrawn_original(folder: Path) -> Path:
    original = folder / VALID_PRACTICE.name
    original.write_text(VALID_PRACTICE.read_text(encoding="utf-8") + WITHDRAWN, encoding="utf-8")
    return original


def test_a_new_practice_cannot_take_another_practices_old_id(make_repository, tmp_path) -> None:
    root = make_repository()
    issue = practice_issue(tmp_path, **{"\nvoorbeeldstad-taalcafe\n": f"\n{OLD_ID}\n"})

    result = run("from-issue", issue, "--root", root, "--added", "2026-11-20")

    assert result.returncode == 1, result.stdout + result.stderr
    assert f"'{OLD_ID}' is al een oude id van '{ORIGINAL}' (practices/{ORIGINAL}.yml, regel" in result.stdout
    assert "Traceback" not in result.stderr
    assert not (root / "practices" / f"{OLD_ID}.yml").exists()


def test_new_with_flags_refuses_an_old_id_before_writing(make_repository) -> None:
    root = make_repository()

    result = run("new", "--root", root, "--added", "2026-11-23", "--title", "Taalcafé", "--id", OLD_ID,
                 "--summary", "Nieuwkomers praten Nederlands in de bibliotheek.",
                 "--description", "Elke week een taalcafé.", "--provinces", "Overijssel",
                 "--initiator", "Bibliotheek Voorbeeldstad", "--initiator-type", "bibliotheek",
                 "--themes", "participatie", "--target-groups", "nieuwkomers", "--status", "lopend",
                 "--source-title", "Een artikel")

    assert result.returncode == 1
    assert f"practices/{ORIGINAL}.yml:" in result.stderr and "is al een oude id" in result.stderr
    assert not (root / "practices" / f"{OLD_ID}.yml").exists()


def test_an_adoption_of_a_withdrawn_practice_is_written_with_a_warning(make_repository, tmp_path) -> None:
    root = make_repository(practices=[withdrawn_original(tmp_path)])
    issue = practice_issue(tmp_path, **{"### Controle": f"### Gebaseerd op\n\n{ORIGINAL}\n\n### Controle"})

    result = run("from-issue", issue, "--root", root, "--added", "2026-12-01")

    assert result.returncode == 0, result.stdout + result.stderr
    assert f"let op: de praktijk waarop deze praktijk is gebaseerd, '{ORIGINAL}', is teruggetrokken" in result.stderr
    assert "Let op:" in result.stdout and "is teruggetrokken" in result.stdout
    assert (root / "practices" / "voorbeeldstad-taalcafe.yml").exists()


def test_a_new_collection_with_a_withdrawn_practice_gets_a_warning(make_repository, tmp_path) -> None:
    root = make_repository(practices=[withdrawn_original(tmp_path)])

    result = run("from-issue", write_issue(root, collection_answers()), "--root", root, "--added", "2026-12-01")

    assert result.returncode == 0, result.stdout + result.stderr
    assert f"een praktijk in deze collectie, '{ORIGINAL}', is teruggetrokken (practices/{ORIGINAL}.yml, regel" \
        in result.stderr

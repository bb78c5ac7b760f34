"""Completeness hints: warnings that fire on the right files and lines, never change the exit code, and
measure "two years" against SOURCE_DATE_EPOCH when it is set."""

from __future__ import annotations

from datetime import date, datetime, timezone

from helpers import VALID_PRACTICE

from praktijkbank.common.clock import reference_date, review_deadline
from praktijkbank.common.urls import practice_url
from real_data import A_PRACTICE

COMPLETE = """\
results:
  - text: Twintig gezinnen kwamen voor het eerst.
lessons:
  - Begin klein.
"""


def _practice(tmp_path, name: str, text: str):
    path = tmp_path / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _complete_text() -> str:
    text = VALID_PRACTICE.read_text(encoding="utf-8")
    text = text.replace("  Elke week van de zomervakantie staat de tent in een andere wijk.\n",
                        "  Elke week van de zomervakantie staat de tent in een andere wijk.\n\n"
                        "  Kinderen lezen er met vrijwilligers en ouders praten met de welzijnswerker.\n")
    text = text.replace("  - title: Een artikel over de voorleestent\n",
                        "  - title: Een artikel over de voorleestent\n    url: https://bibliotheek.example/a\n")
    return text.replace("aliases:\n  - voorbeeldstad-zomertent\n", COMPLETE)


def test_a_complete_practice_gets_no_warnings(make_repository, run_cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795518400")  # 2026-11-24, the day after the practice was added
    root = make_repository(practices=[_practice(tmp_path, "voorbeeldstad-voorleestent", _complete_text())])

    result = run_cli("validate", "--root", root, "--format", "json")

    assert result.code == 0
    assert result.warnings == []


def test_warnings_point_at_what_is_missing_and_keep_exit_code_0(make_repository, run_cli, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795518400")
    root = make_repository()

    result = run_cli("validate", "--root", root, "--format", "json")

    assert result.code == 0
    assert [(w["rule"], w["line"]) for w in result.warnings] == [
        ("no-lessons", 2), ("no-results", 2), ("one-paragraph", 4), ("no-source-url", 25),
        ("source-origin-unknown", 25)]
    assert "5 waarschuwingen" in result.stderr


def test_each_format_marks_warnings_as_warnings(make_repository, run_cli) -> None:
    root = make_repository()

    text = run_cli("validate", "--root", root).stdout
    github = run_cli("validate", "--root", root, "--format", "github").stdout

    assert "practices/voorbeeldstad-voorleestent.yml:2:1: waarschuwing: no-results: er staan geen resultaten in." \
        in text
    assert "::warning file=practices/voorbeeldstad-voorleestent.yml,line=2,col=1,title=no-results::" in github
    assert "::error" not in github
    assert run_cli("validate", "--root", root, "--zonder-waarschuwingen").stdout == ""


def test_warnings_come_with_errors_without_hiding_them(make_repository, run_cli, tmp_path) -> None:
    broken = _practice(tmp_path, "voorbeeldstad-kapot", _complete_text().replace("status: lopend", "status: x"))
    root = make_repository(practices=[broken])

    result = run_cli("validate", "--root", root, "--format", "json")

    assert result.code == 1
    assert [problem["rule"] for problem in result.problems] == ["unknown-value"]


def test_summary_bounds_for_a_card(make_repository, run_cli, tmp_path) -> None:
    short = _complete_text().replace(
        "summary: De bibliotheek en de welzijnsorganisatie lezen in de zomer voor in een tent in de wijk.",
        "summary: Voorlezen in een tent in de wijk.")
    long = _complete_text().replace("lezen in de zomer voor in een tent in de wijk.", "lezen voor. " * 30)
    root = make_repository(practices=[_practice(tmp_path, "voorbeeldstad-kort", short),
                                      _practice(tmp_path, "voorbeeldstad-lang", long.replace(
                                          "voorbeeldstad-zomertent", "voorbeeldstad-lang-oud"))])

    warnings = run_cli("validate", "--root", root, "--format", "json").warnings

    assert {(w["file"], w["rule"]) for w in warnings} == {
        ("practices/voorbeeldstad-kort.yml", "summary-short"), ("practices/voorbeeldstad-lang.yml", "summary-long")}


def test_review_is_due_two_years_after_the_last_look(make_repository, run_cli, tmp_path, monkeypatch) -> None:
    reviewed = _complete_text().replace("added: 2026-11-23", "added: 2020-01-01\nlast_reviewed: 2024-11-20")
    root = make_repository(practices=[_practice(tmp_path, "voorbeeldstad-voorleestent", reviewed)])

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2026, 11, 20, tzinfo=timezone.utc).timestamp())))
    assert run_cli("validate", "--root", root, "--format", "json").warnings == []

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2026, 11, 21, tzinfo=timezone.utc).timestamp())))
    [warning] = run_cli("validate", "--root", root, "--format", "json").warnings
    assert warning["rule"] == "review-due"
    assert "2024-11-20" in warning["message"] and "2026-11-21" in warning["message"]


def test_the_reference_date_is_source_date_epoch_else_today() -> None:
    assert reference_date({"SOURCE_DATE_EPOCH": "0"}) == date(1970, 1, 1)
    before = datetime.now(timezone.utc).date()
    today = reference_date({})
    assert before <= today <= datetime.now(timezone.utc).date(), "today in UTC, even when the date turns meanwhile"
    assert review_deadline(date(2028, 2, 29)) == date(2026, 2, 28)


def test_the_site_shows_when_a_practice_was_last_looked_at_and_lists_those_due(built_site) -> None:
    practice = (built_site / practice_url(A_PRACTICE.id) / "index.html").read_text(encoding="utf-8")
    review = (built_site / "te-herzien" / "index.html").read_text(encoding="utf-8")
    index = (built_site / "praktijken" / "index.html").read_text(encoding="utf-8")

    assert 'Nagekeken op <time datetime="' in practice
    assert "Gemeten op " in review
    assert 'href="../te-herzien/"' in index


def test_the_review_page_lists_a_practice_not_looked_at_for_two_years(make_repository, tmp_path) -> None:
    from praktijkbank.model.catalog import build_catalog
    from praktijkbank.render.maps import read_base_map
    from praktijkbank.render.pages import PageRenderer
    from praktijkbank.load.repository import Repository
    from praktijkbank.validate.checker import validate_repository

    old = _complete_text().replace("added: 2026-11-23", "added: 2021-03-01")
    root = make_repository(practices=[_practice(tmp_path, "voorbeeldstad-voorleestent", old)])
    catalog = build_catalog(validate_repository(Repository(root)))

    page = PageRenderer(catalog, None, read_base_map(Repository(root).geo_dir)).review_page()

    assert page.src_uri == "te-herzien/index.md"
    assert "Voorleestent in Voorbeeldstad" in page.content and "laatst nagekeken: 1 maart 2021" in page.content


def test_a_withdrawn_practice_is_never_due_for_review(make_repository, run_cli, tmp_path, monkeypatch) -> None:
    old = _complete_text().replace("added: 2026-11-23", "added: 2020-01-01")
    withdrawn = old + "withdrawn:\n  date: 2021-01-01\n  reason: De bron bleek niet te kloppen.\n"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2026, 11, 21, tzinfo=timezone.utc).timestamp())))

    listed = run_cli("validate", "--root", make_repository(practices=[_practice(tmp_path, "voorbeeldstad-a", old)]),
                     "--format", "json")
    assert [warning["rule"] for warning in listed.warnings] == ["review-due"]
    (tmp_path / "repo").rename(tmp_path / "first")
    gone = run_cli("validate", "--root", make_repository(practices=[_practice(tmp_path, "voorbeeldstad-a", withdrawn)]),
                   "--format", "json")
    assert gone.code == 0 and gone.warnings == []

"""The glossary (schemas/begrippen.yml): how a term is found in a text, how the file is checked, how a page
explains a term at its first use, and the warning about abbreviations nobody explains."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import PROJECT_ROOT, VALID_PRACTICE
from praktijkbank.common.glossary import Glossary, GlossaryTerm
from praktijkbank.load.repository import Repository
from praktijkbank.model.glossary_use import collection_texts, practice_texts
from praktijkbank.render.glossary_marks import mark_first_uses
from praktijkbank.validate.glossary import load_glossary
from real_data import CATALOG

VVE = GlossaryTerm("VVE", "Extra steun bij taal voor jonge kinderen.", ("voor- en vroegschoolse educatie",))
MANTELZORG = GlossaryTerm("mantelzorg", "Zorg voor iemand die je kent.", ("mantelzorger", "mantelzorgers"))
MEE = GlossaryTerm("MEE", "Een organisatie.")
GLOSSARY = Glossary((VVE, MANTELZORG, MEE))


def found(text: str, glossary: Glossary = GLOSSARY) -> list[tuple[str, str]]:
    return [(text[use.start:use.end], use.term.term) for use in glossary.uses(text)]


def test_a_term_is_found_by_any_of_its_forms_as_a_whole_word() -> None:
    assert found("Mantelzorgers en VVE, en voor- en vroegschoolse educatie.") == [
        ("Mantelzorgers", "mantelzorg"), ("VVE", "VVE"), ("voor- en vroegschoolse educatie", "VVE")]


def test_a_term_is_not_found_inside_another_word() -> None:
    assert found("mantelzorgwoning, VVE-locatie") == [("VVE", "VVE")]
    assert found("mantelzorgwoning") == []


def test_a_form_in_capitals_matches_only_in_capitals() -> None:
    """'MEE' the organisation, never 'mee' the Dutch word."""
    assert found("Ze doen mee met MEE.") == [("MEE", "MEE")]


def test_the_repository_glossary_loads_without_problems() -> None:
    glossary, problems = load_glossary(Repository(PROJECT_ROOT))

    assert problems == []
    assert len(glossary.terms) >= 20


def glossary_problems(make_repository, text: str) -> list[tuple[int, int, str, str]]:
    root = make_repository()
    (root / "schemas" / "begrippen.yml").write_text(text, encoding="utf-8")
    _, problems = load_glossary(Repository(root))
    return [(problem.line, problem.column, problem.rule, problem.message) for problem in problems]


def test_a_term_written_twice_is_an_error_at_its_line(make_repository) -> None:
    text = ("terms:\n"
            "  - term: VVE\n    explanation: Extra steun.\n"
            "  - term: mantelzorg\n    variants: [Mantelzorger, vve]\n    explanation: Zorg.\n"
            "  - term: mantelzorger\n    explanation: Iemand die zorgt.\n")

    assert glossary_problems(make_repository, text) == [
        (7, 11, "duplicate-term", "'mantelzorger' staat al in de begrippenlijst, bij 'mantelzorg' (regel 5).")]


def test_an_empty_explanation_is_an_error_at_its_line(make_repository) -> None:
    text = "terms:\n  - term: VVE\n    explanation: ' '\n  - term: GGD\n    explanation: ''\n"

    problems = glossary_problems(make_repository, text)

    assert [(line, rule) for line, _, rule, _ in problems] == [(3, "empty-explanation"), (5, "empty-value")]
    assert problems[0] == (3, 18, "empty-explanation", "het begrip 'VVE' heeft geen uitleg.")


def test_a_broken_glossary_stops_validation_with_its_problems(make_repository, run_cli) -> None:
    root = make_repository()
    (root / "schemas" / "begrippen.yml").write_text("terms:\n  - term: VVE\n", encoding="utf-8")

    result = run_cli("validate", "--root", root, "--format", "json")

    assert result.code == 1
    assert [(problem["file"], problem["line"]) for problem in result.problems] == [("schemas/begrippen.yml", 2)]


def test_the_first_use_of_each_term_is_explained_and_nothing_else_changes() -> None:
    page = ('<p>VVE en mantelzorg; weer VVE.</p><a href="#">mantelzorg</a><p>Mantelzorgers &amp; VVE</p>'
            '<h2>VVE</h2>')

    marked = mark_first_uses(page, [MANTELZORG, VVE], GLOSSARY)

    assert marked == ('<p><abbr title="Extra steun bij taal voor jonge kinderen." tabindex="0">VVE</abbr> en '
                      '<abbr title="Zorg voor iemand die je kent." tabindex="0">mantelzorg</abbr>; weer VVE.</p>'
                      '<a href="#">mantelzorg</a><p>Mantelzorgers &amp; VVE</p><h2>VVE</h2>')


@pytest.mark.parametrize("where", ['<a href="x">VVE</a>', "<h3>VVE</h3>", "<code>VVE</code>",
                                   '<dl data-geen-begrippen><dd><p>VVE</p></dd></dl>', '<img alt="VVE">',
                                   "<button>VVE</button>", "<!-- VVE -->"])
def test_no_explanation_inside_links_headings_code_tags_or_the_list(where: str) -> None:
    marked = mark_first_uses(where + "<p>VVE</p>", [VVE], GLOSSARY)

    assert marked == where + '<p><abbr title="Extra steun bij taal voor jonge kinderen." tabindex="0">VVE</abbr></p>'


def test_only_the_listed_terms_are_explained() -> None:
    assert mark_first_uses("<p>VVE en mantelzorg</p>", [MANTELZORG], GLOSSARY).count("<abbr") == 1


def test_an_explanation_cannot_break_out_of_its_attribute() -> None:
    hostile = GlossaryTerm("VVE", 'Uitleg" onmouseover="alert(1)<script>')

    marked = mark_first_uses("<p>VVE</p>", [hostile], Glossary((hostile,)))

    assert marked == ('<p><abbr title="Uitleg&quot; onmouseover=&quot;alert(1)&lt;script&gt;" tabindex="0">VVE'
                      "</abbr></p>")


def every_capital_word(texts: list[str]) -> set[str]:
    return {word for text in texts for word in re.findall(r"(?<![\w-])[A-Z]{2,6}(?![\w-]*\w)", text)}


def test_the_glossary_covers_every_abbreviation_in_the_practices_and_collections() -> None:
    """Except the capitals that are an organisation's own name ('ONS welzijn'), as the warning does."""
    texts = [text for practice in CATALOG.practices.values() for text in practice_texts(practice)]
    texts += [text for collection in CATALOG.collections.values()
              for text in collection_texts(collection, CATALOG.practices)]
    names = every_capital_word([organisation.name for practice in CATALOG.practices.values()
                                for organisation in practice.organisations])

    assert every_capital_word(texts) - names
    assert sorted(word for word in every_capital_word(texts) - names if not CATALOG.glossary.get(word)) == []


def test_the_sector_terms_the_issue_names_are_in_the_glossary() -> None:
    for term in ["VVE", "Boekstart", "Taalpunt", "AWBZ", "dagbesteding", "mantelzorg", "UWV", "leesconsulent",
                 "Beursvloer", "consulent jeugd"]:
        assert CATALOG.glossary.get(term), term


def warnings_for(make_repository, run_cli, tmp_path: Path, summary: str, partner: str = "Welzijn Voorbeeldstad"
                 ) -> list[dict]:
    """The abbreviation warnings for the valid practice with another summary and partner's name."""
    text = VALID_PRACTICE.read_text(encoding="utf-8").replace("Welzijn Voorbeeldstad", partner)
    practice = tmp_path / VALID_PRACTICE.name
    practice.write_text(re.sub(r"^summary: .*$", f"summary: {summary}", text, count=1, flags=re.MULTILINE),
                        encoding="utf-8")
    result = run_cli("validate", "--root", make_repository(practices=[practice]), "--format", "json")
    assert result.code == 0, result.stdout
    return [problem for problem in result.warnings if problem["rule"] == "unexplained-abbreviation"]


def summary_line() -> int:
    lines = VALID_PRACTICE.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith("summary:"))


def test_an_unexplained_abbreviation_is_a_warning_at_its_line_and_column(make_repository, run_cli,
                                                                         tmp_path: Path) -> None:
    summary = "De bibliotheek werkt samen met het CJG en de GGD aan een project voor ouders, en weer met het CJG."

    warnings = warnings_for(make_repository, run_cli, tmp_path, summary)

    assert [(problem["line"], problem["column"], problem["severity"], problem["message"], problem["hint"])
            for problem in warnings] == [
        (summary_line(), len("summary: ") + summary.index("CJG") + 1, "warning",
         "'CJG' lijkt een afkorting die niet in de begrippenlijst staat.",
         "Leg de afkorting uit of vraag de redactie om een begrip.")]


@pytest.mark.parametrize(("summary", "partner"), [
    ("Het CJG (Centrum voor Jeugd en Gezin) en de bibliotheek lezen samen voor in een tent in de wijk.", None),
    ("Het Centrum voor Jeugd en Gezin (CJG) en de bibliotheek lezen samen voor in een tent in de wijk.", None),
    ("De bibliotheek en ONS welzijn lezen in de zomer samen voor in een tent in de wijk.", "ONS welzijn"),
])
def test_an_abbreviation_the_text_explains_or_an_organisation_name_is_no_warning(
        make_repository, run_cli, tmp_path: Path, summary: str, partner: str | None) -> None:
    assert warnings_for(make_repository, run_cli, tmp_path, summary, partner or "Welzijn Voorbeeldstad") == []


def test_the_warning_shows_as_a_github_annotation_and_never_fails(make_repository, run_cli, tmp_path: Path) -> None:
    text = VALID_PRACTICE.read_text(encoding="utf-8").replace("title: ", "title: XYZ ", 1)
    practice = tmp_path / VALID_PRACTICE.name
    practice.write_text(text, encoding="utf-8")

    result = run_cli("validate", "--root", make_repository(practices=[practice]), "--format", "github")

    assert result.code == 0
    assert re.search(r"^::warning file=practices/voorbeeldstad-voorleestent\.yml,line=\d+,col=8,"
                     r"title=unexplained-abbreviation::'XYZ' lijkt een afkorting", result.stdout, re.MULTILINE)


def test_the_json_schema_of_the_glossary_is_valid_json_schema() -> None:
    import jsonschema

    schema = json.loads((PROJECT_ROOT / "schemas" / "begrippen.schema.json").read_text(encoding="utf-8"))

    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_review_page_lists_unexplained_abbreviations_with_their_place(tmp_path: Path) -> None:
    from dataclasses import replace

    from praktijkbank.common.problems import WARNING, Problem
    from praktijkbank.render.maps import read_base_map
    from praktijkbank.render.pages import PageRenderer

    warning = Problem("practices/x.yml", 12, 7, "unexplained-abbreviation",
                      "'CJG' lijkt een afkorting die niet in de begrippenlijst staat.", severity=WARNING)
    renderer = PageRenderer(replace(CATALOG, warnings=(warning,)), None, read_base_map(PROJECT_ROOT / "schemas" / "geo"),
                            tmp_path / "qr.json")

    page = renderer.review_page().content

    assert "<code>practices/x.yml:12:7</code>: &#39;CJG&#39; lijkt een afkorting" in page

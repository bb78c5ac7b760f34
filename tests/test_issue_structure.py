"""An issue body is read by the form's own questions, in the form's order: a Markdown heading, a form's label
written as a heading, or `_No response_` inside a long answer stays in that answer and moves no text to
another question. For every form: new practice, adoption (the practice form with "Gebaseerd op"), change and
collection."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from issue_forms import CHANGE_FORM, COLLECTION_FORM, PRACTICE_FORM, issue_body
from praktijkbank.common.suggest import normalise
from praktijkbank.contribute import issue_form
from test_contribute import ISSUES, run

FORMS = {PRACTICE_FORM: issue_form.PRACTICE_FORM, CHANGE_FORM: issue_form.CHANGE_FORM,
         COLLECTION_FORM: issue_form.COLLECTION_FORM}


def tricky_answer(labels: list[str], own: int) -> str:
    """A long answer to question `own` that holds the next question's label, the last one's and the first
    one's as headings, an empty answer's marker and a heading of its own."""
    return "\n\n".join([
        "Eerste alinea van het antwoord.",
        f"### {labels[own + 1]}", "Dit hoort nog bij hetzelfde antwoord.",
        f"### {labels[-1]}", "_No response_",
        f"### {labels[0]}", "### Resultaten in het eerste jaar", "- [X] geen vinkje, gewoon tekst", "Slot."])


@pytest.mark.parametrize("form_file", list(FORMS), ids=lambda path: path.stem)
def test_headings_and_labels_inside_long_answers_stay_in_their_answer(form_file: Path) -> None:
    from praktijkbank.contribute.from_issue import sections

    form = FORMS[form_file]
    labels = [question.label for question in form.questions]
    long_questions = [index for index, question in enumerate(form.questions) if question.long][:2]
    answers = {question.key: f"Antwoord op {question.label}." for question in form.questions}
    for index in long_questions:
        answers[form.questions[index].key] = tricky_answer(labels, index)

    found = sections(issue_body(form_file, answers), form)

    assert {question.key: found[normalise(question.label)] for question in form.questions} == answers


def test_an_adoption_reads_its_based_on_even_with_headings_in_the_description() -> None:
    from praktijkbank.contribute.from_issue import sections

    form = issue_form.PRACTICE_FORM
    answers = {"title": "Voorleestent in Andersstad", "based_on": "voorbeeldstad-voorleestent",
               "description": "Zoals in Voorbeeldstad.\n\n### Gebaseerd op\n\nDe tent van Voorbeeldstad."}

    found = sections(issue_body(PRACTICE_FORM, answers), form)

    assert found[normalise("Gebaseerd op")] == "voorbeeldstad-voorleestent"
    assert found[normalise("Beschrijving")] == answers["description"]


def test_a_heading_in_the_description_does_not_empty_the_results_or_cut_the_description(make_repository,
                                                                                        tmp_path) -> None:
    root = make_repository()
    body = (ISSUES / "goed.md").read_text(encoding="utf-8").replace(
        "helpt met vragen.\n",
        "helpt met vragen.\n\n### Resultaten\n\n_No response_\n\n### Lessen en tips\n\nBegin op tijd.\n")
    (tmp_path / "issue.md").write_text(body, encoding="utf-8")

    result = run("from-issue", tmp_path / "issue.md", "--root", root, "--added", "2026-11-20")

    assert result.returncode == 0, result.stdout + result.stderr
    data = yaml.safe_load((root / "practices" / "voorbeeldstad-taalcafe.yml").read_text(encoding="utf-8"))
    assert data["description"].rstrip().endswith("### Lessen en tips\n\nBegin op tijd.")
    assert "results" not in data
    assert data["lessons"] == ["Zorg voor vaste vrijwilligers.", "Begin met een kort praatje over het weer."]


def test_a_mail_leaves_out_empty_answers_and_a_later_label_in_an_answer_still_stays_there() -> None:
    """The mailed answers text has no heading for an unanswered question: a label typed in an answer is then
    the only one, but out of the form's order, so it stays text."""
    from praktijkbank.contribute.from_issue import sections

    description = "Zo begon het.\n\n### Resultaten\n\nVeel nieuwe leden.\n\n### Lessen en tips\n\nBegin klein."
    body = (f"### Titel\n\nTaalcafé\n\n### Beschrijving\n\n{description}\n\n### Gemeenten\n\nDalfsen\n\n"
            "### Status\n\nLopend\n")

    found = sections(body, issue_form.PRACTICE_FORM)

    assert found == {normalise("Titel"): "Taalcafé", normalise("Beschrijving"): description,
                     normalise("Gemeenten"): "Dalfsen", normalise("Status"): "Lopend"}

"""`praktijkbank from-issue`: turn the body of an issue made with one of the forms into a practice or a
collection file; which form it was is read from its headings.

The body is untrusted text written by anyone: it is only ever read as data. GitHub writes each answer
under a `### Label` heading, `_No response_` for an empty one and `- [x]` for a ticked box; people edit
the body afterwards, so spacing, case and empty sections are read loosely. What cannot be used is listed
in Markdown, ready to post as a comment on the issue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from praktijkbank.common.suggest import normalise
from praktijkbank.contribute.issue_form import CHECKS_LABEL, FORMS, IssueForm
from praktijkbank.contribute.new_practice import Answers, answers_from_text
from praktijkbank.contribute.questions import Questionnaire

NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^\s{0,3}###\s*(.*?)\s*$")
_TICKED = re.compile(r"^\s*[-*]\s*\[[xX]\]\s*(.*?)\s*$")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#@|])")


@dataclass
class IssueAnswers:
    """The answers found in an issue body, with problems that are about the body rather than an answer."""

    answers: Answers
    problems: list[str] = field(default_factory=list)


def _labels(form: IssueForm) -> set[str]:
    return {normalise(question.label) for question in form.questions}


def form_of(body: str) -> IssueForm:
    """The form an issue was made with. The change form asks the practice form's questions too, so the
    questions only one form asks count first, then all (people may delete some); the practice form when
    nothing matches, so its comment lists what is missing."""
    headings = {normalise(match.group(1)) for line in body.split("\n") if (match := _HEADING.match(line))}

    def score(form: IssueForm) -> tuple[int, int]:
        others = set().union(*(_labels(other) for other in FORMS if other is not form))
        return len((_labels(form) - others) & headings), len(_labels(form) & headings)

    return max(FORMS, key=score)


def sections(body: str, form: IssueForm) -> dict[str, str]:
    """Each `### Label` of the form with the text under it, keyed by the normalised label.

    The answers are read by the form's structure: GitHub writes each question's heading once, in the form's
    order. A label written as a heading more than once was also typed inside an answer; its question's own
    heading is then the last one before the heading of a later question. Every other line, other headings and
    `_No response_` included, stays in the answer it is in: a contributor may write `### Resultaten` inside a
    description without moving text to another answer."""
    labels = [normalise(question.label) for question in form.questions] + [normalise(CHECKS_LABEL)]
    lines = body.replace("\r\n", "\n").split("\n")
    places: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if (match := _HEADING.match(line)) and (label := normalise(match.group(1))) in labels:
            places.setdefault(label, []).append(index)
    chosen = {label: found[0] for label, found in places.items() if len(found) == 1}
    for rank in reversed(range(len(labels))):
        found = places.get(labels[rank], [])
        if len(found) > 1:
            limit = min((chosen[later] for later in labels[rank + 1:] if later in chosen), default=len(lines))
            chosen[labels[rank]] = max((index for index in found if index < limit), default=found[-1])
    starts = sorted((index, label) for label, index in chosen.items())
    ends = [index for index, _ in starts[1:]] + [len(lines)]
    return {label: _without_no_response("\n".join(lines[start + 1:end]).strip())
            for (start, label), end in zip(starts, ends)}


def _without_no_response(text: str) -> str:
    return "" if text.strip().lower() == NO_RESPONSE.lower() else text


def read_issue(form: IssueForm, asking: Questionnaire, body: str) -> IssueAnswers:
    """Parse every answer of the form; collect all problems, never stop at the first."""
    found = sections(body, form)
    raw = {question.key: found.get(normalise(question.label), "") for question in form.questions}
    return IssueAnswers(answers_from_text(asking, raw), check_problems(form, found))


def check_problems(form: IssueForm, found: dict[str, str]) -> list[str]:
    """A problem for each box of the form that is not ticked in the issue (`found`: its sections)."""
    ticked = {normalise(match.group(1)) for line in found.get(normalise(CHECKS_LABEL), "").split("\n")
              if (match := _TICKED.match(line))}
    return [f"Vink bij **{CHECKS_LABEL}** aan: {escape_markdown(check)}" for check in form.checks
            if normalise(check) not in ticked]


def escape_markdown(text: str) -> str:
    """Text from the issue, shown in a comment as typed: no formatting, links or @-mentions of its own."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def problem_comment(result: IssueAnswers, extra: list[str] = ()) -> str:
    """The comment that tells the contributor, in plain Dutch, what to change in the issue."""
    return comment([*(f"**{question.label}**: {escape_markdown(message)}" for question, message in result.answers.problems),
                    *result.problems, *extra])


def comment(problems: list[str]) -> str:
    """The comment listing `problems` (Markdown in which any text from the issue is already escaped)."""
    lines = ["Bedankt voor je aanmelding! Een paar antwoorden kunnen we nog niet verwerken:", ""]
    lines += [f"- {problem}" for problem in problems]
    lines += ["", "Pas je aanmelding aan: klik bovenaan bij je aanmelding op de drie puntjes (**...**) en dan op "
              "**Edit**. Na het opslaan controleren we hem opnieuw. Kom je er niet uit? Schrijf dan hier een "
              "reactie; de redactie helpt je."]
    return "\n".join(lines) + "\n"


def success_text(form: IssueForm, path: str, notes: list[str]) -> str:
    """The start of the pull request's description: what was made, and what was adjusted."""
    lines = [f"Deze {form.noun} komt uit het aanmeldformulier: `{path}`.", "",
             "De redactie leest hem na voordat hij op de site komt."]
    if notes:
        lines += ["", "Aangepast bij het omzetten:", *[f"- {escape_markdown(note)}" for note in notes]]
    return "\n".join(lines) + "\n"

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
HEADING = re.compile(r"^\s{0,3}###\s*(.*?)\s*$")
_TICKED = re.compile(r"^\s*[-*]\s*\[[xX]\]\s*(.*?)\s*$")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#@|])")


@dataclass(frozen=True)
class Channel:
    """Where the answers came from, for what the command says back: an issue on GitHub, where the contributor
    ticks the form's boxes and edits the issue, or a mail to the editors, which has no boxes and is answered
    by mail. `origin` completes "komt uit ..."."""

    origin: str
    ticked_boxes: bool
    closing: str


ISSUE = Channel("het aanmeldformulier", True,
                "Pas je aanmelding aan: klik bovenaan bij je aanmelding op de drie puntjes (**...**) en dan op "
                "**Edit**. Na het opslaan controleren we hem opnieuw. Kom je er niet uit? Schrijf dan hier een "
                "reactie; de redactie helpt je.")
MAIL = Channel("een e-mail aan de redactie", False,
               "Stuur je antwoorden opnieuw met deze punten aangepast: beantwoord deze mail, of vul het formulier "
               "op de site opnieuw in. Kom je er niet uit? Schrijf het ons; de redactie helpt je.")


@dataclass
class IssueAnswers:
    """The answers found in an issue body, with problems that are about the body rather than an answer."""

    answers: Answers
    problems: list[str] = field(default_factory=list)


def _labels(form: IssueForm) -> set[str]:
    return {normalise(question.label) for question in form.questions}


def form_of(body: str, expected: IssueForm | None = None) -> IssueForm:
    """The form an issue was made with. The change form asks the practice form's questions too, so the
    questions only one form asks count first, then all (people may delete some), then the `expected` form (a
    mail's subject names one); the practice form when nothing matches, so its comment lists what is missing."""
    headings = {normalise(match.group(1)) for line in body.split("\n") if (match := HEADING.match(line))}

    def score(form: IssueForm) -> tuple[int, int, bool]:
        others = set().union(*(_labels(other) for other in FORMS if other is not form))
        return len((_labels(form) - others) & headings), len(_labels(form) & headings), form is expected

    return max(FORMS, key=score)


def sections(body: str, form: IssueForm) -> dict[str, str]:
    """Each `### Label` of the form with the text under it, keyed by the normalised label.

    The answers are read by the form's structure: GitHub writes each question's heading once, in the form's
    order, and a mail leaves out the unanswered ones. So the questions' own headings are the longest run of
    label headings in the form's order; where a label could be one of several lines, the next question's
    heading is the last of them (the ones before it were typed in the answer above). Every other line, other
    headings and `_No response_` included, stays in the answer it is in: a contributor may write
    `### Resultaten` inside a description without moving text to another answer."""
    ranks = {label: rank for rank, label in
             enumerate([normalise(question.label) for question in form.questions] + [normalise(CHECKS_LABEL)])}
    lines = body.replace("\r\n", "\n").split("\n")
    headings = [(index, ranks[label]) for index, line in enumerate(lines)
                if (match := HEADING.match(line)) and (label := normalise(match.group(1))) in ranks]
    longest = [0] * len(headings)  # the longest run in form order that starts at each heading
    for at in reversed(range(len(headings))):
        longest[at] = 1 + max((longest[after] for after in range(at + 1, len(headings))
                               if headings[after][1] > headings[at][1]), default=0)
    starts: list[tuple[int, int]] = []
    wanted, after, rank = max(longest, default=0), 0, -1
    while wanted:
        fitting = [at for at in range(after, len(headings)) if headings[at][1] > rank and longest[at] == wanted]
        rank = min(headings[at][1] for at in fitting)
        at = max(at for at in fitting if headings[at][1] == rank)
        starts.append(headings[at])
        wanted, after = wanted - 1, at + 1
    labels = list(ranks)
    ends = [index for index, _ in starts[1:]] + [len(lines)]
    return {labels[rank]: _without_no_response("\n".join(lines[start + 1:end]).strip())
            for (start, rank), end in zip(starts, ends)}


def _without_no_response(text: str) -> str:
    return "" if text.strip().lower() == NO_RESPONSE.lower() else text


def read_issue(form: IssueForm, asking: Questionnaire, body: str, channel: Channel = ISSUE) -> IssueAnswers:
    """Parse every answer of the form; collect all problems, never stop at the first."""
    found = sections(body, form)
    raw = {question.key: found.get(normalise(question.label), "") for question in form.questions}
    return IssueAnswers(answers_from_text(asking, raw), check_problems(form, found, channel))


def check_problems(form: IssueForm, found: dict[str, str], channel: Channel = ISSUE) -> list[str]:
    """A problem for each box of the form that is not ticked in the issue (`found`: its sections). A mail has
    no boxes: the pull request's text asks the editors to make sure instead (success_text)."""
    if not channel.ticked_boxes:
        return []
    ticked = {normalise(match.group(1)) for line in found.get(normalise(CHECKS_LABEL), "").split("\n")
              if (match := _TICKED.match(line))}
    return [f"Vink bij **{CHECKS_LABEL}** aan: {escape_markdown(check)}" for check in form.checks
            if normalise(check) not in ticked]


def escape_markdown(text: str) -> str:
    """Text from the issue, shown in a comment as typed: no formatting, links or @-mentions of its own."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def problem_comment(result: IssueAnswers, extra: list[str] = (), channel: Channel = ISSUE) -> str:
    """The comment that tells the contributor, in plain Dutch, what to change in the issue."""
    return comment([*(f"**{question.label}**: {escape_markdown(message)}" for question, message in result.answers.problems),
                    *result.problems, *extra], channel)


def comment(problems: list[str], channel: Channel = ISSUE) -> str:
    """The comment (or reply to a mail) listing `problems` (Markdown in which any text from the issue is
    already escaped)."""
    lines = ["Bedankt voor je aanmelding! Een paar antwoorden kunnen we nog niet verwerken:", ""]
    lines += [f"- {problem}" for problem in problems]
    lines += ["", channel.closing]
    return "\n".join(lines) + "\n"


def unticked_boxes(form: IssueForm) -> list[str]:
    """What the editors make sure of themselves when the answers came without the form's boxes (a mail)."""
    return [f"Een mail heeft de vakjes onder **{CHECKS_LABEL}** niet. Ga bij de afzender na dat dit klopt:",
            *(f"- {escape_markdown(check)}" for check in form.checks)]


def success_text(form: IssueForm, path: str, notes: list[str], warnings: list[str] = (),
                 channel: Channel = ISSUE) -> str:
    """The start of the pull request's description: what was made, what was adjusted, and what the editors
    should look at before they accept it."""
    lines = [f"Deze {form.noun} komt uit {channel.origin}: `{path}`.", "",
             "De redactie leest hem na voordat hij op de site komt."]
    if not channel.ticked_boxes:
        lines += ["", *unticked_boxes(form)]
    if notes:
        lines += ["", "Aangepast bij het omzetten:", *[f"- {escape_markdown(note)}" for note in notes]]
    if warnings:
        lines += ["", "Let op:", *[f"- {escape_markdown(warning)}" for warning in warnings]]
    return "\n".join(lines) + "\n"

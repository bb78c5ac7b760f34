"""What the contributor commands `praktijkbank new`, `praktijkbank from-issue` and `praktijkbank from-mail` do
(their options and exit codes: cli/contribute_parser.py). `from-mail` reads the answers out of a mail and then
goes the way `from-issue` goes, so the same answers give the same file and exit code by either route.

All end the same way: the answers become `practices/<id>.yml` (or, from the collection form,
`collections/<id>.yml`; never over an existing file) and the real validator checks the result, so what these
commands write is exactly what a pull request needs.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from praktijkbank.cli.contribute_parser import (
    ADDED_ENVIRONMENT,
    EXIT_CHANGED,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_REMARK_ONLY,
    EXIT_USAGE,
)
from praktijkbank.common.clock import reference_date
from praktijkbank.common.problems import FORMATTERS, Problem, display_path
from praktijkbank.contribute.before_writing import check_new
from praktijkbank.contribute.change_text import change_text, remark_text
from praktijkbank.contribute.collection_update import existing_collection, update_collection
from praktijkbank.contribute.from_issue import (
    ISSUE,
    MAIL,
    Channel,
    comment,
    escape_markdown,
    form_of,
    problem_comment,
    read_issue,
    sections,
    success_text,
)
from praktijkbank.contribute.issue_form import CHANGE_FORM, COLLECTION_FORM, FORMS, PRACTICE_FORM, IssueForm
from praktijkbank.contribute.mail import NotAMail, form_for_subject, read_mail
from praktijkbank.contribute.new_practice import (
    Answers,
    Conversation,
    EndOfInput,
    answers_from_text,
    practice_path,
    questionnaire,
    write_document,
)
from praktijkbank.contribute.practice_change import FieldChange, read_change
from praktijkbank.contribute.questions import QUESTIONS, Questionnaire
from praktijkbank.load.repository import Repository
from praktijkbank.validate.checker import load_vocabularies, validate_repository

FILE_EXISTS = "file-exists"


def new_practice(arguments: argparse.Namespace, repository: Repository) -> int:
    asking = _questionnaire(repository, PRACTICE_FORM)
    if asking is None:
        return EXIT_PROBLEMS
    given = {question.key: "\n".join(values) for question in QUESTIONS
             if (values := getattr(arguments, question.key))}
    if given:
        answers = answers_from_text(asking, given)
        for question, message in answers.problems:
            print(f"praktijkbank: --{question.key.replace('_', '-')}: {message}", file=sys.stderr)
        if answers.problems:
            return EXIT_PROBLEMS
    else:
        try:
            answers = Conversation(asking, sys.stdin, sys.stdout,
                                   lambda practice_id: practice_path(repository, practice_id).exists()).run()
        except EndOfInput:
            print("\npraktijkbank: de invoer stopte voordat alle vragen beantwoord waren. Er is niets "
                  "geschreven.", file=sys.stderr)
            return EXIT_PROBLEMS
    added = arguments.added or reference_date().isoformat()
    path, problems, warnings = _create(repository, PRACTICE_FORM, asking, answers, added)
    if problems:
        print(FORMATTERS["text"](problems), file=sys.stderr)
        return EXIT_PROBLEMS
    _warn(warnings)
    print(f"Gemaakt: {display_path(path, repository.root)}. Vul het verder aan waar je meer weet, en bekijk "
          "het met `make serve`.", file=sys.stderr)
    return EXIT_OK


def from_issue(arguments: argparse.Namespace, repository: Repository) -> int:
    if arguments.added is None:
        print(f"praktijkbank: geef de datum van toevoegen mee met --added of {ADDED_ENVIRONMENT}.", file=sys.stderr)
        return EXIT_USAGE
    try:
        body = arguments.body.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        print(f"praktijkbank: '{arguments.body}' kan niet worden gelezen ({error.strerror}).", file=sys.stderr)
        return EXIT_PROBLEMS
    return _convert(repository, body, form_of(body), arguments.added, ISSUE)


def from_mail(arguments: argparse.Namespace, repository: Repository) -> int:
    """A mail from the site's e-mail route, saved or pasted: read as `from-issue` reads the same answers."""
    name = "de invoer" if str(arguments.mail) == "-" else f"'{arguments.mail}'"
    try:
        raw = sys.stdin.buffer.read() if str(arguments.mail) == "-" else arguments.mail.read_bytes()
    except OSError as error:
        print(f"praktijkbank: {name} kan niet worden gelezen ({error.strerror}).", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        mail = read_mail(raw)
    except NotAMail as error:
        print(f"praktijkbank: {name}: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    if not any(sections(mail.body, form) for form in FORMS):
        print(f"praktijkbank: {name}: in deze mail staan geen antwoorden onder de vragen van een formulier (regels "
              "die met ### beginnen). Vraag de afzender de antwoorden te plakken die de site heeft gekopieerd, of "
              "maak de praktijk zelf met `praktijkbank new`. Er is niets geschreven.", file=sys.stderr)
        return EXIT_PROBLEMS
    today = reference_date().isoformat()
    added = arguments.added or min(mail.date or today, today)  # a sender's clock set ahead cannot date it later
    return _convert(repository, mail.body, form_of(mail.body, form_for_subject(mail.subject)), added, MAIL)


def _convert(repository: Repository, body: str, form: IssueForm, added: str, channel: Channel) -> int:
    """The answers in `body`, made with `form`, as a new file or a change; what to say back on stdout."""
    asking = _questionnaire(repository, form)
    if asking is None:
        return EXIT_PROBLEMS
    if form is CHANGE_FORM:
        return _change_practice(repository, asking, body, channel)
    result = read_issue(form, asking, body, channel)
    if result.answers.problems or result.problems:
        print(problem_comment(result, channel=channel))
        return EXIT_PROBLEMS
    if form is COLLECTION_FORM:
        records = validate_repository(repository).records
        existing = existing_collection(result.answers.values.get("collection_id"), records)
        if existing is not None:
            text, changes, lost = update_collection(asking, result.answers.values, existing, _key_order(asking))
            return _write_change(repository, existing.path, text, Proposal(form, changes, "", existing.id, lost),
                                 channel)
    path, problems, warnings = _create(repository, form, asking, result.answers, added)
    if problems:
        if path.exists() and not any(problem.rule == FILE_EXISTS for problem in problems):
            path.unlink()  # written just now and not usable: leave no half result behind
        print(problem_comment(result, [escape_markdown(problem.message) for problem in problems], channel))
        return EXIT_PROBLEMS
    _warn(warnings)
    shown = display_path(path, repository.root)
    print(success_text(form, shown, result.answers.notes, [warning.message for warning in warnings], channel))
    print(f"Gemaakt: {shown}.", file=sys.stderr)
    return EXIT_OK


def _change_practice(repository: Repository, asking: Questionnaire, body: str, channel: Channel) -> int:
    """The form "Wijziging voorstellen": the changed fields written into the practice, or nothing."""
    proposed = read_change(asking, body, validate_repository(repository).records, _key_order(asking), channel)
    if proposed.problems:
        print(comment(proposed.problems, channel))
        return EXIT_PROBLEMS
    if not proposed.changes:
        print(remark_text(proposed.practice_id, proposed.remark, channel))
        print("Niets geschreven: het voorstel verandert geen veld. De redactie kijkt ernaar.", file=sys.stderr)
        return EXIT_REMARK_ONLY
    assert proposed.path is not None
    return _write_change(repository, proposed.path, proposed.text,
                         Proposal(CHANGE_FORM, proposed.changes, proposed.remark, proposed.practice_id,
                                  proposed.lost_comments), channel)


@dataclass(frozen=True)
class Proposal:
    """A change to an existing file, for what is said about it: the form, the changed fields, the remark,
    the comments of the file that could not stay."""

    form: IssueForm
    changes: list[FieldChange]
    remark: str
    document_id: str
    lost_comments: list[str]


def _write_change(repository: Repository, path: Path, text: str, proposal: Proposal, channel: Channel) -> int:
    """Write the changed file and keep it only when the full validator passes it; else put it back."""
    shown = display_path(path, repository.root)
    if not proposal.changes:
        print(comment([f"De {proposal.form.noun} `{proposal.document_id}` staat al zo in de praktijkbank: er "
                       "verandert niets."], channel))
        return EXIT_PROBLEMS
    original = path.read_bytes()
    path.write_bytes(text.encode("utf-8"))
    problems = validate_repository(repository, [path]).problems
    if problems:
        path.write_bytes(original)
        print(comment([escape_markdown(problem.message) for problem in problems], channel))
        return EXIT_PROBLEMS
    print(change_text(proposal.form, shown, proposal.changes, proposal.remark, channel, proposal.lost_comments))
    print(f"Aangepast: {shown}.", file=sys.stderr)
    return EXIT_CHANGED


def _key_order(asking: Questionnaire) -> list[str]:
    """The schema's order of fields, where a new field goes in the file."""
    return list(asking.schema["properties"])


def _questionnaire(repository: Repository, form: IssueForm) -> Questionnaire | None:
    vocabularies, problems = load_vocabularies(repository)
    if problems:
        print(FORMATTERS["text"](problems), file=sys.stderr)
        return None
    return questionnaire(repository, vocabularies, form.schema, form.questions)


def _create(repository: Repository, form: IssueForm, asking: Questionnaire, answers: Answers,
            added: str) -> tuple[Path, list[Problem], list[Problem]]:
    """Write the practice or collection and validate it as a pull request would: its problems and the
    warnings about it. A taken name or another file's old id is a problem found before anything is written."""
    if form.schema == "collection":
        document_id, data = asking.collection(answers.values, added)
        path = repository.collections_dir / f"{document_id}.yml"
    else:
        document_id, data = asking.practice(answers.values, added)
        path = practice_path(repository, document_id)
    shown = display_path(path, repository.root)
    findings = check_new(form.schema, document_id, data, validate_repository(repository).records)
    if findings.errors:
        return path, findings.errors, findings.warnings
    try:
        write_document(form.schema, asking, path, data)
    except FileExistsError:
        return path, [Problem(shown, 1, 1, FILE_EXISTS,
                              f"er is al een {form.noun} met de bestandsnaam '{document_id}'; die wordt niet "
                              "overschreven. Kies een andere bestandsnaam (id).")], []
    return path, validate_repository(repository, [path]).problems, findings.warnings


def _warn(warnings: list[Problem]) -> None:
    """Warnings go to the person running the command before anything else is said."""
    for warning in warnings:
        print(f"praktijkbank: let op: {warning.message}", file=sys.stderr)

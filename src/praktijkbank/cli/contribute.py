"""What the contributor commands `praktijkbank new` and `praktijkbank from-issue` do (their options and exit
codes: cli/contribute_parser.py).

Both end the same way: the answers become `practices/<id>.yml` (or, from the collection form,
`collections/<id>.yml`; never over an existing file) and the real validator checks the result, so what these
commands write is exactly what a pull request needs.
"""

from __future__ import annotations

import argparse
import sys
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
from praktijkbank.contribute.change_text import change_text, remark_text
from praktijkbank.contribute.collection_update import existing_collection, update_collection
from praktijkbank.contribute.from_issue import (
    comment,
    escape_markdown,
    form_of,
    problem_comment,
    read_issue,
    success_text,
)
from praktijkbank.contribute.issue_form import CHANGE_FORM, COLLECTION_FORM, PRACTICE_FORM, IssueForm
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
    path, problems = _create(repository, PRACTICE_FORM, asking, answers, added)
    if problems:
        print(FORMATTERS["text"](problems), file=sys.stderr)
        return EXIT_PROBLEMS
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
    form = form_of(body)
    asking = _questionnaire(repository, form)
    if asking is None:
        return EXIT_PROBLEMS
    if form is CHANGE_FORM:
        return _change_practice(repository, asking, body)
    result = read_issue(form, asking, body)
    if result.answers.problems or result.problems:
        print(problem_comment(result))
        return EXIT_PROBLEMS
    if form is COLLECTION_FORM:
        records = validate_repository(repository).records
        existing = existing_collection(result.answers.values.get("collection_id"), records)
        if existing is not None:
            text, changes = update_collection(asking, result.answers.values, existing, _key_order(asking))
            return _write_change(repository, existing.path, text, changes, "", form.noun, existing.id)
    path, problems = _create(repository, form, asking, result.answers, arguments.added)
    if problems:
        if not any(problem.rule == FILE_EXISTS for problem in problems):
            path.unlink()  # written just now and not usable: leave no half result behind
        print(problem_comment(result, [problem.message for problem in problems]))
        return EXIT_PROBLEMS
    shown = display_path(path, repository.root)
    print(success_text(form, shown, result.answers.notes))
    print(f"Gemaakt: {shown}.", file=sys.stderr)
    return EXIT_OK


def _change_practice(repository: Repository, asking: Questionnaire, body: str) -> int:
    """The form "Wijziging voorstellen": the changed fields written into the practice, or nothing."""
    proposed = read_change(asking, body, validate_repository(repository).records, _key_order(asking))
    if proposed.problems:
        print(comment(proposed.problems))
        return EXIT_PROBLEMS
    if not proposed.changes:
        print(remark_text(proposed.practice_id, proposed.remark))
        print("Niets geschreven: het voorstel verandert geen veld. De redactie kijkt ernaar.", file=sys.stderr)
        return EXIT_REMARK_ONLY
    assert proposed.path is not None
    return _write_change(repository, proposed.path, proposed.text, proposed.changes, proposed.remark, "praktijk",
                         proposed.practice_id)


def _write_change(repository: Repository, path: Path, text: str, changes: list[FieldChange], remark: str,
                  noun: str, document_id: str) -> int:
    """Write the changed file and keep it only when the full validator passes it; else put it back."""
    shown = display_path(path, repository.root)
    if not changes:
        print(comment([f"De {noun} `{document_id}` staat al zo in de praktijkbank: er verandert niets."]))
        return EXIT_PROBLEMS
    original = path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    problems = validate_repository(repository, [path]).problems
    if problems:
        path.write_text(original, encoding="utf-8")
        print(comment([escape_markdown(problem.message) for problem in problems]))
        return EXIT_PROBLEMS
    print(change_text(noun, shown, changes, remark))
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
            added: str) -> tuple[Path, list[Problem]]:
    """Write the practice or collection and validate it as a pull request would; a taken name is a problem,
    not a crash."""
    if form.schema == "collection":
        document_id, data = asking.collection(answers.values, added)
        path = repository.collections_dir / f"{document_id}.yml"
    else:
        document_id, data = asking.practice(answers.values, added)
        path = practice_path(repository, document_id)
    shown = display_path(path, repository.root)
    try:
        write_document(form.schema, asking, path, data)
    except FileExistsError:
        return path, [Problem(shown, 1, 1, FILE_EXISTS,
                              f"er is al een {form.noun} met de bestandsnaam '{document_id}'; die wordt niet "
                              "overschreven. Kies een andere bestandsnaam (id).")]
    return path, validate_repository(repository, [path]).problems


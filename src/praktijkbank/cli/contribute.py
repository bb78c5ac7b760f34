"""The contributor commands `praktijkbank new` and `praktijkbank from-issue`, added to the main parser.

Both end the same way: the answers become `practices/<id>.yml` (or, from the collection form,
`collections/<id>.yml`; never over an existing file) and the real validator checks the result, so what these
commands write is exactly what a pull request needs.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from praktijkbank.common.clock import reference_date
from praktijkbank.common.problems import FORMATTERS, Problem, display_path
from praktijkbank.contribute.from_issue import form_of, problem_comment, read_issue, success_text
from praktijkbank.contribute.issue_form import PRACTICE_FORM, IssueForm
from praktijkbank.contribute.new_practice import (
    Answers,
    Conversation,
    EndOfInput,
    answers_from_text,
    practice_path,
    questionnaire,
    write_document,
)
from praktijkbank.contribute.questions import QUESTIONS, Questionnaire
from praktijkbank.load.repository import Repository
from praktijkbank.validate.checker import load_vocabularies, validate_repository

EXIT_OK, EXIT_PROBLEMS = 0, 1
ADDED_ENVIRONMENT = "PRAKTIJKBANK_ADDED"
FILE_EXISTS = "file-exists"


def _date(text: str) -> str:
    """A date as jjjj-mm-dd; a timestamp such as GitHub's `2026-11-23T10:00:00Z` counts as its day."""
    match = re.match(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$", text)
    try:
        return date.fromisoformat(match.group(1) if match else "").isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum; schrijf jjjj-mm-dd") from None


def add_contribute_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    new = commands.add_parser(
        "new", parents=[common], help="maak een nieuwe praktijk door vragen te beantwoorden",
        description="Maak practices/<id>.yml door vragen te beantwoorden. Zonder opties stelt het commando "
                    "de vragen één voor één. Met opties (voor scripts) worden geen vragen gesteld; "
                    "een opsomming geef je met komma's of door de optie te herhalen.")
    for question in QUESTIONS:
        new.add_argument(f"--{question.key.replace('_', '-')}", dest=question.key, action="append",
                         metavar="ANTWOORD", help=question.label)
    new.add_argument("--added", type=_date, default=None,
                     help="de datum van toevoegen, jjjj-mm-dd (standaard: vandaag, of SOURCE_DATE_EPOCH)")

    from_issue = commands.add_parser(
        "from-issue", parents=[common], help="maak een praktijk of collectie van een ingevuld aanmeldformulier",
        description="Lees de tekst van een issue dat met een aanmeldformulier is gemaakt en schrijf "
                    "practices/<id>.yml (formulier Praktijk aanmelden) of collections/<id>.yml (formulier "
                    "Collectie aanmelden). Lukt dat niet, dan staan de problemen als Markdown op de uitvoer, "
                    "klaar om als reactie bij het issue te zetten.")
    from_issue.add_argument("body", type=Path, metavar="BESTAND", help="een bestand met de tekst van het issue")
    from_issue.add_argument("--added", type=_date, default=os.environ.get(ADDED_ENVIRONMENT),
                            help=f"de datum van toevoegen, jjjj-mm-dd (of de omgevingsvariabele "
                                 f"{ADDED_ENVIRONMENT}); de workflow geeft de datum van het issue mee")


def _new(arguments: argparse.Namespace, repository: Repository) -> int:
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


def _from_issue(arguments: argparse.Namespace, repository: Repository) -> int:
    if arguments.added is None:
        print(f"praktijkbank: geef de datum van toevoegen mee met --added of {ADDED_ENVIRONMENT}.", file=sys.stderr)
        return 2
    try:
        body = arguments.body.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        print(f"praktijkbank: '{arguments.body}' kan niet worden gelezen ({error.strerror}).", file=sys.stderr)
        return EXIT_PROBLEMS
    form = form_of(body)
    asking = _questionnaire(repository, form)
    if asking is None:
        return EXIT_PROBLEMS
    result = read_issue(form, asking, body)
    if result.answers.problems or result.problems:
        print(problem_comment(result))
        return EXIT_PROBLEMS
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


CONTRIBUTE_COMMANDS = {"new": _new, "from-issue": _from_issue}

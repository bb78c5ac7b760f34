"""The contributor commands `praktijkbank new` and `praktijkbank from-issue` as the main parser knows them:
their options, exit codes and entry points. What they do is in cli/contribute.py, imported only when one of
them runs: `validate` runs on every push and every save in an editor and should not load the issue forms,
ruamel.yaml and the rest of the contributor code.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from praktijkbank.load.repository import Repository

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_CHANGED, EXIT_REMARK_ONLY = 0, 1, 2, 3, 4
FROM_ISSUE_EXIT_CODES = f"""\
afsluitcodes:
  {EXIT_OK}  er is een nieuwe praktijk of collectie gemaakt; de uitvoer is de tekst voor de pull request
  {EXIT_PROBLEMS}  er is niets geschreven; de uitvoer is een reactie met wat er moet veranderen
  {EXIT_USAGE}  het commando is verkeerd gebruikt (bijvoorbeeld: geen datum van toevoegen)
  {EXIT_CHANGED}  een bestaande praktijk of collectie is aangepast (alleen de gewijzigde velden); de uitvoer
     is de tekst voor de pull request, met elk veld oud en nieuw
  {EXIT_REMARK_ONLY}  het voorstel verandert geen veld, alleen een toelichting: er is niets geschreven; de
     uitvoer is een reactie dat de redactie ernaar kijkt
"""
ADDED_ENVIRONMENT = "PRAKTIJKBANK_ADDED"


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
    _add_questions_when_parsing(new)
    new.add_argument("--added", type=_date, default=None,
                     help="de datum van toevoegen, jjjj-mm-dd (standaard: vandaag, of SOURCE_DATE_EPOCH)")

    from_issue = commands.add_parser(
        "from-issue", parents=[common], help="maak een praktijk of collectie van een ingevuld aanmeldformulier",
        description="Lees de tekst van een issue dat met een formulier is gemaakt en schrijf "
                    "practices/<id>.yml (formulier Praktijk aanmelden) of collections/<id>.yml (formulier "
                    "Collectie aanmelden; met het id van een bestaande collectie wordt die aangepast), of pas een "
                    "bestaande praktijk aan (formulier Wijziging voorstellen). Lukt dat niet, dan staan de "
                    "problemen als Markdown op de uitvoer, klaar om als reactie bij het issue te zetten.",
        epilog=FROM_ISSUE_EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    from_issue.add_argument("body", type=Path, metavar="BESTAND", help="een bestand met de tekst van het issue")
    from_issue.add_argument("--added", type=_date, default=os.environ.get(ADDED_ENVIRONMENT),
                            help=f"de datum van toevoegen, jjjj-mm-dd (of de omgevingsvariabele "
                                 f"{ADDED_ENVIRONMENT}); de workflow geeft de datum van het issue mee")

    from_mail = commands.add_parser(
        "from-mail", parents=[common], help="maak een praktijk of collectie van een mail aan de redactie",
        description="Lees een mail die via de site naar de redactie is gestuurd (opgeslagen als .eml, of de "
                    "gekopieerde tekst) en doe ermee wat from-issue doet met dezelfde antwoorden: hetzelfde "
                    "bestand en dezelfde afsluitcode. Zie de pagina Voor de redactie (docs/redactie.md).",
        epilog=FROM_ISSUE_EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    from_mail.add_argument("mail", type=Path, metavar="BESTAND",
                           help="het bestand met de mail, of - om de mail te plakken (sluit af met Ctrl-D)")
    from_mail.add_argument("--added", type=_date, default=os.environ.get(ADDED_ENVIRONMENT),
                           help="de datum van toevoegen, jjjj-mm-dd (standaard: de datum van de mail, anders "
                                "vandaag)")


def _add_questions_when_parsing(new: argparse.ArgumentParser) -> None:
    """One option per question for `new`, added when `new` parses its arguments (or shows its help, which
    happens while parsing): the questions import the schemas' helpers and the forms' wording, which the other
    commands, `validate` above all, do not need."""
    parse = new.parse_known_args

    def parse_with_questions(*arguments: Any, **options: Any) -> Any:
        from praktijkbank.contribute.questions import QUESTIONS

        new.parse_known_args = parse  # type: ignore[method-assign]
        for question in QUESTIONS:
            new.add_argument(f"--{question.key.replace('_', '-')}", dest=question.key, action="append",
                             metavar="ANTWOORD", help=question.label)
        return parse(*arguments, **options)

    new.parse_known_args = parse_with_questions  # type: ignore[method-assign]


def _when_run(name: str) -> Callable[[argparse.Namespace, Repository], int]:
    """The command `name` of cli/contribute.py, imported when it is run."""
    def run(arguments: argparse.Namespace, repository: Repository) -> int:
        from praktijkbank.cli import contribute

        command: Callable[[argparse.Namespace, Repository], int] = getattr(contribute, name)
        return command(arguments, repository)
    return run


CONTRIBUTE_COMMANDS = {"new": _when_run("new_practice"), "from-issue": _when_run("from_issue"),
                       "from-mail": _when_run("from_mail")}

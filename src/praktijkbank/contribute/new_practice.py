"""`praktijkbank new`: ask the questions in the terminal (or take them as flags) and write a practice file.

Each answer is checked the moment it is given and asked again when it cannot be used, so a contributor
never ends with a file that fails validation. Input is read line by line from a text stream, which makes
the whole conversation testable through stdin, without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from praktijkbank.common.municipalities import read_municipalities
from praktijkbank.common.schemas import read_schema, with_vocabularies
from praktijkbank.common.vocabularies import Vocabularies
from praktijkbank.contribute.questions import (
    CHOICE,
    CHOICES,
    LINES,
    MARKDOWN,
    MUNICIPALITIES,
    PARTNERS,
    QUESTIONS,
    AnswerError,
    Question,
    Questionnaire,
)
from praktijkbank.contribute.template import render_document
from praktijkbank.load.repository import Repository
from praktijkbank.validate.rules import slugify

LISTS = (LINES, PARTNERS, MUNICIPALITIES)  # answered one item per line, ended by an empty line

END_OF_TEXT = "."


class EndOfInput(Exception):
    """The input stopped before every required question was answered."""


@dataclass
class Answers:
    """The usable answers so far, and the notes about answers that were adjusted."""

    values: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    problems: list[tuple[Question, str]] = field(default_factory=list)


def questionnaire(repository: Repository, vocabularies: Vocabularies, kind: str = "practice",
                  questions: tuple[Question, ...] = QUESTIONS) -> Questionnaire:
    """The questions of a practice, or of another kind of file (`kind` names its schema)."""
    return Questionnaire(with_vocabularies(read_schema(repository.schemas_dir, kind), vocabularies),
                         vocabularies, read_municipalities(repository.geo_dir), questions)


def answers_from_text(asking: Questionnaire, raw_answers: Mapping[str, str]) -> Answers:
    """Parse answers given all at once (flags, an issue form); every unusable answer becomes a problem."""
    answers = Answers()
    for question in asking.questions:
        try:
            parsed = asking.parse(question, raw_answers.get(question.key, ""))
        except AnswerError as error:
            answers.problems.append((question, str(error)))
            continue
        if parsed is not None:
            answers.values[question.key] = parsed.value
            if parsed.note:
                answers.notes.append(parsed.note)
    return answers


class Conversation:
    """Asks every question in turn on `output`, reading answers from `source`."""

    def __init__(self, asking: Questionnaire, source: TextIO, output: TextIO, taken: Callable[[str], bool]) -> None:
        self.asking = asking
        self.source = source
        self.output = output
        self.taken = taken

    def run(self) -> Answers:
        answers = Answers()
        self.say("Een nieuwe praktijk. Beantwoord de vragen; bij een vraag met (mag leeg) mag je op Enter "
                 "drukken om hem over te slaan.\n")
        for question in QUESTIONS:
            parsed = self.ask(question, answers.values)
            if parsed is not None:
                answers.values[question.key] = parsed.value
                if parsed.note:
                    self.say(f"  Let op: {parsed.note}")
                    answers.notes.append(parsed.note)
        return answers

    def ask(self, question: Question, earlier: dict[str, Any]) -> Any:
        """Ask until the answer can be used; an empty optional answer is None."""
        self.say(self.prompt(question, earlier))
        while True:
            raw = self.read(question)
            if question.key == "id" and not raw.strip():
                raw = slugify(earlier["title"])
            try:
                parsed = self.asking.parse(question, raw, numbers=True)
                if question.key == "id" and parsed is not None and self.taken(parsed.value):
                    raise AnswerError(f"er is al een praktijk met de naam '{parsed.value}'; kies een andere.")
                return parsed
            except AnswerError as error:
                again = "Typ de hele lijst opnieuw." if question.kind in LISTS else "Probeer het nog eens."
                self.say(f"  Dat gaat niet: {error} {again}")

    def prompt(self, question: Question, earlier: dict[str, Any]) -> str:
        marker = "verplicht" if question.required else "mag leeg"
        lines = [f"{question.label} ({marker})", f"  {self.asking.help(question)}"]
        vocabulary = self.asking.vocabulary(question)
        if vocabulary is not None and question.kind in (CHOICE, CHOICES, PARTNERS):
            lines += [f"  {number:>2}. {term.label} ({term.id})" for number, term in enumerate(vocabulary.terms, 1)]
            if question.kind == CHOICES:
                lines.append("  Meer dan één? Scheid de nummers met komma's, bijvoorbeeld 1, 3.")
        if question.key == "id":
            lines.append(f"  Laat leeg voor: {slugify(earlier['title'])}")
        if question.kind == MARKDOWN:
            lines.append(f"  Typ je tekst. Een lege regel begint een nieuwe alinea. Sluit af met een regel met "
                         f"alleen een punt ({END_OF_TEXT}).")
        elif question.kind in LISTS:
            lines.append("  Eén per regel. Sluit af met een lege regel.")
        if question.kind == MUNICIPALITIES:
            lines.append(f"  De {len(self.asking.municipalities.current)} gemeenten staan in schemas/geo/gemeenten.csv.")
        return "\n".join(lines)

    def read(self, question: Question) -> str:
        if question.kind == MARKDOWN:
            return "\n".join(self._lines_until(lambda line: line.strip() == END_OF_TEXT))
        if question.kind in LISTS:
            return "\n".join(self._lines_until(lambda line: not line.strip()))
        return self._line()

    def _lines_until(self, last: Callable[[str], bool]) -> list[str]:
        lines = []
        while not last(line := self._line()):
            lines.append(line)
        return lines

    def _line(self) -> str:
        self.output.write("> ")
        self.output.flush()
        line = self.source.readline()
        if not line:
            raise EndOfInput
        return line.rstrip("\n")

    def say(self, text: str) -> None:
        print(text, file=self.output)


def practice_path(repository: Repository, practice_id: str) -> Path:
    return repository.practices_dir / f"{practice_id}.yml"


def write_document(kind: str, asking: Questionnaire, path: Path, data: dict[str, Any]) -> None:
    """Write a new practice or collection file (`kind`); never replace one (exclusive creation)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:
        file.write(render_document(kind, asking.schema, data))

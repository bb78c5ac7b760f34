"""The glossary (schemas/begrippen.yml) is checked like contributor data: the editors write it by hand.

Besides its schema: a term or variant written twice (in one entry or in two, whatever its case) is an error, as
the site could not tell which explanation to show; so is an explanation of only spaces, which the schema's
minimum length lets through. Both rules read only the entries that have the shape the schema asks for, so they
run beside it and a file with schema errors still gets all its problems at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from praktijkbank.common.glossary import Glossary, glossary_from_data, is_capitals
from praktijkbank.common.problems import Problem, display_path
from praktijkbank.common.schemas import read_schema
from praktijkbank.load.repository import Repository
from praktijkbank.load.strict_yaml import DataPath, Document, LoadError, load_file
from praktijkbank.validate.hidden_characters import hidden_character_problems
from praktijkbank.validate.schema_problems import SchemaChecker


def load_glossary(repository: Repository) -> tuple[Glossary, list[Problem]]:
    """The glossary, or the problems that keep it from being used."""
    file = display_path(repository.glossary_file, repository.root)
    try:
        document = load_file(repository.glossary_file)
    except LoadError as error:
        return Glossary(), [error.to_problem(file)]
    checker = SchemaChecker(read_schema(repository.schemas_dir, "glossary"), {})
    problems = [*checker.problems(document, file), *hidden_character_problems(document.text, file),
                *duplicate_forms(document, file), *empty_explanations(document, file)]
    return (Glossary(), sorted(problems)) if problems else (glossary_from_data(document.data), [])


def duplicate_forms(document: Document, file: str) -> list[Problem]:
    """Each form that an earlier term or variant already has, at its own line, naming where the first one is."""
    first: dict[str, tuple[str, int]] = {}
    problems = []
    for index, entry in _entries(document):
        variants = entry.get("variants") if isinstance(entry.get("variants"), list) else []
        forms: list[tuple[DataPath, Any]] = [(("terms", index, "term"), entry.get("term"))]
        forms += [(("terms", index, "variants", number), variant) for number, variant in enumerate(variants)]
        for path, form in forms:
            if not isinstance(form, str):
                continue
            key = form if is_capitals(form) else form.casefold()
            position = document.source_map.value(path)
            if key in first:
                term, line = first[key]
                problems.append(Problem(file, position.line, position.column, "duplicate-term",
                                        f"'{form}' staat al in de begrippenlijst, bij '{term}' (regel {line}).",
                                        "Haal er één weg: een pagina kan maar één uitleg tonen."))
            else:
                first[key] = (str(entry.get("term")), position.line)
    return problems


def empty_explanations(document: Document, file: str) -> list[Problem]:
    problems = []
    for index, entry in _entries(document):
        explanation = entry.get("explanation")
        if isinstance(explanation, str) and explanation and not explanation.strip():
            position = document.source_map.value(("terms", index, "explanation"))
            problems.append(Problem(file, position.line, position.column, "empty-explanation",
                                    f"het begrip '{entry.get('term')}' heeft geen uitleg.",
                                    "Schrijf een of twee zinnen in gewone taal die zeggen wat het begrip betekent."))
    return problems


def _entries(document: Document) -> Iterator[tuple[int, dict[str, Any]]]:
    """The entries that are mappings, with their index; anything else the schema reports."""
    terms = document.data.get("terms")
    if isinstance(terms, list):
        yield from ((index, entry) for index, entry in enumerate(terms) if isinstance(entry, dict))

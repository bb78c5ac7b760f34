"""Validation of a whole repository in one pass: load, check each file against its schema, then the rules
between files. Every problem in every file is collected; nothing stops at the first one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from praktijkbank import rules
from praktijkbank.load import LoadError, load_file
from praktijkbank.problems import Problem, display_path
from praktijkbank.repository import COLLECTION, PRACTICE, Repository, kind_of
from praktijkbank.rules import Record
from praktijkbank.schema_problems import SchemaChecker
from praktijkbank.schemas import read_schema, with_vocabularies
from praktijkbank.vocabularies import Vocabularies, vocabularies_from_data


@dataclass(frozen=True)
class ValidationReport:
    """What validation found, and the loaded records and vocabularies the next step (the model) builds on."""

    problems: list[Problem]
    records: list[Record]
    vocabularies: Vocabularies

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_repository(repository: Repository, selected: Sequence[Path] = ()) -> ValidationReport:
    """Check every practice and collection; with `selected`, report only those files (references are still
    resolved against the whole repository, so a new practice may point at existing ones)."""
    vocabularies, problems = load_vocabularies(repository)
    if problems:
        return ValidationReport(problems, [], {})
    records, problems = _load_records(repository, selected)
    problems += _check_records(repository, records, vocabularies)
    if selected:
        wanted = {display_path(path, repository.root) for path in selected}
        problems = [problem for problem in problems if problem.file in wanted]
    return ValidationReport(sorted(problems), records, vocabularies)


def load_vocabularies(repository: Repository) -> tuple[Vocabularies, list[Problem]]:
    """vocabularies.yml is checked like contributor data: it is edited by hand too."""
    file = display_path(repository.vocabularies_file, repository.root)
    try:
        document = load_file(repository.vocabularies_file)
    except LoadError as error:
        return {}, [error.to_problem(file)]
    checker = SchemaChecker(read_schema(repository.schemas_dir, "vocabularies"), {})
    problems = checker.problems(document, file)
    for name, entry in document.data.items():
        seen: set[str] = set()
        for index, value in enumerate(entry.get("values", []) if isinstance(entry, dict) else []):
            term_id = value.get("id") if isinstance(value, dict) else None
            if term_id in seen:
                position = document.source_map.value((name, "values", index, "id"))
                problems.append(Problem(file, position.line, position.column, "duplicate-id",
                                        f"de waarde '{term_id}' staat twee keer in '{name}'.", "Haal er één weg."))
            seen.add(term_id)
    if problems:
        return {}, problems
    return vocabularies_from_data(document.data), []


def _load_records(repository: Repository, selected: Iterable[Path]) -> tuple[list[Record], list[Problem]]:
    """Every file of the repository plus the selected ones, each once; unloadable files keep a record too,
    so the rules between files still know their id."""
    files = repository.data_files() + [(kind_of(path), path) for path in selected]
    seen: set[Path] = set()
    records, problems = [], []
    for kind, path in files:
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        record, problem = _load_record(repository, kind, path)
        records.append(record)
        problems.extend([problem] if problem else [])
    return records, problems


def _load_record(repository: Repository, kind: str, path: Path) -> tuple[Record, Problem | None]:
    file = display_path(path, repository.root)
    stem = path.name.removesuffix(path.suffix)
    try:
        return Record(kind, stem, path, file, load_file(path)), None
    except LoadError as error:
        return Record(kind, stem, path, file, None), error.to_problem(file)


def _check_records(repository: Repository, records: list[Record], vocabularies: Vocabularies) -> list[Problem]:
    schemas = {kind: with_vocabularies(read_schema(repository.schemas_dir, kind), vocabularies)
               for kind in (PRACTICE, COLLECTION)}
    checkers = {kind: SchemaChecker(schema, vocabularies) for kind, schema in schemas.items()}
    url_fields = {kind: rules.url_fields(schema) for kind, schema in schemas.items()}
    problems: list[Problem] = []
    for record in records:
        problems.extend(rules.check_file_name(record))
        if record.document is not None:
            problems.extend(checkers[record.kind].problems(record.document, record.file))
            problems.extend(rules.check_urls(record, url_fields[record.kind]))
            problems.extend(rules.check_media(record, repository.media_dir))
    problems.extend(rules.check_unique_ids(records))
    problems.extend(rules.check_aliases(records))
    problems.extend(rules.check_references(records))
    return problems

"""Validation of a whole repository in one pass: load and check each file against its schema, then the
rules between files. Every problem in every file is collected; nothing stops at the first one.

The checks of one file need no other file, so with `workers` above one they run in parallel processes;
only the rules between files run in the calling process.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from praktijkbank.common.clock import reference_date
from praktijkbank.common.glossary import Glossary
from praktijkbank.common.municipalities import Municipalities, read_municipalities
from praktijkbank.common.problems import ERROR, WARNING, Problem, display_path
from praktijkbank.common.schemas import read_schema, with_vocabularies
from praktijkbank.common.vocabularies import Vocabularies, vocabularies_from_data
from praktijkbank.load.repository import COLLECTION, LOAD, PRACTICE, DataFile, Repository
from praktijkbank.load.strict_yaml import LoadError, load_file
from praktijkbank.validate import abbreviations, places, rules
from praktijkbank.validate.completeness import completeness_hints
from praktijkbank.validate.glossary import load_glossary
from praktijkbank.validate.hidden_characters import hidden_character_problems
from praktijkbank.validate.rules import Record
from praktijkbank.validate.schema_problems import SchemaChecker

FILES_PER_WORKER = 250


@dataclass(frozen=True)
class ValidationReport:
    """What validation found, and the loaded records and vocabularies the next step (the model) builds on."""

    problems: list[Problem]
    records: list[Record]
    vocabularies: Vocabularies
    municipalities: Municipalities = Municipalities()
    scope: frozenset[str] | None = None
    """The files (as displayed) the problems were limited to when paths were selected; None means all."""
    glossary: Glossary = Glossary()
    warnings: list[Problem] = field(default_factory=list)
    """What would make a valid file better (unexplained abbreviations, and the completeness hints when asked
    for): shown, never blocking."""

    def in_scope(self, problems: Iterable[Problem]) -> list[Problem]:
        """The problems about the files this report is about."""
        return _in_scope(problems, self.scope)

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_repository(repository: Repository, selected: Sequence[Path] = (), workers: int = 1,
                        hints_on: date | None = None) -> ValidationReport:
    """Check every practice and collection; with `selected` (files or folders, judged by the same rules as the
    whole repository), report only those files. References are still resolved against the whole repository,
    so a new practice may point at existing ones. With `hints_on` (the day a review is measured against), the
    warnings include the completeness hints too."""
    vocabularies, problems = load_vocabularies(repository)
    glossary, glossary_problems = load_glossary(repository)
    if problems or glossary_problems:
        return ValidationReport(problems + glossary_problems, [], {})
    checker = FileChecker(repository, vocabularies, glossary, hints_on)
    selection = [data_file for path in selected for data_file in repository.files_at(path)]
    files = _unique(repository.data_files() + selection)
    results = _check_files(checker, [data_file for data_file in files if data_file.handling == LOAD], workers)
    records = [record for record, _ in results]
    found = [problem for _, file_problems in results for problem in file_problems]
    problems = [problem for problem in found if problem.severity == ERROR]
    problems += [rules.unread_file_problem(data_file, repository.root) for data_file in files
                 if data_file.handling != LOAD]
    problems += [*rules.check_unique_ids(records), *rules.check_aliases(records), *rules.check_references(records)]
    scope = frozenset(display_path(data_file.path, repository.root) for data_file in selection) if selected else None
    warnings = [*(problem for problem in found if problem.severity == WARNING), *rules.withdrawn_relations(records)]
    return ValidationReport(sorted(_in_scope(problems, scope)), records, vocabularies, checker.municipalities,
                            scope, glossary, sorted(_in_scope(warnings, scope)))


def load_vocabularies(repository: Repository) -> tuple[Vocabularies, list[Problem]]:
    """vocabularies.yml is checked like contributor data: it is edited by hand too."""
    file = display_path(repository.vocabularies_file, repository.root)
    try:
        document = load_file(repository.vocabularies_file)
    except LoadError as error:
        return {}, [error.to_problem(file)]
    checker = SchemaChecker(read_schema(repository.schemas_dir, "vocabularies"), {})
    problems = [*checker.problems(document, file), *hidden_character_problems(document.text, file)]
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


def _in_scope(problems: Iterable[Problem], scope: frozenset[str] | None) -> list[Problem]:
    return [problem for problem in problems if scope is None or problem.file in scope]


def _unique(files: Iterable[DataFile]) -> list[DataFile]:
    """Every file once: the repository's files and the selected ones overlap."""
    seen: set[str] = set()
    unique = []
    for data_file in files:
        path = os.path.abspath(data_file.path)
        if path not in seen:
            seen.add(path)
            unique.append(data_file)
    return unique


class FileChecker:
    """The checks that need one file only: loading, its schema, its file name, URLs and media, and with
    `hints_on` the completeness hints (validate.completeness)."""

    def __init__(self, repository: Repository, vocabularies: Vocabularies, glossary: Glossary = Glossary(),
                 hints_on: date | None = None) -> None:
        self.repository = repository
        self.glossary = glossary
        self.hints_on = hints_on
        schemas = {kind: with_vocabularies(read_schema(repository.schemas_dir, kind), vocabularies)
                   for kind in (PRACTICE, COLLECTION)}
        self.schema_checkers = {kind: SchemaChecker(schema, vocabularies) for kind, schema in schemas.items()}
        self.url_paths = {kind: rules.url_paths(schema) for kind, schema in schemas.items()}
        self.municipalities = read_municipalities(repository.geo_dir)
        self.provinces = vocabularies["provinces"]
        self.reference = reference_date()

    def __call__(self, data_file: DataFile) -> tuple[Record, list[Problem]]:
        kind, path = data_file.kind, data_file.path
        file = display_path(path, self.repository.root)
        file_id = path.name.removesuffix(path.suffix)
        try:
            document = load_file(path)
        except LoadError as error:
            record = Record(kind, file_id, path, file, None)
            return record, [error.to_problem(file), *rules.check_file_name(record)]
        record = Record.from_document(kind, file_id, file, document)
        return record, [
            *rules.check_file_name(record),
            *self.schema_checkers[kind].problems(document, file),
            *rules.check_urls(record, self.url_paths[kind]),
            *rules.check_media(record, self.repository.media_dir),
            *rules.check_withdrawal(record),
            *rules.check_future_dates(record, self.reference),
            *hidden_character_problems(document.text, file),
            *abbreviations.unexplained_abbreviations(record, document, self.glossary),
            *(places.check_place(record, self.municipalities, self.provinces) if kind == PRACTICE else ()),
            *(completeness_hints(record, self.hints_on) if self.hints_on else ()),
        ]


def _check_files(checker: FileChecker, files: list[DataFile],
                 workers: int) -> list[tuple[Record, list[Problem]]]:
    """Check the files here, or spread over worker processes when there are enough to be worth it."""
    workers = min(workers, len(files) // FILES_PER_WORKER)
    if workers <= 1:
        return [checker(item) for item in files]
    import multiprocessing  # here: a repository too small for workers should not pay for importing them
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_use_checker, initargs=(checker,)) as pool:
        return list(pool.map(_check_in_worker, files, chunksize=max(1, len(files) // (workers * 4))))


_worker_checker: FileChecker | None = None


def _use_checker(checker: FileChecker) -> None:
    """Runs in each forked worker: the checker arrives by inheritance, its compiled schemas unpickled."""
    global _worker_checker
    _worker_checker = checker


def _check_in_worker(data_file: DataFile) -> tuple[Record, list[Problem]]:
    assert _worker_checker is not None
    return _worker_checker(data_file)

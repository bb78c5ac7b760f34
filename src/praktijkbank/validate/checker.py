"""Validation of a whole repository in one pass: load and check each file against its schema, then the
rules between files. Every problem in every file is collected; nothing stops at the first one.

The checks of one file need no other file, so with `workers` above one they run in parallel processes;
only the rules between files run in the calling process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from praktijkbank.common.municipalities import Municipalities, read_municipalities
from praktijkbank.common.problems import Problem, display_path
from praktijkbank.common.schemas import read_schema, with_vocabularies
from praktijkbank.common.vocabularies import Vocabularies, vocabularies_from_data
from praktijkbank.load.repository import COLLECTION, PRACTICE, Repository, kind_of
from praktijkbank.load.strict_yaml import LoadError, load_file
from praktijkbank.validate import places, rules
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

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_repository(repository: Repository, selected: Sequence[Path] = (), workers: int = 1) -> ValidationReport:
    """Check every practice and collection; with `selected`, report only those files (references are still
    resolved against the whole repository, so a new practice may point at existing ones)."""
    vocabularies, problems = load_vocabularies(repository)
    if problems:
        return ValidationReport(problems, [], {})
    checker = FileChecker(repository, vocabularies)
    results = _check_files(checker, _files(repository, selected), workers)
    records = [record for record, _ in results]
    problems = [problem for _, file_problems in results for problem in file_problems]
    problems += [*rules.check_unique_ids(records), *rules.check_aliases(records), *rules.check_references(records)]
    if selected:
        wanted = {display_path(path, repository.root) for path in selected}
        problems = [problem for problem in problems if problem.file in wanted]
    return ValidationReport(sorted(problems), records, vocabularies, checker.municipalities)


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


def _files(repository: Repository, selected: Iterable[Path]) -> list[tuple[str, Path]]:
    """Every file of the repository plus the selected ones, each once."""
    seen: set[Path] = set()
    unique = []
    for kind, path in repository.data_files() + [(kind_of(path), path) for path in selected]:
        if path.absolute() not in seen:
            seen.add(path.absolute())
            unique.append((kind, path))
    return unique


class FileChecker:
    """The checks that need one file only: loading, its schema, its file name, URLs and media."""

    def __init__(self, repository: Repository, vocabularies: Vocabularies) -> None:
        self.repository = repository
        schemas = {kind: with_vocabularies(read_schema(repository.schemas_dir, kind), vocabularies)
                   for kind in (PRACTICE, COLLECTION)}
        self.schema_checkers = {kind: SchemaChecker(schema, vocabularies) for kind, schema in schemas.items()}
        self.url_paths = {kind: rules.url_paths(schema) for kind, schema in schemas.items()}
        self.municipalities = read_municipalities(repository.geo_dir)
        self.provinces = vocabularies["provinces"]

    def __call__(self, item: tuple[str, Path]) -> tuple[Record, list[Problem]]:
        kind, path = item
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
            *(places.check_place(record, self.municipalities, self.provinces) if kind == PRACTICE else ()),
        ]


def _check_files(checker: FileChecker, files: list[tuple[str, Path]],
                 workers: int) -> list[tuple[Record, list[Problem]]]:
    """Check the files here, or spread over worker processes when there are enough to be worth it."""
    workers = min(workers, len(files) // FILES_PER_WORKER)
    if workers <= 1:
        return [checker(item) for item in files]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_use_checker, initargs=(checker,)) as pool:
        return list(pool.map(_check_in_worker, files, chunksize=max(1, len(files) // (workers * 4))))


_worker_checker: FileChecker | None = None


def _use_checker(checker: FileChecker) -> None:
    """Runs in each forked worker: the checker arrives by inheritance, its compiled schemas unpickled."""
    global _worker_checker
    _worker_checker = checker


def _check_in_worker(item: tuple[str, Path]) -> tuple[Record, list[Problem]]:
    assert _worker_checker is not None
    return _worker_checker(item)

"""Large repositories are checked in worker processes; the report must not depend on how it was made, and the
positions of the completeness hints come from the workers' parse: only a file with a problem between files is
read a second time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers import VALID_PRACTICE
from praktijkbank.load.repository import Repository
from praktijkbank.load.strict_yaml import load_file
from praktijkbank.validate import rules
from praktijkbank.validate.checker import FILES_PER_WORKER, validate_repository

REFERENCE = date(2026, 11, 18)


def test_workers_find_exactly_what_one_process_finds(make_repository, monkeypatch) -> None:
    root = make_repository()
    template = VALID_PRACTICE.read_text(encoding="utf-8")
    for number in range(2 * FILES_PER_WORKER):
        text = template.replace("voorbeeldstad-zomertent", f"oud-{number}")
        if number % 100 == 7:
            text = text.replace("  - laaggeletterdheid\n", "  - laaggeletterheid\n")
        if number % 100 == 9:
            text += "related:\n  - bestaat-niet\n"
        (root / "practices" / f"kopie-{number:04d}.yml").write_text(text, encoding="utf-8")
    repository = Repository(root)

    in_process = validate_repository(repository, workers=1, hints_on=REFERENCE)
    read_again: list[str] = []
    monkeypatch.setattr(rules, "load_file", lambda path: read_again.append(path.name) or load_file(path))
    in_workers = validate_repository(repository, workers=2, hints_on=REFERENCE)

    assert in_workers.problems == in_process.problems
    assert in_workers.warnings == in_process.warnings
    assert {(w.rule, w.line) for w in in_workers.warnings} >= {("no-lessons", 2), ("no-source-url", 25)}
    assert {(p.rule, p.line) for p in in_process.problems} == {("unknown-value", 20), ("unknown-practice", 30)}
    assert len(in_process.problems) == 10
    assert [record.data for record in in_workers.records] == [record.data for record in in_process.records]
    assert sorted(read_again) == sorted(Path(p.file).name for p in in_process.problems if p.rule == "unknown-practice")

"""Large repositories are checked in worker processes; the report must not depend on how it was made."""

from __future__ import annotations

from helpers import VALID_PRACTICE
from praktijkbank.load.repository import Repository
from praktijkbank.validate.checker import FILES_PER_WORKER, validate_repository


def test_workers_find_exactly_what_one_process_finds(make_repository) -> None:
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

    in_process = validate_repository(repository, workers=1)
    in_workers = validate_repository(repository, workers=2)

    assert in_workers.problems == in_process.problems
    assert {(p.rule, p.line) for p in in_process.problems} == {("unknown-value", 20), ("unknown-practice", 30)}
    assert len(in_process.problems) == 10
    assert [record.data for record in in_workers.records] == [record.data for record in in_process.records]

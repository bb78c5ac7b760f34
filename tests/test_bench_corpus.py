"""The benchmark measures on practices like the repository's own: the same completeness hints in the same
proportion, and a git history whose commits change fields, so its figures include what real files cost."""

from __future__ import annotations

import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

from helpers import PROJECT_ROOT
from praktijkbank.load.repository import Repository
from praktijkbank.validate import abbreviations
from praktijkbank.validate.checker import validate_repository
from scripts.bench.generated import generate_repository, load_shapes
from scripts.bench.git_history import COMMITS_PER_PRACTICE, write_history

REFERENCE = date(2026, 12, 7)


def _hints(root: Path) -> Counter[str]:
    report = validate_repository(Repository(root), hints_on=REFERENCE)
    assert report.problems == []
    return Counter(warning.rule for warning in report.warnings if warning.rule != abbreviations.RULE)


def test_generated_practices_carry_the_real_files_hints_in_the_same_proportion(tmp_path) -> None:
    shapes = len(load_shapes(PROJECT_ROOT / "practices"))
    generate_repository(tmp_path, 2 * shapes)

    real = _hints(PROJECT_ROOT)
    assert _hints(tmp_path) == Counter({rule: 2 * count for rule, count in real.items()})


def test_every_practice_gets_commits_that_change_its_fields(tmp_path) -> None:
    generate_repository(tmp_path, 3)

    assert write_history(tmp_path) == 3 * COMMITS_PER_PRACTICE
    first = subprocess.run(["git", "-C", str(tmp_path), "show", "HEAD~7:practices/practice-00002.yml"],
                           capture_output=True, text=True, check=True).stdout
    last = (tmp_path / "practices" / "practice-00002.yml").read_text(encoding="utf-8")
    assert first != last
    assert [line for line in first.splitlines() if line.startswith("title:")] != \
           [line for line in last.splitlines() if line.startswith("title:")]
    assert len([line for line in last.splitlines() if line[:1].isalpha()]) > \
           len([line for line in first.splitlines() if line[:1].isalpha()])

"""Every validation rule has a fixture that breaks it: the validator must name the rule, the file and the
exact line and column, and exit with 1. Each fixture states what it expects in its first line:
`# expect: <rule-id> <line>:<column>`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import FIXTURES, VALID_COLLECTION, VALID_PRACTICE

EXPECTATION = re.compile(rb"# expect: (?P<rule>[a-z0-9-]+) (?P<line>\d+):(?P<column>\d+)")
BAD_PRACTICES = sorted(path for path in (FIXTURES / "bad" / "practices").iterdir()
                       if path.suffix.lower() in (".yml", ".yaml"))
BAD_COLLECTIONS = sorted((FIXTURES / "bad" / "collections").glob("*.yml"))


def expectation(fixture: Path) -> tuple[str, int, int]:
    match = EXPECTATION.match(fixture.read_bytes())
    assert match, f"{fixture.name} has no '# expect: rule line:col' header"
    return match["rule"].decode(), int(match["line"]), int(match["column"])


def test_every_rule_has_a_fixture() -> None:
    rules = {expectation(fixture)[0] for fixture in BAD_PRACTICES + BAD_COLLECTIONS}
    assert rules >= {
        "yaml-duplicate-key", "yaml-anchor", "yaml-alias", "yaml-tag", "yaml-tab", "yaml-encoding", "yaml-empty",
        "yaml-not-mapping", "yaml-too-deep", "yaml-syntax", "yaml-multiple-documents", "yaml-complex-key",
        "yaml-control-character",
        "missing-field", "unknown-field", "unknown-value", "wrong-type", "empty-value", "too-short", "too-long",
        "empty-list", "duplicate-item", "invalid-format", "invalid-date", "out-of-range", "invalid-file-name",
        "alias-collision", "unknown-practice", "related-self", "based-on-self", "media-missing", "media-path", "url-scheme",
        "invalid-url", "wrong-extension", "hidden-character", "former-municipality", "province-mismatch",
    }


@pytest.mark.parametrize("fixture", BAD_PRACTICES, ids=lambda path: path.name)
def test_bad_practice_is_reported_at_its_line(fixture: Path, make_repository, run_cli) -> None:
    rule, line, column = expectation(fixture)
    root = make_repository(practices=[VALID_PRACTICE, fixture])

    result = run_cli("validate", "--root", root, "--format", "json")

    assert result.code == 1
    file = f"practices/{fixture.name}"
    assert {"file": file, "line": line, "column": column, "rule": rule} in [
        {key: problem[key] for key in ("file", "line", "column", "rule")} for problem in result.problems
    ], result.stdout
    others = [problem for problem in result.problems if problem["file"] != file]
    assert all(problem["rule"] == "alias-collision" for problem in others), "the valid practice must stay clean"
    assert all(problem["message"] for problem in result.problems)


@pytest.mark.parametrize("fixture", BAD_COLLECTIONS, ids=lambda path: path.name)
def test_bad_collection_is_reported_at_its_line(fixture: Path, make_repository, run_cli) -> None:
    rule, line, column = expectation(fixture)
    root = make_repository(practices=[VALID_PRACTICE], collections=[fixture])

    result = run_cli("validate", "--root", root, "--format", "json")

    assert result.code == 1
    located = [(p["file"], p["line"], p["column"], p["rule"]) for p in result.problems]
    assert (f"collections/{fixture.name}", line, column, rule) in located, result.stdout


def test_valid_fixtures_pass(make_repository, run_cli) -> None:
    root = make_repository(practices=[VALID_PRACTICE], collections=[VALID_COLLECTION])

    result = run_cli("validate", "--root", root, "--zonder-waarschuwingen")

    assert result.code == 0, result.stdout
    assert result.stdout == ""
    assert "Alles in orde: 1 praktijk en 1 collectie" in result.stderr

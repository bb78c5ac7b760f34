"""A change of the published data's structure that would break a re-user needs a new version: `praktijkbank
generate` compares the schemas with their previous committed copies (schemas/published/) and refuses an
incompatible change with the same major version; adding a field is fine."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from praktijkbank.publish.schema_compatibility import incompatibilities
from sites import copy_site_repository

OLD = {"type": "object", "required": ["title", "themes"],
       "properties": {"title": {"type": "string"}, "costs": {"type": "string"},
                      "themes": {"type": "array", "items": {"enum": ["lezen", "werk"]}}}}


@pytest.mark.parametrize("change, expected", [
    (lambda schema: schema["properties"].pop("costs"), "costs: het veld is vervallen"),
    (lambda schema: schema["properties"]["title"].update(type="integer"), "title: het type is nu integer (was string)"),
    (lambda schema: schema["required"].remove("themes"), "themes: het veld is niet meer verplicht"),
    (lambda schema: schema["properties"]["themes"]["items"].update(enum=["lezen"]), "themes[]: de waarden werk zijn vervallen"),
])
def test_a_change_that_breaks_a_reader_is_found(change, expected: str) -> None:
    new = json.loads(json.dumps(OLD))
    change(new)

    assert any(expected in problem for problem in incompatibilities(OLD, new))


def test_a_new_field_a_new_value_or_a_new_text_breaks_nothing() -> None:
    new = json.loads(json.dumps(OLD))
    new["properties"]["period"] = {"type": "object"}
    new["properties"]["themes"]["items"]["enum"].append("zorg")
    new["properties"]["title"]["description"] = "De naam van de praktijk."

    assert incompatibilities(OLD, new) == []


def _git(repository: Path, *arguments: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false",
                    *arguments], cwd=repository, check=True, capture_output=True)


@pytest.fixture
def committed_repository(tmp_path: Path) -> Path:
    """A copy of the repository whose published schemas are committed in a git repository of its own."""
    repository = copy_site_repository(tmp_path / "repo")
    _git(repository, "init", "-q")
    _git(repository, "add", "-A")
    _git(repository, "commit", "-q", "-m", "Begin")
    return repository


def _drop_costs(repository: Path) -> None:
    schema_file = repository / "schemas" / "practice.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    del schema["properties"]["costs"]
    schema_file.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _set_version(repository: Path, version: str) -> None:
    settings_file = repository / "schemas" / "open-data.json"
    settings = json.loads(settings_file.read_text(encoding="utf-8"))
    settings["version"] = version
    settings_file.write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def test_a_breaking_change_without_a_new_version_is_refused_even_once_committed(committed_repository: Path,
                                                                               run_cli) -> None:
    _drop_costs(committed_repository)

    refused = run_cli("generate", "--check", "--root", committed_repository)
    assert refused.code == 1
    assert ("schemas/published/praktijk.json: practice.costs: het veld is vervallen; verhoog het eerste getal van "
            "version in schemas/open-data.json") in refused.stdout

    run_cli("generate", "--write", "--root", committed_repository)
    _git(committed_repository, "commit", "-q", "-a", "-m", "Kosten weg")
    assert run_cli("generate", "--check", "--root", committed_repository).code == 1, "committing it does not help"


def test_a_breaking_change_with_a_new_major_version_is_accepted(committed_repository: Path, run_cli) -> None:
    _drop_costs(committed_repository)
    _set_version(committed_repository, "2.0")

    assert run_cli("generate", "--write", "--root", committed_repository).code == 0
    assert run_cli("generate", "--check", "--root", committed_repository).code == 0


def test_a_new_field_needs_no_new_major_version(committed_repository: Path, run_cli) -> None:
    schema_file = committed_repository / "schemas" / "practice.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["properties"]["website"] = {"title": "Website", "description": "De website van de praktijk.",
                                       "type": "string", "examples": ["https://voorbeeld.nl/"]}
    schema_file.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    assert run_cli("generate", "--write", "--root", committed_repository).code == 0
    assert run_cli("generate", "--check", "--root", committed_repository).code == 0


def test_the_repositorys_published_schemas_are_current_and_compatible_with_their_history(run_cli) -> None:
    from helpers import PROJECT_ROOT

    result = run_cli("generate", "--check", "--root", PROJECT_ROOT)

    assert result.code == 0, result.stdout

"""The repository's own content: every file validates, the generated files are current, and the seed
practices the sources describe are all there."""

from __future__ import annotations

import re

import pytest

from helpers import PROJECT_ROOT
from praktijkbank.load.strict_yaml import load_file
from praktijkbank.model.catalog import Catalog, build_catalog
from praktijkbank.load.repository import Repository
from praktijkbank.validate.schema_problems import SchemaChecker
from praktijkbank.common.schemas import read_schema, with_vocabularies
from praktijkbank.validate.checker import load_vocabularies, validate_repository

REPOSITORY = Repository(PROJECT_ROOT)


def test_every_practice_and_collection_in_the_repository_validates() -> None:
    report = validate_repository(REPOSITORY)
    assert report.problems == []
    assert len(report.records) >= 12


def test_generated_files_are_current(run_cli) -> None:
    result = run_cli("generate", "--check", "--root", PROJECT_ROOT)
    assert result.code == 0, result.stdout


def test_the_template_is_a_valid_practice() -> None:
    vocabularies, _ = load_vocabularies(REPOSITORY)
    checker = SchemaChecker(with_vocabularies(read_schema(REPOSITORY.schemas_dir, "practice"), vocabularies),
                            vocabularies)
    template = REPOSITORY.practices_dir / "_template.yml"
    assert checker.problems(load_file(template), "_template.yml") == []
    assert template.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schemas/")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return build_catalog(validate_repository(REPOSITORY))


@pytest.mark.parametrize("practice_id", [
    "dalfsen-voorleestent", "hoorn-weesp-philadelphia", "hilversum-senver-bus", "deventer-wijkwinkels",
    "losser-fundament", "dalfsen-consultatiebureau", "dalfsen-kinderopvang-en-scholen",
    "zuid-kennemerland-uwv-speeddates", "utrecht-themabijeenkomsten-clientenraden", "noordoostpolder-visie-2040",
    "meierijstad-samenwerkingsovereenkomst",
])
def test_the_practices_from_the_sources_stay_reachable(practice_id: str, catalog: Catalog) -> None:
    """Their addresses are published; a renamed practice keeps its old id in `aliases`, so this still holds."""
    assert practice_id in catalog.practices or any(practice_id in practice.aliases
                                                   for practice in catalog.practices.values())


def test_seed_data_cites_sources_and_invents_no_contact_details() -> None:
    catalog = build_catalog(validate_repository(REPOSITORY))
    for practice in catalog.practices.values():
        assert practice.sources, practice.id
        assert practice.contact is None or practice.contact.email is None, practice.id
        text = (REPOSITORY.practices_dir / f"{practice.id}.yml").read_text(encoding="utf-8")
        assert not re.search(r"https?://|@\w+\.\w+|\b0\d{2}[- ]?\d{7}\b", text), f"{practice.id} has an address"


def test_the_seed_collection_claims_no_event() -> None:
    catalog = build_catalog(validate_repository(REPOSITORY))
    assert catalog.collections
    assert all(collection.event is None for collection in catalog.collections.values())


def _properties(schema: dict, path: str = "") -> list[tuple[str, dict]]:
    found = []
    for name, subschema in schema.get("properties", {}).items():
        found.append((f"{path}{name}", subschema))
        found += _properties(subschema, f"{path}{name}.")
        if isinstance(subschema.get("items"), dict):
            found += _properties(subschema["items"], f"{path}{name}[].")
    return found


@pytest.mark.parametrize("kind", ["practice", "collection"])
def test_every_field_explains_itself_in_dutch_with_an_example(kind: str) -> None:
    schema = read_schema(REPOSITORY.schemas_dir, kind)
    for definition in [schema, *schema["$defs"].values()]:
        for path, subschema in _properties(definition):
            resolved = {**schema["$defs"].get(subschema.get("$ref", "#/$defs/").rsplit("/", 1)[-1], {}), **subschema}
            assert resolved.get("title") and resolved.get("description"), f"{kind}: {path} needs a title and description"
            assert resolved.get("examples"), f"{kind}: {path} needs an example"
        assert definition.get("additionalProperties") is False or definition.get("type") != "object", definition.get("title")

"""The compiled schema checks that let valid files skip jsonschema: they accept exactly what jsonschema accepts
for data loaded from YAML, never accept what it rejects, and are really used for the project's own schemas."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import PROJECT_ROOT
from mutants import paths_in, real_practices
from praktijkbank.common.schemas import SCHEMA_FILES, inline_references, read_schema, strip_annotations, with_vocabularies
from praktijkbank.load.repository import Repository
from praktijkbank.load.strict_yaml import load_file
from praktijkbank.validate.checker import load_vocabularies
from praktijkbank.validate.compiled_schema import compile_schema
from praktijkbank.validate.schema_problems import FORMATS

REPOSITORY = Repository(PROJECT_ROOT)
VOCABULARIES, _ = load_vocabularies(REPOSITORY)
REAL_FILES = real_practices(PROJECT_ROOT) + sorted((PROJECT_ROOT / "collections").glob("*.yml"))

# (schema, instance): every keyword the checks know, each with a value it accepts and one it refuses.
CASES = [
    ({"type": "string"}, "tekst"), ({"type": "string"}, 1), ({"type": "integer"}, 2021), ({"type": "integer"}, True),
    ({"type": "integer"}, "2021"), ({"type": "number"}, 1.5), ({"type": "number"}, False), ({"type": "null"}, None),
    ({"type": "boolean"}, True), ({"type": "boolean"}, 0), ({"type": "array"}, []), ({"type": "array"}, {}),
    ({"type": "object"}, {}), ({"type": "object"}, []), ({"type": ["string", "null"]}, None),
    ({"type": ["string", "null"]}, 3), ({"enum": ["taal", "lezen"]}, "taal"), ({"enum": ["taal", "lezen"]}, "Taal"),
    ({"enum": ["taal"]}, None), ({"required": ["title"]}, {"title": "x"}), ({"required": ["title"]}, {"titel": "x"}),
    ({"required": ["title"]}, "no object: not this keyword's business"),
    ({"properties": {"a": {"type": "string"}}}, {"a": "x", "b": 1}), ({"properties": {"a": {"type": "string"}}}, {"a": 1}),
    ({"properties": {"a": {}}, "additionalProperties": False}, {"a": 1}),
    ({"properties": {"a": {}}, "additionalProperties": False}, {"a": 1, "b": 2}),
    ({"additionalProperties": {"type": "string"}}, {"b": "x"}), ({"additionalProperties": {"type": "string"}}, {"b": 2}),
    ({"items": {"type": "string"}}, ["a", "b"]), ({"items": {"type": "string"}}, ["a", 2]),
    ({"minItems": 1}, ["a"]), ({"minItems": 1}, []), ({"uniqueItems": True}, ["a", "b"]),
    ({"uniqueItems": True}, ["a", "a"]), ({"uniqueItems": False}, ["a", "a"]),
    ({"minLength": 3}, "abc"), ({"minLength": 3}, "ab"), ({"maxLength": 3}, "abc"), ({"maxLength": 3}, "abcd"),
    ({"minLength": 2}, "ëé"), ({"pattern": "^[a-z]+$"}, "abc"), ({"pattern": "^[a-z]+$"}, "aBc"),
    ({"pattern": "b"}, "abc"), ({"format": "date"}, "2026-02-28"), ({"format": "date"}, "2026-02-30"),
    ({"format": "date"}, "20260228"), ({"format": "date"}, "2026-02-28\n"), ({"format": "date"}, 20260228),
    ({"format": "email"}, "not checked"), ({"minimum": 2000}, 2000), ({"minimum": 2000}, 1999),
    ({"maximum": 2100}, 2100.0), ({"maximum": 2100}, 2101), ({"minimum": 1}, True), ({}, {"anything": [1, None]}),
    ({"type": "string", "minLength": 1, "$schema": "x", "title": "t", "description": "d", "examples": []}, ""),
]
# What the checks leave to jsonschema (answer "not sure"), though jsonschema accepts it.
UNSURE = [({"type": "integer"}, 2021.0), ({"uniqueItems": True}, [{"a": 1}, {"a": 2}]), ({"enum": [1, 2]}, 1)]


def jsonschema_accepts(schema: dict[str, Any], instance: Any) -> bool:
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker(formats=FORMATS)) \
        .is_valid(instance)


def compiled(schema: dict[str, Any]) -> Any:
    check = compile_schema(schema, FORMATS)
    assert check is not None, schema
    return check


def project_schema(kind: str) -> dict[str, Any]:
    """A schema as the validator uses it: vocabularies filled in, references inlined, annotations gone."""
    schema = read_schema(REPOSITORY.schemas_dir, kind)
    if kind != "vocabularies":
        schema = with_vocabularies(schema, VOCABULARIES)
    return strip_annotations(inline_references(schema))


@pytest.mark.parametrize(("schema", "instance"), CASES, ids=repr)
def test_each_keyword_decides_as_jsonschema_does(schema: dict[str, Any], instance: Any) -> None:
    assert compiled(schema)(instance) == jsonschema_accepts(schema, instance)


def test_the_cases_accept_and_refuse_about_equally_often() -> None:
    """The table above is only a test if it holds both answers for the checks to get wrong."""
    verdicts = [jsonschema_accepts(schema, instance) for schema, instance in CASES]
    assert 0.3 < sum(verdicts) / len(verdicts) < 0.7


@pytest.mark.parametrize(("schema", "instance"), UNSURE, ids=repr)
def test_what_the_checks_were_not_built_for_goes_to_jsonschema(schema: dict[str, Any], instance: Any) -> None:
    assert jsonschema_accepts(schema, instance)
    assert compiled(schema)(instance) is False


@pytest.mark.parametrize("schema", [{"not": {"type": "string"}}, {"$ref": "#/$defs/x"}, {"items": [{}]},
                                    {"properties": {"a": {"const": 1}}}, {"type": "textfile"}], ids=repr)
def test_a_keyword_the_checks_do_not_know_leaves_the_whole_schema_to_jsonschema(schema: dict[str, Any]) -> None:
    assert compile_schema(schema, FORMATS) is None


@pytest.mark.parametrize("kind", sorted(SCHEMA_FILES))
def test_the_project_schemas_compile_so_valid_files_skip_jsonschema(kind: str) -> None:
    assert compile_schema(project_schema(kind), FORMATS) is not None


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda path: path.name)
def test_every_real_file_is_accepted_without_jsonschema(path) -> None:
    kind = "practice" if path.parent.name == "practices" else "collection"
    assert compiled(project_schema(kind))(load_file(path).data)


ODD_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) | st.text(max_size=30)
    | st.sampled_from(["", "taal", "2024-01-01", "2024-13-01", "https://x.nl", "a" * 400]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_real_files_with_values_swapped_or_dropped_are_judged_as_jsonschema_judges_them(data: st.DataObject) -> None:
    """Never accepted where jsonschema refuses; refused where it accepts only for the documented unsure cases."""
    source = data.draw(st.sampled_from(REAL_FILES))
    kind = "practice" if source.parent.name == "practices" else "collection"
    schema = project_schema(kind)
    mutant = copy.deepcopy(load_file(source).data)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from([path for path in paths_in(mutant) if path]))
        parent = mutant
        for part in path[:-1]:
            parent = parent[part]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(ODD_VALUES)

    accepted, valid = compiled(schema)(mutant), jsonschema_accepts(schema, mutant)

    assert not accepted or valid
    if valid and not accepted:
        assert any(isinstance(value, float) and value.is_integer() for value in _leaves(mutant)), mutant


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for child in value.values() for leaf in _leaves(child)]
    if isinstance(value, list):
        return [leaf for child in value for leaf in _leaves(child)]
    return [value]

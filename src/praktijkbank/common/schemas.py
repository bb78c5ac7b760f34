"""The JSON Schemas, completed with the allowed values from vocabularies.yml.

The committed `practice.schema.json` serves editors and other tools, so its `enum` lists are written out;
vocabularies.yml stays the one source: `praktijkbank generate --write` refreshes them, a test proves the
committed file is current, and the validator fills them in itself rather than trusting the file.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from praktijkbank.common.vocabularies import Vocabularies

SCHEMA_FILES = {
    "practice": "practice.schema.json",
    "collection": "collection.schema.json",
    "vocabularies": "vocabularies.schema.json",
    "glossary": "begrippen.schema.json",
}
VOCABULARY_KEYWORD = "x-vocabulary"


def read_schema(schemas_dir: Path, kind: str) -> dict[str, Any]:
    """Read one of the project's own schema files (trusted input, shipped with the repository)."""
    return json.loads((schemas_dir / SCHEMA_FILES[kind]).read_text(encoding="utf-8"))


def with_vocabularies(schema: dict[str, Any], vocabularies: Vocabularies) -> dict[str, Any]:
    """A copy of `schema` whose vocabulary definitions list exactly the ids in vocabularies.yml."""
    completed = copy.deepcopy(schema)
    for definition in completed.get("$defs", {}).values():
        name = definition.get(VOCABULARY_KEYWORD)
        if name is None:
            continue
        vocabulary = vocabularies[name]
        definition["enum"] = vocabulary.ids
        definition["enumDescriptions"] = [f"{term.label}: {term.description}" for term in vocabulary.terms]
    return completed


def render_schema(schema: dict[str, Any]) -> str:
    """The canonical text of a schema file, so regenerating is byte-stable."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


ANNOTATION_KEYWORDS = frozenset({"title", "description", "examples", "enumDescriptions", VOCABULARY_KEYWORD,
                                 "contentMediaType", "$defs"})
_SUBSCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "dependentSchemas"})
_SUBSCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_SUBSCHEMAS = frozenset({"items", "additionalProperties", "not", "if", "then", "else", "contains",
                         "propertyNames", "unevaluatedItems", "unevaluatedProperties"})


def inline_references(schema: dict[str, Any], root: dict[str, Any] | None = None) -> dict[str, Any]:
    """The schema with every local `$ref` replaced by its definition (ours has no recursive definitions).

    jsonschema resolves a `$ref` on every use; resolving each once here makes validation far faster, and
    keeps one subschema per place, so an error's schema path leads straight to its title and description.
    """
    root = root or schema
    reference = schema.get("$ref", "")
    if reference.startswith("#/$defs/"):
        definition = root["$defs"][reference.removeprefix("#/$defs/")]
        siblings = {key: value for key, value in schema.items() if key != "$ref"}
        return inline_references({**definition, **siblings}, root)
    return {key: _map_subschemas(key, value, lambda sub: inline_references(sub, root))
            for key, value in schema.items()}


def strip_annotations(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema without keywords that never fail validation (titles, descriptions, examples, …).

    jsonschema looks at every keyword of every subschema it enters; fewer keywords, less work.
    """
    return {key: _map_subschemas(key, value, strip_annotations)
            for key, value in schema.items() if key not in ANNOTATION_KEYWORDS}


def _map_subschemas(keyword: str, value: Any, transform: Any) -> Any:
    """Apply `transform` to the subschemas under one keyword, leaving plain values (enum, required) alone."""
    if keyword in _SUBSCHEMA_MAPS and isinstance(value, dict):
        return {name: transform(subschema) for name, subschema in value.items()}
    if keyword in _SUBSCHEMA_LISTS and isinstance(value, list):
        return [transform(subschema) for subschema in value]
    if keyword in _SUBSCHEMAS and isinstance(value, dict):
        return transform(value)
    return value

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

from praktijkbank.vocabularies import Vocabularies

SCHEMA_FILES = {
    "practice": "practice.schema.json",
    "collection": "collection.schema.json",
    "vocabularies": "vocabularies.schema.json",
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

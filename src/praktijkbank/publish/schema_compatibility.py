"""Refuse a change of the published data's structure that breaks re-users without a new version.

A re-user's program reads the files as their schema says: it may count on a field that is there, required,
of a type, with a value from a list. Such a program breaks when a field or a schema disappears, a type
changes, a required field becomes optional or a listed value is dropped; it does not when a field or a
value is added or a text is reworded. The first kind needs a new major version (the first number of
`version` in schemas/open-data.json); this module finds it by comparing the schemas with the previous
committed version of their copies under schemas/published/ (the newest in git that differs), as SchemaStore
asks a breaking change to come with a new version.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from praktijkbank.common.schemas import inline_references
from praktijkbank.load.git_versions import committed_versions


def incompatibilities(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What in `new` breaks a program written for `old`, in Dutch, each with the place in the data as a path
    of field names (`practices[].place.municipalities`)."""
    return list(_compare(inline_references(old), inline_references(new), ""))


def _compare(old: dict[str, Any], new: dict[str, Any], path: str) -> Iterator[str]:
    where = path or "het bestand"
    old_types, new_types = _types(old), _types(new)
    if old_types and new_types - old_types:
        yield f"{where}: het type is nu {' of '.join(sorted(new_types))} (was {' of '.join(sorted(old_types))})"
    if "enum" in old:
        dropped = [value for value in old["enum"] if value not in new.get("enum", old["enum"])]
        if dropped:
            yield f"{where}: de waarden {', '.join(map(str, dropped))} zijn vervallen"
    if "const" in old and new.get("const", old["const"]) != old["const"]:
        yield f"{where}: de vaste waarde is veranderd"
    new_fields = new.get("properties", {})
    for name in sorted(set(old.get("required", ())) - set(new.get("required", ()))):
        if name in new_fields:
            yield f"{_inside(path, name)}: het veld is niet meer verplicht"
    for name, old_field in old.get("properties", {}).items():
        if name not in new_fields:
            yield f"{_inside(path, name)}: het veld is vervallen"
        else:
            yield from _compare(old_field, new_fields[name], _inside(path, name))
    for keyword, step in (("items", "[]"), ("additionalProperties", ".*")):
        if isinstance(old.get(keyword), dict) and isinstance(new.get(keyword), dict):
            yield from _compare(old[keyword], new[keyword], f"{path}{step}")


def _inside(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _types(schema: dict[str, Any]) -> set[str]:
    kind = schema.get("type", ())
    return {kind} if isinstance(kind, str) else set(kind)


def major(version: str) -> str:
    return str(version).split(".", 1)[0]


def unversioned_breaks(root: Path, published: dict[Path, str]) -> list[str]:
    """For each committed schema copy (path → its text now): the breaking changes against the previous
    committed version, when the major version stayed the same. Without git history: nothing to compare."""
    problems = []
    for path, text in sorted(published.items()):
        relative = path.relative_to(root).as_posix()
        previous = _previous_version(root, relative, text)
        if previous is None:
            continue
        new = json.loads(text)
        if major(previous.get("version", "")) == major(new.get("version", "")):
            problems += [f"{relative}: {problem}; verhoog het eerste getal van version in schemas/open-data.json"
                         for problem in incompatibilities(previous, new)]
    return problems


def _previous_version(root: Path, relative: str, text: str) -> dict[str, Any] | None:
    """The newest committed version that differs from `text`: the one re-users may have now."""
    return next((json.loads(content) for content in committed_versions(root, relative)
                 if content.decode("utf-8", "replace") != text), None)

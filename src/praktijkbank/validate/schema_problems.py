"""Check a loaded document against its JSON Schema and explain each error in plain Dutch.

jsonschema finds the errors; this module decides what a contributor reads: which rule, which line (the
offending key or value, found through the source map), and a hint such as the closest allowed value. A document
the compiled checks accept (compiled_schema.py) has no errors, so jsonschema is imported and compiled only when
a document needs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from praktijkbank.common.problems import Problem
from praktijkbank.common.schemas import VOCABULARY_KEYWORD, inline_references, strip_annotations
from praktijkbank.common.suggest import closest, suggestion_hint
from praktijkbank.common.vocabularies import Vocabularies
from praktijkbank.load.strict_yaml import DataPath, Document, SourceMap
from praktijkbank.validate.compiled_schema import compile_schema

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {
    "string": "tekst",
    "array": "een lijst",
    "object": "een groep velden (veld: waarde)",
    "integer": "een heel getal",
    "number": "een getal",
    "boolean": "true of false",
    "null": "leeg",
}
_TYPE_HINTS = {
    "array": "Zet elke waarde op een eigen regel met een streepje ervoor, bijvoorbeeld `  - waarde`.",
    "object": "Zet de velden eronder, ingesprongen met twee spaties, als `veld: waarde`.",
    "string": "Zet de tekst tussen aanhalingstekens.",
    "integer": "Schrijf een heel getal, zonder aanhalingstekens en zonder voorloopnul, bijvoorbeeld 2021.",
}


FORMATS = frozenset({"date"})


class SchemaChecker:
    """One schema compiled once and reused for every file: the fast accept check, and jsonschema's validator
    for the documents that check does not accept."""

    def __init__(self, schema: dict[str, Any], vocabularies: Vocabularies) -> None:
        self._schema = inline_references(schema)
        self._validation_schema = strip_annotations(self._schema)
        self._accepts = compile_schema(self._validation_schema, FORMATS)
        self._validator: Any = None
        self._vocabularies = vocabularies

    def problems(self, document: Document, file: str) -> list[Problem]:
        """Every schema error in the document, one problem each, sorted by place."""
        if self._accepts is not None and self._accepts(document.data):
            return []
        explainer = _Explainer(self._schema, self._vocabularies, document.source_map, file)
        found: dict[tuple, Problem] = {}
        for error in self._jsonschema().iter_errors(document.data):
            for problem in explainer.explain(error):
                found.setdefault((problem.line, problem.column, problem.rule, problem.message), problem)
        return sorted(found.values())

    def _jsonschema(self) -> Any:
        """jsonschema's validator, made on first use: importing and compiling it costs more than checking a
        whole repository of valid files."""
        if self._validator is None:
            import jsonschema

            self._validator = jsonschema.Draft202012Validator(
                self._validation_schema, format_checker=jsonschema.FormatChecker(formats=tuple(FORMATS)))
        return self._validator


def field_name(path: DataPath) -> str:
    """The name of the field a path ends in, as written in the file (`themes` for `themes[2]`)."""
    names = [part for part in path if isinstance(part, str)]
    return names[-1] if names else "het bestand"


def _type_name(value: Any) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "true of false"
    if isinstance(value, (int, float)):
        return "een getal"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep velden"
    return "tekst"


def _shown(value: Any) -> str:
    """A value as it appears in a message: short, and never the whole of a long text."""
    text = value if isinstance(value, str) else repr(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


class _Explainer:
    """Turns one jsonschema error into Problems for one file."""

    def __init__(self, schema: dict[str, Any], vocabularies: Vocabularies, source_map: SourceMap, file: str) -> None:
        self._schema = schema
        self._vocabularies = vocabularies
        self._source_map = source_map
        self._file = file

    def explain(self, error: ValidationError) -> Iterator[Problem]:
        path = tuple(error.absolute_path)
        handler = self._handlers().get(error.validator)
        if handler is None:
            yield self._at_value(path, "schema-violation", f"'{field_name(path)}': {error.message}")
            return
        yield from handler(error, path)

    def _handlers(self) -> dict[str, Any]:
        """The jsonschema keyword each explanation answers to."""
        return {
            "required": self._missing_fields,
            "additionalProperties": self._unknown_fields,
            "enum": self._unknown_value,
            "type": self._wrong_type,
            "minLength": self._too_short,
            "maxLength": self._too_long,
            "minItems": self._empty_list,
            "uniqueItems": self._duplicate_items,
            "pattern": self._invalid_format,
            "format": self._invalid_date,
            "minimum": self._below_minimum,
            "maximum": self._above_maximum,
        }

    def _at_value(self, path: DataPath, rule: str, message: str, hint: str = "") -> Problem:
        position = self._source_map.value(path)
        return Problem(self._file, position.line, position.column, rule, message, hint)

    def _at_key(self, path: DataPath, rule: str, message: str, hint: str = "") -> Problem:
        position = self._source_map.key(path) if path else self._source_map.value(path)
        return Problem(self._file, position.line, position.column, rule, message, hint)

    def _annotated(self, error: ValidationError) -> dict[str, Any]:
        """The subschema that failed, with its titles and descriptions (validation ran without them)."""
        subschema = self._schema
        for part in list(error.absolute_schema_path)[:-1]:
            subschema = subschema[part]
        return subschema

    def _missing_fields(self, error: ValidationError, path: DataPath) -> Iterator[Problem]:
        properties = self._annotated(error).get("properties", {})
        for name in error.validator_value:
            if name in error.instance:
                continue
            title = properties.get(name, {}).get("title", name)
            where = f" bij '{field_name(path)}'" if path else ""
            yield self._at_key(path, "missing-field", f"het verplichte veld '{name}' ({title}) ontbreekt{where}.",
                               "Voeg het toe; kijk in practices/_template.yml hoe het eruitziet.")

    def _unknown_fields(self, error: ValidationError, path: DataPath) -> Iterator[Problem]:
        properties = self._annotated(error).get("properties", {})
        allowed = {name: sub.get("title", name) for name, sub in properties.items()}
        for name in error.instance:
            if name in allowed:
                continue
            match = closest(name, list(allowed)) or closest(name, list(allowed.values()), allowed_keys=list(allowed))
            hint = suggestion_hint(match) if match else "Toegestaan zijn: " + ", ".join(allowed) + "."
            yield self._at_key((*path, name), "unknown-field", f"onbekend veld '{name}'.", hint)

    def _unknown_value(self, error: ValidationError, path: DataPath) -> Iterator[Problem]:
        if not isinstance(error.instance, str):
            return  # a value of the wrong type gets its own, clearer problem from the type check
        vocabulary = self._vocabularies.get(self._annotated(error).get(VOCABULARY_KEYWORD, ""))
        if vocabulary is None:
            yield self._at_value(path, "invalid-value", f"{_shown(error.instance)} is hier niet toegestaan.",
                                 "Kies uit: " + ", ".join(map(str, error.validator_value)) + ".")
            return
        value = error.instance
        match = vocabulary.closest_term(value)
        if match:
            hint = suggestion_hint(match)
        elif len(vocabulary.terms) <= 8:
            hint = "Kies uit: " + ", ".join(vocabulary.ids) + "."
        else:
            hint = f"Kies een waarde uit de lijst '{vocabulary.title}' in schemas/vocabularies.yml."
        yield self._at_value(path, "unknown-value", f"{vocabulary.unknown_value} {_shown(value)}.", hint)

    def _wrong_type(self, error: ValidationError, path: DataPath) -> Iterator[Problem]:
        name = field_name(path)
        if error.instance is None:
            yield self._at_value(path, "empty-value", f"'{name}' is leeg.",
                                 "Vul een waarde in, of haal het veld weg als het niet verplicht is.")
            return
        expected = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        yield self._at_value(
            path, "wrong-type",
            f"'{name}' moet {_TYPE_NAMES.get(expected, expected)} zijn, maar is {_type_name(error.instance)}.",
            _TYPE_HINTS.get(expected, ""),
        )

    def _too_short(self, error: ValidationError, path: DataPath) -> Iterator[Problem]:
        name = field_name(path)
        if not error.instance.strip():
            yield self._at_value(path, "empty-value", f"'{name}' is leeg.", "Vul een tekst in.")
            return
        yield self._at_value(path, "too-short", f"'{name}' is te kort: schrijf minstens {error.validator_value} tekens.",
                             self._annotated(error).get("description", ""))

    def _too_long(self, error: ValidationError, path: DataPath) -> Iterator[Problem]:
        yield self._at_value(path, "too-long",
                             f"'{field_name(path)}' is te lang: gebruik hoogstens {error.validator_value} tekens.",
                             "Maak de tekst korter.")

    def _empty_list(self, error: ValidationError, path: DataPath) -> Iterator[Problem]:
        yield self._at_value(path, "empty-list", f"de lijst '{field_name(path)}' is leeg.",
                             "Noem er minstens één, of haal het veld weg als het niet verplicht is.")

    def _duplicate_items(self, error: ValidationError, path: DataPath) -> Iterator[Problem]:
        seen = []
        for index, item in enumerate(error.instance):
            if item in seen:
                yield self._at_value((*path, index), "duplicate-item",
                                     f"{_shown(item)} staat twee keer in '{field_name(path)}'.", "Haal er één weg.")
            seen.append(item)

    def _invalid_format(self, error: ValidationError, path: DataPath) -> Iterator[Problem]:
        description = self._annotated(error).get("description", "")
        yield self._at_value(path, "invalid-format",
                             f"{_shown(error.instance)} heeft niet de juiste vorm voor '{field_name(path)}'.",
                             description)

    def _invalid_date(self, error: ValidationError, path: DataPath) -> Iterator[Problem]:
        yield self._at_value(path, "invalid-date", f"{_shown(error.instance)} is geen bestaande datum.",
                             "Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-03-01.")

    def _below_minimum(self, error: ValidationError, path: DataPath) -> Iterator[Problem]:
        yield self._at_value(path, "out-of-range",
                             f"'{field_name(path)}' moet minstens {error.validator_value} zijn.",
                             self._annotated(error).get("description", ""))

    def _above_maximum(self, error: ValidationError, path: DataPath) -> Iterator[Problem]:
        yield self._at_value(path, "out-of-range",
                             f"'{field_name(path)}' mag hoogstens {error.validator_value} zijn.",
                             self._annotated(error).get("description", ""))

"""A JSON Schema compiled once into plain Python checks that answer one question fast: is this document valid?

jsonschema enters every subschema through a new validator object for every value, and that was most of the
time of validating a repository. Nearly every file is valid, and for a valid file only that answer counts; so
the answer comes from checks built once per schema, and only a file they do not accept goes to jsonschema,
which stays the authority and explains each error (schema_problems.py).

The checks are sound rather than complete: they accept a document only where jsonschema would, and say "not
sure" (False, so jsonschema decides) for what they were not built for: a value that is not one of JSON's plain
types, duplicates among items that are not text, an enum value that is not text. A keyword they do not know
makes `compile_schema` return None, and that schema is then checked by jsonschema alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from praktijkbank.common.clock import is_calendar_date

Check = Callable[[Any], bool]

_PLAIN_TYPES = frozenset({dict, list, str, int, float, bool, type(None)})
_NUMBERS = (int, float)
_TYPES: dict[str, Check] = {
    "object": lambda value: type(value) is dict,
    "array": lambda value: type(value) is list,
    "string": lambda value: type(value) is str,
    "integer": lambda value: type(value) is int,
    "number": lambda value: type(value) in _NUMBERS,
    "boolean": lambda value: type(value) is bool,
    "null": lambda value: value is None,
}
# Keywords that never make a document invalid; `$defs` is only read through `$ref`, which must be inlined.
_IGNORED = frozenset({"$schema", "$id", "$comment", "$defs", "title", "description", "examples", "default",
                      "deprecated", "readOnly", "writeOnly", "contentMediaType", "contentEncoding",
                      "enumDescriptions", "x-vocabulary"})


class _Unsupported(Exception):
    """The schema uses a keyword these checks were not built for."""


def compile_schema(schema: dict[str, Any] | bool, formats: frozenset[str] = frozenset()) -> Check | None:
    """The schema's accept check (`formats`: the formats jsonschema is told to check), or None when the schema
    needs jsonschema for every document."""
    try:
        return _Compiler(formats).compile(schema)
    except _Unsupported:
        return None


def _all(checks: list[Check]) -> Check:
    """One check for a subschema: the value is plain JSON and passes each keyword's check."""

    def check(value: Any) -> bool:
        if type(value) not in _PLAIN_TYPES:
            return False
        for keyword_check in checks:
            if not keyword_check(value):
                return False
        return True

    return check


class _Compiler:
    def __init__(self, formats: frozenset[str]) -> None:
        self._formats = formats

    def compile(self, schema: dict[str, Any] | bool) -> Check:
        if schema is True:
            return lambda value: True
        if schema is False:
            return lambda value: False
        if not isinstance(schema, dict):
            raise _Unsupported(schema)
        builders: dict[str, Callable[[Any, dict[str, Any]], Check | None]] = {
            "type": self._type, "enum": self._enum, "required": self._required,
            "properties": self._properties, "additionalProperties": self._additional_only,
            "items": self._items, "minItems": self._min_items, "uniqueItems": self._unique_items,
            "minLength": self._min_length, "maxLength": self._max_length, "pattern": self._pattern,
            "format": self._format, "minimum": self._minimum, "maximum": self._maximum,
        }
        unknown = set(schema) - set(builders) - _IGNORED
        if unknown:
            raise _Unsupported(sorted(unknown))
        checks = [builders[keyword](value, schema) for keyword, value in schema.items() if keyword in builders]
        return _all([check for check in checks if check is not None])

    def _type(self, names: str | list[str], schema: dict[str, Any]) -> Check:
        if isinstance(names, str):
            names = [names]
        if not names or any(name not in _TYPES for name in names):
            raise _Unsupported(names)
        checks = [_TYPES[name] for name in names]
        return checks[0] if len(checks) == 1 else lambda value: any(check(value) for check in checks)

    def _enum(self, values: list[Any], schema: dict[str, Any]) -> Check:
        texts = frozenset(value for value in values if isinstance(value, str))
        return lambda value: type(value) is str and value in texts

    def _required(self, names: list[str], schema: dict[str, Any]) -> Check:
        return lambda value: type(value) is not dict or all(name in value for name in names)

    def _properties(self, properties: dict[str, Any], schema: dict[str, Any]) -> Check:
        """`properties` and `additionalProperties` together: one pass over the keys of an object."""
        known = {name: self.compile(subschema) for name, subschema in properties.items()}
        extra = self.compile(schema["additionalProperties"]) if "additionalProperties" in schema else None

        def check(value: Any) -> bool:
            if type(value) is not dict:
                return True
            for key, item in value.items():
                subschema = known.get(key)
                if subschema is None:
                    if extra is not None and not extra(item):
                        return False
                elif not subschema(item):
                    return False
            return True

        return check

    def _additional_only(self, subschema: Any, schema: dict[str, Any]) -> Check | None:
        """Without `properties` every key is additional; with it, `_properties` checks them."""
        if "properties" in schema:
            return None
        extra = self.compile(subschema)
        return lambda value: type(value) is not dict or all(extra(item) for item in value.values())

    def _items(self, subschema: Any, schema: dict[str, Any]) -> Check:
        if not isinstance(subschema, (dict, bool)):
            raise _Unsupported(subschema)
        item_check = self.compile(subschema)
        return lambda value: type(value) is not list or all(item_check(item) for item in value)

    def _min_items(self, minimum: int, schema: dict[str, Any]) -> Check:
        return lambda value: type(value) is not list or len(value) >= minimum

    def _unique_items(self, unique: bool, schema: dict[str, Any]) -> Check | None:
        if not unique:
            return None
        return lambda value: type(value) is not list or (all(type(item) is str for item in value)
                                                         and len(set(value)) == len(value))

    def _min_length(self, minimum: int, schema: dict[str, Any]) -> Check:
        return lambda value: type(value) is not str or len(value) >= minimum

    def _max_length(self, maximum: int, schema: dict[str, Any]) -> Check:
        return lambda value: type(value) is not str or len(value) <= maximum

    def _pattern(self, pattern: str, schema: dict[str, Any]) -> Check:
        search = re.compile(pattern).search
        return lambda value: type(value) is not str or search(value) is not None

    def _format(self, name: str, schema: dict[str, Any]) -> Check | None:
        if name not in self._formats:
            return None
        if name != "date":
            raise _Unsupported(name)
        return lambda value: type(value) is not str or is_calendar_date(value)

    def _minimum(self, minimum: float, schema: dict[str, Any]) -> Check:
        return lambda value: type(value) not in _NUMBERS or value >= minimum

    def _maximum(self, maximum: float, schema: dict[str, Any]) -> Check:
        return lambda value: type(value) not in _NUMBERS or value <= maximum

"""A minimal edit of an existing YAML file: only the fields that change are written again, everything else
(comments, key order, quotes, line breaks) stays byte for byte, so a pull request shows only what changed.

ruamel.yaml reads the file round-trip and writes the changed top-level fields; the new text is then put
together from the original's own text for every field that was not touched and ruamel's text for the
ones that were. A field's text runs from the comment lines right above its key to the next field's.
The file was validated before (strict YAML), so it is one mapping without anchors or tags.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

_NO_WRAP = 4096  # ruamel would re-flow untouched long text inside a changed field; new text is folded below
_FOLD_WIDTH = 78


class YamlEdit:
    """An open file to change field by field; `text()` gives the file with only those fields rewritten."""

    def __init__(self, text: str, key_order: Iterable[str]) -> None:
        """`key_order` is the schema's order of fields, where a field the file does not have yet goes."""
        self.original = text
        self.key_order = list(key_order)
        _, sequence_indent, dash_offset = load_yaml_guess_indent(text)
        self.yaml = YAML(typ="rt")
        self.yaml.preserve_quotes = True
        self.yaml.width = _NO_WRAP
        if sequence_indent is None:  # no list to go by: the project's own style, "key:\n  - item"
            sequence_indent, dash_offset = 4, 2
        self.yaml.indent(mapping=2, sequence=sequence_indent, offset=dash_offset or 0)
        self.data: CommentedMap = self.yaml.load(text)
        for value in self.data.values():
            _drop_trailing_comment(value)
        self.touched: set[str] = set()

    def get(self, key: str) -> Any:
        return self.data.get(key)

    def set(self, key: str, value: Any) -> None:
        """Give a top-level field a new value (plain data; text keeps the style the old text had)."""
        self.data[key] = styled(value, self.data.get(key))
        self.touched.add(key)

    def changed(self, key: str) -> None:
        """Say that the (mutable) value of a field was changed in place, such as an item added to a list."""
        self.touched.add(key)

    def remove(self, key: str) -> None:
        if key in self.data:
            del self.data[key]
            self.touched.add(key)

    def text(self) -> str:
        """The file with the touched fields rewritten and all else as it was."""
        if not self.touched:
            return self.original
        header, original = _segments(self.original, self.yaml.load(self.original))
        parts = [header]
        for key in self._order([key for key in original if key in self.data]):
            if key not in original:
                parts.append(self._field(key) + ("\n" if _spaced(original) else ""))
            elif key in self.touched:
                leading, _, tail = _parts(original[key])
                parts.append(leading + self._field(key) + tail)
            else:
                parts.append(original[key])
        return _joined(parts)

    def _field(self, key: str) -> str:
        """One field written on its own; the comments after it belong to the next field and stay there."""
        return self._dump(CommentedMap([(key, self.data[key])])).rstrip("\n") + "\n"

    def _order(self, existing: list[str]) -> list[str]:
        """The file's own order, with each new field before the first later field of the schema's order."""
        order = list(existing)
        for key in self.data:
            if key in order:
                continue
            rank = self.key_order.index(key) if key in self.key_order else len(self.key_order)
            later = [index for index, other in enumerate(order)
                     if other in self.key_order and self.key_order.index(other) > rank]
            order.insert(later[0] if later else len(order), key)
        return order

    def _dump(self, data: Any) -> str:
        buffer = io.StringIO()
        self.yaml.dump(data, buffer)
        return buffer.getvalue()


def styled(value: Any, old: Any) -> Any:
    """New data written as the file writes such data: text with line breaks as a block (`|`), one line of
    text folded (`>-`) where the old text was folded, lists and mappings in block style."""
    if isinstance(value, str):
        if "\n" in value:
            keeps_end = isinstance(old, str) and old.endswith("\n") and not value.endswith("\n")
            return LiteralScalarString(value + "\n" if keeps_end else value)
        if isinstance(old, FoldedScalarString) and len(value) > _FOLD_WIDTH:
            return _folded(value)
        return value
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = styled(item, old.get(key) if isinstance(old, dict) else None)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(styled(item, None) for item in value)
    return value


def _folded(text: str) -> FoldedScalarString:
    """Folded text broken at spaces near the width, as the files are written by hand."""
    folded = FoldedScalarString(text)
    positions, offset = [], 0
    for line in textwrap.wrap(text, _FOLD_WIDTH, break_long_words=False, break_on_hyphens=False)[:-1]:
        offset = text.index(line, offset) + len(line)
        positions.append(offset)
    folded.fold_pos = positions
    return folded


def _segments(text: str, data: CommentedMap) -> tuple[str, dict[str, str]]:
    """The text before the first field, and each top-level field's text: from the comment lines directly
    above its key to where the next field's begins."""
    lines = text.splitlines(keepends=True)
    starts, floor = [], 0
    for key in data:
        key_line = line = data.lc.key(key)[0]
        while line > floor and lines[line - 1].startswith("#"):
            line -= 1
        starts.append((key, line))
        floor = key_line + 1
    if not starts:
        return text, {}
    segments = {key: "".join(lines[start:(starts[index + 1][1] if index + 1 < len(starts) else len(lines))])
                for index, (key, start) in enumerate(starts)}
    return "".join(lines[:starts[0][1]]), segments


def _parts(segment: str) -> tuple[str, str, str]:
    """A field's text as its comment lines above the key, the field, and the blank or comment lines after it."""
    lines = segment.splitlines(keepends=True)
    first = next(index for index, line in enumerate(lines) if not line.startswith("#"))
    last = max(index for index, line in enumerate(lines) if line.strip() and not line.startswith("#"))
    last = max(last, first)
    return "".join(lines[:first]), "".join(lines[first:last + 1]), "".join(lines[last + 1:])


def _spaced(segments: dict[str, str]) -> bool:
    """Whether the file puts an empty line between its fields (as the files the forms make do)."""
    return any(segment.endswith("\n\n") for segment in segments.values())


def _drop_trailing_comment(node: Any) -> None:
    """Forget the comment lines ruamel keeps after the last value inside `node`: in the file they stand
    above the next field, whose own text keeps them. A comment at the end of the last line stays."""
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        last = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        for token in node.ca.items.get(last, []):
            for item in token if isinstance(token, list) else [token]:
                if item is not None and hasattr(item, "value"):
                    item.value = item.value.split("\n", 1)[0] + "\n"
        node = node[last]


def _joined(parts: list[str]) -> str:
    """Parts that each end in a line break, so a new field never runs on after the previous one."""
    return "".join(part if part.endswith("\n") or not part else part + "\n" for part in parts)

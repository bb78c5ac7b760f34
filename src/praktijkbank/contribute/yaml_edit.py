"""A minimal edit of an existing YAML file: only the fields that change are written again, everything else
(comments, key order, quotes, line endings, the final line break or its absence) stays byte for byte, so a
pull request shows only what changed.

ruamel.yaml reads the file round-trip and writes the changed top-level fields; the new text is then put
together from the original's own text for every field that was not touched and ruamel's text for the
ones that were. A field's text runs from the comment lines right above its key to the next field's; the
comment lines after its last value stay as they were. Inside a changed field, the comment at the end of the
key's line and those of list items that stay are carried over to the new value. A comment that still cannot
stay (its field or item was removed) is listed by `lost_comments`, so the pull request can say so.
The file was validated before (strict YAML), so it is one mapping without anchors or tags.
"""

from __future__ import annotations

import copy
import io
import textwrap
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString, ScalarString
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

_NO_WRAP = 4096  # ruamel would re-flow untouched long text inside a changed field; new text is folded below
_FOLD_WIDTH = 78


class YamlEdit:
    """An open file to change field by field; `text()` gives the file with only those fields rewritten."""

    def __init__(self, text: str, key_order: Iterable[str]) -> None:
        """`key_order` is the schema's order of fields, where a field the file does not have yet goes."""
        self.original = text
        self.newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
        self.key_order = list(key_order)
        _, sequence_indent, dash_offset = load_yaml_guess_indent(text)
        self.yaml = YAML(typ="rt")
        self.yaml.preserve_quotes = True
        self.yaml.width = _NO_WRAP
        if sequence_indent is None:  # no list to go by: the project's own style, "key:\n  - item"
            sequence_indent, dash_offset = 4, 2
        self.yaml.indent(mapping=2, sequence=sequence_indent, offset=dash_offset or 0)
        self.data: CommentedMap = self.yaml.load(_lf(text))
        for key, value in self.data.items():
            _first_line_only(self.data.ca.items.get(key, []))
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
        was = self.yaml.load(_lf(self.original))
        header, original = _segments(self.original, was)
        parts = [header]
        for key in self._order(list(original)):
            if key not in original:
                parts.append(self._field(key) + (self.newline if _spaced(original) else ""))
            elif key not in self.data:
                parts.append(_comments_after(_parts(original[key], was[key])[2]))
            elif key in self.touched:
                leading, _, tail = _parts(original[key], was[key])
                parts.append(leading + self._field(key) + tail)
            else:
                parts.append(original[key])
        text = _joined(parts, self.newline)
        if not self.original.endswith("\n") and text.endswith(self.newline):
            text = text[:-len(self.newline)]
        return text

    def lost_comments(self) -> list[str]:
        """The comments of the file that its new text no longer has, in the order they stood."""
        lost = Counter(_comments(self.original)) - Counter(_comments(self.text()))
        kept: list[str] = []
        for comment in _comments(self.original):
            if lost[comment]:
                lost[comment] -= 1
                kept.append(comment)
        return kept

    def _field(self, key: str) -> str:
        """One field written on its own, with the comment at the end of its key's line as far from the new
        value as it was from the old one; the comments after it stay in the original's text."""
        single = CommentedMap([(key, self.data[key])])
        tokens = self.data.ca.items.get(key)
        if tokens and isinstance(tokens[2], CommentToken) and tokens[2].value.strip():
            old_line = _lf(self.original).split("\n")[self.data.lc.key(key)[0]]
            column = tokens[2].start_mark.column
            gap = column - len(old_line[:column].rstrip())
            new_line = self._dump(single).split("\n", 1)[0]
            single.ca.items[key] = [*tokens[:2], _at_column(tokens[2], len(new_line) + gap), *tokens[3:]]
        return self._dump(single).rstrip("\n").replace("\n", self.newline) + self.newline

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
            if isinstance(old, CommentedMap) and key in old.ca.items:
                mapping.ca.items[key] = old.ca.items[key]
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(styled(item, None) for item in value)
        if isinstance(old, CommentedSeq):
            _carry_item_comments(old, sequence)
        return sequence
    return value


def _carry_item_comments(old: CommentedSeq, new: CommentedSeq) -> None:
    """An item that stays keeps the comment on its line (and the comment lines under it)."""
    comments = {}
    for index, item in enumerate(old):
        if index in old.ca.items and isinstance(item, str):
            comments.setdefault(str(item), old.ca.items[index])
    for index, item in enumerate(new):
        if isinstance(item, str) and str(item) in comments:
            new.ca.items[index] = comments.pop(str(item))


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


def _parts(segment: str, value: Any) -> tuple[str, str, str]:
    """A field's text as its comment lines above the key, the field, and the blank or comment lines after it.
    A field whose text ends in a block or quoted scalar ends at its last line that is not blank: a `#` there
    is text, not a comment."""
    lines = segment.splitlines(keepends=True)
    first = next(index for index, line in enumerate(lines) if not line.startswith("#"))
    text_at_end = isinstance(_last_leaf(value), ScalarString)
    last = max(index for index, line in enumerate(lines)
               if line.strip() and not (line.lstrip().startswith("#") and (index < first or not text_at_end)))
    last = max(last, first)
    return "".join(lines[:first]), "".join(lines[first:last + 1]), "".join(lines[last + 1:])


def _last_leaf(value: Any) -> Any:
    """The value written last in a field: the last item of its last list or mapping."""
    while isinstance(value, (CommentedMap, CommentedSeq)) and len(value):
        value = value[list(value)[-1]] if isinstance(value, CommentedMap) else value[-1]
    return value


def _comments_after(tail: str) -> str:
    """Of the lines after a removed field, the comments (and what follows them): they belong between fields."""
    lines = tail.splitlines(keepends=True)
    first = next((index for index, line in enumerate(lines) if line.strip()), len(lines))
    return "".join(lines[first:])


def _comments(text: str) -> list[str]:
    """Every comment line of a YAML text, as YAML reads it (a `#` inside text is not one)."""
    comments = []
    for token in YAML(typ="rt").scan(_lf(text)):
        for item in _comment_tokens(token):
            comments += [line.strip() for line in item.value.split("\n") if line.strip().startswith("#")]
    return comments


def _comment_tokens(token: Any) -> list[CommentToken]:
    if isinstance(token, CommentToken):
        return [token]
    found: list[CommentToken] = []
    for part in getattr(token, "comment", None) or []:
        for item in part if isinstance(part, list) else [part]:
            if isinstance(item, CommentToken):
                found.append(item)
    return found


def _spaced(segments: dict[str, str]) -> bool:
    """Whether the file puts an empty line between its fields (as the files the forms make do)."""
    return any(len(lines) > 1 and not lines[-1].strip()
               for lines in (segment.splitlines() for segment in segments.values()))


def _first_line_only(tokens: list[Any]) -> None:
    """Keep of a comment only what stands on the value's own line: the lines after it stand above the next
    field (or after this one) in the file's own text, which is kept."""
    for token in tokens:
        for item in token if isinstance(token, list) else [token]:
            if item is not None and hasattr(item, "value"):
                item.value = item.value.split("\n", 1)[0] + "\n"


def _drop_trailing_comment(node: Any) -> None:
    """Forget the comment lines ruamel keeps after the last value inside `node`: in the file they stand
    after the field or above the next one, whose own text keeps them. A comment at the end of the last line
    stays."""
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        last = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        _first_line_only(node.ca.items.get(last, []))
        node = node[last]


def _at_column(token: CommentToken, column: int) -> CommentToken:
    """The same comment, to be written at `column`."""
    mark = copy.copy(token.start_mark)
    mark.column = column
    return CommentToken(token.value, mark, token.end_mark)


def _lf(text: str) -> str:
    """The text as ruamel reads it best: CRLF line endings as LF (the lines, and so their numbers, stay)."""
    return text.replace("\r\n", "\n")


def _joined(parts: list[str], newline: str) -> str:
    """Parts that each end in a line break, so a new field never runs on after the previous one."""
    return "".join(part if part.endswith("\n") or not part else part + newline for part in parts)

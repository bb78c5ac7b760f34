"""Strict YAML loading: plain Python data plus a source map from each value's path to its line.

Contributor files are untrusted and written by hand, so this loader is stricter than YAML itself: it reads
the event stream of libyaml's safe parser and builds the data here, which lets it refuse what YAML would
silently accept (duplicate keys, anchors, aliases, tags) and keep YAML 1.1's surprises (`no`, `1:20`,
`010`, bare dates) as the text the contributor typed instead of turning them into other values.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from praktijkbank.common.problems import Problem

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 20
_MAX_INT_DIGITS = 18

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_NUMBER_STARTS = frozenset("+-.0123456789")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

DataPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """A place in a file, 1-based as editors show it."""

    line: int
    column: int


@dataclass
class SourceMap:
    """Where each value, and each mapping key, stands in the file: problems point at the exact line.

    It keeps the parser's own marks and turns one into a Position only when a problem is reported:
    most files have no problems, and most values are never asked for.
    """

    values: dict[DataPath, Any] = field(default_factory=dict)
    keys: dict[DataPath, Any] = field(default_factory=dict)

    def value(self, path: DataPath) -> Position:
        """The position of the value at `path`, or of its nearest enclosing value."""
        for end in range(len(path), -1, -1):
            mark = self.values.get(tuple(path[:end]))
            if mark is not None:
                return _position(mark)
        return Position(1, 1)

    def key(self, path: DataPath) -> Position:
        """The position of the key that holds `path`, falling back to the value's position."""
        mark = self.keys.get(tuple(path))
        return _position(mark) if mark is not None else self.value(path)


@dataclass(frozen=True)
class Document:
    """One loaded file: its top-level mapping and where everything in it stands."""

    path: Path
    data: dict[str, Any]
    source_map: SourceMap
    text: str
    """The decoded file, for the checks that look at what the contributor typed rather than at the data."""


class LoadError(Exception):
    """A file that cannot be turned into data; carries the problem to report."""

    def __init__(self, rule: str, message: str, position: Position, hint: str = "") -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.position = position
        self.hint = hint

    def to_problem(self, file: str) -> Problem:
        return Problem(file, self.position.line, self.position.column, self.rule, self.message, self.hint)


def load_file(path: Path) -> Document:
    """Read and load one YAML file; raises LoadError for anything that is not clean, strict YAML."""
    try:
        with path.open("rb") as stream:
            raw = _read_capped(stream)
    except OSError as error:
        raise LoadError("file-unreadable", f"het bestand kan niet worden gelezen ({error.strerror}).",
                        Position(1, 1)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise LoadError("yaml-too-large", "het bestand is groter dan 1 MB; zo groot is een praktijk nooit.",
                        Position(1, 1), "Controleer of je het goede bestand hebt, of maak de tekst korter.")
    text = _decode(raw)
    return Document(path, *load_text(text), text)


def _read_capped(stream: BinaryIO) -> bytes:
    """The file's bytes, up to one byte over MAX_FILE_BYTES. Read by the size the file says it has, and on to the
    limit only when more comes than that (a file that grew, or a device or pipe, which says it has none): asking
    for the limit at once made Python set aside a megabyte for each small file."""
    wanted = min(os.fstat(stream.fileno()).st_size, MAX_FILE_BYTES) + 1
    raw = stream.read(wanted)
    if len(raw) == wanted <= MAX_FILE_BYTES:
        raw += stream.read(MAX_FILE_BYTES + 1 - wanted)
    return raw


def load_bytes(raw: bytes) -> tuple[dict[str, Any], SourceMap]:
    """Turn the bytes of one file into a top-level mapping and its source map."""
    return load_text(_decode(raw))


def load_text(text: str) -> tuple[dict[str, Any], SourceMap]:
    """Turn the decoded text of one file into a top-level mapping and its source map."""
    _refuse_tab_indentation(text)
    parser = _LOADER(text)
    try:
        return _Composer(parser.get_event).compose()
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error) from None
    except yaml.YAMLError as error:
        raise LoadError("yaml-syntax", f"dit is geen geldige YAML ({error}).", Position(1, 1)) from None
    finally:
        parser.dispose()


def _decode(raw: bytes) -> str:
    """UTF-8 only: another encoding would turn letters such as ë into garbage without anyone noticing. A byte
    order mark at the very start says how the file is encoded, not what it says, so it is dropped here."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise LoadError("yaml-encoding", "het bestand is niet opgeslagen als UTF-8.", Position(line, column),
                        "Sla het bestand op met de codering UTF-8 (in de meeste editors: 'Opslaan als').") from None
    return text.removeprefix("\ufeff")


def _refuse_tab_indentation(text: str) -> None:
    if "\t" not in text:  # the common case, found without the line-by-line pattern
        return
    match = _TAB_INDENT.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        column = match.end() - match.start()
        raise LoadError("yaml-tab", "hier wordt ingesprongen met een tab.", Position(line, column),
                        "Gebruik spaties om in te springen, geen tabs.")


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


# libyaml's problem → Dutch message, hint, and whether to point where the construct began: an unclosed
# quote or bracket is noticed lines later, so its context mark is where the fix goes.
_SYNTAX_MESSAGES = {
    "mapping values are not allowed": (
        "hier staat een dubbele punt op een plek waar dat niet mag.",
        "Staat er een dubbele punt in je tekst? Zet de hele tekst dan tussen aanhalingstekens.",
        False,
    ),
    "could not find expected ':'": (
        "hier ontbreekt een dubbele punt na de naam van een veld.",
        "Schrijf het als `veld: waarde`, met een spatie na de dubbele punt.",
        False,
    ),
    "did not find expected key": (
        "hier verwacht YAML een nieuw veld, maar er staat iets anders.",
        "Staat er tekst na een afsluitend aanhalingsteken of haakje? Zet dan de hele tekst tussen "
        "aanhalingstekens. Zorg ook dat velden die bij elkaar horen precies even ver inspringen.",
        False,
    ),
    "did not find expected '-' indicator": (
        "de inspringing van deze lijst klopt niet.",
        "Laat elk onderdeel van de lijst beginnen met een streepje, even ver ingesprongen.",
        False,
    ),
    "found unexpected end of stream": (
        "hier begint een tekst of lijst die niet wordt afgesloten.",
        "Ontbreekt er een aanhalingsteken of haakje aan het eind? Sluit af met hetzelfde teken als aan het begin.",
        True,
    ),
    "did not find expected node content": (
        "hier ontbreekt een waarde, of een lijst met [ of { wordt niet afgesloten.",
        "Sluit een lijst af met ] of }, of zet tekst die met [ of { begint tussen aanhalingstekens.",
        False,
    ),
    "did not find expected ',' or": (
        "hier begint een lijst met [ of { die niet wordt afgesloten.",
        "Begint je tekst met [ of {? Zet de hele tekst dan tussen aanhalingstekens.",
        True,
    ),
    "found character that cannot start any token": (
        "dit teken mag niet aan het begin van een waarde staan.",
        "Zet de tekst tussen aanhalingstekens, bijvoorbeeld \"@bibliotheek\".",
        False,
    ),
    "found undefined tag handle": (
        "hier staat een uitroepteken (!) dat YAML als label leest.",
        "Zet de tekst tussen aanhalingstekens.",
        False,
    ),
    "found unknown escape character": (
        "hier staat een backslash (\\) die YAML niet begrijpt.",
        "Gebruik enkele aanhalingstekens ('...') om de tekst, of schrijf een dubbele backslash.",
        False,
    ),
    "control characters are not allowed": (
        "hier staat een onzichtbaar stuurteken dat niet in een tekst mag.",
        "Typ de tekst opnieuw; het teken komt vaak mee bij kopiëren uit een ander programma.",
        False,
    ),
}


def _syntax_error(error: yaml.MarkedYAMLError) -> LoadError:
    """Translate libyaml's English message into Dutch with a hint, at the line where the fix goes."""
    problem = error.problem or ""
    for fragment, (message, hint, where_it_began) in _SYNTAX_MESSAGES.items():
        if problem.startswith(fragment):
            return LoadError("yaml-syntax", message, _syntax_position(error, where_it_began), hint)
    return LoadError("yaml-syntax", f"dit is geen geldige YAML (technische melding: {problem}).",
                     _syntax_position(error, False),
                     "Vergelijk je bestand met het sjabloon practices/_template.yml.")


def _syntax_position(error: yaml.MarkedYAMLError, where_it_began: bool) -> Position:
    mark = error.context_mark if where_it_began and error.context_mark else (error.problem_mark or error.context_mark)
    return _position(mark) if mark else Position(1, 1)


def resolve_plain_scalar(text: str) -> Any:
    """Give an unquoted value its type by YAML 1.2's core rules, restricted to what cannot surprise.

    Only null, true/false, decimal integers and decimals change type. `no`, `on`, `1:20`, `010`, `0x1F`
    and `2024-05-01` stay the text that was typed: the schema then says whether text is allowed there.
    """
    if text in _NULLS:
        return None
    if text in _BOOLEANS:
        return _BOOLEANS[text]
    if text[0] not in _NUMBER_STARTS:  # most values are words: no need to try the number patterns on them
        return text
    if _INT.fullmatch(text) and len(text) <= _MAX_INT_DIGITS:
        return int(text)
    if _FLOAT.fullmatch(text) and len(text) <= _MAX_INT_DIGITS:
        return float(text)
    return text


class _Composer:
    """Builds data from parser events; anything beyond plain mappings, lists and scalars is refused."""

    def __init__(self, next_event: Callable[[], yaml.Event]) -> None:
        self._next = next_event
        self.source_map = SourceMap()

    def compose(self) -> tuple[dict[str, Any], SourceMap]:
        self._next()  # StreamStartEvent
        event = self._next()
        if isinstance(event, yaml.StreamEndEvent):
            raise LoadError("yaml-empty", "het bestand is leeg.", Position(1, 1),
                            "Begin met het sjabloon practices/_template.yml.")
        root_event = self._next()
        data = self._node(root_event, (), depth=0)
        self._next()  # DocumentEndEvent
        extra = self._next()
        if isinstance(extra, yaml.DocumentStartEvent):
            raise LoadError("yaml-multiple-documents", "dit bestand bevat meer dan één document (---).",
                            _position(extra.start_mark), "Zet elke praktijk in een eigen bestand.")
        if data is None:
            raise LoadError("yaml-empty", "het bestand bevat geen gegevens.", _position(root_event.start_mark),
                            "Begin met het sjabloon practices/_template.yml.")
        if not isinstance(data, dict):
            raise LoadError("yaml-not-mapping", "het bestand moet beginnen met velden (`veld: waarde`).",
                            _position(root_event.start_mark), "Begin met `title: ...` zoals in het sjabloon.")
        return data, self.source_map

    def _node(self, event: yaml.Event, path: DataPath, depth: int) -> Any:
        if event.anchor is not None or getattr(event, "tag", None) is not None:
            _refuse_reference(event)
        if depth > MAX_DEPTH:
            raise LoadError("yaml-too-deep", f"de gegevens zijn dieper dan {MAX_DEPTH} niveaus genest.",
                            _position(event.start_mark), "Een praktijk heeft maar een paar niveaus nodig.")
        self.source_map.values[path] = event.start_mark
        kind = type(event)
        if kind is yaml.ScalarEvent:
            return _scalar(event)
        if kind is yaml.SequenceStartEvent:
            return self._sequence(path, depth)
        return self._mapping(path, depth)

    def _value(self, event: yaml.Event, path: DataPath, depth: int) -> Any:
        """A value in a list or mapping: a plain scalar, by far the most common, is taken here; the rest goes
        through _node's checks."""
        if type(event) is yaml.ScalarEvent and event.anchor is None and event.tag is None and depth <= MAX_DEPTH:
            self.source_map.values[path] = event.start_mark
            return _scalar(event)
        return self._node(event, path, depth)

    def _sequence(self, path: DataPath, depth: int) -> list[Any]:
        items: list[Any] = []
        event = self._next()
        while type(event) is not yaml.SequenceEndEvent:
            items.append(self._value(event, (*path, len(items)), depth + 1))
            event = self._next()
        return items

    def _mapping(self, path: DataPath, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        keys = self.source_map.keys
        event = self._next()
        while type(event) is not yaml.MappingEndEvent:
            if type(event) is not yaml.ScalarEvent or event.anchor is not None or event.tag is not None:
                _refuse_key(event)
            key = event.value
            key_path = (*path, key)
            if key in mapping:
                raise LoadError("yaml-duplicate-key", f"het veld '{key}' staat hier voor de tweede keer.",
                                _position(event.start_mark),
                                f"Het staat ook op regel {keys[key_path].line + 1}; haal een van de twee weg.")
            keys[key_path] = event.start_mark
            mapping[key] = self._value(self._next(), key_path, depth + 1)
            event = self._next()
        return mapping


def _scalar(event: yaml.ScalarEvent) -> Any:
    """A scalar's value: typed by the strict rules when plain, as written when quoted."""
    if not event.style:
        return resolve_plain_scalar(event.value)
    if event.style == '"':
        _refuse_control_characters(event)
    return event.value


def _refuse_reference(event: yaml.Event) -> None:
    """Anchors, aliases and tags make a file say something else than it shows; none are needed here."""
    position = _position(event.start_mark)
    if isinstance(event, yaml.AliasEvent):
        raise LoadError("yaml-alias", f"verwijzing *{event.anchor} wordt niet ondersteund.", position,
                        "Schrijf de waarde gewoon uit in plaats van met * naar een & te verwijzen.")
    if event.anchor is not None:
        raise LoadError("yaml-anchor", f"anker &{event.anchor} wordt niet ondersteund.", position,
                        "Haal het &-teken en de naam erachter weg.")
    tag = event.tag.replace("tag:yaml.org,2002:", "!!")
    raise LoadError("yaml-tag", f"label {tag} wordt niet ondersteund.", position,
                    "Haal het label met ! weg; zet de waarde zo nodig tussen aanhalingstekens.")


def _refuse_control_characters(event: yaml.ScalarEvent) -> None:
    """Escapes in double quotes ("\\x0b") can produce invisible characters that break pages and feeds."""
    match = _CONTROL_CHARACTERS.search(event.value)
    if match:
        raise LoadError("yaml-control-character",
                        f"deze tekst bevat een onzichtbaar stuurteken (U+{ord(match.group()):04X}).",
                        _position(event.start_mark), "Haal de code met een backslash (\\) uit de tekst.")


def _refuse_key(event: yaml.Event) -> None:
    """A key must be plain text: no list, group, anchor, alias or tag."""
    if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
        _refuse_reference(event)
    raise LoadError("yaml-complex-key", "de naam van een veld moet gewone tekst zijn.", _position(event.start_mark),
                    "Schrijf het als `veld: waarde`.")

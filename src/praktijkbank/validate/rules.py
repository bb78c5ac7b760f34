"""Rules that JSON Schema cannot express: file names, references between files, media paths, URL schemes.

Every rule reads data defensively: a file with schema errors still gets its other problems reported in the
same run, so values of the wrong shape are skipped here (the schema check already reported them).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import urlsplit

from praktijkbank.common.clock import is_after, is_calendar_date
from praktijkbank.common.problems import ERROR, WARNING, Problem, display_path
from praktijkbank.common.suggest import closest, normalise, suggestion_hint
from praktijkbank.common.url_schemes import ALLOWED_URL_SCHEMES
from praktijkbank.load.repository import COLLECTION, IN_SUBFOLDER, PRACTICE, YAML_SUFFIXES, DataFile
from praktijkbank.load.strict_yaml import DataPath, Document, SourceMap, load_file

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_ID_LENGTH = 80
URL_SCHEME_MESSAGE = "'{url}' is geen webadres: alleen https://, http:// en mailto: zijn toegestaan."
URL_SCHEME_HINT = ("Kopieer het volledige adres uit de adresbalk van je browser, bijvoorbeeld "
                   "https://www.voorbeeld.nl/.")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg")


@dataclass(frozen=True)
class Record:
    """One practice or collection file: its kind, id (the file name), and its data if it loaded.

    It holds plain data only, so records can be checked in worker processes and sent back; the positions
    of values are read again from the file in the rare case that a rule between files needs one.
    """

    kind: str
    id: str
    path: Path
    file: str
    data: dict[str, Any] | None

    @classmethod
    def from_document(cls, kind: str, record_id: str, file: str, document: Document) -> Record:
        """A record of a file just loaded: its positions are known, so they need not be read again."""
        record = cls(kind, record_id, document.path, file, document.data)
        record.__dict__["source_map"] = document.source_map
        return record

    @cached_property
    def source_map(self) -> SourceMap:
        return load_file(self.path).source_map

    def __getstate__(self) -> dict[str, Any]:
        """Positions stay behind when a record goes to another process; they can be read again there."""
        return {key: value for key, value in self.__dict__.items() if key != "source_map"}

    def problem(self, path: DataPath, rule: str, message: str, hint: str = "", *, at_key: bool = False,
                severity: str = ERROR) -> Problem:
        """A problem located at a value (or its key) in this record's file."""
        if self.data is None:
            return Problem(self.file, 1, 1, rule, message, hint, severity)
        position = self.source_map.key(path) if at_key else self.source_map.value(path)
        return Problem(self.file, position.line, position.column, rule, message, hint, severity)

    def strings(self, field: str) -> Iterator[tuple[int, str]]:
        """The text items of a list field, with their index; anything else was reported by the schema."""
        values = self.data.get(field) if self.data else None
        if isinstance(values, list):
            yield from ((index, value) for index, value in enumerate(values) if isinstance(value, str))

    def mappings(self, field: str) -> Iterator[tuple[int, dict[str, Any]]]:
        """The mapping items of a list field, with their index."""
        values = self.data.get(field) if self.data else None
        if isinstance(values, list):
            yield from ((index, value) for index, value in enumerate(values) if isinstance(value, dict))


def slugify(text: str) -> str:
    """A valid id made from any text, for the hint on a bad file name."""
    return "-".join(re.findall(r"[a-z0-9]+", normalise(text)))[:MAX_ID_LENGTH].strip("-") or "naam-van-de-praktijk"


def check_file_name(record: Record) -> Iterator[Problem]:
    """The file name is the id and the URL: lowercase words joined by hyphens, `.yml`, at most 80 characters."""
    name_ok = ID_PATTERN.fullmatch(record.id) and len(record.id) <= MAX_ID_LENGTH
    if record.path.suffix == ".yml" and name_ok:
        return  # nearly every file: no hint to make
    renamed = PurePosixPath(record.file).with_name(f"{slugify(record.path.stem)}.yml")
    if record.path.suffix != ".yml":
        yield Problem(record.file, 1, 1, "wrong-extension",
                      f"de naam '{record.path.name}' eindigt niet op .yml (met kleine letters); de site leest het "
                      "bestand alleen met die extensie.", f"Hernoem het bestand naar {renamed}.")
    else:
        yield Problem(
            record.file, 1, 1, "invalid-file-name",
            f"de bestandsnaam '{record.path.name}' is geen geldig id: gebruik alleen kleine letters, cijfers en "
            f"streepjes, hoogstens {MAX_ID_LENGTH} tekens, en eindig op .yml.",
            f"Noem het bestand bijvoorbeeld '{renamed.name}'.",
        )


def unread_file_problem(data_file: DataFile, root: Path) -> Problem:
    """A file under practices/ or collections/ that is not read is reported, never silently left out."""
    file = display_path(data_file.path, root)
    folder = display_path(data_file.folder, root)
    name = data_file.path.name
    if data_file.path.suffix.lower() in IMAGE_SUFFIXES:
        hint = "Zet afbeeldingen in de map practices/media/ en noem ze bij `media` in de praktijk."
    elif data_file.path.suffix.lower() in YAML_SUFFIXES:
        hint = f"Verplaats het bestand naar {folder}/{slugify(data_file.path.stem)}.yml."
    else:
        hint = "Haal het bestand weg, of laat de naam beginnen met _ als het hier moet blijven."
    if data_file.handling == IN_SUBFOLDER:
        return Problem(file, 1, 1, "file-in-subfolder",
                       f"'{name}' staat in een submap; de praktijkbank leest alleen bestanden die direct in "
                       f"{folder}/ staan.", hint)
    return Problem(file, 1, 1, "unexpected-file",
                   f"'{name}' is geen .yml-bestand; de praktijkbank leest het niet.", hint)


def check_unique_ids(records: list[Record]) -> Iterator[Problem]:
    """Two files of the same kind cannot share an id: they would share one URL."""
    first_file: dict[tuple[str, str], str] = {}
    for record in records:
        key = (record.kind, record.id)
        if key in first_file:
            yield Problem(record.file, 1, 1, "duplicate-id", f"de id '{record.id}' wordt ook gebruikt door {first_file[key]}.",
                          "Geef een van de twee bestanden een andere naam.")
        else:
            first_file[key] = record.file


def check_aliases(records: list[Record]) -> Iterator[Problem]:
    """An old id redirects to one page only: it may not be a current id, nor another file's old id.

    A shared old id is reported in every file that claims it: neither file is more right than the other.
    """
    for kind in (PRACTICE, COLLECTION):
        of_kind = [record for record in records if record.kind == kind]
        ids = {record.id: record.file for record in of_kind}
        claims: dict[str, list[tuple[Record, int]]] = defaultdict(list)
        for record in of_kind:
            for index, alias in record.strings("aliases"):
                claims[alias].append((record, index))
        for alias, claimants in claims.items():
            for record, index in claimants:
                owners = [ids[alias]] if alias in ids else [other.file for other, _ in claimants if other is not record]
                if owners:
                    yield record.problem(("aliases", index), "alias-collision",
                                         f"de oude id '{alias}' is al in gebruik door {', '.join(owners)}.",
                                         "Een oude id mag maar naar één pagina doorsturen; haal deze weg.")


def check_references(records: list[Record]) -> Iterator[Problem]:
    """`related`, `based_on` and collection items must name a practice that exists."""
    practices = {record.id for record in records if record.kind == PRACTICE}
    aliases = {alias: record.id for record in records if record.kind == PRACTICE for _, alias in record.strings("aliases")}
    for record in records:
        if record.kind == PRACTICE:
            for index, target in record.strings("related"):
                if target == record.id:
                    yield record.problem(("related", index), "related-self",
                                         "een praktijk kan niet aan zichzelf verwant zijn.", "Haal deze regel weg.")
                elif target not in practices:
                    yield _unknown_practice(record, ("related", index), target, practices, aliases)
            yield from _check_based_on(record, practices, aliases)
        else:
            yield from _check_collection_items(record, practices, aliases)


RELATED_WITHDRAWN = "related-withdrawn"


def withdrawn_relations(records: list[Record]) -> Iterator[Problem]:
    """A warning for each `related` practice that has been withdrawn: the page of the practice leaves it out,
    so without this the link would go without anybody noticing. Not an error: the page still builds."""
    withdrawn = {record.id for record in records if record.kind == PRACTICE and isinstance(record.data, dict)
                 and record.data.get("withdrawn")}
    for record in records:
        if record.kind != PRACTICE or record.id in withdrawn:
            continue
        for index, target in record.strings("related"):
            if target in withdrawn:
                yield record.problem(("related", index), RELATED_WITHDRAWN,
                                     f"de verwante praktijk '{target}' is teruggetrokken en staat daarom niet meer "
                                     "bij deze praktijk.", "Haal de regel weg of noem een andere verwante praktijk.",
                                     severity=WARNING)


def _check_based_on(record: Record, practices: set[str], aliases: dict[str, str]) -> Iterator[Problem]:
    """`based_on` names another practice; an old id in `aliases` still counts, since the model follows it."""
    target = record.data.get("based_on") if record.data else None
    if not isinstance(target, str):
        return
    if aliases.get(target, target) == record.id:
        yield record.problem(("based_on",), "based-on-self", "een praktijk kan niet op zichzelf gebaseerd zijn.",
                             "Noem bij `based_on` de praktijk die jullie hebben overgenomen, of haal de regel weg.")
    elif target not in practices and target not in aliases:
        yield _unknown_practice(record, ("based_on",), target, practices, aliases)


def _check_collection_items(record: Record, practices: set[str], aliases: dict[str, str]) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, item in record.mappings("items"):
        target = item.get("practice")
        if not isinstance(target, str):
            continue
        if target in seen:
            yield record.problem(("items", index, "practice"), "duplicate-item",
                                 f"de praktijk '{target}' staat al eerder in deze collectie (onderdeel {seen[target] + 1}).",
                                 "Een praktijk staat maar één keer in een collectie; haal er één weg.")
            continue
        seen[target] = index
        if target not in practices:
            yield _unknown_practice(record, ("items", index, "practice"), target, practices, aliases)


def _unknown_practice(record: Record, path: DataPath, target: str, practices: set[str],
                      aliases: dict[str, str]) -> Problem:
    if target in aliases:
        hint = f"'{target}' is een oude id; gebruik de nieuwe: '{aliases[target]}'."
    else:
        match = closest(target, sorted(practices))
        hint = suggestion_hint(match) if match else "Gebruik de bestandsnaam van een praktijk in practices/, zonder .yml."
    return record.problem(path, "unknown-practice", f"er is geen praktijk met de id '{target}'.", hint)


def check_withdrawal(record: Record) -> Iterator[Problem]:
    """A practice is withdrawn after it was added: a withdrawal dated earlier is a typing mistake (the schema
    checks that both are dates and that a reason is given)."""
    data = record.data if isinstance(record.data, dict) else {}
    withdrawn, added = data.get("withdrawn"), data.get("added")
    day = withdrawn.get("date") if isinstance(withdrawn, dict) else None
    if is_calendar_date(day) and is_calendar_date(added) and day < added:
        yield record.problem(("withdrawn", "date"), "withdrawn-before-added",
                             f"de praktijk is teruggetrokken op {day}, voor hij werd toegevoegd ({added}).",
                             "Zet bij `withdrawn` de datum waarop de praktijk is teruggetrokken.")


FUTURE_DATES = ((("added",), "added-in-future", "toegevoegd"),
                (("last_reviewed",), "last-reviewed-in-future", "nagekeken"),
                (("withdrawn", "date"), "withdrawn-in-future", "teruggetrokken"))


def check_future_dates(record: Record, reference: date) -> Iterator[Problem]:
    """What happened to a record happened by the build's day (`common.clock`): a later date is a typing
    mistake, and a page would show a day that has not come yet."""
    for path, rule, done in FUTURE_DATES:
        value: Any = record.data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str) and is_after(value, reference):
            yield record.problem(path, rule, f"de datum {value} ligt in de toekomst (vandaag is het "
                                             f"{reference.isoformat()}).",
                                 f"Zet hier de dag waarop het is {done}: vandaag of eerder.")


def check_media(record: Record, media_dir: Path) -> Iterator[Problem]:
    """Media files must exist, inside practices/media/: no absolute paths, no `..`, no links pointing out."""
    for index, item in record.mappings("media"):
        name = item.get("file")
        if not isinstance(name, str):
            continue
        path = ("media", index, "file")
        if _escapes_folder(name):
            yield record.problem(path, "media-path", f"'{name}' moet een bestandsnaam in practices/media/ zijn.",
                                 "Zet de afbeelding in practices/media/ en schrijf alleen de bestandsnaam, zonder / of ..")
            continue
        target = media_dir / name
        if target.is_symlink() and not target.resolve().is_relative_to(media_dir.resolve()):
            yield record.problem(path, "media-path", f"'{name}' verwijst naar een bestand buiten practices/media/.",
                                 "Zet de afbeelding zelf in practices/media/, niet als snelkoppeling.")
        elif not target.is_file():
            existing = sorted(child.name for child in media_dir.iterdir()) if media_dir.is_dir() else []
            match = closest(name, existing)
            yield record.problem(path, "media-missing", f"de afbeelding '{name}' staat niet in practices/media/.",
                                 suggestion_hint(match) if match else "Voeg de afbeelding toe aan practices/media/.")


def _escapes_folder(name: str) -> bool:
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    return posix.is_absolute() or windows.is_absolute() or bool(windows.drive) or ".." in windows.parts


def url_paths(schema: dict[str, Any]) -> list[tuple[str, ...]]:
    """Where the schema puts URLs (`$ref: #/$defs/url`), as paths with `*` for list items.

    The schema is the one source: a new URL field is checked without touching this module.
    """
    found: list[tuple[str, ...]] = []

    def visit(node: dict[str, Any], path: tuple[str, ...]) -> None:
        if node.get("$ref") == "#/$defs/url":
            found.append(path)
            return
        if node.get("$ref", "").startswith("#/$defs/"):
            visit(schema["$defs"][node["$ref"].removeprefix("#/$defs/")], path)
        for name, subschema in node.get("properties", {}).items():
            visit(subschema, (*path, name))
        if isinstance(node.get("items"), dict):
            visit(node["items"], (*path, "*"))

    visit(schema, ())
    return found


def check_urls(record: Record, paths: list[tuple[str, ...]]) -> Iterator[Problem]:
    """Links on the site may only lead to web pages or e-mail: never `javascript:`, `data:` or files."""
    for path, url in urls_in(record, paths):
        problem = _url_problem(url.strip())
        if problem:
            yield record.problem(path, *problem)


def urls_in(record: Record, paths: list[tuple[str, ...]]) -> Iterator[tuple[DataPath, str]]:
    """Every URL in a record with where it is, for the URL rules and the external link check."""
    if record.data is None:
        return
    for pattern in paths:
        for path, value in _values_at(record.data, pattern, ()):
            if isinstance(value, str):
                yield path, value


def _values_at(value: Any, pattern: tuple[str, ...], path: DataPath) -> Iterator[tuple[DataPath, Any]]:
    """The values at a path pattern such as ('organisations', '*', 'website'), skipping wrong shapes."""
    if not pattern:
        yield path, value
    elif pattern[0] == "*" and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _values_at(item, pattern[1:], (*path, index))
    elif isinstance(value, dict) and pattern[0] in value:
        yield from _values_at(value[pattern[0]], pattern[1:], (*path, pattern[0]))


def _url_problem(url: str) -> tuple[str, str, str] | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return _not_a_url(url)
    if parts.scheme.lower() not in ALLOWED_URL_SCHEMES:
        return "url-scheme", URL_SCHEME_MESSAGE.format(url=url[:80]), URL_SCHEME_HINT
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return _not_a_url(url)
    return None


def _not_a_url(url: str) -> tuple[str, str, str]:
    """Made only for a bad address: nearly every address is fine, and validation checks thousands."""
    return ("invalid-url", f"'{url[:80]}' is geen volledig webadres.",
            "Een webadres ziet eruit als https://www.voorbeeld.nl/pagina.")

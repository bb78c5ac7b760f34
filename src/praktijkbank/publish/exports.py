"""Open data: the catalog as JSON, CSV and Atom feeds (feeds.py), plus the vocabularies, so others can re-use it.

Every output is a pure function of the catalog and the site's address: no wall-clock time, a fixed order
everywhere, so the same input gives byte-identical files. All text is contributor text and therefore
untrusted: JSON and XML are built by serialisers (never by string concatenation) and CSV cells that a
spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict
from functools import partial
from typing import Any

from praktijkbank.common.facets import FACETS
from praktijkbank.common.licenses import DEFAULT_LICENSE, license_for
from praktijkbank.common.urls import absolute, facet_url, practice_url
from praktijkbank.common.vocabularies import Term
from praktijkbank.model.catalog import Catalog, Practice, facet_values
from praktijkbank.publish.feeds import feed_files
from praktijkbank.render.outputs import OutputFile
from praktijkbank.render.text import place_text

API_FOLDER = "api"

_DEFAULT = license_for(DEFAULT_LICENSE)
LICENSE = {
    "id": _DEFAULT.id,
    "name": _DEFAULT.name,
    "url": _DEFAULT.url,
    "note": "De teksten in de Praktijkbank Sociaal Domein vallen onder de licentie Creative Commons "
            "Naamsvermelding 4.0 (CC BY 4.0), tenzij bij een praktijk een andere licentie staat.",
}

# The order of the fields in the schema (schemas/practice.schema.json), so a practice's JSON reads like its YAML.
PRACTICE_FIELDS = (
    "title", "summary", "description", "place", "organisations", "themes", "target_groups", "activities",
    "period", "status", "results", "lessons", "costs", "funding", "contact", "sources", "media", "related",
    "based_on", "added", "last_reviewed", "license", "aliases", "withdrawn",
)

LIST_SEPARATOR = "; "
# RFC 4180's line end, for the rows and for the line breaks inside a (quoted) Markdown cell alike, so no tool
# meets a bare line feed (the data package says so, data_package.py).
CSV_LINE_END = "\r\n"
# Cells starting with these are run as formulas by Excel and LibreOffice (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _facet_column(facet: str) -> tuple[str, Callable[[Practice], Any]]:
    """A facet's CSV column: named after the practice's field, its values read as the declaration says."""
    return FACETS[facet].key, partial(facet_values, facet=facet)


CSV_FIELDS: tuple[tuple[str, Callable[[Practice], Any]], ...] = (
    ("title", lambda practice: practice.title),
    ("summary", lambda practice: practice.summary),
    ("description", lambda practice: practice.description),
    ("municipalities", lambda practice: practice.place.municipalities),
    ("municipality_codes", lambda practice: practice.place.municipality_codes),
    ("localities", lambda practice: practice.place.localities),
    ("region", lambda practice: practice.place.region),
    _facet_column("provinces"),
    ("organisations", lambda practice: [f"{organisation.name} ({organisation.type}"
                                        + (f", {organisation.role})" if organisation.role else ")")
                                        for organisation in practice.organisations]),
    _facet_column("organisation_types"),
    _facet_column("themes"),
    _facet_column("target_groups"),
    _facet_column("statuses"),
    ("period_start", lambda practice: practice.period and practice.period.start),
    ("period_end", lambda practice: practice.period and practice.period.end),
    ("added", lambda practice: practice.added),
    ("last_reviewed", lambda practice: practice.last_reviewed),
    ("license", lambda practice: practice.license),
    ("sources", lambda practice: [source.title for source in practice.sources]),
)
CSV_COLUMNS = ("id", "url", *(name for name, _ in CSV_FIELDS))

# Roles have no overview pages, so the catalog does not index them; the vocabulary export counts them itself.
ROLES = "organisation_roles"


def export_files(catalog: Catalog, site_url: str | None) -> list[OutputFile]:
    """Every open-data file of the site: the practices as JSON (all, and one file each, withdrawn ones
    included with `withdrawn` so re-users can drop them), the listed ones as CSV, the vocabularies with
    counts and links, and the Atom feeds."""
    practices = sorted(catalog.practices.values(), key=lambda practice: practice.id)
    records = [practice_record(practice, site_url, place_text(practice.place, catalog.vocabularies))
               for practice in catalog.all_practices]
    encoded = [_encoded(record) for record in records]
    return [
        OutputFile(f"{API_FOLDER}/praktijken.json", _practices_json(encoded)),
        *(OutputFile(f"{API_FOLDER}/praktijken/{record['id']}.json", _practice_json(text))
          for record, text in zip(records, encoded, strict=True)),
        OutputFile(f"{API_FOLDER}/praktijken.csv", practices_csv(practices, site_url)),
        OutputFile(f"{API_FOLDER}/vocabularies.json", _json(vocabularies_record(catalog, site_url))),
        *feed_files(catalog, site_url, LICENSE["note"]),
    ]


def _json(data: Any) -> bytes:
    """Readable, non-ASCII kept as is (Dutch text), key order as built, ending in a newline like any text file."""
    return (_encoded(data) + "\n").encode("utf-8")


def _encoded(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _nested(text: str, depth: int) -> str:
    """`text` (from _encoded) as json.dumps writes it `depth` levels deep: JSON strings hold no line breaks, so
    every line break in it is indentation."""
    return text.replace("\n", "\n" + "  " * depth)


def _practices_json(records: list[str]) -> bytes:
    """`_json({"license": ..., "count": ..., "practices": [...]})` from the records encoded once: indented JSON
    is encoded in Python, slowly, and each record goes into its own file too (_practice_json)."""
    practices = "[\n    " + ",\n    ".join(_nested(record, 2) for record in records) + "\n  ]" if records else "[]"
    return (f'{{\n  "license": {_LICENSE_JSON},\n  "count": {len(records)},\n'
            f'  "practices": {practices}\n}}\n').encode("utf-8")


def _practice_json(record: str) -> bytes:
    """`_json({"license": ..., "practice": record})` from the record encoded once."""
    return f'{{\n  "license": {_LICENSE_JSON},\n  "practice": {_nested(record, 1)}\n}}\n'.encode("utf-8")


_LICENSE_JSON = _nested(_encoded(LICENSE), 1)


def practice_record(practice: Practice, site_url: str | None, place: str) -> dict[str, Any]:
    """A practice as plain data with its id and page URL first, then the fields in schema order; fields the
    contributor left out are left out here too, so the JSON mirrors the YAML file. `place_text` is the place as
    the pages write it (render/text.py), ready for the browser, which then needs no rule of its own."""
    data = asdict(practice, dict_factory=_without_empty)
    fields = {name: data[name] for name in PRACTICE_FIELDS if name in data}
    return {"id": practice.id, "url": absolute(practice_url(practice.id), site_url), "place_text": place, **fields}


def _without_empty(items: list[tuple[str, Any]]) -> dict[str, Any]:
    """A dict factory for `asdict`: the model fills absent optional fields with None or (), the YAML has none."""
    return {key: value for key, value in items if value is not None and value != () and value != ""}


def practices_csv(practices: Iterable[Practice], site_url: str | None) -> bytes:
    """One row per practice for spreadsheets; lists are joined into one cell, Markdown keeps its line breaks
    (as CR LF; the csv module quotes them), and every cell is safe to open in Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=CSV_LINE_END)
    writer.writerow(CSV_COLUMNS)
    for practice in practices:
        values = [practice.id, absolute(practice_url(practice.id), site_url),
                  *(value_of(practice) for _, value_of in CSV_FIELDS)]
        writer.writerow([_csv_cell(value) for value in values])
    return buffer.getvalue().encode("utf-8")


def _csv_cell(value: Any) -> str:
    """A value as spreadsheet text: empty for absent, lists joined, and a leading apostrophe where a
    spreadsheet would otherwise run the contributor's text as a formula (OWASP's advice for CSV injection)."""
    if value is None:
        text = ""
    elif isinstance(value, (list, tuple)):
        text = LIST_SEPARATOR.join(value)
    else:
        text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\n", CSV_LINE_END)
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def vocabularies_record(catalog: Catalog, site_url: str | None) -> dict[str, Any]:
    """Every controlled list in the editors' order, each value with how many practices use it and, for the
    lists that have overview pages, its URL; lets re-users turn ids in the practice data into labels."""
    counts = _value_counts(catalog)
    return {
        name: {
            "title": vocabulary.title,
            "description": vocabulary.description,
            "values": [_term_record(name, term, counts[name][term.id], site_url) for term in vocabulary.terms],
        }
        for name, vocabulary in catalog.vocabularies.items()
    }


def _value_counts(catalog: Catalog) -> dict[str, Counter[str]]:
    """Practices per value and vocabulary: the facets from the catalog's index, the roles counted here (a
    practice with two partners counts once)."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in catalog.vocabularies}
    for facet, values in catalog.by_value.items():
        if facet in counts:
            counts[facet].update({value: len(ids) for value, ids in values.items()})
    counts[ROLES] = Counter(role for practice in catalog.practices.values()
                            for role in {organisation.role for organisation in practice.organisations} if role)
    return counts


def _term_record(vocabulary: str, term: Term, count: int, site_url: str | None) -> dict[str, Any]:
    """One vocabulary value; only facets have pages to link to."""
    record: dict[str, Any] = {"id": term.id, "label": term.label, "description": term.description, "count": count}
    if vocabulary in FACETS:
        record["url"] = absolute(facet_url(vocabulary, term.id), site_url)
    return record

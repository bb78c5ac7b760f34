"""The Frictionless data package of the open data (`api/datapackage.json`, Data Package 2.0): the CSV with a
Table Schema (each column's type, which columns hold lists and with which separator, which are required), and
the JSON files as resources with the JSON Schema each names. Data tools (frictionless, Open Data Editor, CKAN)
read it to load the CSV without guessing; `frictionless validate api/datapackage.json` checks the files
against it.

The columns come from exports.py's CSV_COLUMNS, so a new column without a description here fails the build's
tests rather than going out undescribed.
"""

from __future__ import annotations

import json
from typing import Any

from praktijkbank.common.licenses import DEFAULT_LICENSE, license_for
from praktijkbank.common.urls import GLOSSARY_DATA, MUNICIPALITY_NAMES, absolute
from praktijkbank.publish.data_schemas import schema_path
from praktijkbank.publish.exports import API_FOLDER, CSV_COLUMNS, CSV_LINE_END, LIST_SEPARATOR
from praktijkbank.render.outputs import OutputFile

DATA_PACKAGE = f"{API_FOLDER}/datapackage.json"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
NAME = "praktijkbank-sociaal-domein"

_TEXT = {"type": "string"}
_LIST = {"type": "list", "itemType": "string", "delimiter": LIST_SEPARATOR}
_YEAR = {"type": "integer", "constraints": {"minimum": 1900, "maximum": 2100}}
_DATE = {"type": "date"}
# Each CSV column: its Dutch title and description, its type, and whether every row has a value.
COLUMNS: dict[str, tuple[str, str, dict[str, Any], bool]] = {
    "id": ("Id", "Het id van de praktijk: de bestandsnaam zonder .yml en het laatste deel van het adres.",
           {"type": "string", "constraints": {"pattern": "[a-z0-9]+(-[a-z0-9]+)*", "unique": True}}, True),
    "url": ("Adres", "Het adres van de pagina van de praktijk.", {"type": "string", "format": "uri"}, True),
    "title": ("Titel", "De naam van de praktijk.", _TEXT, True),
    "summary": ("Samenvatting", "Eén of twee zinnen over de praktijk.", _TEXT, True),
    "description": ("Beschrijving", "Het verhaal van de praktijk in Markdown. Kan regeleinden (CR LF) bevatten, "
                    "binnen aanhalingstekens.", _TEXT, True),
    "municipalities": ("Gemeenten", "De gemeenten zoals het CBS ze noemt.", _LIST, False),
    "municipality_codes": ("Gemeentecodes", "De CBS-codes van de gemeenten, in dezelfde volgorde.", _LIST, False),
    "localities": ("Kernen of wijken", "Dorpen, kernen of wijken, als de bron ze noemt.", _LIST, False),
    "region": ("Regio", "De regio, als de praktijk niet bij één gemeente hoort.", _TEXT, False),
    "provinces": ("Provincies", "De ids van de provincies (zie vocabularies.json).", _LIST, True),
    "organisations": ("Organisaties", "Elke organisatie als 'naam (soort)' of 'naam (soort, rol)'.", _LIST, True),
    "organisation_types": ("Soorten partners", "De ids van de soorten organisaties (zie vocabularies.json).",
                           _LIST, True),
    "themes": ("Thema's", "De ids van de thema's (zie vocabularies.json).", _LIST, True),
    "target_groups": ("Doelgroepen", "De ids van de doelgroepen (zie vocabularies.json).", _LIST, True),
    "status": ("Status", "Het id van de status: idee, pilot, lopend of afgerond.", _TEXT, True),
    "period_start": ("Beginjaar", "Het jaar waarin de praktijk begon, als de bron het zegt.", _YEAR, False),
    "period_end": ("Eindjaar", "Het jaar waarin de praktijk stopte, als de bron het zegt.", _YEAR, False),
    "added": ("Toegevoegd op", "De dag waarop de praktijk in de praktijkbank kwam.", _DATE, True),
    "last_reviewed": ("Laatst gecontroleerd", "De dag waarop iemand de tekst het laatst nakeek.", _DATE, False),
    "license": ("Licentie", "De licentie van de tekst als SPDX-code, als die afwijkt van CC BY 4.0.", _TEXT, False),
    "sources": ("Bronnen", "De titels van de bronnen.", _LIST, True),
}
JSON_RESOURCES = (
    ("praktijken-json", "praktijken.json", "praktijken", "Alle praktijken als JSON, ook de teruggetrokken."),
    ("vocabularies", "vocabularies.json", "vocabularies", "De keuzelijsten met namen en aantallen."),
    ("begrippen", GLOSSARY_DATA.removeprefix(f"{API_FOLDER}/"), "begrippen", "De begrippen met hun uitleg."),
    ("gemeenten", MUNICIPALITY_NAMES.removeprefix(f"{API_FOLDER}/"), "gemeenten",
     "De gemeenten en de namen die mensen ervoor gebruiken."),
)


def data_package_file(title: str, description: str, site_url: str | None) -> OutputFile:
    """The data package, its paths relative to itself (api/), so it travels with the files it describes."""
    licence = license_for(DEFAULT_LICENSE)
    package = {
        "$schema": PROFILE,
        "name": NAME,
        "title": title,
        "description": description,
        "homepage": absolute("open-data/", site_url),
        "licenses": [{"name": licence.id, "path": licence.url, "title": licence.name}],
        "resources": [csv_resource(), *(_json_resource(*resource) for resource in JSON_RESOURCES)],
    }
    return OutputFile(DATA_PACKAGE, (json.dumps(package, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def csv_resource() -> dict[str, Any]:
    """The CSV: one row per published practice (withdrawn ones are only in the JSON)."""
    missing = [column for column in CSV_COLUMNS if column not in COLUMNS]
    if missing:
        raise ValueError(f"CSV-kolommen zonder beschrijving in het datapakket: {', '.join(missing)}")
    return {
        "name": "praktijken",
        "type": "table",
        "path": "praktijken.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": "Praktijken (CSV)",
        "description": "Eén regel per gepubliceerde praktijk. Lijsten staan in één cel, gescheiden door "
                       f"'{LIST_SEPARATOR}'. Een cel die met =, +, - of @ zou beginnen, begint met een apostrof.",
        "dialect": {"delimiter": ",", "lineTerminator": CSV_LINE_END, "quoteChar": '"', "header": True},
        "schema": {
            "fields": [_field(column) for column in CSV_COLUMNS],
            "primaryKey": ["id"],
            "missingValues": [""],
        },
    }


def _field(column: str) -> dict[str, Any]:
    title, description, kind, required = COLUMNS[column]
    constraints = {**kind.get("constraints", {}), **({"required": True} if required else {})}
    field = {"name": column, "title": title, "description": description,
             **{key: value for key, value in kind.items() if key != "constraints"}}
    return {**field, "constraints": constraints} if constraints else field


def _json_resource(name: str, path: str, schema: str, title: str) -> dict[str, Any]:
    return {"name": name, "type": "json", "path": path, "format": "json", "mediatype": "application/json",
            "encoding": "utf-8", "title": title, "jsonSchema": schema_path(schema).removeprefix(f"{API_FOLDER}/")}

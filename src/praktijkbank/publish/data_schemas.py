"""The published JSON Schemas (Draft 2020-12) of the open data, one per kind of JSON file under api/, and the
`$schema` member that makes every such file name its schema.

A re-user reads what a file holds from its schema and can tell a change of structure from a bug: each schema
has a stable address (`api/schema/<name>.json`, also its `$id`), Dutch titles and descriptions per field, and
the version of the structure (`version`, from schemas/open-data.json). As SchemaStore's schemas are named by
the files they describe, each data file names its schema in a top-level `"$schema"` member; editors and
check-jsonschema pick it up from there.

The practice record is the contributor's schema (schemas/practice.schema.json, with the vocabularies'
values) plus the fields the site derives: `id`, `url`, `place_text` and `place.municipality_codes`. The
schemas are committed too, under schemas/published/ (`praktijkbank generate`), so git holds their history and
schema_compatibility.py can refuse a change that breaks re-users without a new version.
"""

from __future__ import annotations

import copy
import fnmatch
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from praktijkbank.common.schemas import read_schema, render_schema, with_vocabularies
from praktijkbank.common.urls import GLOSSARY_DATA, MUNICIPALITY_NAMES, SELECTION_CARDS, absolute
from praktijkbank.common.vocabularies import Vocabularies
from praktijkbank.render.outputs import OutputFile

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FOLDER = "api/schema"
PUBLISHED_FOLDER = "published"
"""The committed copies: schemas/published/<name>.json, written with the site's address left out."""
OPEN_DATA_FILE = "open-data.json"
"""schemas/open-data.json: the structure's version and the dataset's description (publisher, themes)."""


@dataclass(frozen=True)
class DataFileKind:
    """One kind of JSON file the site publishes: where it is (a glob on its path) and the schema it names."""

    pattern: str
    schema: str


DATA_FILES = (
    DataFileKind("api/praktijken.json", "praktijken"),
    DataFileKind("api/praktijken/*.json", "praktijk"),
    DataFileKind("api/vocabularies.json", "vocabularies"),
    DataFileKind(GLOSSARY_DATA, "begrippen"),
    DataFileKind(MUNICIPALITY_NAMES, "gemeenten"),
    DataFileKind(SELECTION_CARDS, "kaarten"),
    DataFileKind("zoekindex/index.json", "zoekindex"),
)
"""The JSON files the site makes. javascripts/aanmelden/velden.json is not among them: it is a file of the
repository (the editor's fields, `praktijkbank generate`), copied as it is, and read by the editor alone."""


def read_open_data_settings(schemas_dir: Path) -> dict[str, Any]:
    """schemas/open-data.json, a file of the project itself (trusted, like the schemas beside it)."""
    return json.loads((schemas_dir / OPEN_DATA_FILE).read_text(encoding="utf-8"))


def schema_path(name: str) -> str:
    return f"{SCHEMA_FOLDER}/{name}.json"


def schema_url(name: str, site_url: str | None) -> str:
    return absolute(schema_path(name), site_url)


def schema_for(path: str) -> str | None:
    """The name of the schema a published file names, or None for a file that is not open data."""
    return next((kind.schema for kind in DATA_FILES if fnmatch.fnmatchcase(path, kind.pattern)), None)


def with_schema_names(files: list[OutputFile], site_url: str | None) -> list[OutputFile]:
    """The files, each JSON file of the open data with its schema's address as its first member."""
    return [_named(file, name, site_url) if (name := schema_for(file.path)) else file for file in files]


def _named(file: OutputFile, name: str, site_url: str | None) -> OutputFile:
    """The file with `$schema` first, written as it was: readable, or compact for what a page loads itself."""
    named = {"$schema": schema_url(name, site_url), **json.loads(file.content)}
    compact = not file.content.startswith(b"{\n")
    text = json.dumps(named, ensure_ascii=False, indent=None if compact else 1,
                      separators=(",", ":") if compact else None)
    return OutputFile(file.path, (text + "\n").encode("utf-8"))


def schema_files(schemas_dir: Path, vocabularies: Vocabularies, site_url: str | None) -> list[OutputFile]:
    """Every published schema as a file of the site."""
    return [OutputFile(schema_path(name), render_schema(schema).encode("utf-8"))
            for name, schema in published_schemas(schemas_dir, vocabularies, site_url).items()]


def committed_schemas(schemas_dir: Path, vocabularies: Vocabularies) -> dict[Path, str]:
    """The committed copies under schemas/published/ with the text they should have now."""
    return {schemas_dir / PUBLISHED_FOLDER / f"{name}.json": render_schema(schema)
            for name, schema in published_schemas(schemas_dir, vocabularies, None).items()}


def published_schemas(schemas_dir: Path, vocabularies: Vocabularies, site_url: str | None) -> dict[str, dict[str, Any]]:
    """Each schema by name; `site_url` None gives addresses from the site's root (the committed copies)."""
    version = read_open_data_settings(schemas_dir)["version"]
    practice = practice_record_schema(with_vocabularies(read_schema(schemas_dir, "practice"), vocabularies))
    definitions = {**practice.pop("$defs"), "praktijk": practice, "licentie": LICENSE_SCHEMA}
    bodies = {
        "praktijk": _file_schema(
            "Eén praktijk", "Eén praktijk met de licentie van de open data: api/praktijken/<id>.json.",
            {"license": _ref("licentie"), "practice": _ref("praktijk")}, definitions),
        "praktijken": _file_schema(
            "Alle praktijken", "Alle praktijken, ook teruggetrokken praktijken (met `withdrawn`): api/praktijken.json.",
            {"license": _ref("licentie"),
             "count": {"title": "Aantal", "description": "Hoeveel praktijken het bestand bevat.",
                       "type": "integer", "minimum": 0},
             "practices": {"title": "Praktijken", "description": "De praktijken, op id.",
                           "type": "array", "items": _ref("praktijk")}},
            definitions),
        "vocabularies": _file_schema(
            "Keuzelijsten",
            "De vaste lijsten (thema's, soorten partners, doelgroepen, provincies, statussen, rollen) met het "
            "aantal praktijken per waarde: api/vocabularies.json. Hiermee zet je de ids in de praktijken om in namen.",
            {name: _vocabulary_schema(vocabulary) for name, vocabulary in vocabularies.items()}, {}),
        "begrippen": _file_schema(
            "Begrippen", "De vaktermen en afkortingen met hun uitleg in gewone taal: api/begrippen.json.",
            {"terms": GLOSSARY_TERMS_SCHEMA}, {}),
        "gemeenten": _file_schema(
            "Gemeenten", "De gemeenten van het CBS en de namen die mensen ervoor gebruiken: api/gemeenten.json.",
            MUNICIPALITIES_PROPERTIES, {}),
        "kaarten": _file_schema(
            "Kaarten van Mijn selectie", "Wat de pagina Mijn selectie van elke praktijk toont, ook van een "
            "teruggetrokken praktijk: selectie/kaarten.json.", {"practices": CARDS_SCHEMA}, {}),
        "zoekindex": _file_schema(
            "Zoekindex", "Het begin van de zoekindex van de site: zoekindex/index.json. De pagina Zoeken leest "
            "het; de andere bestanden van de index staan in de map die `folder` noemt.", SEARCH_MANIFEST, {}),
    }
    return {name: {"$schema": DRAFT, "$id": schema_url(name, site_url), "version": version, **body}
            for name, body in bodies.items()}


def practice_record_schema(practice: dict[str, Any]) -> dict[str, Any]:
    """The contributor's schema of a practice, completed with what the site derives from it."""
    record = copy.deepcopy(practice)
    record.pop("$schema", None)
    record["description"] = ("Eén praktijk zoals de site haar publiceert: de velden van het bestand, met het id, "
                             "het adres van de pagina en de plaats als tekst ervoor.")
    record["properties"] = {**DERIVED_FIELDS, **record["properties"]}
    record["required"] = [*DERIVED_FIELDS, *record["required"]]
    place = record["properties"]["place"]
    place["properties"]["municipality_codes"] = MUNICIPALITY_CODES
    return record


def _file_schema(title: str, description: str, properties: dict[str, Any],
                 definitions: dict[str, Any]) -> dict[str, Any]:
    """A file's schema: its members, each required, and the `$schema` member that names the schema."""
    body: dict[str, Any] = {
        "title": title, "description": description, "type": "object", "additionalProperties": False,
        "required": ["$schema", *properties],
        "properties": {"$schema": SCHEMA_MEMBER, **properties},
    }
    return {**body, "$defs": definitions} if definitions else body


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _vocabulary_schema(vocabulary: Any) -> dict[str, Any]:
    """One vocabulary: its title, description and values; the ids are the ones of vocabularies.yml."""
    value = {
        "title": "Waarde", "type": "object", "additionalProperties": False,
        "required": ["id", "label", "description", "count"],
        "properties": {
            "id": {"title": "Id", "description": "Het id zoals de praktijken het gebruiken.", "enum": vocabulary.ids},
            "label": {"title": "Naam", "description": "De naam zoals de site hem toont.", "type": "string"},
            "description": {"title": "Uitleg", "type": "string"},
            "count": {"title": "Aantal praktijken", "description": "Hoeveel gepubliceerde praktijken deze waarde "
                      "hebben (teruggetrokken praktijken tellen niet mee).", "type": "integer", "minimum": 0},
            "url": {"title": "Overzichtspagina", "description": "De pagina met de praktijken met deze waarde, als "
                    "de site die heeft.", "type": "string", "format": "uri-reference"},
        },
    }
    return {"title": vocabulary.title, "description": vocabulary.description, "type": "object",
            "additionalProperties": False, "required": ["title", "description", "values"],
            "properties": {"title": {"title": "Naam van de lijst", "type": "string"},
                           "description": {"title": "Uitleg bij de lijst", "type": "string"},
                           "values": {"title": "Waarden", "description": "In de volgorde van de redactie.",
                                      "type": "array", "items": value}}}


SCHEMA_MEMBER = {"title": "Schema", "description": "Het adres van het JSON-schema van dit bestand.",
                 "type": "string", "format": "uri-reference"}
DERIVED_FIELDS: dict[str, Any] = {
    "id": {"title": "Id", "description": "Het id van de praktijk: de naam van haar bestand zonder .yml, en het "
           "laatste deel van haar adres. Blijft altijd hetzelfde.",
           "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    "url": {"title": "Adres", "description": "Het adres van de pagina van de praktijk op de site.",
            "type": "string", "format": "uri-reference"},
    "place_text": {"title": "Plaats als tekst", "description": "De plaats zoals de site die schrijft, bijvoorbeeld "
                   "'Dalfsen, Overijssel'.", "type": "string"},
}
MUNICIPALITY_CODES = {
    "title": "Gemeentecodes", "description": "De CBS-codes van de gemeenten (GM en vier cijfers), in dezelfde "
    "volgorde als de gemeenten. De site leidt ze af uit de namen.",
    "type": "array", "items": {"type": "string", "pattern": "^GM[0-9]{4}$"},
}
LICENSE_SCHEMA = {
    "title": "Licentie", "description": "De licentie van de open data, tenzij bij een praktijk een andere staat "
    "(het veld license van de praktijk).",
    "type": "object", "additionalProperties": False, "required": ["id", "name", "url", "note"],
    "properties": {
        "id": {"title": "SPDX-code", "type": "string"},
        "name": {"title": "Naam", "type": "string"},
        "url": {"title": "Adres van de licentietekst", "type": "string", "format": "uri"},
        "note": {"title": "Toelichting", "type": "string"},
    },
}
GLOSSARY_TERMS_SCHEMA = {
    "title": "Begrippen", "description": "Elk begrip, van A tot Z.", "type": "array",
    "items": {
        "title": "Begrip", "type": "object", "additionalProperties": False,
        "required": ["term", "variants", "explanation", "anchor"],
        "properties": {
            "term": {"title": "Begrip", "description": "Het begrip zoals de begrippenlijst het toont.", "type": "string"},
            "variants": {"title": "Andere vormen", "description": "Hoe teksten het begrip ook schrijven.",
                         "type": "array", "items": {"type": "string"}},
            "explanation": {"title": "Uitleg", "description": "Een of twee zinnen in gewone taal.", "type": "string"},
            "anchor": {"title": "Anker", "description": "Het id van het begrip op de pagina /begrippen/.",
                       "type": "string"},
            "link": {"title": "Meer lezen", "description": "Een pagina met meer uitleg.", "type": "string",
                     "format": "uri"},
        },
    },
}
MUNICIPALITIES_PROPERTIES = {
    "source": {"title": "Bron", "description": "Waar de lijst vandaan komt.", "type": "string"},
    "municipalities": {
        "title": "Gemeenten", "description": "Elke huidige gemeente, op naam.", "type": "array",
        "items": {"type": "object", "additionalProperties": False, "required": ["code", "name", "province"],
                  "properties": {"code": {"title": "CBS-code", "type": "string", "pattern": "^GM[0-9]{4}$"},
                                 "name": {"title": "Naam", "description": "Zoals het CBS de naam schrijft.",
                                          "type": "string"},
                                 "province": {"title": "Provincie", "description": "Het id van de provincie "
                                              "(zie vocabularies.json).", "type": "string"}}},
    },
    "names": {
        "title": "Namen", "description": "Per naam zoals mensen hem typen (kleine letters, zonder accenten en "
        "leestekens) de CBS-namen die ermee bedoeld kunnen zijn.", "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
}
CARDS_SCHEMA = {
    "title": "Praktijken", "description": "Elke praktijk, op titel.", "type": "array",
    "items": {
        "type": "object", "additionalProperties": False, "required": ["id", "title", "summary", "place", "partners"],
        "properties": {
            "id": DERIVED_FIELDS["id"],
            "title": {"title": "Titel", "type": "string"},
            "summary": {"title": "Samenvatting", "type": "string"},
            "place": DERIVED_FIELDS["place_text"],
            "partners": {"title": "Organisaties", "description": "De namen van de organisaties die meedoen.",
                         "type": "array", "items": {"type": "string"}},
            "aliases": {"title": "Oude ids", "description": "Vroegere ids; hun adressen sturen door.",
                        "type": "array", "items": {"type": "string"}},
            "withdrawn": {"title": "Teruggetrokken", "description": "Wanneer en waarom de praktijk is "
                          "teruggetrokken.", "type": "object", "required": ["date", "reason"],
                          "properties": {"date": {"type": "string", "format": "date"},
                                         "reason": {"type": "string"}}},
        },
    },
}
SEARCH_MANIFEST = {
    "format": {"title": "Formaat", "description": "De versie van de opbouw van de zoekindex.", "type": "integer"},
    "folder": {"title": "Map", "description": "De map met de rest van de index, genoemd naar een hash van de "
               "inhoud.", "type": "string"},
    "documents": {"title": "Documenten", "description": "Hoeveel pagina's de index kent.", "type": "integer",
                  "minimum": 0},
    "practices": {"title": "Praktijken", "description": "Hoeveel daarvan praktijken zijn; zij komen eerst.",
                  "type": "integer", "minimum": 0},
    "stopWords": {"title": "Stopwoorden", "description": "Woorden die de zoekfunctie overslaat.",
                  "type": "array", "items": {"type": "string"}},
    "shards": {"title": "Delen", "description": "Het eerste woord van elk deel van de woordenlijst.",
               "type": "array", "items": {"type": "string"}},
    "wordLengths": {"title": "Woordlengtes", "description": "De lengtes van de woorden in de lijsten voor "
                    "tikfouten.", "type": "array", "items": {"type": "integer"}},
}

"""The dataset description for open-data registers (`api/dataset.jsonld`): DCAT-AP-DONL, the Dutch profile of
DCAT that data.overheid.nl harvests, as JSON-LD.

It holds what the profile asks of a dataset: identifier, title, description, publisher, contact point,
licence, theme, language, the day of the last change, how often it changes, and the distributions (the CSV,
the JSON files, the Atom feed, the data package), each with its format, media type, access and download
address, licence and, for the JSON, the schema it conforms to. Themes, language, licence, formats and
frequency are URIs from the lists the profile prescribes (OWMS themes, the EU's language, file-type,
frequency and access-right authority tables); the themes, publisher and frequency are set in
schemas/open-data.json.
"""

from __future__ import annotations

import json
from typing import Any

from praktijkbank.common.licenses import DEFAULT_LICENSE, license_for
from praktijkbank.common.urls import absolute
from praktijkbank.common.ways_in import WaysIn
from praktijkbank.load.repository import COLLECTION, PRACTICE
from praktijkbank.model.catalog import Catalog
from praktijkbank.publish.data_package import DATA_PACKAGE
from praktijkbank.publish.data_schemas import schema_url
from praktijkbank.publish.exports import API_FOLDER
from praktijkbank.render.life import last_modified
from praktijkbank.render.outputs import OutputFile

DATASET_FILE = f"{API_FOLDER}/dataset.jsonld"
OPEN_DATA_PAGE = "open-data/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
DUTCH = "http://publications.europa.eu/resource/authority/language/NLD"
PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"
# The distributions: path in the site, Dutch title, EU file type, media type, schema name (JSON only).
DISTRIBUTIONS = (
    (f"{API_FOLDER}/praktijken.csv", "Praktijken (CSV)", "CSV", "text/csv", None),
    (f"{API_FOLDER}/praktijken.json", "Praktijken (JSON)", "JSON", "application/json", "praktijken"),
    (f"{API_FOLDER}/vocabularies.json", "Keuzelijsten (JSON)", "JSON", "application/json", "vocabularies"),
    (f"{API_FOLDER}/begrippen.json", "Begrippen (JSON)", "JSON", "application/json", "begrippen"),
    (DATA_PACKAGE, "Datapakket (Frictionless)", "JSON", "application/json", None),
    ("feed.xml", "Nieuwe praktijken (Atom-feed)", "ATOM", "application/atom+xml", None),
)


def dataset_file(settings: dict[str, Any], catalog: Catalog, site_url: str | None, ways_in: WaysIn) -> OutputFile:
    """The dataset as a JSON-LD document; `settings` is schemas/open-data.json."""
    licence = {"@id": _licence_uri()}
    dataset = {
        "@context": CONTEXT,
        "@id": absolute(f"{DATASET_FILE}#dataset", site_url),
        "@type": "dcat:Dataset",
        "dct:identifier": absolute(OPEN_DATA_PAGE, site_url),
        "dct:title": _dutch(settings["title"]),
        "dct:description": _dutch(settings["description"]),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": settings["publisher"]["name"]},
        "dcat:contactPoint": _contact(settings["publisher"]["name"], site_url, ways_in),
        "dct:license": licence,
        "dct:accessRights": {"@id": PUBLIC},
        "dcat:theme": [{"@id": theme} for theme in settings["themes"]],
        "dcat:keyword": [_dutch(word) for word in settings["keywords"]],
        "dct:language": {"@id": DUTCH},
        "dct:modified": {"@value": modified(catalog), "@type": "xsd:date"},
        "dct:accrualPeriodicity": {"@id": settings["frequency"]},
        "dcat:landingPage": {"@id": absolute(OPEN_DATA_PAGE, site_url)},
        "dcat:distribution": [_distribution(*distribution, licence, site_url) for distribution in DISTRIBUTIONS],
    }
    return OutputFile(DATASET_FILE, (json.dumps(dataset, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def modified(catalog: Catalog) -> str:
    """The day the data last changed: the newest change of any practice or collection (git, added, reviewed)."""
    days = [last_modified(catalog, (PRACTICE, practice.id), practice.added, practice.last_reviewed)
            for practice in catalog.all_practices]
    days += [last_modified(catalog, (COLLECTION, collection_id)) for collection_id in catalog.collections
             if catalog.histories.of((COLLECTION, collection_id))]
    return max(days)


def _licence_uri() -> str:
    """DONL's licence list names Creative Commons licences by their Dutch deed."""
    return license_for(DEFAULT_LICENSE).url.replace("https://", "http://", 1)


def _contact(name: str, site_url: str | None, ways_in: WaysIn) -> dict[str, Any]:
    contact: dict[str, Any] = {"@type": "vcard:Organization", "vcard:fn": name,
                               "vcard:hasURL": {"@id": absolute("", site_url)}}
    if ways_in.contact:
        contact["vcard:hasEmail"] = {"@id": f"mailto:{ways_in.contact}"}
    return contact


def _distribution(path: str, title: str, file_type: str, media_type: str, schema: str | None,
                  licence: dict[str, str], site_url: str | None) -> dict[str, Any]:
    address = {"@id": absolute(path, site_url)}
    distribution = {
        "@type": "dcat:Distribution",
        "dct:title": _dutch(title),
        "dcat:accessURL": address,
        "dcat:downloadURL": address,
        "dct:format": {"@id": FILE_TYPE + file_type},
        "dcat:mediaType": {"@id": MEDIA_TYPE + media_type},
        "dct:license": licence,
        "dct:language": {"@id": DUTCH},
    }
    if schema:
        distribution["dct:conformsTo"] = {"@id": schema_url(schema, site_url)}
    return distribution


def _dutch(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "nl"}

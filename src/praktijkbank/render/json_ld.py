"""schema.org JSON-LD for a practice, so search engines and registries can read it as data."""

from __future__ import annotations

import json
from typing import Any

from praktijkbank.common import urls
from praktijkbank.common.licenses import license_for
from praktijkbank.model.catalog import Catalog, Organisation, Practice


def _organisation(organisation: Organisation) -> dict[str, Any]:
    node = {"@type": "Organization", "name": organisation.name}
    if organisation.website:
        node["url"] = organisation.website
    return node


def practice_json_ld(practice: Practice, catalog: Catalog, site_url: str | None) -> str:
    """The practice as a schema.org CreativeWork, serialised safely for a <script> element."""
    vocabularies = catalog.vocabularies
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": practice.title,
        "description": practice.summary,
        "inLanguage": "nl",
        "dateCreated": practice.added,
        "keywords": [vocabularies["themes"].label(theme) for theme in practice.themes],
        "audience": [{"@type": "Audience", "audienceType": vocabularies["target_groups"].label(group)}
                     for group in practice.target_groups],
        "contributor": [_organisation(organisation) for organisation in practice.organisations],
        "spatialCoverage": [{"@type": "Place", "name": name}
                            for name in dict.fromkeys((*practice.place.municipalities, *practice.place.localities))]
        + [{"@type": "AdministrativeArea", "name": vocabularies["provinces"].label(province)}
           for province in practice.place.provinces],
        "isBasedOn": [_source(source) for source in practice.sources],
        "license": license_for(practice.license).url or practice.license,
    }
    if practice.last_reviewed:
        data["dateModified"] = practice.last_reviewed
    if site_url:
        data["url"] = urls.absolute(urls.practice_url(practice.id), site_url)
    return script_safe_json(data)


def _source(source: Any) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
    if source.publisher:
        node["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.date:
        node["datePublished"] = source.date
    if source.url:
        node["url"] = source.url
    return node


def script_safe_json(data: Any) -> str:
    """JSON that cannot end its <script> element or open a comment: <, > and & become \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

"""Open-data exports: JSON, CSV, vocabularies and the Atom feed, read back the way re-users read them."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from helpers import PROJECT_ROOT, VALID_PRACTICE
from praktijkbank.common.municipalities import read_municipalities
from praktijkbank.publish.exports import LICENSE, PRACTICE_FIELDS, export_files
from praktijkbank.publish.feeds import FEED_SIZE
from praktijkbank.common.facets import FACETS
from praktijkbank.model.catalog import Catalog, build_catalog
from praktijkbank.load.repository import Repository
from praktijkbank.common.urls import absolute, facet_url, practice_url
from praktijkbank.validate.checker import validate_repository
from real_data import A_PRACTICE

SITE_URL = "https://praktijkbank.example/sociaal-domein/"
ATOM = "{http://www.w3.org/2005/Atom}"
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T00:00:00Z$")
REPOSITORY = Repository(PROJECT_ROOT)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    """The repository's own practices."""
    return build_catalog(validate_repository(REPOSITORY))


@pytest.fixture(scope="module")
def files(catalog: Catalog) -> dict[str, bytes]:
    return _export(catalog)


def _export(catalog: Catalog, site_url: str | None = SITE_URL) -> dict[str, bytes]:
    return {file.path: file.content for file in export_files(catalog, site_url)}


def _json(files: dict[str, bytes], path: str) -> dict:
    return json.loads(files[path].decode("utf-8"))


def _csv_rows(files: dict[str, bytes]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(files["api/praktijken.csv"].decode("utf-8"), newline="")))


def _feed(files: dict[str, bytes]) -> ET.Element:
    return ET.fromstring(files["feed.xml"])


def _yaml_of(practice_id: str) -> dict:
    return yaml.safe_load((REPOSITORY.practices_dir / f"{practice_id}.yml").read_text(encoding="utf-8"))


@pytest.fixture
def catalog_with(make_repository, tmp_path: Path):
    """A catalog of one practice: the valid fixture with some fields changed, e.g. a hostile title."""

    def make(**changes: object) -> Catalog:
        data = yaml.safe_load(VALID_PRACTICE.read_text(encoding="utf-8")) | changes
        practice = tmp_path / VALID_PRACTICE.name
        practice.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        report = validate_repository(Repository(make_repository(practices=[practice])))
        assert report.problems == []
        return build_catalog(report)

    return make


# JSON


def test_the_json_export_lists_every_practice_of_the_repository_by_id(catalog: Catalog, files) -> None:
    export = _json(files, "api/praktijken.json")

    ids = sorted(path.stem for path in REPOSITORY.practices_dir.glob("*.yml") if not path.name.startswith("_"))
    assert [practice["id"] for practice in export["practices"]] == ids
    assert export["count"] == len(ids) == len(catalog.practices)
    assert export["practices"][0]["url"] == SITE_URL + practice_url(ids[0])


def test_each_practice_in_the_json_mirrors_its_yaml_file(files) -> None:
    for practice in _json(files, "api/praktijken.json")["practices"]:
        source = _yaml_of(practice["id"])

        assert set(practice) == set(source) | {"id", "url", "place_text", "license"}, "absent fields stay absent"
        for field in ("title", "summary", "description", "organisations", "themes"):
            assert practice[field] == source[field]
        assert practice["license"] == source.get("license", "CC-BY-4.0")
        place = {key: value for key, value in practice["place"].items() if key != "municipality_codes"}
        assert place == {"provinces": practice["place"]["provinces"], **source["place"]}, "provinces may be derived"


def test_the_open_data_carries_the_cbs_codes_of_the_municipalities(files) -> None:
    municipalities = read_municipalities(REPOSITORY.geo_dir)
    rows = {row["id"]: row for row in _csv_rows(files)}
    for practice in _json(files, "api/praktijken.json")["practices"]:
        names = practice["place"].get("municipalities", [])
        codes = [municipalities.current[name].code for name in names]
        assert practice["place"].get("municipality_codes", []) == codes
        assert all(code.startswith("GM") and len(code) == 6 for code in codes)
        assert rows[practice["id"]]["municipality_codes"] == "; ".join(codes)
        assert _json(files, f"api/praktijken/{practice['id']}.json")["practice"]["place"] == practice["place"]


def test_the_json_fields_follow_the_schema_order(files) -> None:
    schema = json.loads((REPOSITORY.schemas_dir / "practice.schema.json").read_text(encoding="utf-8"))

    assert PRACTICE_FIELDS == tuple(schema["properties"])
    for practice in _json(files, "api/praktijken.json")["practices"]:
        assert list(practice) == ["id", "url", "place_text", *(name for name in PRACTICE_FIELDS if name in practice)]


def test_every_practice_has_its_own_json_file(files) -> None:
    for practice in _json(files, "api/praktijken.json")["practices"]:
        single = _json(files, f"api/praktijken/{practice['id']}.json")

        assert single == {"license": LICENSE, "practice": practice}


def test_the_json_files_keep_the_layout_json_dumps_gives_them(files) -> None:
    """Each record is encoded once and placed in both files: the bytes must be what json.dumps would write."""
    for name, content in files.items():
        if name.startswith("api/praktijken") and name.endswith(".json"):
            expected = json.dumps(json.loads(content), ensure_ascii=False, indent=2) + "\n"
            assert content.decode("utf-8") == expected, name


def test_the_licence_is_stated_in_the_json_and_the_feed(files) -> None:
    assert _json(files, "api/praktijken.json")["license"] == LICENSE
    assert LICENSE["id"] == "CC-BY-4.0"
    assert LICENSE["url"] == "https://creativecommons.org/licenses/by/4.0/deed.nl"
    assert "tenzij" in LICENSE["note"], "the note says a practice may state another licence"
    assert _feed(files).findtext(f"{ATOM}rights") == LICENSE["note"]


def test_a_practice_with_another_licence_keeps_it(catalog_with) -> None:
    files = _export(catalog_with(license="CC-BY-SA-4.0"))

    export = _json(files, "api/praktijken.json")
    assert export["license"]["id"] == "CC-BY-4.0"
    assert export["practices"][0]["license"] == "CC-BY-SA-4.0"
    assert _csv_rows(files)[0]["license"] == "CC-BY-SA-4.0"


# CSV


def test_the_csv_has_one_row_per_practice_with_lists_joined(catalog: Catalog, files) -> None:
    rows = _csv_rows(files)

    assert [row["id"] for row in rows] == sorted(catalog.practices)
    assert list(rows[0]) == [
        "id", "url", "title", "summary", "description", "municipalities", "municipality_codes", "localities", "region",
        "provinces", "organisations", "organisation_types", "themes", "target_groups", "status", "period_start", "period_end",
        "added", "last_reviewed", "license", "sources",
    ]
    practice = catalog.practices[A_PRACTICE.id]
    row = next(row for row in rows if row["id"] == practice.id)
    source = _yaml_of(practice.id)
    assert row["url"] == SITE_URL + f"praktijken/{practice.id}/"
    assert row["localities"] == "; ".join(practice.place.localities)
    assert row["organisations"] == "; ".join(
        f"{organisation.name} ({organisation.type}" + (f", {organisation.role})" if organisation.role else ")")
        for organisation in practice.organisations)
    assert row["themes"] == "; ".join(practice.themes)
    assert row["sources"] == "; ".join(source.title for source in practice.sources)
    assert row["description"] == source["description"].replace("\n", "\r\n"), "Markdown keeps its line breaks, as CR LF"
    assert "\n" not in files["api/praktijken.csv"].decode("utf-8").replace("\r\n", ""), "no bare line feed"
    assert row["region"] == (practice.place.region or "")
    assert row["period_start"] == (str(practice.period.start) if practice.period else "")


@pytest.mark.parametrize("title", [
    '=HYPERLINK("https://kwaad.example/","Klik hier")',
    "+31 20 123 4567 bellen",
    "-1+1 voorleestent",
    "@SUM(1+1) voorleestent",
    "\tVoorleestent met een tab",
])
def test_a_formula_in_a_csv_cell_is_neutralised(catalog_with, title: str) -> None:
    files = _export(catalog_with(title=title))

    assert _csv_rows(files)[0]["title"] == "'" + title
    assert _json(files, "api/praktijken.json")["practices"][0]["title"] == title, "only the CSV is changed"


def test_an_organisation_without_a_role_has_none_in_the_json_and_the_csv(catalog_with) -> None:
    organisations = [{"name": "Bibliotheek Voorbeeldstad", "type": "bibliotheek", "role": "initiatiefnemer"},
                     {"name": "Welzijn Voorbeeldstad", "type": "welzijn"}]
    files = _export(catalog_with(organisations=organisations))

    assert _json(files, "api/praktijken.json")["practices"][0]["organisations"] == organisations, "role left out"
    assert _csv_rows(files)[0]["organisations"] == (
        "Bibliotheek Voorbeeldstad (bibliotheek, initiatiefnemer); Welzijn Voorbeeldstad (welzijn)")
    roles = {value["id"]: value["count"] for value in _json(files, "api/vocabularies.json")["organisation_roles"]["values"]}
    assert roles == {"initiatiefnemer": 1, "partner": 0}


# Vocabularies


def test_vocabularies_list_every_value_with_its_count_and_page(catalog: Catalog, files) -> None:
    export = _json(files, "api/vocabularies.json")

    assert list(export) == list(catalog.vocabularies)
    for facet in FACETS:
        vocabulary = catalog.vocabularies[facet]
        assert export[facet]["title"] == vocabulary.title
        assert [value["id"] for value in export[facet]["values"]] == vocabulary.ids
        for value in export[facet]["values"]:
            assert value["label"] == vocabulary.label(value["id"])
            assert value["count"] == len(catalog.practices_with(facet, value["id"]))
            assert value["url"] == absolute(facet_url(facet, value["id"]), SITE_URL)
    assert sum(value["count"] for value in export["statuses"]["values"]) == len(catalog.practices)


def test_roles_are_counted_per_practice_and_have_no_page(catalog: Catalog, files) -> None:
    for value in _json(files, "api/vocabularies.json")["organisation_roles"]["values"]:
        with_role = [practice for practice in catalog.practices.values()
                     if any(organisation.role == value["id"] for organisation in practice.organisations)]
        assert value["count"] == len(with_role)
        assert "url" not in value


# Feed


def test_the_feed_is_atom_with_every_required_element(catalog: Catalog, files) -> None:
    feed = _feed(files)

    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == "Praktijkbank Sociaal Domein — nieuwe praktijken"
    assert feed.findtext(f"{ATOM}id") == f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'praktijkbank:feed')}"
    assert TIMESTAMP.match(feed.findtext(f"{ATOM}updated"))
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == SITE_URL + "feed.xml"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(catalog.practices)
    for entry in entries:
        practice_id = entry.find(f"{ATOM}link[@rel='alternate']").get("href").split("/")[-2]
        practice = catalog.practices[practice_id]
        assert entry.findtext(f"{ATOM}id") == \
            f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'praktijkbank:praktijk:{practice_id}')}"
        assert entry.findtext(f"{ATOM}title") == practice.title
        assert entry.findtext(f"{ATOM}updated") == f"{practice.added}T00:00:00Z"
        assert entry.findtext(f"{ATOM}summary") == practice.summary
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == practice.organisations[0].name
        assert [category.get("term") for category in entry.findall(f"{ATOM}category")] == list(practice.themes)


def test_the_feed_shows_the_newest_practices_first_and_is_dated_by_them(catalog: Catalog) -> None:
    template = next(iter(catalog.practices.values()))
    practices = {
        f"praktijk-{number:02}": dataclasses.replace(template, id=f"praktijk-{number:02}",
                                                    added=f"2026-{number % 12 + 1:02}-01")
        for number in range(FEED_SIZE + 10)
    }
    feed = _feed(_export(Catalog(practices, {}, catalog.vocabularies)))

    shown = [entry.find(f"{ATOM}link").get("href").split("/")[-2] for entry in feed.findall(f"{ATOM}entry")]
    newest_first = sorted(practices.values(), key=lambda practice: (-int(practice.added[5:7]), practice.id))
    assert shown == [practice.id for practice in newest_first[:FEED_SIZE]]
    assert feed.findtext(f"{ATOM}updated") == "2026-12-01T00:00:00Z"


def test_hostile_text_stays_text_in_the_feed(catalog_with) -> None:
    title = "<script>alert(1)</script> & co"
    feed = _feed(_export(catalog_with(title=title)))

    assert feed.findtext(f"{ATOM}entry/{ATOM}title") == title
    assert [element for element in feed.iter() if element.tag.endswith("script")] == []


def test_without_a_site_address_links_are_root_relative(catalog: Catalog) -> None:
    files = _export(catalog, site_url=None)

    practice = _json(files, "api/praktijken.json")["practices"][0]
    assert practice["url"] == f"/praktijken/{practice['id']}/"
    assert _feed(files).find(f"{ATOM}link[@rel='self']").get("href") == "/feed.xml"


# Determinism


def test_two_builds_give_identical_bytes(files) -> None:
    again = _export(build_catalog(validate_repository(REPOSITORY)))

    assert again == files
    assert all(content.endswith(b"\n") for content in files.values())


def test_the_csv_gives_the_period_where_the_practice_has_one(catalog_with) -> None:
    files = _export(catalog_with(period={"start": 2021, "end": 2023}))

    row = _csv_rows(files)[0]
    assert (row["period_start"], row["period_end"]) == ("2021", "2023")

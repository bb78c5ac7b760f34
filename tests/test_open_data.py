"""Open data others can build on, checked with the tools re-users use: every JSON file of the built site names
its JSON Schema and is valid against it (jsonschema, with formats), withdrawn practices too; the data package
passes `frictionless validate`; the DCAT-AP-DONL record reads as RDF with every property the register asks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from jsonschema import Draft202012Validator

from helpers import VALID_PRACTICE
from praktijkbank.load.repository import Repository
from praktijkbank.publish.data_package import DATA_PACKAGE, PROFILE
from praktijkbank.publish.data_schemas import DATA_FILES, DRAFT, schema_for
from praktijkbank.publish.dcat import DATASET_FILE, DISTRIBUTIONS
from praktijkbank.publish.site import build_site

BIN = Path(sys.executable).parent
# A file of the repository, not of the build: the editor's fields, read by the editor alone (data_schemas.py).
EDITOR_FIELDS = "javascripts/aanmelden/velden.json"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"


def _validator(site: Path, data: dict) -> Draft202012Validator:
    """The validator of the schema a file names: its address, read from the site itself (offline)."""
    schema = json.loads((site / urlsplit(data["$schema"]).path.lstrip("/")).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _errors(site: Path, path: Path) -> list[str]:
    """What is wrong with a file against the schema it names; a schema itself against the draft's metaschema."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data["$schema"] == DRAFT:
        return [f"{path.relative_to(site)}: {error.message}"
                for error in Draft202012Validator(Draft202012Validator.META_SCHEMA).iter_errors(data)]
    return [f"{path.relative_to(site)} {list(error.absolute_path)}: {error.message}"
            for error in _validator(site, data).iter_errors(data)]


def test_every_json_file_of_the_site_names_its_schema_and_is_valid_against_it(built_site: Path) -> None:
    names = {}
    for path in sorted(built_site.rglob("*.json")):
        relative = path.relative_to(built_site).as_posix()
        if relative == EDITOR_FIELDS:
            continue
        names[relative] = json.loads(path.read_text(encoding="utf-8")).get("$schema")
        if relative != DATA_PACKAGE:
            assert _errors(built_site, path) == []
    assert names[DATA_PACKAGE] == PROFILE
    assert all(names[path] for path in names), "every file names a schema"
    assert {schema_for(path) for path in names} >= {kind.schema for kind in DATA_FILES}
    assert sum(name == DRAFT for name in names.values()) == len(DATA_FILES), "the schemas themselves"


def test_check_jsonschema_validates_the_practices_against_the_published_schema(built_site: Path) -> None:
    """As a re-user does, with check-jsonschema and the schema file the site publishes."""
    result = subprocess.run([BIN / "check-jsonschema", "--schemafile", built_site / "api/schema/praktijken.json",
                             built_site / "api/praktijken.json"], capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stdout + result.stderr


def test_a_withdrawn_practice_with_a_period_is_valid_against_the_schema(tmp_path: Path) -> None:
    repository = _repository_with(tmp_path, withdrawn={"date": "2026-11-30", "reason": "De organisatie vroeg erom."},
                                  period={"start": 2021, "end": 2023})
    site = tmp_path / "site"
    for output in build_site(Repository(repository)).files:
        if output.path.endswith(".json"):
            (site / output.path).parent.mkdir(parents=True, exist_ok=True)
            (site / output.path).write_bytes(output.content)

    record = json.loads((site / f"api/praktijken/{VALID_PRACTICE.stem}.json").read_text(encoding="utf-8"))
    assert record["practice"]["withdrawn"]["reason"]
    for name in ("api/praktijken.json", f"api/praktijken/{VALID_PRACTICE.stem}.json"):
        assert _errors(site, site / name) == []


def test_the_schema_describes_the_derived_fields_in_dutch(built_site: Path) -> None:
    schema = json.loads((built_site / "api/schema/praktijk.json").read_text(encoding="utf-8"))
    record = schema["$defs"]["praktijk"]["properties"]

    assert schema["$id"].endswith("api/schema/praktijk.json") and schema["version"]
    for field in ("id", "url", "place_text"):
        assert record[field]["description"]
    assert record["place"]["properties"]["municipality_codes"]["description"]


def test_frictionless_validates_the_data_package(built_site: Path, tmp_path: Path) -> None:
    """Offline, on a copy of the built api folder, as a data tool reads it."""
    folder = shutil.copytree(built_site / "api", tmp_path / "api")

    result = subprocess.run([BIN / "frictionless", "validate", "--json", "datapackage.json"], cwd=folder,
                            capture_output=True, text=True, timeout=300)

    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["valid"], result.stdout[-3000:]
    assert {task["name"] for task in report["tasks"]} >= {"praktijken", "praktijken-json", "vocabularies"}


def test_the_data_package_describes_the_csv_lists_and_required_columns(built_site: Path) -> None:
    package = json.loads((built_site / DATA_PACKAGE).read_text(encoding="utf-8"))
    table = next(resource for resource in package["resources"] if resource["name"] == "praktijken")
    fields = {field["name"]: field for field in table["schema"]["fields"]}
    header = (built_site / "api/praktijken.csv").read_bytes().decode("utf-8").split("\r\n", 1)[0].split(",")

    assert list(fields) == header
    assert fields["themes"]["type"] == "list" and fields["themes"]["delimiter"] == "; "
    assert fields["title"]["constraints"]["required"] is True
    assert fields["period_start"]["type"] == "integer"
    assert table["dialect"]["lineTerminator"] == "\r\n"


def test_the_dcat_record_reads_as_rdf_with_what_the_register_requires(built_site: Path) -> None:
    from rdflib import Graph, Literal, Namespace, URIRef
    from rdflib.namespace import RDF

    dcat, dct = Namespace(DCAT), Namespace(DCT)
    graph = Graph().parse(built_site / DATASET_FILE, format="json-ld")
    dataset = graph.value(predicate=RDF.type, object=dcat.Dataset)

    assert dataset is not None
    for required in (dct.identifier, dct.title, dct.description, dct.publisher, dct.license, dcat.theme,
                     dct.language, dct.modified, dcat.contactPoint):
        assert graph.value(dataset, required) is not None, required
    assert graph.value(dataset, dct.language) == URIRef("http://publications.europa.eu/resource/authority/language/NLD")
    assert graph.value(dataset, dct.title).language == "nl"
    assert isinstance(graph.value(dataset, dct.modified), Literal)
    distributions = list(graph.objects(dataset, dcat.distribution))
    assert len(distributions) == len(DISTRIBUTIONS)
    for distribution in distributions:
        access = graph.value(distribution, dcat.accessURL)
        assert access is not None and graph.value(distribution, dct["format"]) is not None
        assert (built_site / urlsplit(str(access)).path.lstrip("/")).is_file(), access


def _repository_with(tmp_path: Path, **changes: object) -> Path:
    """A repository with only the valid fixture practice, with `changes`."""
    from sites import copy_site_repository

    repository = copy_site_repository(tmp_path / "repo")
    for path in (repository / "practices").glob("*.yml"):
        path.unlink()
    for path in (repository / "collections").glob("*.yml"):
        path.unlink()
    data = yaml.safe_load(VALID_PRACTICE.read_text(encoding="utf-8")) | changes
    (repository / "practices" / VALID_PRACTICE.name).write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return repository

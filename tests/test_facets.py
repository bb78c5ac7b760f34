"""The facets are declared once (common/facets.py) and that declaration drives every place that lists them:
the catalog's index, the overview pages, the search page's filters, the exports and the contributor questions.
A facet added to the declaration shows up in all of them, or one of these tests names the place it is missing."""

from __future__ import annotations

from operator import attrgetter

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import PROJECT_ROOT, VALID_PRACTICE
from praktijkbank.common import urls
from praktijkbank.common.facets import FACETS
from praktijkbank.contribute.questions import QUESTIONS
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import Catalog, build_catalog, facet_values, practice_from_data
from praktijkbank.publish.exports import CSV_COLUMNS
from praktijkbank.render.maps import read_base_map
from praktijkbank.render.pages import PageRenderer
from praktijkbank.validate.checker import validate_repository

REPOSITORY = Repository(PROJECT_ROOT)
CATALOG: Catalog = build_catalog(validate_repository(REPOSITORY))
NAMES = list(FACETS)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {page.src_uri: page.content for page in PageRenderer(CATALOG, None, read_base_map(REPOSITORY.geo_dir)).pages()}


def test_folders_and_search_parameters_are_unique() -> None:
    for part in ("folder", "parameter", "title", "key"):
        values = [getattr(facet, part) for facet in FACETS.values()]
        assert len(set(values)) == len(values), part


@pytest.mark.parametrize("name", NAMES)
def test_each_facet_is_a_vocabulary(name: str) -> None:
    assert CATALOG.vocabularies[name].terms


@pytest.mark.parametrize("name", NAMES)
def test_each_facet_reads_the_practice_field_it_names(name: str) -> None:
    data = yaml.safe_load(VALID_PRACTICE.read_text(encoding="utf-8"))
    practice = practice_from_data(VALID_PRACTICE.stem, data, CATALOG.municipalities)
    expected = attrgetter(FACETS[name].attribute)(practice)

    assert facet_values(practice, name) == (expected if isinstance(expected, tuple) else (expected,))
    assert set(facet_values(practice, name)) <= set(CATALOG.vocabularies[name].ids)


@pytest.mark.parametrize("name", NAMES)
def test_the_catalog_indexes_each_facet(name: str) -> None:
    for practice in CATALOG.practices.values():
        for value in facet_values(practice, name):
            assert practice in CATALOG.practices_with(name, value)


@pytest.mark.parametrize("name", NAMES)
def test_each_facet_has_an_overview_and_a_page_per_value_in_its_folder(name: str, pages: dict[str, str]) -> None:
    folder = FACETS[name].folder
    assert urls.facet_url(name) == f"{folder}/"
    assert urls.source_path(f"{folder}/") in pages
    for term in CATALOG.vocabularies[name].terms:
        assert urls.source_path(f"{folder}/{term.id}/") in pages
        assert f"{FACETS[name].title}: {term.label}" in pages[urls.source_path(f"{folder}/{term.id}/")]


@pytest.mark.parametrize("name", NAMES)
def test_the_search_page_filters_on_each_facet_by_its_parameter(name: str, pages: dict[str, str]) -> None:
    search = BeautifulSoup(pages[urls.source_path(urls.SEARCH)], "html.parser")
    fieldset = search.select_one(f"fieldset[data-filter='{FACETS[name].parameter}']")

    assert fieldset.legend.get_text(strip=True) == FACETS[name].title
    assert urls.search_url(name, "x") == f"{urls.SEARCH}?{FACETS[name].parameter}=x"


@pytest.mark.parametrize("name", NAMES)
def test_each_facet_is_a_column_of_the_csv_export(name: str) -> None:
    assert FACETS[name].key in CSV_COLUMNS


@pytest.mark.parametrize("name", [name for name in NAMES if name != "organisation_types"])
def test_contributors_are_asked_each_facet_they_fill_in_directly(name: str) -> None:
    """Partner types come from the organisations a contributor lists, not from a question of their own."""
    asked = {question.key: question.field for question in QUESTIONS}
    assert asked[FACETS[name].key] == FACETS[name].attribute

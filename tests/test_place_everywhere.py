"""One place text everywhere: the open data carries the place as the pages write it (render/text.py), so the
comparison needs no rule of its own; and the search's municipality filter finds a practice by each of its
names: municipality, locality and region.

Practices with localities or a region are taken from the data, never by title.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import PROJECT_ROOT
from praktijkbank.common.urls import MUNICIPALITY_PARAMETER, practice_url
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import Catalog, Place, build_catalog
from praktijkbank.publish.exports import export_files
from praktijkbank.publish.search_documents import search_filters
from praktijkbank.render.text import place_text
from praktijkbank.validate.checker import validate_repository

CATALOG: Catalog = build_catalog(validate_repository(Repository(PROJECT_ROOT)))


def test_a_place_is_found_by_its_municipalities_localities_and_region_each_once() -> None:
    place = Place(provinces=("noord-holland",), municipalities=("Hoorn", "Amsterdam"), localities=("Weesp", "Hoorn"),
                  region="West-Friesland")

    assert place.names == ("Hoorn", "Amsterdam", "Weesp", "West-Friesland")


def test_the_open_data_carries_the_place_text_of_the_pages() -> None:
    data = next(json.loads(file.content) for file in export_files(CATALOG, None) if file.path == "api/praktijken.json")

    assert {record["id"]: record["place_text"] for record in data["practices"]} == {
        practice.id: place_text(practice.place, CATALOG.vocabularies) for practice in CATALOG.practices.values()}


@pytest.mark.parametrize("kind", ["localities", "region"])
def test_the_municipality_filter_finds_a_practice_by_its_locality_and_its_region(kind: str) -> None:
    practices = [practice for practice in CATALOG.practices.values() if getattr(practice.place, kind)]
    assert practices, f"the data has a practice with {kind}"
    for practice in practices:
        names = getattr(practice.place, kind)
        for name in (names,) if isinstance(names, str) else names:
            assert (MUNICIPALITY_PARAMETER, name) in search_filters(practice)
            assert practice.id in CATALOG.by_value["municipalities"][name]


def test_the_practice_page_writes_the_place_of_the_open_data(built_site: Path) -> None:
    """The page's Plaats and Provincie rows together read as the open data's place_text, which the comparison
    shows; each province is a link of its own there, read one after the other."""
    data = json.loads((built_site / "api" / "praktijken.json").read_text(encoding="utf-8"))
    for record in data["practices"]:
        page = BeautifulSoup((built_site / practice_url(record["id"]) / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        rows = {row.dt.get_text(strip=True): ", ".join(" ".join(item.get_text(" ", strip=True).split())
                                                       for item in row.dd.select("a") or [row.dd])
                for row in page.select(".pb-facts__row")}
        written = ", ".join(part for part in (rows.get("Plaats"), rows["Provincie"]) if part)
        assert written.replace(" ,", ",") == record["place_text"], record["id"]

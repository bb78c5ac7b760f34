"""The catalog: frozen, typed practices with indexes by vocabulary value."""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup

from helpers import VALID_COLLECTION, VALID_PRACTICE
from praktijkbank.model.catalog import build_catalog
from praktijkbank.render.maps import read_base_map
from praktijkbank.render.pages import PageRenderer
from praktijkbank.load.repository import Repository
from praktijkbank.validate.checker import validate_repository


def test_a_clean_repository_becomes_a_catalog(make_repository) -> None:
    root = make_repository(practices=[VALID_PRACTICE], collections=[VALID_COLLECTION])

    catalog = build_catalog(validate_repository(Repository(root)))

    practice = catalog.practices["voorbeeldstad-voorleestent"]
    assert practice.organisations[0].name == "Bibliotheek Voorbeeldstad"
    assert practice.organisation_types == ("bibliotheek", "welzijn")
    assert practice.place.provinces == ("overijssel",)
    assert practice.aliases == ("voorbeeldstad-zomertent",)
    assert catalog.collections["voorbeeldstad-collectie"].items[0].practice == practice.id
    assert catalog.practices_with("themes", "laaggeletterdheid") == [practice]
    assert catalog.practices_with("organisation_types", "welzijn") == [practice]
    assert catalog.practices_with("themes", "mantelzorg") == []
    with pytest.raises(dataclasses.FrozenInstanceError):
        practice.title = "Anders"  # type: ignore[misc]


def test_a_report_with_problems_never_becomes_a_catalog(make_repository) -> None:
    root = make_repository()
    (root / "practices" / "kapot.yml").write_text("title: [\n")

    with pytest.raises(ValueError):
        build_catalog(validate_repository(Repository(root)))


def test_an_organisation_without_a_role_validates_and_its_page_names_no_role(make_repository, tmp_path) -> None:
    text = VALID_PRACTICE.read_text(encoding="utf-8")
    assert text.count("    role: partner\n") == 1
    practice_file = tmp_path / VALID_PRACTICE.name
    practice_file.write_text(text.replace("    role: partner\n", ""), encoding="utf-8")

    repository = Repository(make_repository(practices=[practice_file]))
    report = validate_repository(repository)
    assert report.problems == []
    practice = build_catalog(report).practices["voorbeeldstad-voorleestent"]
    assert [organisation.role for organisation in practice.organisations] == ["initiatiefnemer", None]

    page = PageRenderer(build_catalog(report), None, read_base_map(repository.geo_dir)).practice_page(practice).content
    items = BeautifulSoup(page, "html.parser").select(".pb-organisations li")
    assert [item.select_one(".pb-role") is None for item in items] == [False, True]
    assert items[0].select_one(".pb-role").get_text() == "initiatiefnemer"
    assert "partner" not in items[1].get_text() and "None" not in items[1].get_text()

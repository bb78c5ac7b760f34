"""The catalog: frozen, typed practices with indexes by vocabulary value."""

from __future__ import annotations

import dataclasses

import pytest

from helpers import VALID_COLLECTION, VALID_PRACTICE
from praktijkbank.model.catalog import build_catalog
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

"""The comparison page as the build writes it: without JavaScript it says what it needs and where else to go;
the pages that show practices carry the place the "Vergelijk" button goes in."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from helpers import PROJECT_ROOT
from praktijkbank.common.facets import FACETS
from praktijkbank.common.urls import COMPARE, MAP, PRACTICES, facet_url, practice_url
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import build_catalog
from praktijkbank.validate.checker import validate_repository

CATALOG = build_catalog(validate_repository(Repository(PROJECT_ROOT)))


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_without_javascript_the_comparison_says_so_and_links_to_the_overviews(built_site: Path) -> None:
    fallback = page(built_site, COMPARE).select_one(".pb-compare__fallback")
    links = {link["href"] for link in fallback.select("a")}

    assert "JavaScript" in fallback.get_text() and not fallback.has_attr("hidden")
    assert links == {f"../{PRACTICES}/", *(f"../{facet_url(facet)}" for facet in FACETS), f"../{MAP}"}


def test_the_comparison_is_in_the_list_of_published_addresses() -> None:
    published = (PROJECT_ROOT / "published-urls.txt").read_text(encoding="utf-8").split()
    assert COMPARE in published or f"/{COMPARE}" in published


def test_every_card_and_practice_page_has_a_place_for_its_buttons(built_site: Path) -> None:
    practice = sorted(CATALOG.practices)[0]
    overview = page(built_site, facet_url("themes", CATALOG.practices[practice].themes[0]))

    assert overview.select_one(f".pb-card .pb-card__actions[data-practice='{practice}']") is not None
    assert page(built_site, practice_url(practice)).select_one(f".pb-practice__actions[data-practice='{practice}']")

"""The same thing looks the same: the menu names a page as the page names itself, the home page is in the menu
once, the overview links read as Dutch, a province's introduction says something useful, a practice's review
date reads as checked ("nagekeken"), not as viewed ("bekeken"), and the per-practice buttons stand in one order everywhere, the A–Z list too.

Built pages come from the shared `built_site`; expected values from mkdocs.yml, the facet declaration and the data.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import PROJECT_ROOT
from praktijkbank.common.facets import FACETS
from praktijkbank.common.urls import PRACTICES, facet_url, practice_url
from praktijkbank.load.docs_files import source_url
from praktijkbank.load.repository import Repository
from praktijkbank.load.site_config import read_site_config
from praktijkbank.model.catalog import build_catalog
from praktijkbank.validate.checker import validate_repository

CATALOG = build_catalog(validate_repository(Repository(PROJECT_ROOT)))
NAV = read_site_config(PROJECT_ROOT / "mkdocs.yml").nav
BUTTONS = ".pb-keep, .pb-compare-toggle"


def built_page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("source", [source for source, title in NAV.items() if title])
def test_the_menu_names_each_page_as_the_page_names_itself(built_site: Path, source: str) -> None:
    title = built_page(built_site, source_url(source, True) or "").title.get_text().rsplit(" - ", 1)[0]
    assert re.sub(r"\s*\(.*\)$", "", NAV[source]) == title


def test_the_home_page_is_in_the_menu_once(built_site: Path) -> None:
    menu = built_page(built_site, "over/").select_one("nav.md-nav--primary")
    assert [link["href"] for link in menu.select("a[href]")].count("..") == 1


@pytest.mark.parametrize("facet", list(FACETS))
def test_a_value_page_leads_back_to_all_values_in_plain_dutch(built_site: Path, facet: str) -> None:
    term = CATALOG.vocabularies[facet].terms[0]
    back = built_page(built_site, facet_url(facet, term.id)).select_one(f".pb-count a[href='../']")
    assert back.get_text() == FACETS[facet].all_values and back.get_text() != "Alle status"


def test_a_province_page_names_its_municipalities_with_practices_not_its_own_name(built_site: Path) -> None:
    for term in CATALOG.vocabularies["provinces"].terms:
        intro = built_page(built_site, facet_url("provinces", term.id)).select_one("article .pb-intro")
        municipalities = {name for practice in CATALOG.practices_with("provinces", term.id)
                          for name in practice.place.municipalities
                          if CATALOG.municipalities.current[name].province == term.id}
        if municipalities:
            assert {link.get_text() for link in intro.select("a")} == municipalities
        else:
            assert intro is None, "no introduction rather than one that repeats the name"


def test_a_practice_page_says_when_it_was_last_checked(built_site: Path) -> None:
    practice = sorted(CATALOG.practices)[0]
    reviewed = built_page(built_site, practice_url(practice)).select_one(".pb-reviewed").get_text()
    assert "nagekeken" in reviewed.lower() and "bekeken" not in reviewed.replace("nagekeken", "").replace("Nagekeken", "")


@pytest.mark.browser
@pytest.mark.parametrize("url", [f"{PRACTICES}/", facet_url("themes", CATALOG.vocabularies["themes"].terms[0].id),
                                 "zoeken/?q=bibliotheek"])
def test_every_practice_has_bewaar_then_vergelijk_the_a_to_z_list_too(page, base_url: str, url: str) -> None:
    page.goto(base_url + url)
    page.wait_for_selector(BUTTONS)
    boxes = page.locator(".pb-card__actions[data-practice], .pb-practice__actions[data-practice]")
    page.wait_for_function("() => [...document.querySelectorAll('.pb-card__actions[data-practice]')]"
                                   ".every((box) => box.children.length === 2)")
    orders = boxes.evaluate_all("boxes => boxes.map(box => [...box.children].map(button => button.className))")
    assert orders and all(len(order) == 2 and "pb-keep" in order[0] and "pb-compare-toggle" in order[1] for order in orders)
    names = boxes.first.locator("button").evaluate_all("buttons => buttons.map(button => button.textContent)")
    assert names[0].startswith("Bewaar in mijn selectie") and names[1].startswith("Vergelijk")
    assert page.problems == []

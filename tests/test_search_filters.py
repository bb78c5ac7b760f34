"""The chosen filters of the search page are visible where the results are, on a phone too: each stands above
the results as a removable button ("Noord-Holland ×"), the status text names them ("3 praktijken in
Noord-Holland"), and with nothing found and no filter on the page does not say to turn filters off: it offers
the overviews. Names and counts come from the data."""

from __future__ import annotations

import pytest

from real_data import CATALOG
from test_search_browser import IDLE, found

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
CHIPS = ".pb-search__chips .pb-search__chip"


def busiest(facet: str):
    """The vocabulary value with the most practices, and its label."""
    term = max(CATALOG.vocabularies[facet].terms, key=lambda term: len(CATALOG.practices_with(facet, term.id)))
    return term, len(CATALOG.practices_with(facet, term.id))


def test_a_chosen_filter_stands_above_the_results_and_in_the_status(browser, base_url: str) -> None:
    province, count = busiest("provinces")
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(base_url + f"zoeken/?provincie={province.id}")
    tab.wait_for_selector(IDLE, state="attached")

    assert tab.locator(CHIPS).all_inner_texts() == [f"{province.label} ×"]
    assert tab.locator(CHIPS).get_attribute("aria-label") == f"Filter {province.label} weghalen"
    status = tab.locator(".pb-search__status").inner_text()
    assert status.startswith(f"{count} {'praktijk' if count == 1 else 'praktijken'}") and f"in {province.label}" in status
    chip_top = tab.locator(CHIPS).bounding_box()["y"]
    assert chip_top < tab.locator(".pb-search__practices .pb-result").first.bounding_box()["y"]
    assert chip_top < PHONE["height"], "on a phone the chosen filter is in view with the count"
    context.close()


def test_removing_a_chip_removes_the_filter_from_the_results_and_the_url(page, base_url: str) -> None:
    province, _ = busiest("provinces")
    theme, _ = busiest("themes")
    page.goto(base_url + f"zoeken/?thema={theme.id}&provincie={province.id}")
    page.wait_for_selector(IDLE, state="attached")
    assert page.locator(CHIPS).all_inner_texts() == [f"{theme.label} ×", f"{province.label} ×"]

    page.get_by_role("button", name=f"Filter {province.label} weghalen").click()
    page.wait_for_function("() => !location.search.includes('provincie')")
    page.wait_for_selector(IDLE, state="attached")

    assert page.locator(CHIPS).all_inner_texts() == [f"{theme.label} ×"]
    assert not page.locator(f"#pb-filter-provincie-{province.id}").is_checked()
    assert set(found(page)) == {practice.id for practice in CATALOG.practices_with("themes", theme.id)}
    assert province.label not in page.locator(".pb-search__status").inner_text()
    assert page.problems == []


def test_nothing_found_without_filters_offers_the_overviews_not_to_turn_filters_off(page, base_url: str) -> None:
    page.goto(base_url + "zoeken/?q=qqxqqxqq")
    page.wait_for_selector(IDLE, state="attached")

    assert "filter" not in page.locator(".pb-search__status").inner_text()
    assert page.locator(".pb-search__overviews").is_visible()
    assert page.locator(".pb-search__overviews a").count() >= 3
    assert page.locator(".pb-search__active").is_hidden()


def test_nothing_found_with_a_filter_says_to_turn_one_off(page, base_url: str) -> None:
    province, _ = busiest("provinces")
    page.goto(base_url + f"zoeken/?q=qqxqqxqq&provincie={province.id}")
    page.wait_for_selector(IDLE, state="attached")

    assert "zet filters uit" in page.locator(".pb-search__status").inner_text()
    assert page.locator(".pb-search__overviews").is_hidden()

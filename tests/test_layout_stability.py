"""Nothing jumps when the search results, the comparison table or the selection arrive: the page the browser
first paints, from the HTML and the style sheets alone, already has the script's first state and keeps room for the
results, so what stands above them stays where it is (Lighthouse's layout shift, CLS, counts such jumps).

Measured in headless Chromium by element positions, not by time: the page's script is held back until the
first state is measured, then let through, and the same elements are measured again once the results are
there.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest

from praktijkbank.common.urls import COMPARE, SEARCH, SELECTION
from real_data import CATALOG

pytestmark = pytest.mark.browser

# The phone of the tests, Lighthouse's phone and a laptop.
WIDTHS = (320, 412, 1280)
PRACTICES = sorted(CATALOG.practices)
# A word from a practice's title, so the search has results whatever the data.
WORD = max(CATALOG.practices[PRACTICES[0]].title.split(), key=len).strip(".,:;!?'\"()")
STYLE_SHEETS_READY = "[...document.querySelectorAll('link[rel=stylesheet]')].every((link) => link.sheet)"
# Where the page's parts stand, from the top of the document.
POSITIONS = """(selectors) => Object.fromEntries(selectors.map((selector) => {
  const box = document.querySelector(selector).getBoundingClientRect();
  return [selector, {top: Math.round(box.top + scrollY), left: Math.round(box.left), width: Math.round(box.width)}];
}))"""


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width} px")
def tab(browser, request) -> Iterator[object]:
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def first_state_and_final(tab, url: str, script: str, parts: list[str], done: str) -> tuple[dict, dict]:
    """The positions of `parts` as first painted, with `script` held back, and once `done` holds."""
    held = []
    tab.route(f"**/javascripts/{script}", lambda route: held.append(route))
    tab.goto(url, wait_until="commit")
    tab.wait_for_function(f"document.readyState !== 'loading' && {STYLE_SHEETS_READY}")
    tab.wait_for_timeout(0)
    assert held, f"{script} was not requested"
    first = tab.evaluate(POSITIONS, parts)
    held[0].continue_()
    tab.wait_for_function(done)
    return first, tab.evaluate(POSITIONS, parts)


def test_the_search_results_arrive_without_moving_what_stands_above_them(tab, base_url: str) -> None:
    first, final = first_state_and_final(
        tab, f"{base_url}{SEARCH}?q={quote(WORD)}", "zoeken/zoeken.js",
        [".pb-search__query", ".pb-search__status", ".pb-search__output"],
        "document.querySelector('.pb-search__output[aria-busy=false] .pb-results li')")

    assert final == first


def test_the_comparison_table_arrives_without_moving_what_stands_above_it(tab, base_url: str) -> None:
    first, final = first_state_and_final(
        tab, f"{base_url}{COMPARE}?p={','.join(PRACTICES[:3])}", "vergelijk/vergelijk.js",
        [".pb-compare__status", ".pb-compare__output"],
        "document.querySelector('.pb-compare__output[aria-busy=false] .pb-compare__table')")

    assert final == first


@pytest.mark.parametrize("shared", [False, True], ids=["own selection", "shared selection"])
def test_the_selection_arrives_without_moving_what_stands_above_it_or_pulling_the_footer_into_view(
        tab, base_url: str, shared: bool) -> None:
    query = "?" + "&".join(f"p={practice_id}" for practice_id in PRACTICES[:3]) if shared else ""
    first, final = first_state_and_final(
        tab, f"{base_url}{SELECTION}{query}", "selectie/selectie.js",
        [".pb-selection", ".pb-selection__status", ".md-footer"],
        "document.querySelector('.pb-selection__app:not([aria-busy]):not([hidden])')")
    height = tab.viewport_size["height"]

    assert final[".pb-selection"]["top"] == first[".pb-selection"]["top"]
    assert final[".pb-selection__status"] == first[".pb-selection__status"]
    assert first[".md-footer"]["top"] >= height and final[".md-footer"]["top"] >= height

"""In the browser, on the site with a git history of its own (history_site.py): the withdrawn page, the
changes page and a practice's change page pass axe in every mode, and a selection, its presentation and the
comparison that hold a withdrawn practice show it as withdrawn instead of dropping it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from checkers import MODES, WCAG_21_AA, axe_violations, checking_context, describe
from helpers import serve
from history_site import REASON
from praktijkbank.common.urls import CHANGES, practice_changes_url, practice_url

pytestmark = pytest.mark.browser

WITHDRAWN_NOTE = ".pb-withdrawn-note"


@pytest.fixture(scope="module")
def history_url(history_site) -> Iterator[str]:
    with serve(history_site[1]) as url:
        yield url


@pytest.fixture
def tab(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    yield page
    context.close()


@pytest.fixture(scope="module", params=list(MODES))
def mode_tab(request: pytest.FixtureRequest, browser) -> Iterator[object]:
    """One tab per browser mode with the checkers loaded, for every page below."""
    context = checking_context(browser, **MODES[request.param])
    page = context.new_page()
    page.mode = request.param
    yield page
    context.close()


@pytest.mark.parametrize("which", ["withdrawn practice", "changes", "change page"])
def test_axe_finds_no_wcag_21_aa_violations(mode_tab, history_site, history_url: str, which: str) -> None:
    site, _ = history_site
    url = {"withdrawn practice": practice_url(site.withdrawn), "changes": CHANGES,
           "change page": practice_changes_url(site.edited)}[which]
    mode_tab.goto(history_url + url)

    violations = axe_violations(mode_tab, WCAG_21_AA)

    assert violations == [], f"{which} ({mode_tab.mode}):\n{describe(violations)}"


def test_a_shared_selection_and_its_presentation_show_a_withdrawn_practice_as_withdrawn(
        tab, history_site, history_url: str) -> None:
    site, _ = history_site
    selection = f"?t=Voorbeelden&p={site.edited}.{site.withdrawn}"

    tab.goto(history_url + "selectie/" + selection)
    tab.wait_for_selector(".pb-selection__list li")
    items = tab.locator(".pb-selection__list li")

    assert items.count() == 2
    assert items.nth(1).locator(".pb-collection__title").inner_text() == site.withdrawn_title
    assert items.nth(1).locator(WITHDRAWN_NOTE).inner_text() == f"Teruggetrokken op 15 december 2026. {REASON}"
    assert items.nth(0).locator(WITHDRAWN_NOTE).count() == 0

    tab.goto(history_url + "selectie/presentatie/" + selection)
    tab.wait_for_selector(f".pb-slide {WITHDRAWN_NOTE}", state="attached")
    assert tab.locator(f".pb-slide {WITHDRAWN_NOTE}").count() == 1
    assert tab.problems == []


def test_the_comparison_shows_a_withdrawn_practice_as_withdrawn(tab, history_site, history_url: str) -> None:
    site, _ = history_site

    tab.goto(history_url + f"vergelijk/?p={site.edited},{site.withdrawn}")
    tab.wait_for_selector(".pb-compare__output[aria-busy='false']", state="attached")
    headers = tab.locator(".pb-compare__table thead th:has(.pb-compare__title)")

    assert headers.count() == 2
    assert headers.nth(1).locator(WITHDRAWN_NOTE).inner_text().startswith("Teruggetrokken op 15 december 2026.")
    assert headers.nth(0).locator(WITHDRAWN_NOTE).count() == 0
    assert tab.problems == []


def test_the_new_pages_do_not_scroll_sideways_on_a_phone(browser, history_site, history_url: str) -> None:
    site, _ = history_site
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for url in (practice_url(site.withdrawn), CHANGES, practice_url(site.edited), practice_changes_url(site.edited)):
        page.goto(history_url + url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{url} scrolls sideways at 320 px ({width} px)"
    context.close()


def test_pages_that_announce_a_feed_load_without_errors(tab, history_url: str) -> None:
    """The theme's script fetches sitemap.xml beside every `link[rel=alternate]`; the feeds must not make it
    fetch one that does not exist."""
    for url in ("", CHANGES, "themas/laaggeletterdheid/", "provincies/overijssel/"):
        tab.goto(history_url + url)
        tab.wait_for_load_state("networkidle")

    assert tab.problems == []

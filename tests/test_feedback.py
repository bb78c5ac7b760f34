"""Feedback where the person is looking: "Link kopiëren" confirms beside its button (the selection and the
comparison, which now has its own), a fifth "Vergelijk" says visibly why nothing happened, the compare bar
stays off the comparison page, and a presentation is left with Esc, says when there is no next slide, and
shows a selection's address as a QR code with a short link rather than lines of URL.

Practices and the collection come from the data (tests/real_data.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from praktijkbank.common.urls import COMPARE, SELECTION, collection_url, presentation_url
from real_data import A_COLLECTION, CATALOG

pytestmark = pytest.mark.browser

IDS = sorted(CATALOG.practices)
COMPARE_KEY = "praktijkbank-vergelijken"


@pytest.fixture
def tab(browser, base_url: str) -> Iterator[object]:
    """A page that may use the clipboard, as a visitor's browser lets a click do."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


def beside(tab, button: str, note: str) -> bool:
    """Whether the note is on the button's line and right of it, in view."""
    first, second = tab.locator(button).bounding_box(), tab.locator(note).bounding_box()
    return (abs((first["y"] + first["height"] / 2) - (second["y"] + second["height"] / 2)) < first["height"]
            and 0 <= second["x"] - (first["x"] + first["width"]) < 60 and second["y"] < 900 + tab.evaluate("scrollY"))


def test_copying_the_selection_link_confirms_beside_the_button(tab, base_url: str) -> None:
    tab.goto(base_url + SELECTION)
    tab.evaluate("""async (ids) => {
        const { writeSelection } = await import(new URL("../javascripts/selectie/selectie-opslag.js", location.href));
        writeSelection({ title: "Voor de netwerkdag", intro: "", items: ids.map((id) => ({ id, note: "" })) });
    }""", IDS[:2])
    tab.reload()
    tab.locator(".pb-selection__copy").click()

    expect(tab.locator(".pb-selection__copy + .pb-copy__note")).to_have_text("De link is gekopieerd.")
    assert beside(tab, ".pb-selection__copy", ".pb-selection__copy + .pb-copy__note")
    assert tab.evaluate("navigator.clipboard.readText()") == tab.locator(".pb-selection__link").input_value()


def test_the_comparison_has_its_own_copy_link_and_no_bar_over_it(tab, base_url: str) -> None:
    tab.goto(base_url)
    tab.evaluate("([key, ids]) => localStorage.setItem(key, JSON.stringify(ids))", [COMPARE_KEY, IDS[2:5]])
    tab.goto(base_url + f"{COMPARE}?p={IDS[0]},{IDS[1]}")
    tab.wait_for_selector(".pb-compare__output[aria-busy='false']", state="attached")

    assert tab.locator(".pb-compare-bar").is_hidden(), "another choice in the bar would contradict the page"
    tab.get_by_role("button", name="Link kopiëren").click()
    expect(tab.locator(".pb-compare__copy + .pb-copy__note")).to_have_text("De link is gekopieerd.")
    assert tab.evaluate("navigator.clipboard.readText()") == tab.url
    assert tab.problems == []


def test_a_fifth_vergelijk_says_visibly_why_nothing_happened(tab, base_url: str) -> None:
    tab.goto(base_url)
    tab.evaluate("([key, ids]) => localStorage.setItem(key, JSON.stringify(ids))", [COMPARE_KEY, IDS[:4]])
    tab.goto(base_url + "praktijken/")
    tab.locator(f'.pb-compare-toggle[data-practice="{IDS[4]}"]').click()

    hint = tab.locator(".pb-compare-bar__hint")
    assert hint.is_visible() and "tot 4 praktijken" in hint.inner_text()
    assert tab.locator(f'.pb-compare-toggle[data-practice="{IDS[4]}"]').get_attribute("aria-pressed") == "false"


def test_a_presentation_says_when_there_is_no_next_slide_and_esc_leaves_it(tab, base_url: str) -> None:
    tab.goto(base_url + presentation_url(A_COLLECTION.id))
    previous, following = tab.get_by_role("button", name="Vorige dia"), tab.get_by_role("button", name="Volgende dia")
    assert previous.get_attribute("aria-disabled") == "true" and following.get_attribute("aria-disabled") == "false"

    tab.keyboard.press("End")
    assert following.get_attribute("aria-disabled") == "true" and previous.get_attribute("aria-disabled") == "false"
    assert not following.is_enabled(), "assistive technology hears it as unavailable"
    tab.keyboard.press("ArrowRight")
    assert tab.locator(".pb-show__status").inner_text().startswith(f"Dia {len(A_COLLECTION.items) + 1} van")

    tab.keyboard.press("Escape")
    tab.wait_for_url(f"**/{collection_url(A_COLLECTION.id)}")


def test_a_selection_presentation_shows_a_qr_code_and_a_short_link_not_its_long_address(tab, base_url: str) -> None:
    tab.goto(base_url + SELECTION)
    tab.evaluate("""async (ids) => {
        const { writeSelection } = await import(new URL("../javascripts/selectie/selectie-opslag.js", location.href));
        writeSelection({ title: "Voor de netwerkdag", intro: "", items: ids.map((id) => ({ id, note: "" })) });
    }""", IDS[:4])
    tab.goto(base_url + "selectie/presentatie/")
    share = tab.locator(".pb-slide--title .pb-slide__share")
    share.locator("svg, img").first.wait_for()

    assert "http" not in share.inner_text() and len(share.inner_text()) < 80
    assert share.locator("a").get_attribute("href").startswith("http")

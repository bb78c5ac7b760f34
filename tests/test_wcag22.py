"""WCAG 2.2 at 360 px: targets of at least 24 by 24 px (2.5.8), measured as element boxes, on the map and the
chosen-filter chips; and neither the floating comparison bar nor the fixed header covers an element that has
the focus (2.4.11)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
SMALLEST = 24
BOXES = """(selector) => [...document.querySelectorAll(selector)].map((element) => {
  const box = element.getBoundingClientRect();
  return { name: element.getAttribute("aria-label") || element.textContent.trim(), width: box.width,
           height: box.height };
})"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    yield tab
    context.close()


def too_small(boxes: list[dict]) -> list[dict]:
    return [box for box in boxes if box["width"] < SMALLEST or box["height"] < SMALLEST]


def test_every_municipality_on_the_map_is_a_target_of_at_least_24_px(phone, base_url: str) -> None:
    phone.goto(base_url + "kaart/")
    boxes = phone.evaluate(BOXES, ".pb-map__places a")

    assert boxes and too_small(boxes) == []
    dot = phone.locator(".pb-map__places a circle:not(.pb-map__hit)").first.bounding_box()
    assert dot["width"] < SMALLEST, "the dot itself stays small: only the area around it grows"


def test_every_chosen_filter_chip_is_a_target_of_at_least_24_px(phone, base_url: str) -> None:
    phone.goto(base_url + "zoeken/?thema=laaggeletterdheid&partner=bibliotheek&gemeente=Dalfsen")
    phone.wait_for_selector(".pb-search__chip")
    boxes = phone.evaluate(BOXES, ".pb-search__chip")

    assert len(boxes) == 3 and too_small(boxes) == []


COVERED = """() => {
  const bar = document.querySelector(".pb-compare-bar").getBoundingClientRect();
  const box = document.activeElement.getBoundingClientRect();
  return box.bottom > bar.top && box.top < bar.bottom && box.right > bar.left && box.left < bar.right;
}"""


def test_the_comparison_bar_covers_no_focused_card(phone, base_url: str) -> None:
    phone.goto(base_url + "praktijken/")
    toggles = phone.locator(".pb-compare-toggle")
    toggles.nth(0).click()
    toggles.nth(1).click()
    phone.wait_for_selector(".pb-compare-bar:not([hidden])")
    phone.evaluate("window.scrollTo(0, 0); document.activeElement.blur()")

    covered = []
    for _ in range(60):
        phone.keyboard.press("Tab")
        if phone.evaluate("Boolean(document.activeElement.closest('.pb-compare-bar'))"):
            break
        if phone.evaluate(COVERED):
            covered.append(phone.evaluate("document.activeElement.textContent.trim().slice(0, 40)"))
    assert covered == []


UNDER_HEADER = """() => {
  const element = document.activeElement;
  if (element.closest(".md-header, .md-skip") || element === document.body) return null;
  const header = document.querySelector(".md-header").getBoundingClientRect();
  const box = element.getBoundingClientRect();
  return box.top < header.bottom - 0.5 && box.bottom > header.top ? element.textContent.trim().slice(0, 40) : null;
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_the_fixed_header_covers_no_focused_element_going_back_up_the_page(browser, base_url: str,
                                                                           width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 740})
    tab = context.new_page()
    tab.goto(base_url + "praktijken/")
    tab.focus(".md-footer a")

    covered = []
    for _ in range(40):
        tab.keyboard.press("Shift+Tab")
        covered.append(tab.evaluate(UNDER_HEADER))
    context.close()
    assert [name for name in covered if name] == []

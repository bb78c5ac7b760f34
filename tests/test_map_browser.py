"""The map in headless Chromium, as people use it: on a wide screen and a 320 px phone without scrolling
sideways, with the keyboard (a visible focus and the region's name), and printed on A4."""

from __future__ import annotations

import pytest

from page_types import PAGE_TYPES

pytestmark = pytest.mark.browser

SIZES = {"wide": {"width": 1280, "height": 900}, "phone": {"width": 320, "height": 640}}
A4_WIDTH_PX, A4_HEIGHT_PX = 794, 1123  # 210 x 297 mm at 96 px per inch
FOCUSED_REGION = ("() => { const a = document.activeElement; const path = a.querySelector('path, circle'); "
                  "const s = getComputedStyle(path); const t = a.querySelector('text'); "
                  "return {inMap: !!a.closest('.pb-map__svg'), fill: s.fill, stroke: s.stroke, "
                  "strokeWidth: s.strokeWidth, label: getComputedStyle(t).display !== 'none' && "
                  "t.getBoundingClientRect().width > 0}; }")


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("url", [PAGE_TYPES["map"], PAGE_TYPES["home"], PAGE_TYPES["province"]])
def test_the_map_fits_without_sideways_scrolling(browser, base_url: str, size: str, url: str) -> None:
    context = browser.new_context(viewport=SIZES[size])
    tab = context.new_page()
    tab.goto(base_url + url)

    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    box = tab.locator("svg.pb-map__svg").bounding_box()
    context.close()

    assert overflow <= 0, f"{url} scrolls sideways by {overflow} px at {size}"
    assert box["width"] > 0 and box["x"] >= 0 and box["x"] + box["width"] <= SIZES[size]["width"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_keyboard_user_sees_which_region_has_focus_and_its_name(browser, base_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    tab.goto(base_url + PAGE_TYPES["map"])
    for _ in range(80):
        tab.keyboard.press("Tab")
        state = tab.evaluate("() => !!document.activeElement.closest('.pb-map__svg')")
        if state:
            break
    assert state, "Tab never reached the map"
    focused = tab.evaluate(FOCUSED_REGION)
    name = tab.evaluate("() => document.activeElement.getAttribute('aria-label')")
    tab.evaluate("() => { window.region = document.activeElement; document.activeElement.blur(); }")
    unfocused = tab.evaluate(FOCUSED_REGION.replace("document.activeElement", "window.region"))
    context.close()

    assert focused["inMap"] and focused["label"] and not unfocused["label"]
    assert (focused["fill"], focused["stroke"]) != (unfocused["fill"], unfocused["stroke"])
    assert float(focused["strokeWidth"].removesuffix("px")) >= 2
    assert name.endswith(("praktijk", "praktijken"))


def test_the_map_page_prints_on_a4(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": A4_WIDTH_PX, "height": A4_HEIGHT_PX})
    tab = context.new_page()
    tab.goto(base_url + PAGE_TYPES["map"])
    tab.emulate_media(media="print")

    box = tab.locator("svg.pb-map__svg").bounding_box()
    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    pdf = tab.pdf(format="A4")
    context.close()

    assert overflow <= 0 and box["x"] + box["width"] <= A4_WIDTH_PX
    assert box["height"] < A4_HEIGHT_PX / 2, "the map leaves room for the title and legend on the first page"
    assert pdf.startswith(b"%PDF")

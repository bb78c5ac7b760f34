"""The menu on a phone, by keyboard (360 px wide): Tab from the top of the home page reaches the menu button,
named "Menu", and every element that takes focus on the way is on screen, so none of the closed drawer's links
does. Enter opens the drawer and moves focus into it; Esc closes it and focus returns to the button. Inside the
drawer every Tab stop can be seen: closed sub-menus take no focus, and Enter or Space opens a section."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
BUTTON = '.md-header label[for="__drawer"]'
FOCUSED = """() => {
  const element = document.activeElement;
  // Material's colour toggle is a visually hidden radio button that shows its focus on the label after it.
  const shown = element.matches("input.md-option") ? element.nextElementSibling : element;
  const box = shown.getBoundingClientRect();
  return { name: element.getAttribute("aria-label") || element.textContent.trim().slice(0, 40),
           inDrawer: Boolean(element.closest(".md-sidebar--primary")), isButton: element.matches('%s'),
           onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth
                     && box.bottom > 0 && box.top < innerHeight };
}""" % BUTTON


@pytest.fixture
def phone(browser, base_url: str):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.problems = []
    tab.on("pageerror", lambda error: tab.problems.append(str(error)))
    tab.goto(base_url)
    yield tab
    context.close()


def tab_to_menu(phone) -> list[dict]:
    """Press Tab from the top until the menu button has focus; every stop on the way."""
    stops = []
    for _ in range(40):
        phone.keyboard.press("Tab")
        stops.append(phone.evaluate(FOCUSED))
        if stops[-1]["isButton"]:
            return stops
    raise AssertionError(f"the menu button is not reached with Tab: {stops}")


def test_tab_from_the_top_reaches_the_named_menu_button_past_only_visible_elements(phone) -> None:
    stops = tab_to_menu(phone)

    assert stops[-1]["name"] == "Menu"
    assert all(stop["onScreen"] and not stop["inDrawer"] for stop in stops), stops
    assert phone.locator(BUTTON).get_attribute("aria-expanded") == "false"


def test_the_closed_drawer_takes_no_focus_anywhere_on_the_page(phone) -> None:
    stops = []
    for _ in range(60):
        phone.keyboard.press("Tab")
        stops.append(phone.evaluate(FOCUSED))
    assert not any(stop["inDrawer"] for stop in stops), [stop for stop in stops if stop["inDrawer"]]
    assert all(stop["onScreen"] for stop in stops if stop["name"]), [stop for stop in stops if not stop["onScreen"]]


def test_enter_opens_the_drawer_with_focus_inside_and_escape_closes_it_back_to_the_button(phone) -> None:
    tab_to_menu(phone)

    phone.keyboard.press("Enter")
    phone.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary')")
    assert phone.locator(BUTTON).get_attribute("aria-expanded") == "true"
    phone.keyboard.press("Tab")
    assert phone.evaluate(FOCUSED)["inDrawer"] and phone.evaluate(FOCUSED)["onScreen"]

    phone.keyboard.press("Escape")
    assert phone.evaluate(FOCUSED)["isButton"]
    assert phone.locator(BUTTON).get_attribute("aria-expanded") == "false"
    assert not phone.locator("#__drawer").is_checked()
    assert phone.problems == []


SHOWN = """() => {
  const element = document.activeElement;
  const box = element.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return { name: element.getAttribute("aria-label") || element.textContent.trim().slice(0, 40),
           inDrawer: Boolean(element.closest(".md-sidebar--primary")),
           inViewport: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0
                       && box.right <= innerWidth && box.bottom <= innerHeight,
           seen: element.checkVisibility({ opacityProperty: true, visibilityProperty: true })
                 && Boolean(hit) && (element.contains(hit) || hit.contains(element)) };
}"""
SETTLED = "() => document.getAnimations().every((animation) => animation.playState !== 'running')"


def drawer_stops(phone) -> list[dict]:
    """From the focus in the drawer, Tab until it leaves; every stop in the drawer, once it stands still."""
    stops = [phone.evaluate(SHOWN)]
    for _ in range(40):
        phone.keyboard.press("Tab")
        phone.wait_for_function(SETTLED)
        stop = phone.evaluate(SHOWN)
        if not stop["inDrawer"]:
            return stops
        stops.append(stop)
    raise AssertionError(f"Tab does not leave the drawer: {stops}")


def test_the_drawer_by_keyboard_shows_every_stop_opens_a_section_and_closes_with_escape(phone) -> None:
    tab_to_menu(phone)
    phone.keyboard.press("Enter")
    phone.wait_for_function(SETTLED)

    stops = drawer_stops(phone)
    assert all(stop["inViewport"] and stop["seen"] for stop in stops), stops
    assert not phone.locator("#__drawer").is_checked(), "focus that leaves the drawer closes it"
    openers = [stop["name"] for stop in stops if stop["name"].startswith("Onderdelen van ")]
    assert openers, "a section with its own page opens its sub-menu from a button beside its link"

    phone.focus(BUTTON)
    phone.keyboard.press("Enter")
    phone.wait_for_function(SETTLED)
    while phone.evaluate(SHOWN)["name"] != openers[0]:
        phone.keyboard.press("Tab")
    phone.keyboard.press(" ")
    phone.wait_for_function(SETTLED)
    assert phone.evaluate(SHOWN)["name"].endswith("terug naar het menu")
    section = phone.locator(f'[aria-label="{openers[0]}"]')
    assert section.get_attribute("aria-expanded") == "true"

    stops = drawer_stops(phone)
    assert len(stops) > 1 and all(stop["inViewport"] and stop["seen"] for stop in stops), stops

    phone.focus(BUTTON)
    phone.keyboard.press("Enter")
    phone.wait_for_function(SETTLED)
    phone.keyboard.press("Escape")
    assert phone.evaluate(FOCUSED)["isButton"]
    assert not phone.locator("#__drawer").is_checked()
    assert phone.problems == []

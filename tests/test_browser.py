"""The built site in headless Chromium, as a library consultant uses it: on a desktop and on a phone.

Debian's Chromium is driven by Playwright; no browser is downloaded. Without Chromium these tests skip,
except in CI (CI=true), where a missing browser is a failure. The browser fixtures live in conftest.py, so that
every browser test file shares one Chromium.
"""

from __future__ import annotations

import pytest

from helpers import STORAGE_BLOCKED, STORAGE_FULL
from praktijkbank.common.urls import SEARCH, practice_url
from real_data import A_PRACTICE

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}


def test_the_home_page_loads_without_errors_or_outside_requests(page, base_url: str) -> None:
    page.goto(base_url)
    page.wait_for_load_state("networkidle")

    assert page.locator("h1").inner_text() == "Praktijkbank Sociaal Domein"
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.problems == []


# What another version of the theme, or a hand, may have left under its keys: not JSON at all.
STORAGE_STALE = """for (const key of ["__palette", "__consent", "__tabs", "__search"]) {
    localStorage.setItem(new URL("/", location).pathname + "." + key, "{niet meer leesbaar");
}"""


@pytest.mark.parametrize("storage", [STORAGE_BLOCKED, STORAGE_FULL, STORAGE_STALE], ids=["blocked", "full", "stale"])
@pytest.mark.parametrize("path", ["", practice_url(A_PRACTICE.id), SEARCH + "?q=bibliotheek"])
def test_pages_work_whatever_the_browser_storage_holds_or_refuses(page, base_url: str, storage: str,
                                                                 path: str) -> None:
    """The theme keeps the chosen colours in storage: blocked or unreadable storage is a visitor's, not an error."""
    page.add_init_script(storage)
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")

    assert page.locator("h1").first.is_visible()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    assert page.problems == []


def test_a_reader_goes_from_a_theme_to_a_practice(page, base_url: str) -> None:
    page.goto(base_url + "themas/laaggeletterdheid/")
    first_card = page.locator(".pb-card__title a").first
    title = first_card.inner_text()

    first_card.click()

    page.wait_for_url("**/praktijken/*/")
    assert page.locator("h1").inner_text() == title
    assert page.problems == []


def test_a_keyboard_user_can_skip_to_the_content(page, base_url: str) -> None:
    page.goto(base_url + practice_url(A_PRACTICE.id))

    page.keyboard.press("Tab")

    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused.startswith("#")
    assert page.evaluate("document.activeElement.textContent.trim().length > 0")


@pytest.mark.parametrize("path", ["", practice_url(A_PRACTICE.id), "themas/laaggeletterdheid/",
                                  "praktijken/", "organisaties/", "partners/"])
def test_pages_fit_a_320_pixel_phone(browser, base_url: str, path: str) -> None:
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    phone.goto(base_url + path)

    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path or 'home'} scrolls sideways by {overflow} px"
    context.close()


def test_the_menu_opens_on_a_phone(browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    phone.goto(base_url + practice_url(A_PRACTICE.id))

    phone.locator("label.md-header__button[for='__drawer']").click()
    section = phone.locator(".md-nav__container", has=phone.get_by_role("link", name="Praktijken", exact=True))
    section.locator("label").click()
    phone.get_by_role("link", name="Thema's").click()
    phone.wait_for_url("**/themas/")
    assert phone.locator("h1").inner_text() == "Thema's"
    context.close()


def test_the_menu_is_closed_when_a_visitor_comes_back(browser, base_url: str) -> None:
    """The browser restores form fields on Back; the menu's checkbox (#__drawer) must not be one of them, or the
    page one left through the menu shows it open again."""
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    phone.goto(base_url + "over/")
    phone.locator("label.md-header__button[for='__drawer']").click()
    phone.locator(".md-sidebar--primary a[href$='bijdragen/']").click()
    phone.wait_for_url("**/bijdragen/")

    phone.go_back()

    phone.wait_for_url("**/over/")
    assert not phone.locator("#__drawer").is_checked()
    context.close()

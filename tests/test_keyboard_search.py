"""Search keeps the typing (WCAG 2.1.4, Character Key Shortcuts), on a phone 360 px wide: every way into search
puts the cursor in the search field, and the theme's single-key shortcuts ("n" and "p" for the next and previous
page, "s", "f" and "/" for its search) never act on a key a visitor types; "/" still leads to the search field
where it cannot steal typing."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from praktijkbank.common.urls import practice_url
from real_data import A_PRACTICE, OWN_WORD

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
SEARCH_FIELD = "#pb-search-q"
RESULTS = ".pb-search__output[aria-busy=false] .pb-results li"
THEME_KEYS = "npsf"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.problems = []
    tab.on("pageerror", lambda error: tab.problems.append(str(error)))
    yield tab
    context.close()


def search_page_ready(tab) -> None:
    tab.wait_for_url("**/zoeken/**")
    tab.wait_for_selector(".pb-search__output[aria-busy=false]", state="attached")


@pytest.mark.parametrize("start", ["", practice_url(A_PRACTICE.id)], ids=["home", "practice page"])
def test_the_magnifier_then_typing_stays_on_the_search_page_with_the_word_and_its_results(
        phone, base_url: str, start: str) -> None:
    phone.goto(base_url + start)
    phone.click(".pb-header-search__button")
    search_page_ready(phone)
    assert phone.evaluate(f"document.activeElement === document.querySelector('{SEARCH_FIELD}')")

    phone.keyboard.type(OWN_WORD + " " + THEME_KEYS)
    phone.keyboard.press("Backspace")
    phone.keyboard.press("Backspace")
    phone.keyboard.press("Backspace")
    phone.keyboard.press("Backspace")
    phone.keyboard.press("Backspace")
    phone.wait_for_selector(RESULTS)

    assert "/zoeken/" in phone.url
    assert phone.input_value(SEARCH_FIELD) == OWN_WORD
    assert phone.problems == []


def test_a_link_to_the_search_page_puts_the_cursor_after_the_words_in_the_field(phone, base_url: str) -> None:
    phone.goto(f"{base_url}zoeken/?q={quote(OWN_WORD)}")
    search_page_ready(phone)
    phone.keyboard.type("x")

    assert phone.input_value(SEARCH_FIELD) == OWN_WORD + "x"


def test_the_theme_keys_change_nothing_but_the_text_field_that_has_the_focus(phone, base_url: str) -> None:
    phone.goto(base_url + "zoeken/?gemeente=Dalfsen")
    search_page_ready(phone)
    phone.get_by_text("Filters", exact=True).click()  # on a phone the filters wait, closed, above the results
    phone.evaluate("window.stayed = true")  # gone if a key leads to another page
    fields = phone.eval_on_selector_all(
        "input[type=search], input[type=text], textarea",
        "fields => fields.filter((field) => field.checkVisibility()).map((field) => '#' + field.id)")
    assert SEARCH_FIELD in fields and len(fields) > 1

    for field in fields:
        before = phone.input_value(field)
        phone.focus(field)
        for key in THEME_KEYS:
            phone.keyboard.press(key)
        assert phone.evaluate("window.stayed === true")
        assert phone.input_value(field) == before + THEME_KEYS, field
        phone.fill(field, before)


def test_the_theme_keys_lead_nowhere_on_a_radio_button_or_the_page_itself(phone, base_url: str) -> None:
    phone.goto(base_url + "zoeken/")
    search_page_ready(phone)
    assert phone.locator("link[rel=next]").count() == 1, "the theme would go to the next page on n"
    address = phone.url

    phone.focus("#pb-sort-title")
    for key in THEME_KEYS:
        phone.keyboard.press(key)
    phone.evaluate("document.activeElement.blur()")
    for key in THEME_KEYS:
        phone.keyboard.press(key)
    phone.wait_for_timeout(200)  # a navigation the theme started would have begun by now

    assert phone.url == address
    assert phone.problems == []


def test_slash_where_it_cannot_steal_typing_puts_the_cursor_in_the_search_field(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(base_url + practice_url(A_PRACTICE.id))
    tab.keyboard.press("/")
    assert tab.evaluate("document.activeElement.id") == "pb-header-search"
    tab.keyboard.type("a/b")
    assert tab.input_value("#pb-header-search") == "a/b"
    context.close()

    with_phone = browser.new_context(viewport=PHONE)
    tab = with_phone.new_page()
    tab.goto(base_url + practice_url(A_PRACTICE.id))
    tab.keyboard.press("/")
    search_page_ready(tab)
    assert tab.evaluate(f"document.activeElement === document.querySelector('{SEARCH_FIELD}')")
    with_phone.close()

"""Searching the built site in headless Chromium, as a library consultant does: words, filters, shared links.

Expected results come from the practice data and the built pages, never from a hard-coded list, so the tests
keep their meaning when practices are added. Every test also checks that the page logged no errors and asked
nothing from outside the site (the `page` fixture in conftest.py records both).
"""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path

import pytest

from helpers import serve
from praktijkbank.common.urls import practice_url
from praktijkbank.model.catalog import newest_first
from praktijkbank.render.text import place_text
from real_data import A_PRACTICE, CATALOG, OWN_PREFIX, OWN_WORD, other_practice, rewrite_practice
from sites import build, copy_site_repository

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
IDLE = ".pb-search__output[aria-busy='false']"


def found(page) -> list[str]:
    """The ids of the practices in the result list, in the order shown."""
    page.wait_for_selector(IDLE, state="attached")
    hrefs = page.locator(".pb-search__practices .pb-result__title a").evaluate_all(
        "links => links.map(link => link.pathname)")
    return [re.search(r"/praktijken/([^/]+)/$", href).group(1) for href in hrefs]


def type_query(page, text: str) -> None:
    page.locator("#pb-search-q").fill(text)
    page.wait_for_function("text => new URLSearchParams(location.search).get('q') === text", arg=text)


def practices_containing(word: str) -> set[str]:
    """The practices with `word` as a whole word (case-insensitive) in their own text: any field but the ids
    of related practices."""
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    return {practice.id for practice in CATALOG.practices.values()
            if pattern.search(" ".join(strings({**asdict(practice), "related": [], "id": ""})))}


def strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in strings(item)]
    return [value] if isinstance(value, str) else []


def test_a_word_finds_the_practice_about_it_with_the_word_highlighted(page, base_url: str) -> None:
    page.goto(base_url + "zoeken/")
    type_query(page, OWN_WORD)

    assert found(page)[0] == A_PRACTICE.id
    first = page.locator(".pb-result").first
    assert first.locator(".pb-result__place").inner_text() == place_text(A_PRACTICE.place, CATALOG.vocabularies)
    assert first.locator(".pb-result__summary").inner_text() == A_PRACTICE.summary
    assert OWN_WORD in first.locator(".pb-result__excerpt mark").first.inner_text().lower()
    assert "gevonden" in page.get_by_role("status").inner_text()
    assert not page.get_by_role("button", name="Meer praktijken tonen").is_visible(), "all results are shown"
    assert page.problems == []


@pytest.mark.parametrize("name", [organisation.name for organisation in A_PRACTICE.organisations])
def test_an_organisation_name_finds_its_practices(page, base_url: str, name: str) -> None:
    expected = {practice.id for practice in CATALOG.practices.values()
                if any(name in organisation.name for organisation in practice.organisations)}
    page.goto(base_url + "zoeken/?q=" + name.replace(" ", "+"))

    assert expected and expected <= set(found(page))
    assert page.problems == []


@pytest.mark.parametrize(("base", "inflected"), [("voorleestent", "voorlezen"), ("voorleestent", "voorleest"),
                                                 ("ouderen", "oudere")])
def test_a_dutch_word_form_finds_the_practices_with_another_form(page, base_url: str, base: str,
                                                                 inflected: str) -> None:
    expected = practices_containing(base)
    page.goto(base_url + "zoeken/?q=" + inflected)

    assert expected and expected <= set(found(page))
    assert page.problems == []


def test_a_question_in_plain_words_finds_the_practice_that_answers_it(page, base_url: str) -> None:
    with_ggd = {practice.id for practice in CATALOG.practices.values() if "ggd" in practice.organisation_types}
    page.goto(base_url + "zoeken/?q=wat+doen+bibliotheken+samen+met+de+GGD+voor+jonge+ouders%3F")

    assert found(page)[0] in with_ggd
    assert page.problems == []


def test_when_no_practice_has_every_word_those_with_the_most_are_shown_and_said(page, base_url: str) -> None:
    page.goto(base_url + f"zoeken/?q={OWN_WORD}+xylofoonorkest")

    assert found(page) == [A_PRACTICE.id]
    assert "Geen enkele heeft al je zoekwoorden" in page.get_by_role("status").inner_text()
    assert page.problems == []


def test_half_a_word_already_finds_while_typing(page, base_url: str) -> None:
    page.goto(base_url + "zoeken/")
    page.locator("#pb-search-q").press_sequentially(OWN_PREFIX)

    page.wait_for_function("typed => new URLSearchParams(location.search).get('q') === typed", arg=OWN_PREFIX)
    assert found(page) == [A_PRACTICE.id]
    assert page.problems == []


def test_two_filters_give_exactly_the_practices_with_both_and_counts_follow(page, base_url: str) -> None:
    themed = {practice.id for practice in CATALOG.practices.values() if "laaggeletterdheid" in practice.themes}
    with_ggd = {practice.id for practice in CATALOG.practices.values() if "ggd" in practice.organisation_types}
    page.goto(base_url + "zoeken/")
    page.wait_for_selector(IDLE, state="attached")

    page.get_by_role("group", name="Thema").get_by_label("Laaggeletterdheid").check()
    assert set(found(page)) == themed
    ggd = page.get_by_role("group", name="Soort partner").get_by_label(re.compile(r"^GGD"))
    count = page.locator("label[for='pb-filter-partner-ggd'] .pb-search__count").inner_text()
    assert count == f"({len(themed & with_ggd)})"

    ggd.check()
    assert set(found(page)) == themed & with_ggd
    assert page.url.endswith("zoeken/?thema=laaggeletterdheid&partner=ggd")
    assert page.problems == []


def test_a_shared_link_restores_words_filters_and_order(page, base_url: str) -> None:
    page.goto(base_url + "zoeken/?q=bibliotheek&provincie=overijssel&sort=titel")
    ids = found(page)

    assert page.locator("#pb-search-q").input_value() == "bibliotheek"
    assert page.locator("#pb-filter-provincie-overijssel").is_checked()
    assert page.locator("#pb-sort-title").is_checked()
    total = int(page.get_by_role("status").inner_text().split()[0])
    assert page.locator("label[for='pb-filter-provincie-overijssel'] .pb-search__count").inner_text() == f"({total})"
    themes = page.locator("fieldset[data-filter='thema'] .pb-search__count").all_inner_texts()
    assert sum(int(count.strip("()")) for count in themes) >= total, "a linked search counts every facet"
    in_overijssel = [practice for practice in CATALOG.practices.values() if "overijssel" in practice.place.provinces]
    assert ids and set(ids) <= {practice.id for practice in in_overijssel}
    titles = page.locator(".pb-search__practices .pb-result__title a").all_inner_texts()
    assert titles == sorted(titles, key=str.casefold)
    assert page.problems == []


def test_newest_first_orders_by_the_date_a_practice_was_added(page, base_url: str) -> None:
    page.goto(base_url + "zoeken/?q=bibliotheek&sort=nieuwste")
    ids = found(page)

    shown = [practice.id for practice in newest_first(CATALOG.practices.values()) if practice.id in ids]
    assert len(ids) > 1 and ids == shown
    assert page.problems == []


def test_filters_alone_browse_the_practices(page, base_url: str) -> None:
    expected = {practice.id for practice in CATALOG.practices.values() if practice.status == "afgerond"}
    page.goto(base_url + "zoeken/?status=afgerond")

    assert set(found(page)) == expected
    assert page.problems == []


def test_back_and_forward_return_to_earlier_searches(page, base_url: str) -> None:
    page.goto(base_url + "zoeken/?q=bibliotheek")
    before = found(page)
    page.locator("#pb-filter-status-afgerond").check()
    narrowed = found(page)
    assert set(narrowed) < set(before)

    page.go_back()
    page.wait_for_function("!document.querySelector('#pb-filter-status-afgerond').checked")
    assert found(page) == before
    page.go_forward()
    page.wait_for_function("document.querySelector('#pb-filter-status-afgerond').checked")
    assert found(page) == narrowed
    assert page.problems == []


def test_the_header_search_box_leads_to_the_search_page(page, base_url: str) -> None:
    word = OWN_WORD.capitalize()
    page.goto(base_url + practice_url(other_practice().id))
    page.locator("header").get_by_role("searchbox").fill(word)
    page.keyboard.press("Enter")

    page.wait_for_url(f"**/zoeken/?q={word}")
    assert A_PRACTICE.id in found(page)
    assert page.locator("#pb-search-q").input_value() == word
    assert page.problems == []


def test_a_keyboard_user_can_filter_and_is_told_the_result(page, base_url: str) -> None:
    page.goto(base_url + "zoeken/")
    page.locator("#pb-search-q").focus()
    page.keyboard.type("bibliotheek")
    page.keyboard.press("Enter")
    found(page)
    page.locator("#pb-filter-thema-laaggeletterdheid").focus()
    page.keyboard.press("Space")

    assert page.locator("#pb-filter-thema-laaggeletterdheid").is_checked()
    assert found(page)
    status = page.get_by_role("status")
    assert status.get_attribute("aria-live") == "polite"
    assert re.match(r"\d+ praktijk(en)? .*gevonden", status.inner_text())
    assert page.problems == []


def test_on_a_320_pixel_phone_the_search_page_fits_and_shows_results_first(browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    phone.goto(base_url + "zoeken/?q=bibliotheek")
    phone.wait_for_selector(IDLE, state="attached")

    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the search page scrolls sideways by {overflow} px"
    assert phone.locator("header").get_by_role("button", name="Zoeken").is_visible()
    assert not phone.locator(".pb-search__filters").evaluate("panel => panel.open")
    assert phone.locator(".pb-search__status").bounding_box()["y"] < PHONE["height"]

    phone.goto(base_url + "zoeken/?q=bibliotheek&status=lopend")
    phone.wait_for_selector(IDLE, state="attached")
    assert phone.locator(".pb-search__filters").evaluate("panel => panel.open"), "a chosen filter stays in view"
    context.close()


def test_hostile_contributor_text_in_results_stays_text(browser, tmp_path: Path) -> None:
    hostile = '<img src=x onerror="document.title=1">Zoektent<script>document.title=2</script>'
    repository = copy_site_repository(tmp_path / "repo")

    def add_hostile_text(data: dict) -> None:
        data["title"] = f"{hostile} {OWN_WORD}"
        data["summary"] = f"{hostile} {data['summary']}"
        data["organisations"][-1]["name"] = f"{hostile} {data['organisations'][-1]['name']}"

    rewrite_practice(repository / "practices" / f"{A_PRACTICE.id}.yml", add_hostile_text)
    output = tmp_path / "site"
    assert build(repository, output).returncode == 0

    context = browser.new_context()
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: dialogs.append(dialog.message) or dialog.dismiss())
    with serve(output) as url:
        tab.goto(url + "zoeken/?q=zoektent")
        assert found(tab) == [A_PRACTICE.id]
        result = tab.locator(".pb-result").first
        assert result.locator(".pb-result__title a").inner_text().startswith(hostile)
        assert result.locator(".pb-result__summary").inner_text().startswith(hostile)
        assert tab.locator(".pb-results img, .pb-results script").count() == 0
        assert tab.title().startswith("Zoeken") and dialogs == []
    context.close()


def test_a_dropped_connection_keeps_the_form_and_the_next_search_works(page, base_url: str) -> None:
    page.goto(base_url + "zoeken/")
    page.wait_for_selector(IDLE, state="attached")
    page.route("**/zoekindex/*/woorden/*", lambda route: route.abort())
    page.locator("#pb-search-q").fill(OWN_WORD)

    page.wait_for_function("document.querySelector('.pb-search__status').textContent.includes('verbinding')")
    assert page.locator("#pb-search-q").is_visible()
    page.unroute("**/zoekindex/*/woorden/*")
    page.locator("#pb-search-q").press("Enter")
    page.wait_for_function("document.querySelector('.pb-search__status').textContent.includes('gevonden')")
    assert found(page) == [A_PRACTICE.id]

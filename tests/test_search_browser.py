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

from conftest import PROJECT_ROOT, serve
from praktijkbank.model.catalog import Catalog, build_catalog, newest_first
from praktijkbank.load.repository import Repository
from praktijkbank.validate.checker import validate_repository
from sites import build, copy_site_repository

pytestmark = pytest.mark.browser

CATALOG: Catalog = build_catalog(validate_repository(Repository(PROJECT_ROOT)))
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
    type_query(page, "voorleestent")

    assert found(page)[0] == "dalfsen-voorleestent"
    first = page.locator(".pb-result").first
    assert first.locator(".pb-result__place").inner_text().startswith("Dalfsen")
    assert first.locator(".pb-result__summary").inner_text() == CATALOG.practices["dalfsen-voorleestent"].summary
    assert "voorleestent" in first.locator(".pb-result__excerpt mark").first.inner_text().lower()
    assert "gevonden" in page.get_by_role("status").inner_text()
    assert not page.get_by_role("button", name="Meer praktijken tonen").is_visible(), "all results are shown"
    assert page.problems == []


@pytest.mark.parametrize("name", ["Senver", "Saam Welzijn", "Philadelphia"])
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
    page.goto(base_url + "zoeken/?q=voorleestent+xylofoonorkest")

    assert found(page) == ["dalfsen-voorleestent"]
    assert "Geen enkele heeft al je zoekwoorden" in page.get_by_role("status").inner_text()
    assert page.problems == []


def test_half_a_word_already_finds_while_typing(page, base_url: str) -> None:
    page.goto(base_url + "zoeken/")
    page.locator("#pb-search-q").press_sequentially("voorlees")

    page.wait_for_function("new URLSearchParams(location.search).get('q') === 'voorlees'")
    assert found(page) == ["dalfsen-voorleestent"]
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
    page.goto(base_url + "praktijken/dalfsen-voorleestent/")
    page.locator("header").get_by_role("searchbox").fill("Philadelphia")
    page.keyboard.press("Enter")

    page.wait_for_url("**/zoeken/?q=Philadelphia")
    assert "hoorn-weesp-philadelphia" in found(page)
    assert page.locator("#pb-search-q").input_value() == "Philadelphia"
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
    practice = repository / "practices" / "dalfsen-voorleestent.yml"
    text = practice.read_text(encoding="utf-8")
    text = text.replace("title: Voorleestent", f"title: '{hostile} Voorleestent").replace(" Dalfsen\n", " Dalfsen'\n", 1)
    text = text.replace("summary: >-\n  ", f"summary: >-\n  {hostile} ", 1)
    practice.write_text(text.replace("name: Saam Welzijn", f"name: '{hostile} Saam Welzijn'"), encoding="utf-8")
    output = tmp_path / "site"
    assert build(repository, output).returncode == 0

    context = browser.new_context()
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: dialogs.append(dialog.message) or dialog.dismiss())
    with serve(output) as url:
        tab.goto(url + "zoeken/?q=zoektent")
        assert found(tab) == ["dalfsen-voorleestent"]
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
    page.locator("#pb-search-q").fill("voorleestent")

    page.wait_for_function("document.querySelector('.pb-search__status').textContent.includes('verbinding')")
    assert page.locator("#pb-search-q").is_visible()
    page.unroute("**/zoekindex/*/woorden/*")
    page.locator("#pb-search-q").press("Enter")
    page.wait_for_function("document.querySelector('.pb-search__status').textContent.includes('gevonden')")
    assert found(page) == ["dalfsen-voorleestent"]


def in_municipality(name: str) -> set[str]:
    return {practice.id for practice in CATALOG.practices.values() if name in practice.place.municipalities}


def test_a_municipality_link_shows_its_practices_whatever_the_case(page, base_url: str) -> None:
    name = max(CATALOG.by_value["municipalities"], key=lambda value: len(CATALOG.by_value["municipalities"][value]))
    page.goto(base_url + f"zoeken/?gemeente={name.lower()}")

    assert set(found(page)) == in_municipality(name)
    assert page.locator("#pb-filter-gemeente").input_value() == name
    assert page.problems == []


def test_choosing_a_municipality_from_the_list_filters_and_goes_in_the_url(page, base_url: str) -> None:
    names = sorted(CATALOG.by_value["municipalities"])
    page.goto(base_url + "zoeken/")
    page.wait_for_selector(IDLE, state="attached")
    options = page.locator("#pb-municipalities option").evaluate_all("options => options.map(o => o.value)")
    assert sorted(options) == names

    page.get_by_role("group", name="Gemeente").get_by_label("Typ of kies een gemeente").fill(names[-1])
    page.wait_for_function("name => new URLSearchParams(location.search).get('gemeente') === name", arg=names[-1])
    assert set(found(page)) == in_municipality(names[-1])

    page.locator(".pb-search__clear").click()
    page.wait_for_function("() => !location.search.includes('gemeente')")
    assert page.locator("#pb-filter-gemeente").input_value() == ""
    assert page.problems == []


def test_a_municipality_on_the_map_leads_to_its_practices(page, base_url: str) -> None:
    page.goto(base_url + "kaart/")
    marker = page.locator(".pb-map__places a").first
    name = marker.get_attribute("aria-label").split(":")[0]

    marker.click()

    assert set(found(page)) == in_municipality(name)
    assert page.problems == []

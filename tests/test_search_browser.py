"""Searching the built site in headless Chromium, as a library consultant does: words, filters, shared links.

Expected results come from the practice data and the built pages, never from a hard-coded list, so the tests
keep their meaning when practices are added. Every test also checks that the page logged no errors and asked
nothing from outside the site (the `page` fixture in conftest.py records both).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import pytest

from helpers import serve
from praktijkbank.common.urls import practice_url
from praktijkbank.model.catalog import newest_first
from praktijkbank.render.text import place_text
from real_data import A_PRACTICE, CATALOG, OWN_PREFIX, OWN_WORD, other_practice, rewrite_practice
from praktijkbank.publish.search_text import words
from praktijkbank.publish.search_typos import closest_words, listed_words
from sites import build, copy_site_repository
from test_search_typos import site_lists

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
    ggd = page.get_by_role("group", name="Soort organisatie").get_by_label(re.compile(r"^GGD"))
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


def rarest_status() -> str:
    """The status fewest practices have: choosing it narrows a search that finds them all."""
    counts = Counter(practice.status for practice in CATALOG.practices.values())
    return min(counts, key=lambda status: (counts[status], status))


def test_back_and_forward_return_to_earlier_searches(page, base_url: str) -> None:
    checkbox = f"#pb-filter-status-{rarest_status()}"
    page.goto(base_url + "zoeken/?q=bibliotheek")
    before = found(page)
    page.locator(checkbox).check()
    narrowed = found(page)
    assert set(narrowed) < set(before)

    page.go_back()
    page.wait_for_function(f"!document.querySelector('{checkbox}').checked")
    assert found(page) == before
    page.go_forward()
    page.wait_for_function(f"document.querySelector('{checkbox}').checked")
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


def test_on_a_320_pixel_phone_the_search_page_fits_with_the_filters_closed_above_the_results(browser,
                                                                                             base_url: str) -> None:
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
    assert not phone.locator(".pb-search__filters").evaluate("panel => panel.open")
    assert phone.locator(".pb-search__chips").bounding_box()["y"] < PHONE["height"], "a chosen filter stays in view"
    context.close()


def test_on_a_phone_a_filter_is_chosen_above_the_results_and_a_button_shows_what_it_found(browser,
                                                                                          base_url: str) -> None:
    """The filters stand before the results, closed; opened, they end with 'Toon … praktijken', which closes
    them and brings the status line, with the focus, into view above the results."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    phone = context.new_page()
    phone.goto(base_url + "zoeken/?q=bibliotheek")
    phone.wait_for_selector(IDLE, state="attached")
    panel = phone.locator(".pb-search__filters")
    above = panel.bounding_box()["y"] < phone.locator(".pb-search__practices").bounding_box()["y"]

    panel.locator("summary").click()
    phone.locator(".pb-search__filters input[type=checkbox]:visible").first.check()
    phone.wait_for_function("() => [...new URLSearchParams(location.search).keys()].some((key) => key !== 'q')")
    phone.wait_for_selector(IDLE, state="attached")
    show = phone.locator(".pb-search__show")
    label = show.inner_text()
    show.focus()
    phone.keyboard.press("Enter")
    count = phone.locator(".pb-search__practices .pb-result").count()
    status = phone.locator(".pb-search__status").bounding_box()
    focused = phone.evaluate("document.activeElement.classList.contains('pb-search__status')")
    closed = not panel.evaluate("panel => panel.open")
    context.close()

    assert above
    assert label == f"Toon {count} {'praktijk' if count == 1 else 'praktijken'}"
    assert closed and focused
    assert 0 <= status["y"] and status["y"] + status["height"] <= 740


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


def index_words(site: Path) -> set[str]:
    """Every word the index lists for forgiving typing errors."""
    return {word for groups in site_lists(site).values() for word in listed_words(groups)}


def misspelt(word: str, known: set[str]) -> str:
    """`word` with one letter dropped, as a hand typing from memory does; never another word of the index
    nor the start of one (those would be found as typed)."""
    for position in range(len(word) // 2, len(word) - 1):
        typo = word[:position] + word[position + 1:]
        if not any(other.startswith(typo) for other in known):
            return typo
    raise AssertionError(f"every misspelling of {word} is a word of the index")


def longest_word(text: str) -> str:
    return max((word for word in words(text) if word.isalpha()), key=lambda word: (len(word), word))


# For a few practices, the longest word of their organisations' names and of their titles.
TYPO_CASES = [(practice.id, longest_word(text)) for practice in sorted(CATALOG.practices.values(),
                                                                        key=lambda practice: practice.id)[:4]
              for text in (" ".join(organisation.name for organisation in practice.organisations), practice.title)]


@pytest.mark.parametrize(("practice_id", "word"), TYPO_CASES)
def test_a_misspelt_name_or_word_finds_its_practice_and_says_what_was_searched(page, base_url: str, built_site: Path,
                                                                                practice_id: str, word: str) -> None:
    typo = misspelt(word, index_words(built_site))
    page.goto(base_url + "zoeken/?q=" + typo)

    assert practice_id in found(page)
    assert "Resultaten voor ‘" in page.get_by_role("status").inner_text()
    assert not page.locator(".pb-search__suggestion").is_visible()
    assert page.problems == []


def words_in_one_practice() -> dict[str, str]:
    """Long words that only one practice uses, with that practice."""
    users: dict[str, set[str]] = {}
    for practice in CATALOG.practices.values():
        for word in words(" ".join(strings({**asdict(practice), "related": [], "id": ""}))):
            if len(word) >= 9 and word.isalpha():
                users.setdefault(word, set()).add(practice.id)
    return {word: ids.pop() for word, ids in sorted(users.items()) if len(ids) == 1}


def test_practices_found_as_typed_rank_above_those_found_by_forgiving_a_typo(page, base_url: str,
                                                                             built_site: Path) -> None:
    unique = words_in_one_practice()
    exact_word, exact_id = next(iter(unique.items()))
    typo_word = next(word for word, practice_id in unique.items() if practice_id != exact_id
                     and not practices_containing(exact_word) & practices_containing(word))
    page.goto(base_url + f"zoeken/?q={exact_word}+{misspelt(typo_word, index_words(built_site))}")

    ids = found(page)
    exact = practices_containing(exact_word)
    assert exact_id in ids and unique[typo_word] in ids
    assert max(ids.index(practice_id) for practice_id in exact) < ids.index(unique[typo_word])
    assert page.problems == []


def test_did_you_mean_appears_only_when_nothing_matched_and_leads_to_results(page, base_url: str,
                                                                             built_site: Path) -> None:
    lists = site_lists(built_site)
    known = index_words(built_site)
    word, typo = next((word, typo) for word in listed_words(lists[7]) for typo in [word[0] + "qq" + word[3:]]
                      if not closest_words(typo, lists, 1) and closest_words(typo, lists, 2)[:1] == [word]
                      and not any(other.startswith(typo) for other in known))
    page.goto(base_url + "zoeken/?q=" + typo)
    found(page)

    suggestion = page.locator(".pb-search__suggestion")
    assert suggestion.is_visible() and suggestion.get_by_role("link").inner_text() == word
    assert f"Bedoelde je ‘{word}’?" in page.get_by_role("status").inner_text()
    suggestion.get_by_role("link").click()
    page.wait_for_url(f"**/zoeken/?q={word}")
    assert found(page) or page.locator(".pb-search__pages .pb-result").count()
    assert not suggestion.is_visible()
    assert page.problems == []


def test_filter_values_without_results_fold_away_unless_chosen_and_unfold(page, base_url: str) -> None:
    practice = sorted(CATALOG.practices.values(), key=lambda each: each.id)[0]
    other_status = next(status for status in ("idee", "pilot", "lopend", "afgerond") if status != practice.status)
    page.goto(base_url + f"zoeken/?q={practice.title.split()[0]}")
    found(page)
    themes = page.locator("fieldset[data-filter='thema']")
    empty = themes.locator(".pb-search__option--empty")
    assert empty.count() > 0 and not empty.first.is_visible()

    unfold = themes.get_by_role("button", name=re.compile("^Toon alle"))
    unfold.click()
    assert empty.first.is_visible() and unfold.get_attribute("aria-expanded") == "true"

    page.goto(base_url + f"zoeken/?q={practice.id}&status={other_status}")
    found(page)
    assert page.locator(f"#pb-filter-status-{other_status}").is_visible(), "a chosen filter stays visible"
    assert page.problems == []


def test_the_search_page_uses_the_width_and_a_phone_shows_the_filters_closed_before_results(browser,
                                                                                            base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    wide = context.new_page()
    wide.goto(base_url + "zoeken/?q=bibliotheek")
    wide.wait_for_selector(IDLE, state="attached")
    assert not wide.locator(".md-sidebar--primary").is_visible(), "no navigation column beside the results"
    assert wide.locator("header").is_visible()
    assert wide.locator(".pb-search__filters").evaluate("panel => panel.open")
    wide.set_viewport_size(PHONE)
    results = wide.locator(".pb-search__practices").bounding_box()
    assert results["y"] > wide.locator(".pb-search__filters").bounding_box()["y"]
    assert not wide.locator(".pb-search__filters").evaluate("panel => panel.open")
    context.close()


def test_an_excerpt_keeps_a_heading_apart_from_the_text_after_it(page, base_url: str) -> None:
    page.goto(base_url + "zoeken/")
    pieces = page.evaluate("""async () => {
        const engine = await import(new URL("../javascripts/zoeken/zoekindex.js", location.href).href);
        return engine.excerpt("Zo werkt het\\nElke week gaan ze.\\nDaarna iets", new Set([engine.stem("week")]));
    }""")

    assert "".join(text for text, _ in pieces) == "Zo werkt het · Elke week gaan ze. Daarna iets"


def in_municipality(name: str) -> set[str]:
    """The practices the municipality filter finds by `name`: their municipality, locality or region."""
    return {practice.id for practice in CATALOG.practices.values()
            if name in (*practice.place.municipalities, *practice.place.localities, practice.place.region)}


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

    page.get_by_role("group", name="Gemeente").get_by_label("Typ of kies een gemeente, plaats of regio").fill(names[-1])
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

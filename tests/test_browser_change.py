"""The ways to take part, in headless Chromium as a visitor uses them: the two links on a practice page reached
and followed by keyboard, with JavaScript to the editor on /aanmelden/ and without it to the forms, and "Pas deze collectie aan" through Mijn selectie to
the form that updates the collection. GitHub itself is not reached: its addresses are answered in the browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from praktijkbank.common.form_links import ADOPT_SECTION, CHANGE_SECTION
from praktijkbank.common.urls import EDITOR, SELECTION, collection_url, practice_url
from real_data import A_COLLECTION, A_PRACTICE
from sites import FORMS_CONTACT, FORMS_REPOSITORY
from test_ways_in import followed_mail

pytestmark = pytest.mark.browser

LINKS = {"wijzig": "Stel een wijziging voor", "neem-over": "Wij doen dit ook"}
MAX_TABS = 400


def forms_tab(browser, javascript: bool = True) -> tuple[object, object]:
    """A page in a fresh context where GitHub's addresses get a stand-in page and nothing else leaves the site."""
    context = browser.new_context(java_script_enabled=javascript)
    context.route(f"{FORMS_REPOSITORY}/**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                                        body="<title>GitHub</title>formulier"))
    tab = context.new_page()
    tab.problems = []
    tab.on("pageerror", lambda error: tab.problems.append(str(error)))
    tab.on("dialog", lambda dialog: dialog.accept())
    return context, tab


@pytest.fixture
def tab(browser) -> Iterator[object]:
    context, tab = forms_tab(browser)
    yield tab
    context.close()


def tab_to(tab, selector: str) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user gets there."""
    for _ in range(MAX_TABS):
        tab.keyboard.press("Tab")
        if tab.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


@pytest.mark.parametrize("javascript", [True, False], ids=["met-javascript", "zonder-javascript"])
def test_both_links_are_reached_and_followed_by_keyboard(browser, forms_url: str, javascript: bool) -> None:
    context, tab = forms_tab(browser, javascript)
    try:
        tab.goto(forms_url + practice_url(A_PRACTICE.id))
        tab_to(tab, '[data-aanmelden="wijzig"]')
        focused = tab.evaluate("() => [document.activeElement.textContent, document.activeElement.href]")
        tab.keyboard.press("Tab")
        following = tab.evaluate("() => [document.activeElement.textContent, document.activeElement.href]")

        assert [focused[0], following[0]] == list(LINKS.values())
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        assert tab.url == following[1]
        if javascript:  # the on-site editor takes the links over (docs/javascripts/aanmelden/links.js)
            assert focused[1] == f"{forms_url}{EDITOR}?wijzig={A_PRACTICE.id}"
            assert following[1] == f"{forms_url}{EDITOR}?neem-over={A_PRACTICE.id}"
            expect(tab.locator("#veld-based-on")).to_have_value(A_PRACTICE.id)
        else:
            assert focused[1].startswith(f"{FORMS_REPOSITORY}/issues/new?template=wijziging-voorstellen.yml")
            assert following[1].startswith(f"{FORMS_REPOSITORY}/issues/new?template=praktijk-aanmelden.yml")
            assert parse_qs(urlsplit(tab.url).query)["based_on"] == [A_PRACTICE.id]
        assert tab.problems == []
    finally:
        context.close()


def test_without_a_repository_the_links_lead_to_the_section_that_explains_the_forms(browser, base_url: str) -> None:
    """Without JavaScript (with it, the links lead to the editor on /aanmelden/)."""
    context, page = forms_tab(browser, javascript=False)
    for kind, section in (("wijzig", CHANGE_SECTION), ("neem-over", ADOPT_SECTION)):
        page.goto(base_url + practice_url(A_PRACTICE.id))
        tab_to(page, f'[data-aanmelden="{kind}"]')
        with page.expect_navigation():
            page.keyboard.press("Enter")

        assert page.url == base_url + section
        assert page.locator(f"#{section.split('#')[1]}").is_visible()
    context.close()


def test_adapting_a_collection_fills_in_the_form_with_its_id(tab, forms_url: str) -> None:
    tab.goto(forms_url + collection_url(A_COLLECTION.id))
    tab.get_by_role("link", name="Pas deze collectie aan").click()
    expect(tab.locator(".pb-selection__list li")).to_have_count(len(A_COLLECTION.items))
    assert "Dit is een collectie uit de praktijkbank" in tab.locator(".pb-selection__shared-about").inner_text()

    tab.get_by_role("button", name="Neem over in mijn selectie").click()
    tab.wait_for_url(forms_url + SELECTION)
    expect(tab.locator(".pb-selection__updating")).to_be_visible()
    form = parse_qs(urlsplit(tab.locator(".pb-selection__issue").get_attribute("href")).query)

    assert form["collection_id"] == [A_COLLECTION.id]
    assert form["collection_title"] == [A_COLLECTION.title]
    assert form["practices"][0].split("\n")[0] == f"{A_COLLECTION.items[0].practice}: {A_COLLECTION.items[0].note}"
    assert tab.locator(".pb-selection__updating-link").inner_text() == collection_url(A_COLLECTION.id)

    tab.get_by_role("button", name="Maak er toch een nieuwe collectie van").click()
    expect(tab.locator(".pb-selection__updating")).to_be_hidden()
    address = tab.locator(".pb-selection__issue").get_attribute("href")
    assert "collection_id" not in parse_qs(urlsplit(address).query)
    assert tab.problems == []


def test_on_paper_a_practice_page_keeps_none_of_the_ways_to_contribute(tab, forms_url: str) -> None:
    """Links lead nowhere on paper: no buttons to change or adopt, and no 'Geen GitHub-account?' sentence
    that would have lost its links."""
    tab.goto(forms_url + practice_url(A_PRACTICE.id))
    mail = tab.locator(".pb-contribute__mail")
    on_screen = mail.is_visible()
    tab.emulate_media(media="print")

    assert on_screen and "Geen GitHub-account?" in mail.inner_text()
    assert mail.is_hidden()
    assert "Geen GitHub-account" not in tab.locator("article").inner_text()


def test_a_collection_change_by_e_mail_says_so_and_holds_its_practices_and_notes(browser, forms_url: str) -> None:
    context, tab = forms_tab(browser)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=forms_url.rstrip("/"))
    tab.goto(forms_url + collection_url(A_COLLECTION.id))
    tab.get_by_role("link", name="Pas deze collectie aan").click()
    tab.get_by_role("button", name="Neem over in mijn selectie").click()
    tab.wait_for_url(forms_url + SELECTION)
    heading = f"Wijziging van collectie {A_COLLECTION.title}"
    expect(tab.locator("#collectie")).to_have_text(heading)

    mail, clipboard = followed_mail(tab, tab.get_by_role("link", name="Mail de wijziging van de collectie naar de redactie"))
    text = mail["body"] + "\n\n" + clipboard

    assert mail["to"] == FORMS_CONTACT and mail["subject"] == heading
    assert mail["body"].startswith(f"Collectie: {A_COLLECTION.id}\nAdres: {forms_url}{collection_url(A_COLLECTION.id)}")
    assert f"### Bestandsnaam (id) van de collectie\n\n{A_COLLECTION.id}\n\n" in text
    lines = [f"{item.practice}: {item.note}" if item.note else item.practice for item in A_COLLECTION.items]
    assert "### Praktijken in de collectie\n\n" + "\n".join(lines) + "\n" in text, "every practice, in order, with its note"
    assert tab.problems == []
    context.close()

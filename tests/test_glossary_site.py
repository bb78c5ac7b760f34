"""The glossary on the built site: a term explained at its first use on practice and collection pages (an
<abbr> with Material's tooltip, reachable by keyboard), the list "Begrippen op deze pagina" at the end, and
/begrippen/ with every term from A to Z and the practices that use it."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from praktijkbank.common.glossary import sort_key
from praktijkbank.common.urls import GLOSSARY, collection_url, practice_url
from praktijkbank.model.glossary_use import collection_texts, practice_terms, practices_by_term
from real_data import A_COLLECTION, A_PRACTICE, CATALOG


def content(built_site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((built_site / url / "index.html").read_text(encoding="utf-8"), "html.parser").article


def check_terms_explained_once_and_listed(article: BeautifulSoup, terms: list) -> None:
    explanations = [abbr["title"] for abbr in article.find_all("abbr")]
    listed = article.select("dl.pb-terms dt")

    assert terms, "the page uses no glossary term"
    assert sorted(explanations) == sorted(entry.explanation for entry in terms)
    assert all(abbr.get("tabindex") == "0" for abbr in article.find_all("abbr"))
    assert [dt.get_text() for dt in listed] == [entry.term for entry in terms]
    assert [dd.get_text() for dd in article.select("dl.pb-terms dd")] == [entry.explanation for entry in terms]
    heading = article.find("h2", string="Begrippen op deze pagina")
    assert heading and not heading.find_all_next("h2"), "the list is the page's last section"
    assert not article.select("dl.pb-terms abbr"), "the list itself carries no tooltips"


def test_a_practice_page_explains_each_of_its_terms_at_the_first_use_and_lists_them(built_site: Path) -> None:
    article = content(built_site, practice_url(A_PRACTICE.id))
    terms = practice_terms(A_PRACTICE, CATALOG.glossary)

    check_terms_explained_once_and_listed(article, terms)
    first = article.find("abbr")
    assert first.find_parent("a") is None and first.find_parent(["h1", "h2", "h3"]) is None


def test_a_collection_page_explains_and_lists_its_terms(built_site: Path) -> None:
    article = content(built_site, collection_url(A_COLLECTION.id))
    terms = CATALOG.glossary.terms_in(collection_texts(A_COLLECTION, CATALOG.practices))

    check_terms_explained_once_and_listed(article, terms)


def test_a_page_without_terms_has_no_list(built_site: Path) -> None:
    article = content(built_site, "praktijken")

    assert not article.find("abbr") and not article.select("dl.pb-terms")


def test_the_glossary_page_lists_every_term_a_to_z_with_the_practices_using_it(built_site: Path) -> None:
    article = content(built_site, GLOSSARY)
    entries = article.select(".pb-glossary__entry")
    using = practices_by_term(CATALOG)

    assert [entry.dt.get_text() for entry in entries] == [term.term for term in sorted(CATALOG.glossary.terms,
                                                                                         key=sort_key)]
    for entry, term in zip(entries, sorted(CATALOG.glossary.terms, key=sort_key)):
        assert entry.dt["id"] == term.anchor
        assert term.explanation in entry.dd.get_text()
        links = [link["href"] for link in entry.select(".pb-glossary__list a")]
        assert links == [f"../{practice_url(practice.id)}" for practice in using[term.term]]
    assert any(using.values())


def test_a_listed_term_links_to_its_entry_on_the_glossary_page(built_site: Path) -> None:
    article = content(built_site, practice_url(A_PRACTICE.id))
    first = practice_terms(A_PRACTICE, CATALOG.glossary)[0]

    assert article.select("dl.pb-terms dt a")[0]["href"] == f"../../{GLOSSARY}#{first.anchor}"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_keyboard_user_gets_the_explanation_as_a_tooltip(browser, base_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    tab.goto(base_url + practice_url(A_PRACTICE.id))
    first = practice_terms(A_PRACTICE, CATALOG.glossary)
    for _ in range(60):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.tagName") == "ABBR":
            break
    else:
        pytest.fail("Tab never reached an explained term")
    tooltip = tab.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    text = tooltip.inner_text()
    described = tab.evaluate("document.getElementById(document.activeElement.getAttribute('aria-describedby'))"
                             "?.textContent")
    context.close()

    assert text.strip() in {entry.explanation for entry in first}
    assert described and described.strip() == text.strip()


@pytest.mark.browser
def test_the_comparison_explains_its_terms_at_the_first_use_and_lists_them(page, base_url: str) -> None:
    from page_types import PAGE_TYPES

    page.goto(base_url + PAGE_TYPES["comparison"])
    page.wait_for_selector(".pb-compare__output[aria-busy='false']", state="attached")
    marks = page.locator(".pb-compare__output abbr").evaluate_all(
        "marks => marks.map(mark => [mark.textContent, mark.title, mark.tabIndex])")
    listed = page.locator(".pb-compare__output dl.pb-terms dt").all_inner_texts()

    assert marks, "the comparison uses no glossary term"
    for text, title, tabindex in marks:
        assert CATALOG.glossary.get(text).explanation == title and tabindex == 0
    terms = [CATALOG.glossary.get(text).term for text, _, _ in marks]
    assert len(terms) == len(set(terms)), "each term is explained once"
    assert sorted(listed) == sorted(terms)
    assert page.problems == []


@pytest.mark.browser
def test_on_a_phone_the_explanation_is_readable_and_esc_closes_it_where_the_focus_stays(browser,
                                                                                       base_url: str) -> None:
    """WCAG 1.4.13: what appears on focus can be dismissed without moving the focus; and it is as readable as
    the text (at least 16 px), not Material's 10 px."""
    tab = browser.new_page(viewport={"width": 360, "height": 740})
    tab.goto(base_url + practice_url(A_PRACTICE.id))
    tab.locator("article abbr").first.focus()
    tooltip = tab.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    size = tooltip.locator(".md-tooltip2__inner").evaluate("inner => parseFloat(getComputedStyle(inner).fontSize)")

    tab.keyboard.press("Escape")
    closed = tooltip.is_hidden()
    focused = tab.evaluate("document.activeElement.tagName")
    tab.keyboard.press("Tab")
    tab.keyboard.press("Shift+Tab")
    tab.locator(".md-tooltip2--active").wait_for(state="visible")
    tab.close()

    assert size >= 16
    assert closed and focused == "ABBR"

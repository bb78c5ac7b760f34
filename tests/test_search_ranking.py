"""Search ranking between practices and the hand-written help pages: a page that names practices in an example
(a collection file listing their ids) has more of the words someone types than each practice has, yet the
practices are found by their own words and listed first; the page comes after them.

The page and the practices come from the site's own pages and data: a hand-written page that names two
practices, and a word of each practice's title that leads to it alone.
"""

from __future__ import annotations

import re

import pytest

from helpers import PROJECT_ROOT
from praktijkbank.load.site_config import read_site_config
from praktijkbank.publish.search_text import words
from praktijkbank.render.markup import html_to_text
from praktijkbank.render.docs_pages import docs_pages
from real_data import CATALOG, own_word
from test_search_browser import IDLE, found

pytestmark = pytest.mark.browser


def page_naming_practices() -> tuple[str, list[str]]:
    """A hand-written page and the own words of the practices it names by id, where the page has those words too."""
    for page in docs_pages(read_site_config(PROJECT_ROOT / "mkdocs.yml")):
        text = set(words(html_to_text(page.html)))
        named = [own_word(CATALOG.practices[practice_id]) for practice_id in sorted(CATALOG.practices)
                 if practice_id in page.html]
        usable = [word for word in named if word and word in text]
        if len(usable) >= 2:
            return page.url, usable[:2]
    raise AssertionError("no hand-written page names two practices by id")


def test_a_help_page_naming_practices_in_an_example_never_pushes_them_out(page, base_url: str) -> None:
    url, typed = page_naming_practices()
    expected = [practice_id for practice_id in CATALOG.practices
                if own_word(CATALOG.practices[practice_id]) in typed]

    page.goto(base_url + "zoeken/?q=" + "+".join(typed))
    page.wait_for_selector(IDLE, state="attached")

    assert sorted(found(page)) == sorted(expected)
    pages = page.locator(".pb-search__pages .pb-result__title a").evaluate_all("links => links.map(l => l.pathname)")
    assert any(re.search(rf"/{re.escape(url)}$", href) for href in pages), "the help page is found too, below"
    assert page.problems == []

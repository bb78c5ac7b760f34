"""The browser and the build must turn words into the same stems, or a word typed in the search box misses
the practices that contain it. The build uses the Python package snowballstemmer, the browser the Snowball
JavaScript in docs/javascripts/zoeken/snowball/; upgrading one without the other makes these tests fail."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from helpers import PROJECT_ROOT
from praktijkbank.model.catalog import build_catalog
from praktijkbank.load.repository import Repository
from praktijkbank.publish.search_text import stem, words
from praktijkbank.validate.checker import validate_repository

pytestmark = pytest.mark.browser

CATALOG = build_catalog(validate_repository(Repository(PROJECT_ROOT)))
# Forms Snowball's Dutch rules treat specially: plurals, diminutives, -heid, -end, ë/ï, doubled vowels,
# words ending in z/v, and texts with digits, apostrophes and other scripts.
SPECIAL = ("kinderen kindje kindjes gezondheid lopend lopende geïnteresseerd cliënten reeën baby's 's-Hertogenbosch "
           "vliegen vlieg maken maakt gemaakt lezen leest gelezen geven geeft leven levens huizen huis verhuizen "
           "Fryslân Súdwest-Fryslân Zeeuws-Vlaanderen 2024-2025 €1.200 ﬁets Ελλάδα 東京 Ĳsselmeer ijsselmeer "
           "yoghurt UWV GGD e-mail co-creatie")


def text_of_every_practice() -> str:
    return " ".join(str(value) for practice in CATALOG.practices.values() for value in asdict(practice).values())


@pytest.fixture(scope="module")
def search_page(browser, base_url: str):
    page = browser.new_page()
    page.goto(base_url + "zoeken/")
    page.wait_for_selector(".pb-search__output[aria-busy='false']", state="attached")
    yield page
    page.close()


def in_the_browser(page, text: str) -> list[list[str]]:
    """[word, stem] for every word of `text`, by the search page's own module."""
    return page.evaluate("""async (text) => {
        const engine = await import(new URL("../javascripts/zoeken/zoekindex.js", location.href).href);
        return engine.words(text).map((word) => [word, engine.stem(word)]);
    }""", text)


@pytest.mark.parametrize("text", [SPECIAL, text_of_every_practice()], ids=["special", "practices"])
def test_the_browser_finds_the_same_words_and_stems_as_the_build(search_page, text: str) -> None:
    assert in_the_browser(search_page, text) == [[word, stem(word)] for word in words(text)]


def test_every_hand_written_page_gives_the_same_stems_in_the_browser(search_page) -> None:
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted((PROJECT_ROOT / "docs").glob("*.md")))
    assert in_the_browser(search_page, text) == [[word, stem(word)] for word in words(text)]


@pytest.mark.parametrize(("word", "also"), [("lezen", "lees"), ("voorlezen", "voorlees"), ("geven", "geef"),
                                            ("verhuizen", "verhuis"), ("reizen", "reis"), ("schrijven", "schrijf"),
                                            ("grazen", "graas")])
def test_a_stem_ending_in_z_or_v_also_finds_words_spelt_with_s_or_f(search_page, word: str, also: str) -> None:
    prefixes = search_page.evaluate("""async (word) => {
        const engine = await import(new URL("../javascripts/zoeken/zoekindex.js", location.href).href);
        return engine.prefixes(word, engine.stem(word));
    }""", word)
    assert prefixes == [word, also]

"""Typing errors forgiven: which words of the index a misspelt word is matched to, and that the browser
(docs/javascripts/tikfouten.js) picks exactly the same ones as the build (search_typos.py) for the same
word lists, as test_search_stemming.py does for stems."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from praktijkbank.publish.search_typos import (
    allowed_distance,
    closest_words,
    edit_distance,
    suggestion_distance,
    word_lists,
)


@pytest.mark.parametrize(("word", "forgiven"), [("gids", 0), ("senfer", 1), ("taalcafe", 2), ("philadelpia", 2)])
def test_short_words_stay_exact_and_longer_ones_forgive_more(word: str, forgiven: int) -> None:
    assert allowed_distance(word) == forgiven
    assert suggestion_distance(word) == forgiven + 1


@pytest.mark.parametrize(("first", "second", "distance"), [("senfer", "senver", 1), ("philadelpia", "philadelphia", 1),
                                                           ("taalcafe", "taalcafé", 1), ("huis", "huis", 0),
                                                           ("kat", "kast", 1), ("abc", "xyz", 3)])
def test_the_edit_distance_counts_letters_added_dropped_or_changed(first: str, second: str, distance: int) -> None:
    assert edit_distance(first, second, 10) == distance == edit_distance(second, first, 10)


@pytest.mark.parametrize(("first", "second", "distance"), [("ouderne", "ouderen", 1), ("ouderne", "ouders", 2),
                                                           ("bilbiotheek", "bibliotheek", 1), ("ab", "ba", 1),
                                                           ("abc", "ca", 3)])
def test_two_neighbouring_letters_swapped_count_as_one_typing_error(first: str, second: str, distance: int) -> None:
    assert edit_distance(first, second, 10) == distance == edit_distance(second, first, 10)


def test_a_suggestion_prefers_the_closer_word_over_a_more_common_one() -> None:
    lists = {6: ["ouders"], 7: ["ouderen"]}  # "ouders" is the more common word: first in its list

    assert closest_words("ouderne", lists, 2) == ["ouderen"]


def test_the_edit_distance_stops_counting_at_the_ceiling() -> None:
    assert edit_distance("bibliotheek", "gemeente", 2) == 2


def test_the_closest_words_are_only_those_at_the_smallest_distance() -> None:
    lists = {6: ["senver", "zenfer", "seniro"], 7: ["senvers"]}

    assert closest_words("senfer", lists, 1) == ["senver", "zenfer"]
    assert closest_words("sinfer", lists, 1) == []
    assert closest_words("sinfer", lists, 2) == ["senver", "zenfer"]


def test_word_lists_hold_each_word_once_per_length_the_most_used_first() -> None:
    documents = [["Het taalcafé in de wijk"], ["Taalcafe en leesclub"], ["Een leesclub, een taalcafé", "2024 ab"]]

    assert word_lists(documents) == {4: ["wijk"], 8: ["taalcafe", "leesclub"]}


def site_lists(site: Path) -> dict[int, list[str]]:
    manifest = json.loads((site / "zoekindex" / "index.json").read_text(encoding="utf-8"))
    folder = site / "zoekindex" / manifest["folder"] / "woordenlijst"
    return {length: json.loads(gzip.decompress((folder / f"{length}.zk").read_bytes()))
            for length in manifest["wordLengths"]}


def misspellings(word: str) -> list[str]:
    """A letter dropped, a letter changed and two letters swapped (in the middle and at the end): what a typing
    hand does."""
    middle = len(word) // 2
    return [word[:middle] + word[middle + 1:], word[:middle] + "x" + word[middle + 1:],
            word[:middle - 1] + word[middle] + word[middle - 1] + word[middle + 1:], word[:-2] + word[-1] + word[-2]]


@pytest.mark.browser
def test_the_browser_picks_the_same_closest_words_as_the_build(browser, base_url: str, built_site: Path) -> None:
    lists = site_lists(built_site)
    typed = sorted({typo for words in lists.values() for word in words[:15] for typo in misspellings(word)})
    expected = [closest_words(word, lists, suggestion_distance(word)) for word in typed]
    page = browser.new_page()
    page.goto(base_url + "zoeken/")

    found = page.evaluate("""async ([typed, lists]) => {
        const typos = await import(new URL("../javascripts/tikfouten.js", location.href).href);
        const byLength = new Map(Object.entries(lists).map(([length, words]) => [Number(length), words]));
        return typed.map((word) => typos.closestWords(word, byLength, typos.suggestionDistance(word)));
    }""", [typed, {str(length): words for length, words in lists.items()}])
    page.close()

    assert len(typed) > 100 and any(expected)
    assert found == expected

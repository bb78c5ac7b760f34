"""Typing errors forgiven: which words of the index a misspelt word is matched to, and that the browser
(docs/javascripts/zoeken/tikfouten.js) picks exactly the same ones as the build (search_typos.py) for the same
word lists, as test_search_stemming.py does for stems."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from praktijkbank.publish.search_typos import (
    WordGroup,
    allowed_distance,
    closest_words,
    edit_distance,
    listed_words,
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
    lists = {6: [[9, "ouders"]], 7: [[1, "ouderen"]]}  # "ouders" is in more documents, but two steps away

    assert closest_words("ouderne", lists, 2) == ["ouderen"]


def test_of_equally_close_words_the_one_more_documents_use_comes_first_whatever_its_length() -> None:
    lists = {6: [[2, "oudere"]], 7: [[5, "ouderen"]]}  # both one step from "ouderne"

    assert closest_words("ouderne", lists, 1) == ["ouderen", "oudere"]
    assert closest_words("ouderne", {6: [[5, "oudere"]], 7: [[2, "ouderen"]]}, 1) == ["oudere", "ouderen"]


def test_equally_close_and_equally_used_words_go_by_the_alphabet() -> None:
    lists = {6: [[3, "zenver"]], 7: [[3, "senvers"]], 5: [[3, "senve"]]}

    assert closest_words("senver", lists, 1) == ["senve", "senvers", "zenver"]


def test_the_edit_distance_stops_counting_at_the_ceiling() -> None:
    assert edit_distance("bibliotheek", "gemeente", 2) == 2


def test_the_closest_words_are_only_those_at_the_smallest_distance() -> None:
    lists = {6: [[1, "senver", "zenfer", "seniro"]], 7: [[1, "senvers"]]}

    assert closest_words("senfer", lists, 1) == ["senver", "zenfer"]
    assert closest_words("sinfer", lists, 1) == []
    assert closest_words("sinfer", lists, 2) == ["senver", "zenfer"]


def test_word_lists_hold_each_word_once_per_length_grouped_by_how_many_documents_use_it() -> None:
    documents = [["Het taalcafé in de wijk"], ["Taalcafe en leesclub"], ["Een leesclub, een taalcafé", "2024 ab"],
                 ["De buurt en de wijk"]]

    lists = word_lists(documents)

    assert lists == {4: [[2, "wijk"]], 5: [[1, "buurt"]], 8: [[3, "taalcafe"], [2, "leesclub"]]}
    assert list(listed_words(lists[8])) == ["taalcafe", "leesclub"]


def site_lists(site: Path) -> dict[int, list[WordGroup]]:
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
    typed = sorted({typo for groups in lists.values() for word in list(listed_words(groups))[:15]
                    for typo in misspellings(word)})
    expected = [closest_words(word, lists, suggestion_distance(word)) for word in typed]
    page = browser.new_page()
    page.goto(base_url + "zoeken/")

    found = closest_in_the_browser(page, typed, lists)
    ties = {6: [[4, "oudere"], [2, "zenver"]], 7: [[4, "ouderen"], [2, "senvers"]], 5: [[2, "senve"]]}
    found_in_ties = closest_in_the_browser(page, ["ouderne", "senver"], ties)
    page.close()

    assert len(typed) > 100 and any(expected)
    assert found == expected
    assert found_in_ties == [closest_words(word, ties, suggestion_distance(word)) for word in ("ouderne", "senver")] \
        == [["oudere", "ouderen"], ["senve", "senvers", "zenver"]]


def closest_in_the_browser(page, typed: list[str], lists: dict[int, list[WordGroup]]) -> list[list[str]]:
    return page.evaluate("""async ([typed, lists]) => {
        const typos = await import(new URL("../javascripts/zoeken/tikfouten.js", location.href).href);
        const byLength = new Map(Object.entries(lists).map(([length, groups]) => [Number(length), groups]));
        return typed.map((word) => typos.closestWords(word, byLength, typos.suggestionDistance(word)));
    }""", [typed, {str(length): groups for length, groups in lists.items()}])

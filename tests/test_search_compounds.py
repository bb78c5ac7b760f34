"""Dutch compounds in search: a word inside a compound finds it, below whole-word and prefix matches, and a
compound typed as two words finds the single word. The build splits words against OpenTaal's word list
(search_compounds.py); the browser looks the parts up the same way (samenstellingen.js)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import PROJECT_ROOT
from praktijkbank.publish.search_compounds import (
    COMPOUND_SHARE,
    PARTS_FILE,
    compound_key,
    compound_parts,
    compound_queries,
    joined_words,
    known_words,
)
from praktijkbank.publish.search_documents import SearchDocument, practice_document
from praktijkbank.publish.search_index import score_stems
from praktijkbank.publish.search_text import stem, words
from real_data import CATALOG

WORD_LIST = PROJECT_ROOT / "src" / "praktijkbank" / "publish" / PARTS_FILE


@pytest.mark.parametrize(("word", "part"), [
    ("samenwerkingsovereenkomst", "overeenkomst"),  # after a linking s
    ("samenwerkingsovereenkomst", "werking"),  # the middle
    ("jongerenwerkers", "werkers"),  # an inflected end
    ("voorleestent", "tent"),
    ("seniorenvereniging", "vereniging"),
    ("dagbesteding", "besteding"),  # after a short first part
    ("taalpuntcoordinator", "coordinator"),  # without accents, as search indexes words
])
def test_a_compound_is_split_into_its_parts_after_the_first(word: str, part: str) -> None:
    assert part in compound_parts(word)


@pytest.mark.parametrize("word", ["bibliotheek", "organisaties", "werkers", "gemeente"])
def test_a_word_that_is_no_compound_has_no_parts(word: str) -> None:
    """'bibliotheek' holds 'lio' and 'theek' by chance: no reading of it as known words reaches its end."""
    assert compound_parts(word) == ()


def test_the_first_part_is_left_to_prefix_search() -> None:
    assert "samenwerking" not in compound_parts("samenwerkingsovereenkomst")
    assert "jongeren" not in compound_parts("jongerenwerkers")


def document(number: int, text: str) -> SearchDocument:
    return SearchDocument(f"praktijken/p{number}/", f"P{number}", "praktijk", ((text, 1),), text)


def test_the_parts_get_postings_of_their_own_beside_the_word_s_stem() -> None:
    postings = score_stems([document(0, "Een samenwerkingsovereenkomst getekend"), document(1, "Een overeenkomst")])

    assert [number for number, _ in postings[stem("overeenkomst")]] == [1]
    assert [number for number, _ in postings[compound_key(stem("overeenkomst"))]] == [0]
    assert compound_key(stem("samenwerkingsovereenkomst")) not in postings


def test_two_words_look_up_the_word_they_make_together() -> None:
    assert joined_words(["voorlees", "tent", "dalfsen"]) == [["voorleestent", "voorleesstent"],
                                                              ["tentdalfsen", "tentsdalfsen"]]
    [first, second] = compound_queries(["samenwerking", "overeenkomst"])

    assert first[0] == (compound_key(stem("samenwerking")), COMPOUND_SHARE)
    assert (stem("samenwerkingsovereenkomst"), 1.0) in first and (stem("samenwerkingsovereenkomst"), 1.0) in second


def test_the_word_list_says_where_it_comes_from_and_is_sorted() -> None:
    lines = WORD_LIST.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    listed = [line for line in lines if not line.startswith("#")]

    assert re.search(r"hunspell-nl .*nl\.dic \(sha256 [0-9a-f]{64}\)", header[0])
    assert "OpenTaal" in header[1] and "BSD" in header[1]
    assert listed == sorted(set(listed)) and len(listed) > 50_000
    assert all(re.fullmatch(r"[a-zà-öø-ÿ]{3,12}", word) for word in listed)
    assert "overeenkomst" in known_words()


@pytest.mark.skipif(not Path("/usr/share/hunspell/nl.dic").is_file(), reason="hunspell-nl is not installed")
def test_the_committed_word_list_is_derived_from_hunspell_nl() -> None:
    """Where Debian's hunspell-nl is installed, deriving the list again gives the committed bytes."""
    import sys

    sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
    from prepare_compound_words import derive

    version = WORD_LIST.read_text(encoding="utf-8").split("hunspell-nl ")[1].split(",")[0]
    assert derive(Path("/usr/share/hunspell/nl.dic").read_bytes(), version) == WORD_LIST.read_text(encoding="utf-8")


def queries_from_the_bank() -> list[list[str]]:
    """One- and two-word queries made of the bank's own words, compounds and their parts among them."""
    bank = sorted({word for practice in CATALOG.practices.values() for word in words(practice.description)
                   if len(word) >= 4})
    compounds = [word for word in bank if compound_parts(word)][:40]
    parts = [[part] for word in compounds for part in compound_parts(word)]
    return parts + [[word] for word in compounds] + [bank[index:index + 2] for index in range(0, 120, 3)]


@pytest.mark.browser
def test_the_browser_looks_up_the_same_compound_keys_as_python(page, base_url: str) -> None:
    queries = queries_from_the_bank()
    page.goto(base_url + "zoeken/")

    answers = page.evaluate("""async (queries) => {
        const engine = await import(new URL("../javascripts/zoeken/zoekindex.js", location.href).href);
        const compounds = await import(new URL("../javascripts/zoeken/samenstellingen.js", location.href).href);
        return queries.map((typed) => compounds.compoundQueries(typed, engine.stem));
    }""", queries)

    assert len(queries) > 60
    assert answers == [[[list(pair) for pair in keys] for keys in compound_queries(typed)] for typed in queries]


def search(page, query: str) -> list[str]:
    return page.evaluate("""async (query) => {
        const engine = await import(new URL("../javascripts/zoeken/zoekindex.js", location.href).href);
        const index = await engine.SearchIndex.open(new URL("../zoekindex/index.json", location.href).href);
        const result = await index.search({query, filters: {}, sort: ""});
        return Promise.all(result.practices.map(async (number) => (await index.document(number)).url));
    }""", query)


def containing(pattern: str) -> set[str]:
    return {f"praktijken/{practice.id}/" for practice in CATALOG.practices.values()
            if re.search(pattern, " ".join(words(" ".join([practice.title, practice.summary, practice.description,
                                                           *practice.activities, *practice.lessons]))))}


def a_compound_and_its_end() -> tuple[str, str]:
    """A compound in the bank whose end part no practice has as a word of its own."""
    own = {word for practice in CATALOG.practices.values() for word in words(practice.description)}
    for word in sorted(own):
        for part in compound_parts(word):
            if word.endswith(part) and not any(stem(other) == stem(part) for other in own) and len(part) >= 5:
                return word, part
    raise AssertionError("no compound with an end of its own in the bank")


@pytest.mark.browser
def test_the_end_of_a_compound_finds_it(page, base_url: str) -> None:
    word, part = a_compound_and_its_end()
    page.goto(base_url + "zoeken/")

    assert set(search(page, part)) >= containing(rf"\b{word}\b")
    assert page.problems == []


@pytest.mark.browser
def test_a_compound_typed_as_two_words_finds_the_single_word(page, base_url: str) -> None:
    word, part = a_compound_and_its_end()
    page.goto(base_url + "zoeken/")

    assert set(search(page, f"{word.removesuffix(part)} {part}")) >= containing(rf"\b{word}\b")


@pytest.mark.browser
def test_a_word_inside_a_compound_ranks_below_the_word_itself(page, base_url: str) -> None:
    """A practice with the part as a word (or the start of one) of its own comes before every practice that
    has it only inside a compound."""
    indexed = {f"praktijken/{practice.id}/": {word for text, _ in practice_document(
        practice, CATALOG.vocabularies, CATALOG.glossary).fields for word in words(text)}
        for practice in CATALOG.practices.values()}
    for part in sorted({part for found in indexed.values() for word in found for part in compound_parts(word)}):
        whole = {url for url, found in indexed.items() if any(word.startswith(part) for word in found)}
        inside = {url for url, found in indexed.items()
                  if url not in whole and any(part in compound_parts(word) for word in found)}
        if len(part) >= 5 and whole and inside:
            break
    else:
        pytest.fail("no part that is both a word of its own and inside a compound")
    page.goto(base_url + "zoeken/")

    results = search(page, part)

    assert set(results) >= whole | inside
    assert {url for url in results[:len(whole)]} == whole

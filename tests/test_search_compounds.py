"""Dutch compounds in search: a word inside a compound finds it, below whole-word and prefix matches, and a
compound typed as two words finds the single word. The build splits words against OpenTaal's word list
(search_compounds.py); the browser looks the parts up the same way (samenstellingen.js)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import PROJECT_ROOT, require_tool
from praktijkbank.publish.search_compounds import (
    COMPOUND_SHARE,
    MIN_PART,
    PARTS_FILE,
    compound_key,
    compound_keys,
    compound_parts,
    compound_queries,
    joined_words,
    known_words,
)
from praktijkbank.publish.search_documents import SearchDocument, practice_document
from praktijkbank.publish.search_index import score_stems
from praktijkbank.publish.search_text import stem, stems, words
from real_data import CATALOG

WORD_LIST = PROJECT_ROOT / "src" / "praktijkbank" / "publish" / PARTS_FILE
HUNSPELL_NL = Path("/usr/share/hunspell/nl.dic")


@pytest.mark.parametrize(("word", "part"), [
    ("samenwerkingsovereenkomst", "overeenkomst"),  # after a linking s
    ("samenwerkingsovereenkomst", "werking"),  # the middle
    ("jongerenwerkers", "werkers"),  # an inflected end
    ("voorleestent", "tent"),
    ("seniorenvereniging", "vereniging"),
    ("dagbesteding", "besteding"),  # after a short first part
    ("taalpuntcoordinator", "coordinator"),  # without accents, as search indexes words
    ("wijkwinkels", "winkels"),  # an ij, which OpenTaal writes as one letter
    ("kinderdagverblijven", "verblijven"),
    ("kinderdagverblijven", "dagverblijven"),  # a tail in the plural, written with a v where the list has an f
    ("samenwerkingsovereenkomst", "werkingsovereenkomst"),  # a tail of more than one part
])
def test_a_compound_is_split_into_its_parts_after_the_first(word: str, part: str) -> None:
    assert part in compound_parts(word)


@pytest.mark.parametrize(("word", "typed"), [
    ("wijkwinkels", "winkel"), ("wijkwinkel", "winkels"),  # singular and plural Snowball stems alike
    ("seniorenorganisatie", "organisaties"), ("seniorenorganisaties", "organisatie"),  # an s after a vowel
    ("werkplaats", "plaatsen"), ("werkplaatsen", "plaats"),  # Snowball: 'plat', 'plaats'
    ("taalhuizen", "huis"), ("taalhuis", "huizen"), ("kinderdagverblijven", "verblijf"),  # s/z and f/v
    ("kinderdagverblijven", "dagverblijf"), ("kinderdagverblijf", "dagverblijven"),
])
def test_a_part_is_found_in_singular_and_plural_and_either_spelling(word: str, typed: str) -> None:
    assert compound_key(stem(typed)) in compound_keys(word)


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
    assert {"wijk", "tijd", "vrijwilliger"} <= known_words()


def derive_word_list() -> Callable[[bytes, str], str]:
    """scripts/prepare_compound_words.py's derive(), which is a script's, not the package's."""
    import sys

    sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
    from prepare_compound_words import derive

    return derive


def test_the_word_list_writes_opentaal_s_one_letter_ij_as_i_and_j() -> None:
    """OpenTaal's nl.dic spells 'wijk' with the ligature 'ĳ' (nl.aff turns it back for output): a visitor types
    i and j."""
    listed = derive_word_list()("3\nwĳk/CaYbZb\ntĳd\nwinkel/Ca\n".encode(), "0").splitlines()[3:]

    assert listed == ["tijd", "wijk", "winkel"]


def test_the_committed_word_list_is_derived_from_hunspell_nl() -> None:
    """Deriving the list again from Debian's hunspell-nl (the version the list names) gives the committed bytes."""
    require_tool(HUNSPELL_NL.is_file(), "Debian's hunspell-nl (/usr/share/hunspell/nl.dic)",
                 ".ci/run installs it with apt-get install hunspell-nl")
    derive = derive_word_list()
    version = WORD_LIST.read_text(encoding="utf-8").split("hunspell-nl ")[1].split(",")[0]
    assert derive(HUNSPELL_NL.read_bytes(), version) == WORD_LIST.read_text(encoding="utf-8")


def number_forms(word: str) -> set[str]:
    """The word and its plural as Dutch spelling makes most plurals, or, for a word that ends as a plural, its
    singular when the word list has it: what a visitor may type for a word of a compound."""
    if word.endswith(("s", "en")):
        return {word} | {word.removesuffix(ending) for ending in ("s", "en") if word.removesuffix(ending) in known_words()}
    return {word, word + ("s" if word.endswith(("a", "e", "i", "o", "u", "y", "el", "em", "er", "je")) else "en")}


def bank_compounds() -> dict[str, set[str]]:
    """Every compound in what search indexes of the bank's practices, with the practices that have it."""
    found: dict[str, set[str]] = {}
    for practice in CATALOG.practices.values():
        document = practice_document(practice, CATALOG.vocabularies, CATALOG.glossary)
        for text, _ in document.fields:
            for word in words(text):
                if compound_parts(word):
                    found.setdefault(word, set()).add(practice.id)
    return found


def tail_queries() -> list[tuple[str, str]]:
    """(word, what a visitor types) for the end of every compound in the bank, in singular and plural."""
    return sorted({(word, typed) for word in bank_compounds() for part in compound_parts(word)
                   if word.endswith(part) for typed in number_forms(part) if len(typed) >= MIN_PART})


def test_the_end_of_every_compound_in_the_bank_finds_it_in_singular_and_plural() -> None:
    """As the browser looks a word up: its stem, the stems it starts, its keys as a compound part."""
    keys = {word: {*stems(word), *compound_keys(word)} for word in bank_compounds()}
    missed = [(word, typed) for word, typed in tail_queries()
              if not any(key in keys[word] for key, _ in compound_queries([typed])[0])
              and stem(typed) not in keys[word] and not word.startswith(typed)]

    assert len(tail_queries()) > 100
    assert missed == []


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


def a_tail_only_its_other_number_finds() -> tuple[str, str]:
    """(typed, practice): the end of a compound in the bank typed in the other number (or spelling), by which the
    practice could not be found before a part had keys for its singular and plural: no word of the practice has
    its stem, starts with it, or has it as a part as written."""
    compounds = bank_compounds()
    for word, typed in sorted(tail_queries(), key=lambda query: -len(query[1])):
        for practice in sorted(compounds[word]):
            own = {found for text, _ in practice_document(CATALOG.practices[practice], CATALOG.vocabularies,
                                                          CATALOG.glossary).fields for found in words(text)}
            if not any(stem(found) == stem(typed) or found.startswith(typed)
                       or stem(typed) in map(stem, compound_parts(found)) for found in own):
                return typed, practice
    raise AssertionError("no compound in the bank whose end only its other number finds")


@pytest.mark.browser
def test_the_end_of_a_compound_in_the_other_number_finds_it(page, base_url: str) -> None:
    typed, practice = a_tail_only_its_other_number_finds()
    page.goto(base_url + "zoeken/")

    assert f"praktijken/{practice}/" in search(page, typed)


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

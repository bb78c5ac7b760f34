"""The search index in the built site: which documents it holds, what each tells search, and its files.

The expectations come from the practice data and the hand-written pages, not from the code that writes the
index, and the index is read back the way the search page reads it (gzip around JSON, gaps between numbers).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import PROJECT_ROOT
from praktijkbank.model.catalog import Practice, newest_first, title_key
from praktijkbank.publish.search_documents import PAGE, PRACTICE, SearchDocument, page_document, practice_document
from praktijkbank.publish.search_index import build_search_index
from praktijkbank.publish.search_text import STOP_WORDS, stem, stems, words
from praktijkbank.render.text import place_text
from praktijkbank.common.facets import FACETS
from praktijkbank.common.urls import MUNICIPALITY_PARAMETER, facet_url, practice_url, search_url

from real_data import A_PRACTICE, CATALOG
DOCS_PAGES = sorted(path.stem for path in (PROJECT_ROOT / "docs").glob("*.md"))
BY_TITLE = sorted(CATALOG.practices.values(), key=lambda practice: (title_key(practice.title), practice.id))


def html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


class Index:
    """The index as the browser sees it."""

    def __init__(self, site: Path) -> None:
        self.root = site / "zoekindex"
        self.manifest = json.loads((self.root / "index.json").read_text(encoding="utf-8"))
        self.folder = self.root / self.manifest["folder"]

    def read(self, name: str) -> object:
        return json.loads(gzip.decompress((self.folder / name).read_bytes()))

    def documents(self) -> list[dict[str, str]]:
        return [self.read(f"teksten/{number}.zk") for number in range(self.manifest["documents"])]

    def numbers_with(self, stem_: str) -> dict[int, int]:
        """Document number → score for one stem, from the shard that holds it."""
        shard = max(number for number, first in enumerate(self.manifest["shards"]) if first <= stem_)
        flat = self.read(f"woorden/{shard}.zk").get(stem_, [])
        found, number = {}, 0
        for gap, score in zip(flat[::2], flat[1::2]):
            number += gap
            found[number] = score
        return found

    def filters(self) -> dict[str, dict[str, list[int]]]:
        return {parameter: {value: _running_sum(gaps) for value, gaps in values.items()}
                for parameter, values in self.read("filters.zk").items()}


def _running_sum(gaps: list[int]) -> list[int]:
    numbers, total = [], 0
    for gap in gaps:
        total += gap
        numbers.append(total)
    return numbers


def expected_filters(practice: Practice) -> set[tuple[str, str]]:
    """Straight from the practice's fields, not from the code that writes the filters."""
    values = {
        "thema": practice.themes,
        "partner": [organisation.type for organisation in practice.organisations],
        "provincie": practice.place.provinces,
        "doelgroep": practice.target_groups,
        "status": [practice.status],
        "gemeente": [*practice.place.municipalities, *practice.place.localities,
                     *([practice.place.region] if practice.place.region else [])],
    }
    return {(name, value) for name, names in values.items() for value in names}


def document(title: str, body: str, kind: str = PRACTICE, **extra: object) -> SearchDocument:
    return SearchDocument(f"{kind}/{title.lower()}/", title, kind, ((title, 6), (body, 1)), body, **extra)


def test_words_ignore_case_accents_and_punctuation() -> None:
    assert list(words("Cliënten bezoeken het Taalcafé; 's-Hertogenbosch, 2024!")) == [
        "clienten", "bezoeken", "het", "taalcafe", "hertogenbosch", "2024"]


def test_dutch_word_forms_share_a_stem_and_stop_words_are_left_out() -> None:
    assert {stem(word) for word in ("ouderen", "oudere", "ouders")} == {"ouder"}
    assert stem("bibliotheken") == stem("bibliotheek")
    assert list(stems("wat doen de bibliotheken met de GGD")) == [stem("bibliotheken"), "ggd"]


def test_the_stems_are_the_beginnings_of_their_words_so_half_a_word_finds_them() -> None:
    for word in ("geldzaken", "gemeenten", "gezondheid", "laaggeletterdheid"):
        assert word.startswith(stem(word)[:-1]), word


def test_a_practice_is_searched_in_every_text_field_with_the_title_counting_most() -> None:
    practice = A_PRACTICE
    found = practice_document(practice, CATALOG.vocabularies)
    indexed = " ".join(text for text, _ in found.fields)

    assert found.url == practice_url(practice.id) and found.kind == PRACTICE
    assert found.summary == practice.summary
    assert found.place == place_text(practice.place, CATALOG.vocabularies)
    assert set(found.filters) == expected_filters(practice)
    for organisation in practice.organisations:
        assert organisation.name in indexed
    for lesson in practice.lessons:
        assert lesson in indexed
    assert CATALOG.vocabularies["themes"].label(practice.themes[0]) in indexed
    assert max(found.fields, key=lambda field: field[1])[0] == practice.title


def test_the_text_a_result_quotes_is_the_description_without_markdown() -> None:
    found = practice_document(A_PRACTICE, CATALOG.vocabularies)
    plain_line = next(line for line in A_PRACTICE.description.splitlines()
                      if line[:1].isalpha() and not any(mark in line for mark in "*_[]()<>#`"))
    assert " ".join(plain_line.split()[:4]) in found.text
    assert not any(mark in found.text for mark in ("**", "<p>", "\n\n"))


def test_a_hand_written_page_is_searched_in_its_text_without_markup_or_scripts() -> None:
    found = page_document("over/", "Over", "<h1>Over</h1><p>Wie <em>wij</em> zijn</p><script>geheim()</script>")
    assert found.kind == PAGE and found.text == "Over\nWie wij zijn"


def test_a_heading_and_the_text_after_it_stay_apart_in_the_quoted_text() -> None:
    """A bold line above a list is a heading to the reader: the excerpt must not run it into the list."""
    found = page_document("x/", "X", "<p><strong>Zo werkt het</strong></p><ul><li>Elke\nweek</li></ul>")
    assert found.text == "Zo werkt het\nElke week", "a line break inside a paragraph stays a space"


def test_a_word_in_the_title_scores_higher_than_the_same_word_in_the_text(tmp_path: Path) -> None:
    build_search_index([document("Voorleestent", "Een zomer lang."),
                        document("Zomer", "Met een voorleestent in de wijk.")], tmp_path)
    scores = Index(tmp_path).numbers_with(stem("voorleestent"))

    assert scores[0] > scores[1] > 0


def test_practices_come_first_by_title_then_other_pages(tmp_path: Path) -> None:
    build_search_index([document("Over", "tekst", PAGE), document("Bieb", "tekst"), document("Atlas", "tekst", PAGE),
                        document("Café", "tekst")], tmp_path)
    index = Index(tmp_path)

    assert [found["title"] for found in index.documents()] == ["Bieb", "Café", "Atlas", "Over"]
    assert index.manifest["practices"] == 2


def test_an_index_build_replaces_the_previous_index(tmp_path: Path) -> None:
    build_search_index([document("Eerste", "tekst")], tmp_path)
    build_search_index([document("Tweede", "tekst")], tmp_path)

    assert [path.name for path in (tmp_path / "zoekindex").iterdir() if path.is_dir()] == [
        Index(tmp_path).manifest["folder"].rstrip("/")]


def test_the_index_holds_every_practice_by_title_and_every_hand_written_page(built_site: Path) -> None:
    index = Index(built_site)
    shown = index.documents()

    assert index.manifest["practices"] == len(CATALOG.practices)
    assert index.manifest["documents"] == len(CATALOG.practices) + len(DOCS_PAGES)
    assert [found["url"] for found in shown[:len(BY_TITLE)]] == [practice_url(p.id) for p in BY_TITLE]
    assert sorted(found["url"] for found in shown[len(BY_TITLE):]) == sorted(f"{name}/" for name in DOCS_PAGES)


@pytest.mark.parametrize("number", range(len(BY_TITLE)))
def test_a_result_shows_the_practice_title_place_and_summary(built_site: Path, number: int) -> None:
    practice = BY_TITLE[number]
    shown = Index(built_site).read(f"teksten/{number}.zk")

    assert (shown["title"], shown["summary"]) == (practice.title, practice.summary)
    assert shown["place"] == place_text(practice.place, CATALOG.vocabularies)


def test_each_practice_is_in_the_filter_lists_of_exactly_its_own_values(built_site: Path) -> None:
    lists = Index(built_site).filters()
    for number, practice in enumerate(BY_TITLE):
        listed = {(parameter, value) for parameter, values in lists.items()
                  for value, numbers in values.items() if number in numbers}
        assert listed == expected_filters(practice), practice.id
    assert set(lists) == {*(facet.parameter for facet in FACETS.values()), MUNICIPALITY_PARAMETER}


def test_newest_first_is_the_order_of_the_site_lists(built_site: Path) -> None:
    order = Index(built_site).read("nieuwste.zk")
    assert [BY_TITLE[number].id for number in order] == [p.id for p in newest_first(CATALOG.practices.values())]


def test_a_word_of_a_practice_leads_to_it(built_site: Path) -> None:
    index = Index(built_site)
    for number, practice in enumerate(BY_TITLE):
        for word in words(practice.title):
            if word not in STOP_WORDS:
                assert number in index.numbers_with(stem(word)), (practice.id, word)


def test_every_shard_holds_the_stems_of_its_range_and_nothing_more(built_site: Path) -> None:
    index = Index(built_site)
    starts = index.manifest["shards"]
    assert starts == sorted(starts)
    for number, first in enumerate(starts):
        shard = sorted(index.read(f"woorden/{number}.zk"))
        after = starts[number + 1] if number + 1 < len(starts) else None
        assert shard[0] == first and (after is None or shard[-1] < after)


def test_overviews_home_and_the_search_page_are_not_results(built_site: Path) -> None:
    urls = {found["url"] for found in Index(built_site).documents()}
    assert not urls & {"", "praktijken/", "organisaties/", "zoeken/", facet_url("themes"),
                       facet_url("themes", "laaggeletterdheid")}


def test_the_search_page_offers_every_vocabulary_value_as_a_labelled_filter(built_site: Path) -> None:
    page = html(built_site, "zoeken/")
    form = page.select_one("form.pb-search__form")

    assert page.select_one("label[for='pb-search-q']") and form.select_one("input#pb-search-q")["name"] == "q"
    for facet, declared in FACETS.items():
        parameter = declared.parameter
        fieldset = page.select_one(f".pb-search__filters fieldset[data-filter='{parameter}']")
        assert fieldset.legend.get_text(strip=True)
        boxes = fieldset.select("input[type=checkbox]")
        assert [box["value"] for box in boxes] == CATALOG.vocabularies[facet].ids
        assert all(box["name"] == parameter and box["form"] == form["id"] for box in boxes)
        for box in boxes:
            label = fieldset.select_one(f"label[for='{box['id']}']")
            assert label.get_text(strip=True) == CATALOG.vocabularies[facet].label(box["value"])


def test_without_javascript_the_search_page_points_to_the_overviews(built_site: Path) -> None:
    page = html(built_site, "zoeken/")
    fallback = page.select_one(".pb-search__fallback")

    assert "JavaScript" in fallback.get_text() and not fallback.has_attr("hidden")
    assert page.select_one("form.pb-search__form").has_attr("hidden")
    links = {(Path("/zoeken") / link["href"]).resolve().as_posix() for link in fallback.find_all("a")}
    assert {"/praktijken", *(f"/{facet_url(facet).rstrip('/')}" for facet in FACETS)} <= links


@pytest.mark.parametrize("facet", sorted(FACETS))
def test_each_overview_value_links_to_the_search_narrowed_to_it(built_site: Path, facet: str) -> None:
    term = CATALOG.vocabularies[facet].terms[0]
    link = html(built_site, facet_url(facet, term.id)).select_one("a.pb-search-within")
    target = urlsplit(link["href"])

    assert (built_site / facet_url(facet, term.id) / target.path / "index.html").resolve() == (
        built_site / "zoeken" / "index.html").resolve()
    assert parse_qs(target.query) == {FACETS[facet].parameter: [term.id]}


@pytest.mark.parametrize("url", ["", practice_url(A_PRACTICE.id), "themas/laaggeletterdheid/", "over/"])
def test_the_header_search_box_submits_to_the_search_page(built_site: Path, url: str) -> None:
    form = html(built_site, url).select_one("header form[role=search]")

    assert (built_site / url / form["action"] / "index.html").resolve() == (built_site / "zoeken" / "index.html")
    assert form.select_one("input[type=search]")["name"] == "q"
    assert form.select_one(f"label[for='{form.select_one('input')['id']}']")


def test_the_theme_search_is_gone(built_site: Path) -> None:
    assert not (built_site / "search" / "search_index.json").exists()


def test_search_urls_name_facets_by_their_stable_parameters() -> None:
    assert search_url("themes", "laaggeletterdheid") == "zoeken/?thema=laaggeletterdheid"
    assert search_url("organisation_types", "ggd") == "zoeken/?partner=ggd"

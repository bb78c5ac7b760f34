"""The search index in the built site: what the templates tell Pagefind about each page, and the index itself.

Pagefind reads the built HTML, so these tests read the same HTML: which pages are results, which filters,
metadata and sort keys they carry, and how other pages lead to the search page.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from conftest import PROJECT_ROOT
from praktijkbank.model import Catalog, Practice, build_catalog, title_key
from praktijkbank.plugin import PraktijkbankPlugin
from praktijkbank.repository import Repository
from praktijkbank.search_index import SearchIndexError, build_search_index
from praktijkbank.text import place_text
from praktijkbank.urls import SEARCH_PARAMETERS, facet_url, practice_url, search_url
from praktijkbank.validate import validate_repository

CATALOG: Catalog = build_catalog(validate_repository(Repository(PROJECT_ROOT)))
DOCS_PAGES = sorted(path.stem for path in (PROJECT_ROOT / "docs").glob("*.md"))
NOT_RESULTS = ["", "praktijken/", "organisaties/", "zoeken/", *(facet_url(facet) for facet in SEARCH_PARAMETERS),
               facet_url("themes", "laaggeletterdheid")]


def html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def expected_filters(practice: Practice) -> set[tuple[str, str]]:
    """Straight from the practice's fields, not from the code that writes the filters."""
    values = {
        "thema": practice.themes,
        "partner": [organisation.type for organisation in practice.organisations],
        "provincie": practice.place.provinces,
        "doelgroep": practice.target_groups,
        "status": [practice.status],
    }
    return {(name, value) for name, names in values.items() for value in names}


def marked(body: BeautifulSoup, attribute: str) -> dict[str, list[str]]:
    """Pagefind's element form: `<span data-pagefind-filter="thema">laaggeletterdheid</span>`, by name."""
    found: dict[str, list[str]] = {}
    for element in body.find_all(attrs={attribute: True}):
        if ":" not in element[attribute]:
            found.setdefault(element[attribute], []).append(element.get_text(strip=True))
    return found


@pytest.mark.parametrize("practice_id", sorted(CATALOG.practices))
def test_a_practice_page_is_a_search_result_with_its_facet_values_as_filters(built_site: Path,
                                                                              practice_id: str) -> None:
    practice = CATALOG.practices[practice_id]
    body = html(built_site, practice_url(practice_id)).select_one("[data-pagefind-body]")

    assert body["data-pagefind-filter"] == "soort:praktijk"
    assert body.h1.get_text(strip=True) == practice.title
    filters = {(name, value) for name, values in marked(body, "data-pagefind-filter").items() for value in values}
    assert filters == expected_filters(practice)


@pytest.mark.parametrize("practice_id", sorted(CATALOG.practices))
def test_a_practice_page_gives_search_its_place_summary_and_sort_keys(built_site: Path, practice_id: str) -> None:
    practice = CATALOG.practices[practice_id]
    body = html(built_site, practice_url(practice_id)).select_one("[data-pagefind-body]")

    assert marked(body, "data-pagefind-meta") == {"summary": [practice.summary],
                                                  "place": [place_text(practice.place, CATALOG.vocabularies)]}
    assert marked(body, "data-pagefind-sort") == {"title": [title_key(practice.title)], "added": [practice.added]}


def test_the_data_for_search_is_hidden_and_not_indexed_as_text(built_site: Path) -> None:
    body = html(built_site, practice_url("dalfsen-voorleestent")).select_one("[data-pagefind-body]")
    for element in body.find_all(attrs={"data-pagefind-sort": True}):
        container = element.find_parent(attrs={"data-pagefind-ignore": True})
        assert container is not None and container.has_attr("hidden")


def test_related_practices_do_not_make_a_page_match_their_words(built_site: Path) -> None:
    body = html(built_site, practice_url("dalfsen-voorleestent")).select_one("[data-pagefind-body]")
    cards = body.select(".pb-card")
    assert cards and all(card.find_parent(attrs={"data-pagefind-ignore": True}) for card in cards)


@pytest.mark.parametrize("name", DOCS_PAGES)
def test_hand_written_pages_are_results_of_their_own_kind(built_site: Path, name: str) -> None:
    body = html(built_site, f"{name}/").select_one("[data-pagefind-body]")
    assert body is not None and body["data-pagefind-filter"] == "soort:pagina"


@pytest.mark.parametrize("url", NOT_RESULTS)
def test_overviews_home_and_the_search_page_are_not_results(built_site: Path, url: str) -> None:
    assert html(built_site, url).select("[data-pagefind-body]") == []


def test_the_index_holds_every_practice_and_hand_written_page(built_site: Path) -> None:
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]
    assert entry["languages"]["nl"]["page_count"] == len(CATALOG.practices) + len(DOCS_PAGES)


def test_the_search_page_offers_every_vocabulary_value_as_a_labelled_filter(built_site: Path) -> None:
    page = html(built_site, "zoeken/")
    form = page.select_one("form.pb-search__form")

    assert page.select_one("label[for='pb-search-q']") and form.select_one("input#pb-search-q")["name"] == "q"
    for facet, parameter in SEARCH_PARAMETERS.items():
        fieldset = form.select_one(f"fieldset[data-filter='{parameter}']")
        assert fieldset.legend.get_text(strip=True)
        boxes = fieldset.select("input[type=checkbox]")
        assert [box["value"] for box in boxes] == CATALOG.vocabularies[facet].ids
        assert all(box["name"] == parameter for box in boxes)
        for box in boxes:
            label = fieldset.select_one(f"label[for='{box['id']}']")
            assert label.get_text(strip=True) == CATALOG.vocabularies[facet].label(box["value"])


def test_without_javascript_the_search_page_points_to_the_overviews(built_site: Path) -> None:
    page = html(built_site, "zoeken/")
    fallback = page.select_one(".pb-search__fallback")

    assert "JavaScript" in fallback.get_text() and not fallback.has_attr("hidden")
    assert page.select_one("form.pb-search__form").has_attr("hidden")
    links = {(Path("/zoeken") / link["href"]).resolve().as_posix() for link in fallback.find_all("a")}
    assert {"/praktijken", *(f"/{facet_url(facet).rstrip('/')}" for facet in SEARCH_PARAMETERS)} <= links


@pytest.mark.parametrize("facet", sorted(SEARCH_PARAMETERS))
def test_each_overview_value_links_to_the_search_narrowed_to_it(built_site: Path, facet: str) -> None:
    term = CATALOG.vocabularies[facet].terms[0]
    link = html(built_site, facet_url(facet, term.id)).select_one("a.pb-search-within")
    target = urlsplit(link["href"])

    assert (built_site / facet_url(facet, term.id) / target.path / "index.html").resolve() == (
        built_site / "zoeken" / "index.html").resolve()
    assert parse_qs(target.query) == {SEARCH_PARAMETERS[facet]: [term.id]}


@pytest.mark.parametrize("url", ["", "praktijken/dalfsen-voorleestent/", "themas/laaggeletterdheid/", "over/"])
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


def test_a_failing_indexer_stops_the_build_with_a_dutch_message(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="De zoekindex kon niet worden gemaakt"):
        build_search_index(tmp_path)

    config = MkDocsConfig()
    config["site_dir"] = str(tmp_path)
    with pytest.raises(PluginError, match="De zoekindex kon niet worden gemaakt") as raised:
        PraktijkbankPlugin().on_post_build(config=config)
    assert raised.value.__cause__ is None and raised.value.__suppress_context__

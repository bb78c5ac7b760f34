"""Sources say what is known: each shows its title, publisher, date (or how the date was worked out) and
address as far as the data has them, says "geen webadres bekend" without an address, and a source with
neither an address nor a publisher is a completeness hint, listed on the review page. Nothing is filled in that
the data lacks: the real practices' pages show exactly their files' sources."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from helpers import VALID_PRACTICE
from praktijkbank.common.urls import REVIEW, practice_url
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import build_catalog
from praktijkbank.render.maps import read_base_map
from praktijkbank.render.pages import PageRenderer
from praktijkbank.validate.checker import validate_repository
from real_data import CATALOG

SOURCES = """\
sources:
  - title: Een artikel over de voorleestent
    publisher: Bibliotheek Voorbeeldstad
    date: 2021-06
    url: https://bibliotheek.example/voorleestent
  - title: Een verslag zonder datum
    date_note: "uit 2014 of eerder: de eerste reactie eronder is van 27 mei 2014"
  - title: Een folder
    publisher: Gemeente Voorbeeldstad
"""


def rendered(make_repository, tmp_path: Path):
    text = VALID_PRACTICE.read_text(encoding="utf-8").replace(
        "sources:\n  - title: Een artikel over de voorleestent\n", SOURCES)
    path = tmp_path / VALID_PRACTICE.name
    path.write_text(text, encoding="utf-8")
    root = make_repository(practices=[path])
    catalog = build_catalog(validate_repository(Repository(root)))
    renderer = PageRenderer(catalog, None, read_base_map(Repository(root).geo_dir))
    return catalog, renderer


def source_items(html: str) -> list[BeautifulSoup]:
    return BeautifulSoup(html, "html.parser").select(".pb-sources li")


def text_of(item: BeautifulSoup) -> str:
    return " ".join(item.get_text().split())


def test_each_source_shows_what_the_data_knows_and_says_when_there_is_no_address(make_repository, tmp_path) -> None:
    catalog, renderer = rendered(make_repository, tmp_path)
    practice = next(iter(catalog.practices.values()))
    full, worked_out, folder = source_items(renderer.practice_page(practice).content)

    assert text_of(full) == "Een artikel over de voorleestent, Bibliotheek Voorbeeldstad (juni 2021)"
    assert full.a["href"] == "https://bibliotheek.example/voorleestent"
    assert text_of(worked_out) == ("Een verslag zonder datum (uit 2014 of eerder: de eerste reactie "
                                   "eronder is van 27 mei 2014) — geen webadres bekend")
    assert text_of(folder) == "Een folder, Gemeente Voorbeeldstad — geen webadres bekend"
    assert worked_out.a is None and folder.a is None


def test_a_source_without_address_and_publisher_is_a_hint_at_its_line(make_repository, run_cli, tmp_path) -> None:
    path = tmp_path / VALID_PRACTICE.name
    path.write_text(VALID_PRACTICE.read_text(encoding="utf-8").replace(
        "sources:\n  - title: Een artikel over de voorleestent\n", SOURCES), encoding="utf-8")
    result = run_cli("validate", "--root", make_repository(practices=[path]), "--format", "json")

    hints = [(warning["rule"], warning["line"]) for warning in result.warnings if warning["rule"].startswith("source")]
    assert result.code == 0 and hints == [("source-origin-unknown", 29)]


def test_the_review_page_lists_the_sources_nobody_can_look_up(make_repository, tmp_path) -> None:
    _, renderer = rendered(make_repository, tmp_path)
    review = BeautifulSoup(renderer.review_page().content, "html.parser")

    listed = review.select(".pb-review__sources li")
    assert [item.q.get_text() for item in listed] == ["Een verslag zonder datum"]
    assert renderer.review_page().src_uri == f"{REVIEW}index.md"


def test_the_real_pages_show_only_what_each_source_says(built_site: Path) -> None:
    for practice in CATALOG.practices.values():
        page = (built_site / practice_url(practice.id) / "index.html").read_text(encoding="utf-8")
        items = source_items(page[page.index("<article"):])
        assert len(items) == len(practice.sources)
        for item, source in zip(items, practice.sources):
            links = [link["href"] for link in item.select("a")]
            assert links == ([source.url] if source.url else [])
            assert ("geen webadres bekend" in item.get_text()) == (not source.url)
            text = text_of(item)
            assert source.title in text and (source.publisher or "") in text and (source.date_note or "") in text

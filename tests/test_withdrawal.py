"""A withdrawn practice keeps its address as a short notice, leaves every list, stays in the JSON open data
with `withdrawn`, and shows as withdrawn wherever a visitor still holds it; deleting the file stays refused.

Checked on the site with a git history of its own (history_site.py), built with `mkdocs build`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from helpers import VALID_PRACTICE
from history_site import REASON, WITHDRAWN_ON
from praktijkbank.common.problems import WARNING
from praktijkbank.common.facets import FACETS
from praktijkbank.common.urls import CHANGES_FEED, FEED, MAP, PRACTICES, REVIEW, collection_url, facet_feed_url, \
    facet_url, practice_changes_url, practice_url, presentation_url
from praktijkbank.load.repository import Repository
from praktijkbank.publish.published_urls import MANIFEST_NAME, lost_urls, manifest_text
from praktijkbank.validate.checker import validate_repository
from real_data import A_COLLECTION, CATALOG


def _read(output: Path, path: str) -> str:
    return (output / path).read_text(encoding="utf-8")


def _page(output: Path, url: str) -> str:
    return _read(output, f"{url}index.html")


@pytest.fixture(scope="module")
def withdrawn(history_site):
    site, output = history_site
    return site.withdrawn, CATALOG.practices[site.withdrawn], output


def test_the_address_keeps_a_short_page_with_date_reason_and_related_practices(withdrawn) -> None:
    practice_id, practice, output = withdrawn
    page = _page(output, practice_url(practice_id))

    assert practice.title in page
    assert f'Teruggetrokken op <time datetime="{WITHDRAWN_ON}">15 december 2026</time>' in page
    assert REASON in page
    assert 'id="verwante-praktijken"' in page and 'class="pb-card"' in page
    assert practice.summary not in page, "the withdrawn text itself is no longer shown"
    assert '<meta name="robots" content="noindex">' in page


def test_its_change_page_dates_the_withdrawal_as_the_notice_does(withdrawn) -> None:
    practice_id, _, output = withdrawn
    page = BeautifulSoup(_page(output, practice_changes_url(practice_id)), "html.parser").get_text(" ", strip=True)

    assert "Teruggetrokken op: 15 december 2026" in page and WITHDRAWN_ON not in page


def test_it_leaves_the_overviews_counts_home_and_map(withdrawn) -> None:
    practice_id, practice, output = withdrawn
    link = f"praktijken/{practice_id}/"
    listed = len(CATALOG.practices) - 1

    pages = {"home": _page(output, ""), "A-Z": _page(output, f"{PRACTICES}/"), "map": _page(output, MAP),
             "organisations": _page(output, "organisaties/")}
    for facet in FACETS:
        for value in (practice.status,) if facet == "statuses" else getattr(practice, facet, ()) or ():
            pages[f"{facet}/{value}"] = _page(output, facet_url(facet, value))
    for province in practice.place.provinces:
        pages[f"provinces/{province}"] = _page(output, facet_url("provinces", province))

    assert [name for name, html in pages.items() if link in html or practice.title in html] == []
    assert f"<strong>{listed}</strong> praktijken" in pages["home"]
    assert len(pages) > 5


def test_it_leaves_the_related_lists_of_other_practices(withdrawn) -> None:
    practice_id, _, output = withdrawn
    others = [path for path in (output / PRACTICES).glob("*/index.html") if path.parent.name != practice_id]

    assert [path.parent.name for path in others if f"{practice_id}/" in path.read_text(encoding="utf-8")] == []


def test_a_practice_that_names_it_as_related_is_warned_and_listed_for_the_editors(withdrawn) -> None:
    practice_id, _, output = withdrawn
    naming = sorted(other.id for other in CATALOG.practices.values() if practice_id in other.related)
    assert naming, "the history site withdraws a practice another one names as related"

    review = BeautifulSoup(_page(output, REVIEW), "html.parser")

    section = review.find(id="verwijzingen-naar-teruggetrokken-praktijken").find_next("ul")
    listed = [item.code.get_text().split(":")[0] for item in section.select("li")]
    assert listed == [f"practices/{other}.yml" for other in naming]
    assert all(f"'{practice_id}' is teruggetrokken" in item.get_text() for item in section.select("li"))


def test_it_leaves_the_search_index_and_the_sitemap(history_site, withdrawn) -> None:
    practice_id, practice, output = withdrawn
    index = "".join(path.read_text(encoding="utf-8") for path in (output / "zoekindex").rglob("*.json"))
    sitemap = _read(output, "sitemap.xml")

    assert practice_id not in index and practice.title not in index
    assert practice_url(practice_id) not in sitemap
    assert practice_url(history_site[0].edited) in sitemap, "the other practices are in the sitemap"


def test_it_leaves_the_csv_and_the_practice_feeds_and_the_changes_feed_announces_it(withdrawn) -> None:
    practice_id, practice, output = withdrawn
    rows = list(csv.DictReader(io.StringIO(_read(output, "api/praktijken.csv"))))
    feeds = [FEED, *(facet_feed_url("themes", theme) for theme in practice.themes),
             *(facet_feed_url("provinces", province) for province in practice.place.provinces)]

    assert practice_id not in {row["id"] for row in rows} and len(rows) == len(CATALOG.practices) - 1
    for path in feeds:
        entries = feedparser.parse((output / path).read_bytes()).entries
        assert [entry.link for entry in entries if practice_id in entry.link] == [], path
    changes = feedparser.parse((output / CHANGES_FEED).read_bytes()).entries
    assert changes[0].title == f"Teruggetrokken: {practice.title}" and changes[0].summary == f"Teruggetrokken: {REASON}"


def test_the_json_open_data_keeps_it_with_withdrawn(withdrawn) -> None:
    practice_id, _, output = withdrawn
    everything = json.loads(_read(output, "api/praktijken.json"))
    own = json.loads(_read(output, f"api/praktijken/{practice_id}.json"))
    cards = json.loads(_read(output, "selectie/kaarten.json"))

    record = next(item for item in everything["practices"] if item["id"] == practice_id)
    assert record["withdrawn"] == {"date": WITHDRAWN_ON, "reason": REASON}
    assert own["practice"]["withdrawn"] == record["withdrawn"]
    assert next(card for card in cards["practices"] if card["id"] == practice_id)["withdrawn"] == record["withdrawn"]
    assert all("withdrawn" not in item for item in everything["practices"] if item["id"] != practice_id)


def test_a_collection_that_holds_it_shows_it_as_withdrawn(withdrawn) -> None:
    practice_id, practice, output = withdrawn
    assert practice_id in {item.practice for item in A_COLLECTION.items}

    for url in (collection_url(A_COLLECTION.id), presentation_url(A_COLLECTION.id)):
        page = _page(output, url)
        item = page[page.index(practice.title):]
        assert "Teruggetrokken op 15 december 2026." in item.split("pb-print-qr")[0], url


def test_deleting_a_published_practice_is_refused_with_a_tip_to_withdraw_it(tmp_path: Path) -> None:
    manifest = tmp_path / MANIFEST_NAME
    manifest.write_text(manifest_text(["praktijken/weg/", "praktijken/blijft/"]), encoding="utf-8")

    lost = lost_urls(manifest, ["praktijken/blijft/"])

    assert [problem.rule for problem in lost] == ["published-url-lost"]
    assert "praktijken/weg/" in lost[0].message
    assert "zet er `withdrawn` in (datum en reden)" in lost[0].hint


def test_naming_a_withdrawn_practice_as_related_is_a_warning_at_its_line_not_an_error(make_repository,
                                                                                     tmp_path: Path) -> None:
    gone = tmp_path / "voorbeeldstad-weg.yml"
    gone.write_text(VALID_PRACTICE.read_text(encoding="utf-8").split("aliases:")[0]
                    + "withdrawn:\n  date: 2026-11-30\n  reason: De bibliotheek is ermee gestopt.\n", encoding="utf-8")
    naming = tmp_path / VALID_PRACTICE.name
    text = VALID_PRACTICE.read_text(encoding="utf-8") + "related:\n  - voorbeeldstad-weg\n"
    naming.write_text(text, encoding="utf-8")

    report = validate_repository(Repository(make_repository(practices=[gone, naming])))

    assert report.ok
    [warning] = [warning for warning in report.warnings if warning.rule == "related-withdrawn"]
    assert (warning.file, warning.line, warning.severity) == (f"practices/{naming.name}", text.count("\n"), WARNING)
    assert "'voorbeeldstad-weg' is teruggetrokken" in warning.message

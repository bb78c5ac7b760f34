"""The map of the Netherlands in the built site: one region per province and one marker per municipality with
practices, every one a working link with its count; the tables beside it say the same; the geodata in the
repository is what scripts/prepare_geodata.py derives."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from helpers import PROJECT_ROOT
from praktijkbank.common.urls import MAP, MAP_BACKGROUND, MUNICIPALITY_PARAMETER, facet_url, practice_url
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import Catalog, build_catalog
from praktijkbank.render.maps import legend
from praktijkbank.validate.checker import validate_repository

CATALOG: Catalog = build_catalog(validate_repository(Repository(PROJECT_ROOT)))
PROVINCES = CATALOG.vocabularies["provinces"]
MAP_PAGE_LIMIT = 150 * 1024
COUNT = re.compile(r"^(?P<name>.+): (?P<count>\d+) praktijk(en)?$")


def html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def regions(content: BeautifulSoup, group: str) -> list[Tag]:
    return content.select(f"svg.pb-map__svg .pb-map__{group} > a")


def named_counts(links: list[Tag]) -> dict[str, int]:
    """Each link's accessible name read back as (name, number of practices)."""
    found = {}
    for link in links:
        match = COUNT.match(link["aria-label"])
        assert match, link["aria-label"]
        found[match["name"]] = int(match["count"])
    return found


def expected_municipalities() -> dict[str, int]:
    """The CBS municipalities with practices (the filter also knows localities and regions; the map does not)."""
    counts = Counter(name for practice in CATALOG.practices.values() for name in practice.place.municipalities)
    return dict(counts)


def expected_provinces() -> dict[str, int]:
    return {term.label: len(CATALOG.by_value["provinces"].get(term.id, ())) for term in PROVINCES.terms}


def resolves(site: Path, page_url: str, href: str) -> bool:
    target = (site / page_url / href.split("?")[0]).resolve()
    return target.is_file() or (target / "index.html").is_file()


def search_filter_values(site: Path) -> set[str]:
    manifest = json.loads((site / "zoekindex" / "index.json").read_text(encoding="utf-8"))
    lists = json.loads(gzip.decompress((site / "zoekindex" / manifest["folder"] / "filters.zk").read_bytes()))
    return set(lists[MUNICIPALITY_PARAMETER])


def test_the_map_has_one_region_per_province_with_its_count_and_page(built_site: Path) -> None:
    content = html(built_site, MAP)
    links = regions(content, "regions")

    assert named_counts(links) == expected_provinces()
    assert [link["href"] for link in links] == [f"../{facet_url('provinces', term.id)}" for term in PROVINCES.terms]
    assert all(resolves(built_site, MAP, link["href"]) and link.path for link in links)


def test_the_map_marks_each_municipality_with_practices_and_leads_to_its_search(built_site: Path) -> None:
    content = html(built_site, MAP)
    links = regions(content, "places")

    assert named_counts(links) == expected_municipalities()
    indexed = search_filter_values(built_site)
    for link in links:
        name = COUNT.match(link["aria-label"])["name"]
        assert resolves(built_site, MAP, link["href"]) and link.circle
        assert parse_qs(urlsplit(link["href"]).query) == {MUNICIPALITY_PARAMETER: [name]}
        assert name in indexed, "the search index filters on the same value the map links to"


def test_every_region_shows_its_name_on_hover_and_focus(built_site: Path) -> None:
    for link in regions(html(built_site, MAP), "regions") + regions(html(built_site, MAP), "places"):
        name = COUNT.match(link["aria-label"])["name"]
        assert link.find("text").get_text().startswith(f"{name}: ")


def test_the_tables_say_what_the_map_shows(built_site: Path) -> None:
    content = html(built_site, MAP)
    province_table, municipality_table = content.select(".pb-map-table table")

    def rows(table: Tag) -> dict[str, int]:
        return {row.th.get_text(strip=True): int(row.find_all("td")[-1].get_text()) for row in table.tbody.find_all("tr")}

    assert rows(province_table) == named_counts(regions(content, "regions"))
    assert rows(municipality_table) == named_counts(regions(content, "places"))
    for link in municipality_table.select("a") + province_table.select("a"):
        assert resolves(built_site, MAP, link["href"])


def test_the_legend_covers_every_shade_and_the_source_is_credited(built_site: Path) -> None:
    figure = html(built_site, MAP).select_one("figure.pb-map")
    used = {cls for link in regions(figure, "regions") for cls in link["class"] if cls.startswith("pb-map__shade-")}
    legend = {cls for swatch in figure.select(".pb-map__legend .pb-map__swatch") for cls in swatch["class"]}

    assert used <= legend
    assert "Bron: CBS, Kadaster/PDOK" in figure.select_one(".pb-map__credit").get_text()


def test_the_map_page_stays_small(built_site: Path) -> None:
    assert (built_site / MAP / "index.html").stat().st_size < MAP_PAGE_LIMIT


def test_the_home_page_shows_the_map_beside_the_province_list(built_site: Path) -> None:
    entry = html(built_site, "").select_one(".pb-map-entry")

    assert len(regions(entry, "regions")) == len(PROVINCES.terms)
    assert entry.select_one(f'a[href="{MAP}"]')


@pytest.mark.parametrize("province", [term.id for term in PROVINCES.terms])
def test_a_province_page_highlights_its_province(built_site: Path, province: str) -> None:
    current = html(built_site, facet_url("provinces", province)).select("svg.pb-map__svg a[aria-current=page]")

    assert len(current) == 1 and current[0]["href"] == "./"
    assert "pb-map__current" in current[0]["class"]


@pytest.mark.parametrize("practice_id", sorted(CATALOG.practices))
def test_a_practice_page_shows_a_decorative_locator_of_its_municipalities(built_site: Path, practice_id: str) -> None:
    practice = CATALOG.practices[practice_id]
    locator = html(built_site, practice_url(practice_id)).select_one("svg.pb-locator")

    if not practice.place.municipalities:
        assert locator is None
        return
    assert locator["aria-hidden"] == "true"
    assert len(locator.find_all("circle")) == len(practice.place.municipalities)
    assert resolves(built_site, practice_url(practice_id), locator.image["href"])
    assert locator.image["href"].endswith(MAP_BACKGROUND)


def test_the_derived_geodata_is_current(tmp_path: Path) -> None:
    """Re-running the derivation on the committed sources gives the committed bytes."""
    geo = PROJECT_ROOT / "schemas" / "geo"
    subprocess.run([sys.executable, str(PROJECT_ROOT / "scripts" / "prepare_geodata.py"), "--target", str(tmp_path)],
                   check=True, capture_output=True)

    for name in ("gemeenten.csv", "kaart.json"):
        assert (tmp_path / name).read_bytes() == (geo / name).read_bytes(), name


def test_the_map_knows_every_municipality_and_province() -> None:
    data = json.loads((PROJECT_ROOT / "schemas" / "geo" / "kaart.json").read_text(encoding="utf-8"))

    assert set(data["provincies"]) == set(PROVINCES.ids)
    assert {municipality.code for municipality in CATALOG.municipalities.current.values()} == set(data["gemeenten"])
    assert len(CATALOG.municipalities.current) == 342


@pytest.mark.parametrize(("highest", "steps"), [
    (0, [(0, 0)]),
    (1, [(0, 0), (1, 1)]),
    (5, [(0, 0), (1, 2), (3, 3), (4, 4), (5, 5)]),
    (100, [(0, 0), (1, 25), (26, 50), (51, 75), (76, 100)]),
])
def test_the_legend_steps_cover_every_count_once(highest: int, steps: list[tuple[int, int]]) -> None:
    shades = legend(highest)

    assert [(shade.low, shade.high) for shade in shades] == steps
    assert [shade.number for shade in shades] == list(range(len(steps)))

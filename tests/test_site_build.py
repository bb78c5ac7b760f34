"""`mkdocs build` on the repository's own practices: every page a library consultant reaches, parsed as HTML.

One real build serves the tests that only read it; tests that change input build their own copy.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import PROJECT_ROOT
from praktijkbank.common.facets import FACETS
from praktijkbank.model.catalog import newest_first, title_key
from praktijkbank.common.urls import facet_url, practice_url
from real_data import A_PRACTICE, CATALOG, rewrite_practice
from sites import build, copy_site_repository


@pytest.fixture
def site(built_site: Path) -> Path:
    return built_site


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def article(site: Path, url: str) -> BeautifulSoup:
    """The page's content, without the theme's navigation and footer."""
    return page(site, url).select_one("article.md-content__inner")


def linked_practices(content: BeautifulSoup) -> set[str]:
    """The ids of the practices the cards on a page link to."""
    return {link["href"].rstrip("/").rsplit("/", 1)[-1] for link in content.select(".pb-card__title a")}


@pytest.mark.parametrize("practice_id", sorted(CATALOG.practices))
def test_every_practice_has_a_page_with_its_fields(site: Path, practice_id: str) -> None:
    practice = CATALOG.practices[practice_id]
    content = article(site, practice_url(practice_id))
    text = content.get_text(" ", strip=True)

    assert content.h1.get_text(strip=True) == practice.title
    # get_text(strip=True) would glue a glossary term's <abbr> to the words beside it: compare the words.
    assert content.select_one(".pb-summary").get_text().split() == practice.summary.split()
    for organisation in practice.organisations:
        assert organisation.name in text
    roles = [item.select_one(".pb-role") for item in content.select(".pb-organisations li")]
    assert [role and role.get_text(strip=True) for role in roles] == [
        organisation.role and CATALOG.vocabularies["organisation_roles"].label(organisation.role).lower()
        for organisation in practice.organisations
    ], "a role only where the data gives one"
    theme_links = {link.get_text(strip=True) for link in content.select(".pb-facts a[href*='themas/']")}
    assert theme_links == {CATALOG.vocabularies["themes"].label(theme) for theme in practice.themes}
    items = [item.get_text(" ", strip=True).replace(" ,", ",") for item in content.select(".pb-sources li")]
    assert len(items) == len(practice.sources)
    for item, source in zip(items, practice.sources):
        named = source.title + (f", {source.publisher}" if source.publisher else "")
        dated = (rf" \(.*\b{source.date[:4]}\)" if source.date
                 else f" \\({re.escape(source.date_note)}\\)" if source.date_note else "")
        unknown = "" if source.url else " — geen webadres bekend"
        assert re.fullmatch(re.escape(named) + dated + re.escape(unknown), item), item


@pytest.mark.parametrize("practice_id", sorted(CATALOG.practices))
def test_optional_fields_leave_no_empty_headings(site: Path, practice_id: str) -> None:
    content = article(site, practice_url(practice_id))
    for heading in content.find_all("h2"):
        following = heading.find_next_sibling()
        assert following is not None and following.name != "h2", f"empty section {heading.get_text()}"
    headings = {heading.get_text(strip=True) for heading in content.find_all("h2")}
    practice = CATALOG.practices[practice_id]
    assert ("Resultaten" in headings) == bool(practice.results)
    assert ("Lessen en tips" in headings) == bool(practice.lessons)
    assert ("Kosten en financiering" in headings) == bool(practice.costs or practice.funding)
    assert ("Contact" in headings) == bool(practice.contact)


def test_practice_pages_describe_themselves_to_machines(site: Path) -> None:
    practice = A_PRACTICE
    html = page(site, practice_url(practice.id))

    assert html.find("meta", attrs={"name": "description"})["content"] == practice.summary
    assert html.find("meta", property="og:title")["content"] == practice.title
    assert html.find("meta", property="og:description")["content"] == practice.summary
    data = json.loads(html.find("script", type="application/ld+json").string)
    assert data["@type"] == "CreativeWork" and data["name"] == practice.title
    assert [node["name"] for node in data["contributor"]] == [org.name for org in practice.organisations]
    assert html.html["lang"] == "nl"


def test_practice_pages_stay_out_of_the_navigation(site: Path) -> None:
    navigation = page(site, "").select_one("nav.md-nav--primary")
    hrefs = [link["href"] for link in navigation.find_all("a", href=True)]
    assert not [href for href in hrefs if "praktijken/" in href and href.rstrip("/") != "praktijken"]
    assert any(href.rstrip("/").endswith("themas") for href in hrefs)


@pytest.mark.parametrize("facet", list(FACETS))
def test_every_vocabulary_value_has_a_page_listing_exactly_its_practices(site: Path, facet: str) -> None:
    for term in CATALOG.vocabularies[facet].terms:
        content = article(site, facet_url(facet, term.id))
        expected = CATALOG.practices_with(facet, term.id)
        assert linked_practices(content) == {practice.id for practice in expected}, term.id
        titles = [link.get_text(strip=True) for link in content.select(".pb-card__title a")]
        assert titles == sorted(titles, key=title_key)
        assert f"{len(expected)} praktijk" in content.select_one(".pb-count").get_text()


@pytest.mark.parametrize("facet", list(FACETS))
def test_each_overview_lists_its_values_with_counts(site: Path, facet: str) -> None:
    content = article(site, facet_url(facet))
    items = content.select(".pb-term")
    assert len(items) == len(CATALOG.vocabularies[facet].terms)
    first = CATALOG.vocabularies[facet].terms[0]
    count = len(CATALOG.practices_with(facet, first.id))
    assert items[0].a.get_text(strip=True) == first.label
    assert items[0].select_one(".pb-count").get_text(strip=True).startswith(str(count))


def test_the_a_to_z_list_links_every_practice_once(site: Path) -> None:
    links = article(site, "praktijken/").select(".pb-az a")
    assert sorted(link["href"].strip("/").rsplit("/", 1)[-1] for link in links) == sorted(CATALOG.practices)


def test_the_organisations_index_lists_each_organisation_with_its_practices(site: Path) -> None:
    content = article(site, "organisaties/")
    entries = {item.select_one(".pb-organisation-index__name").get_text(strip=True): item
               for item in content.select(".pb-organisation-index__item")}
    titles: dict[str, set[str]] = {}
    for practice in CATALOG.practices.values():
        for organisation in practice.organisations:
            titles.setdefault(organisation.name, set()).add(practice.title)

    assert set(entries) == set(titles)
    for name, entry in entries.items():
        assert sorted(a.get_text(strip=True) for a in entry.select(":scope > ul a")) == sorted(titles[name]), name


def test_the_home_page_counts_and_shows_the_newest_practices(site: Path) -> None:
    content = article(site, "")
    stats = content.select_one(".pb-stats").get_text(" ", strip=True)
    assert f"{len(CATALOG.practices)} praktijken" in stats
    shown = [link.get_text(strip=True) for link in content.select(".pb-card__title a")]
    assert shown == [practice.title for practice in newest_first(CATALOG.practices.values())[:6]]
    assert "Goede voorbeelden, geen keurmerk" in content.get_text()
    entry_links = [link["href"] for link in content.select(".pb-terms a")]
    assert any("themas/" in href for href in entry_links) and any("provincies/" in href for href in entry_links)


@pytest.mark.parametrize("url", ["", "praktijken/", practice_url(A_PRACTICE.id), "themas/",
                                 "themas/laaggeletterdheid/", "organisaties/", "over/", "opnamecriteria/"])
def test_headings_never_skip_a_level(site: Path, url: str) -> None:
    levels = [int(heading.name[1]) for heading in article(site, url).find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:])), levels


def test_internal_links_on_generated_pages_resolve(site: Path) -> None:
    for html_file in site.rglob("*.html"):
        content = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select_one("article")
        for link in content.find_all("a", href=True) if content else []:
            href = link["href"].split("#")[0].split("?")[0]
            if not href or ":" in href:
                continue
            target = (html_file.parent / href).resolve()
            assert target.is_file() or (target / "index.html").is_file(), f"{html_file}: {href}"


def test_the_exports_are_published(site: Path) -> None:
    exported = json.loads((site / "api" / "praktijken.json").read_text(encoding="utf-8"))
    assert exported["count"] == len(CATALOG.practices)
    assert (site / "api" / "praktijken.csv").is_file() and (site / "feed.xml").is_file()
    assert all((site / "api" / "praktijken" / f"{practice_id}.json").is_file() for practice_id in CATALOG.practices)


def test_a_broken_practice_fails_the_build_and_leaves_the_previous_site(tmp_path: Path) -> None:
    repository = copy_site_repository(tmp_path / "repo")
    output = tmp_path / "site"
    assert build(repository, output).returncode == 0
    before = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}
    practice = repository / "practices" / f"{A_PRACTICE.id}.yml"
    misspelt = A_PRACTICE.themes[0][:-1]
    rewrite_practice(practice, lambda data: data.update(themes=[misspelt]))

    result = build(repository, output)

    assert result.returncode == 1
    assert f"practices/{A_PRACTICE.id}.yml:" in result.stderr
    assert f"unknown-value: onbekend thema '{misspelt}'." in result.stderr
    assert "Traceback" not in result.stderr
    assert {path: path.read_bytes() for path in output.rglob("*") if path.is_file()} == before


def test_hostile_contributor_text_stays_text(tmp_path: Path) -> None:
    repository = copy_site_repository(tmp_path / "repo")
    practice = repository / "practices" / f"{A_PRACTICE.id}.yml"
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    rewrite_practice(practice, lambda data: data.update(
        title=hostile, description="[klik](javascript:alert(3)) <iframe src=x></iframe>\n\n" + data["description"]))
    output = tmp_path / "site"
    assert build(repository, output).returncode == 0

    html = page(output, practice_url(A_PRACTICE.id))

    assert html.find("h1").get_text() == hostile
    assert html.find("title").get_text().startswith(hostile)
    assert [script for script in html.find_all("script") if (script.string or "").strip() == "alert(1)"] == []
    assert json.loads(html.find("script", type="application/ld+json").string)["name"] == hostile
    assert not html.find_all("img", src="x") and not html.find_all("iframe")
    assert not [a for a in html.find_all("a", href=True) if a["href"].lower().startswith("javascript")]
    assert html.find("meta", property="og:title")["content"] == hostile


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    trees = []
    for number, (seed, zone) in enumerate([("1", "UTC"), ("2", "Pacific/Kiritimati")]):
        output = tmp_path / f"site-{number}"
        # A fixed day after every date in the data (2100): the validator refuses dates after the build's day.
        result = build(PROJECT_ROOT, output, PYTHONHASHSEED=seed, TZ=zone, SOURCE_DATE_EPOCH="4102444800")
        assert result.returncode == 0, result.stderr
        trees.append({path.relative_to(output): path.read_bytes() for path in output.rglob("*") if path.is_file()})
    assert trees[0].keys() == trees[1].keys()
    assert [path for path in trees[0] if trees[0][path] != trees[1][path]] == []
    assert any(path.parts[0] == "zoekindex" and path.name == "filters.zk" for path in trees[0]), "no search index"


def test_the_sites_own_stylesheets_come_as_one_file_in_their_order(site: Path) -> None:
    """One request instead of one per feature before a phone can paint; the same rules, in mkdocs.yml's order."""
    listed = re.findall(r"^  - (stylesheets/\S+\.css)$", (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                        re.MULTILINE)
    for page in ("index.html", "selectie/index.html", f"{practice_url(A_PRACTICE.id)}index.html"):
        links = [link["href"] for link in BeautifulSoup((site / page).read_bytes(), "html.parser")
                 .select("link[rel=stylesheet]") if "assets/" not in link["href"]]
        assert [link.rsplit("/", 1)[-1] for link in links] == ["site.css"], page
    bundle = (site / "stylesheets" / "site.css").read_text(encoding="utf-8")
    positions = [bundle.find((PROJECT_ROOT / "docs" / path).read_text(encoding="utf-8").strip()) for path in listed]
    assert len(listed) > 1 and -1 not in positions and positions == sorted(positions)

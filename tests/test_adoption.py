"""Adoption: a practice started elsewhere after another one names it in `based_on`. The original is named by
its id or an old id (`aliases`); the catalog follows old ids, and the list of adoptions is derived from
`based_on` alone, never typed a second time in the original. Both pages show the tie; a `based_on` to an
unknown practice or to itself is refused with its line (fixtures/bad/practices: based-on-*.yml)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from helpers import PROJECT_ROOT, VALID_PRACTICE
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import adoptions_by_practice, build_catalog
from praktijkbank.render.maps import read_base_map
from praktijkbank.render.pages import PageRenderer
from praktijkbank.validate.checker import validate_repository

ORIGINAL = VALID_PRACTICE.stem
OLD_ID = "voorbeeldstad-zomertent"  # in the original's aliases


def adoption_file(folder: Path, name: str, based_on: str, title: str = "Voorleestent in Andersstad") -> Path:
    """A second practice, made from the valid one, that follows `based_on`."""
    text = VALID_PRACTICE.read_text(encoding="utf-8")
    text = text.split("aliases:")[0].replace("title: Voorleestent in Voorbeeldstad", f"title: {title}")
    path = folder / f"{name}.yml"
    path.write_text(text + f"based_on: {based_on}\n", encoding="utf-8")
    return path


def test_an_adoption_named_by_an_old_id_reaches_the_current_practice(make_repository, tmp_path) -> None:
    adoption = adoption_file(tmp_path, "andersstad-voorleestent", OLD_ID)
    report = validate_repository(Repository(make_repository(practices=[VALID_PRACTICE, adoption])))
    assert report.problems == []

    catalog = build_catalog(report)

    assert catalog.practices["andersstad-voorleestent"].based_on == ORIGINAL
    assert catalog.practices[ORIGINAL].based_on is None
    assert [practice.id for practice in adoptions_by_practice(catalog.practices)[ORIGINAL]] == ["andersstad-voorleestent"]


def test_adoptions_are_listed_by_title_whatever_their_file_names(make_repository, tmp_path) -> None:
    first = adoption_file(tmp_path, "a-zoetermeer", ORIGINAL, title="Zomertent in Zoetermeer")
    second = adoption_file(tmp_path, "z-almelo", ORIGINAL, title="Almelo leest voor")
    catalog = build_catalog(validate_repository(Repository(make_repository(practices=[VALID_PRACTICE, first,
                                                                                     second]))))

    assert [practice.id for practice in adoptions_by_practice(catalog.practices)[ORIGINAL]] == ["z-almelo", "a-zoetermeer"]


def rendered(root: Path) -> dict[str, BeautifulSoup]:
    """Each practice page of the repository at `root`, as the core renders it."""
    repository = Repository(root)
    renderer = PageRenderer(build_catalog(validate_repository(repository)), None, read_base_map(repository.geo_dir))
    return {practice.id: BeautifulSoup(renderer.practice_page(practice).content, "html.parser")
            for practice in renderer.catalog.practices.values()}


def test_both_pages_show_the_tie_the_original_its_adoptions_and_the_adoption_its_original(make_repository,
                                                                                       tmp_path) -> None:
    adoption = adoption_file(tmp_path, "andersstad-voorleestent", OLD_ID)
    text = adoption.read_text(encoding="utf-8").replace("    - Dalfsen\n", "    - Ommen\n")
    adoption.write_text(text, encoding="utf-8")
    pages = rendered(make_repository(practices=[VALID_PRACTICE, adoption]))

    original, adopted = pages[ORIGINAL], pages["andersstad-voorleestent"]

    [item] = original.select(".pb-adoptions li")
    assert item.a["href"] == "../andersstad-voorleestent/" and item.a.get_text() == "Voorleestent in Andersstad"
    assert "Ommen" in item.select_one(".pb-adoptions__place").get_text()
    assert "\n## Ook gedaan in\n" in str(original), "a heading of its own (Markdown, so it is in the table of contents)"
    based_on = adopted.select_one(".pb-based-on")
    assert based_on.a["href"] == f"../{ORIGINAL}/" and "Voorleestent in Voorbeeldstad" in based_on.get_text()
    assert original.select_one(".pb-based-on") is None and adopted.select(".pb-adoptions") == []
    assert len(original.select(".pb-locator circle.pb-locator__adoption")) == 1, "Ommen on the original's map"
    related = [link["href"] for link in original.select(".pb-card a")]
    assert "../andersstad-voorleestent/" in related


def test_the_two_links_lead_to_the_contributors_page_without_a_repository(make_repository) -> None:
    page = rendered(make_repository())[ORIGINAL]

    change = page.select_one('a[data-aanmelden="wijzig"]')
    adopt = page.select_one('a[data-aanmelden="neem-over"]')

    assert (change.get_text(), change["href"]) == ("Stel een wijziging voor", "../../bijdragen/#een-praktijk-verbeteren")
    assert (adopt.get_text(), adopt["href"]) == ("Wij doen dit ook", "../../bijdragen/#een-praktijk-overnemen")
    assert change["data-praktijk"] == adopt["data-praktijk"] == ORIGINAL
    sections = {heading.strip() for heading in (PROJECT_ROOT / "docs" / "bijdragen.md").read_text("utf-8").split("\n")
                if heading.startswith("## ")}
    assert {"## Een praktijk verbeteren", "## Een praktijk overnemen"} <= sections


def test_an_adoption_keeps_its_link_to_an_original_that_was_withdrawn_and_says_so(make_repository, tmp_path) -> None:
    original = tmp_path / VALID_PRACTICE.name
    original.write_text(VALID_PRACTICE.read_text(encoding="utf-8")
                        + "withdrawn:\n  date: 2026-11-30\n  reason: De bibliotheek is met de voorleestent gestopt.\n",
                        encoding="utf-8")
    adoption = adoption_file(tmp_path, "andersstad-voorleestent", ORIGINAL)

    root = make_repository(practices=[original, adoption])
    assert validate_repository(Repository(root)).problems == []
    pages = rendered(root)

    based_on = pages["andersstad-voorleestent"].select_one(".pb-based-on")
    assert based_on.a["href"] == f"../{ORIGINAL}/", "the withdrawn practice's address still answers"
    assert "teruggetrokken op 30 november 2026" in based_on.get_text()

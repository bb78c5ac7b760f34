"""Adoption: a practice started elsewhere after another one names it in `based_on`. The original is named by
its id or an old id (`aliases`); the catalog follows old ids, and the list of adoptions is derived from
`based_on` alone, never typed a second time in the original."""

from __future__ import annotations

from pathlib import Path

from helpers import VALID_PRACTICE
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import adoptions_by_practice, build_catalog
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

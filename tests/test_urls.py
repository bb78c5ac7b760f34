"""Stable URLs and the relative links between them."""

from __future__ import annotations

import pytest

from praktijkbank.urls import absolute, facet_url, practice_url, relative, source_path


@pytest.mark.parametrize(("from_url", "to_url", "link"), [
    ("praktijken/a/", "themas/x/", "../../themas/x/"),
    ("", "praktijken/a/", "praktijken/a/"),
    ("praktijken/a/", "", "../../"),
    ("themas/", "themas/x/", "x/"),
    ("themas/x/", "themas/x/", "./"),
    ("praktijken/a/", "api/praktijken.json", "../../api/praktijken.json"),
    ("", "", "./"),
])
def test_links_between_pages_are_relative(from_url: str, to_url: str, link: str) -> None:
    assert relative(from_url, to_url) == link


def test_the_published_url_scheme() -> None:
    assert practice_url("dalfsen-voorleestent") == "praktijken/dalfsen-voorleestent/"
    assert facet_url("themes", "laaggeletterdheid") == "themas/laaggeletterdheid/"
    assert facet_url("organisation_types", "ggd") == "partners/ggd/"
    assert facet_url("provinces") == "provincies/"
    assert source_path("praktijken/x/") == "praktijken/x/index.md"
    assert source_path("") == "index.md"
    assert absolute("praktijken/x/", "https://example.org/bank/") == "https://example.org/bank/praktijken/x/"
    assert absolute("praktijken/x/", None) == "/praktijken/x/"

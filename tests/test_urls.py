"""Stable URLs and the relative links between them."""

from __future__ import annotations

import pytest

from praktijkbank.common.urls import (absolute, collection_url, embed_url, facet_url, is_local, practice_url,
                               presentation_url, relative, source_path)


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
    assert practice_url("voorbeeldstad-voorleestent") == "praktijken/voorbeeldstad-voorleestent/"
    assert facet_url("themes", "laaggeletterdheid") == "themas/laaggeletterdheid/"
    assert facet_url("organisation_types", "ggd") == "partners/ggd/"
    assert facet_url("provinces") == "provincies/"
    assert source_path("praktijken/x/") == "praktijken/x/index.md"
    assert source_path("") == "index.md"
    assert absolute("praktijken/x/", "https://example.org/bank/") == "https://example.org/bank/praktijken/x/"
    assert absolute("praktijken/x/", None) == "/praktijken/x/"


def test_the_collection_url_scheme() -> None:
    assert collection_url() == "collecties/"
    assert collection_url("congres-2027") == "collecties/congres-2027/"
    assert presentation_url("congres-2027") == "collecties/congres-2027/presentatie/"
    assert embed_url("congres-2027") == "collecties/congres-2027/embed/"


@pytest.mark.parametrize(("site_url", "local"), [("http://localhost:8000/", True), ("http://127.0.0.1:8000/", True),
                                                 ("https://example.github.io/praktijkbank/", False),
                                                 ("https://localhost.example.org/", False)])
def test_a_local_site_address_is_recognised(site_url: str, local: bool) -> None:
    assert is_local(site_url) is local

"""Municipalities by the names people use, in the browser: the search page's municipality field and the table
forms read (api/gemeenten.json) recognise the same names as the validator, because the browser folds a typed
name exactly as Python does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import PROJECT_ROOT
from praktijkbank.common.municipalities import name_key, read_municipalities
from praktijkbank.common.suggest import without_accents
from real_data import CATALOG

MUNICIPALITIES = read_municipalities(PROJECT_ROOT / "schemas" / "geo")
TYPED = ["Den Haag", "den  bosch", "’s-Hertogenbosch", "s-Gravenhage", "Gemeente Dalfsen", "GEMEENTE\tHoorn",
         "Súdwest-Fryslân", "sudwest fryslan", "Bergen", "Bergen (NH.)", "Nuenen", " Noordoostpolder ", "‘s Gravenhage",
         "Ærø", "İstanbul", "__proto__", "", "gemeente"]
# Every CBS name, and each as someone might type it: lower case without accents, with a curly apostrophe.
SAMPLES = TYPED + [variant for name in MUNICIPALITIES.current
                   for variant in (name, without_accents(name).lower(), name.replace("'", "’"))]


def test_the_site_publishes_every_municipality_and_the_names_that_mean_it(built_site: Path) -> None:
    data = json.loads((built_site / "api" / "gemeenten.json").read_text(encoding="utf-8"))

    assert [item["name"] for item in data["municipalities"]] == MUNICIPALITIES.names()
    assert data["names"][name_key("Den Haag")] == ["'s-Gravenhage"]
    assert data["names"][name_key("bergen")] == ["Bergen (L.)", "Bergen (NH.)"]
    assert "gemeentenamen.csv" in data["source"]


@pytest.mark.browser
def test_the_browser_folds_and_looks_up_names_as_python_does(page, base_url: str) -> None:
    page.goto(base_url + "zoeken/")
    answers = page.evaluate("""async (samples) => {
        const names = await import(new URL("../javascripts/gedeeld/gemeentenamen.js", location.href).href);
        const table = await names.loadMunicipalityNames();
        return samples.map((text) => [names.nameKey(text), table.candidates(text)]);
    }""", SAMPLES)

    assert answers == [[name_key(text), [item.name for item in MUNICIPALITIES.candidates(text)]] for text in SAMPLES]
    assert page.problems == []


@pytest.mark.browser
def test_the_search_field_takes_a_municipality_as_people_write_it(page, base_url: str) -> None:
    from test_search_browser import found, in_municipality

    name = max(CATALOG.by_value["municipalities"], key=lambda value: len(CATALOG.by_value["municipalities"][value]))
    page.goto(base_url + "zoeken/")
    page.get_by_label("Typ of kies een gemeente").fill(f"gemeente {without_accents(name).upper()}")

    page.wait_for_function("name => new URLSearchParams(location.search).get('gemeente') === name", arg=name)
    assert set(found(page)) == in_municipality(name)
    assert page.problems == []

"""Where a practice takes place: municipalities are checked against the CBS list of 2025, and the province
follows from them. Each rule is shown with the exact lines a contributor reads."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from helpers import PROJECT_ROOT, VALID_PRACTICE
from praktijkbank.common.municipalities import read_municipalities, short_names
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import build_catalog
from praktijkbank.validate.checker import validate_repository

VALID_PLACE = "place:\n  municipalities:\n    - Dalfsen\n  provinces:\n    - overijssel\n"
PLACE_LINE = 6  # `place:` in the valid fixture; its first value is two lines below


def practice_with_place(root: Path, place: str) -> str:
    """The valid practice with another `place:` block, written into the repository as practices/plek.yml."""
    text = VALID_PRACTICE.read_text(encoding="utf-8")
    assert VALID_PLACE in text
    (root / "practices" / "plek.yml").write_text(text.replace(VALID_PLACE, place), encoding="utf-8")
    return "practices/plek.yml"


def validate(make_repository, run_cli, place: str) -> list[str]:
    root = make_repository(practices=())
    practice_with_place(root, place)
    result = run_cli("validate", "--root", root, "--no-warnings")
    return result.stdout.splitlines()


def test_an_unknown_municipality_gets_the_closest_name(make_repository, run_cli) -> None:
    lines = validate(make_repository, run_cli, "place:\n  municipalities:\n    - Dalfsenn\n")

    assert lines == [f"practices/plek.yml:{PLACE_LINE + 2}:7: unknown-value: onbekende gemeente 'Dalfsenn'.",
                     "    tip: bedoelde je 'Dalfsen'?"]


def test_a_village_is_no_municipality(make_repository, run_cli) -> None:
    lines = validate(make_repository, run_cli, "place:\n  municipalities:\n    - Lemelerveld\n")

    assert lines == [f"practices/plek.yml:{PLACE_LINE + 2}:7: unknown-value: onbekende gemeente 'Lemelerveld'.",
                     "    tip: Schrijf de gemeente zoals het CBS die noemt (schemas/geo/gemeenten.csv). Een dorp, "
                     "kern of wijk hoort bij localities."]


def test_a_province_that_does_not_match_the_municipality_is_reported_at_its_line(make_repository, run_cli) -> None:
    place = "place:\n  municipalities:\n    - Dalfsen\n  provinces:\n    - utrecht\n"

    lines = validate(make_repository, run_cli, place)

    assert lines == [f"practices/plek.yml:{PLACE_LINE + 4}:7: province-mismatch: Dalfsen ligt in Overijssel, niet in "
                     "Utrecht.",
                     "    tip: Haal provinces weg: de site leidt de provincie af uit de gemeenten. Of verbeter de "
                     "gemeente."]


def test_a_province_missing_beside_the_municipalities_is_reported(make_repository, run_cli) -> None:
    place = "place:\n  municipalities:\n    - Dalfsen\n    - Hoorn\n  provinces:\n    - overijssel\n"

    lines = validate(make_repository, run_cli, place)

    assert lines == [f"practices/plek.yml:{PLACE_LINE + 4}:3: province-mismatch: Hoorn ligt in Noord-Holland, maar "
                     "Noord-Holland staat niet bij provinces.",
                     "    tip: Voeg 'noord-holland' toe, of haal provinces weg: de site leidt de provincie af uit de "
                     "gemeenten."]


def test_a_former_municipality_says_to_name_the_current_one(make_repository, run_cli) -> None:
    lines = validate(make_repository, run_cli, "place:\n  municipalities:\n    - Weesp\n")

    assert lines == [f"practices/plek.yml:{PLACE_LINE + 2}:7: former-municipality: 'Weesp' is sinds 2022 geen "
                     "gemeente meer: het hoort nu bij de gemeente Amsterdam.",
                     "    tip: Schrijf 'Amsterdam' bij municipalities en zet 'Weesp' bij localities."]


def test_a_region_without_a_municipality_needs_its_province(make_repository, run_cli) -> None:
    lines = validate(make_repository, run_cli, "place:\n  region: Zuid-Kennemerland\n")

    assert lines == [f"practices/plek.yml:{PLACE_LINE}:1: missing-field: het veld 'provinces' (Provincies) ontbreekt "
                     "bij 'place': noem een gemeente of een provincie.",
                     "    tip: Noem de gemeente bij municipalities. Speelt de praktijk in een regio zonder één "
                     "gemeente? Noem dan de provincie bij provinces."]


@pytest.mark.parametrize("place", [
    "place:\n  region: Zuid-Kennemerland\n  provinces:\n    - noord-holland\n",
    "place:\n  municipalities:\n    - Dalfsen\n",
    "place:\n  municipalities:\n    - Amsterdam\n  localities:\n    - Weesp\n  provinces:\n    - noord-holland\n",
])
def test_valid_places(make_repository, run_cli, place: str) -> None:
    assert validate(make_repository, run_cli, place) == []


def test_the_province_is_derived_from_the_municipalities(make_repository) -> None:
    root = make_repository(practices=())
    practice_with_place(root, "place:\n  municipalities:\n    - Hoorn\n    - Dalfsen\n")

    catalog = build_catalog(validate_repository(Repository(root)))

    place = catalog.practices["plek"].place
    assert place.provinces == ("noord-holland", "overijssel")
    assert place.municipality_codes == tuple(catalog.municipalities.current[name].code for name in ("Hoorn", "Dalfsen"))
    assert catalog.by_value["provinces"]["noord-holland"] == ("plek",)
    assert catalog.by_value["municipalities"]["Dalfsen"] == ("plek",)


def test_every_former_municipality_merged_into_a_current_one() -> None:
    municipalities = read_municipalities(PROJECT_ROOT / "schemas" / "geo")

    assert municipalities.former
    for former in municipalities.former.values():
        assert former.merged_into in municipalities.current, former
        assert former.name not in municipalities.current, former


@pytest.mark.parametrize(("typed", "cbs_name"), [
    ("Den Haag", "'s-Gravenhage"), ("den bosch", "'s-Hertogenbosch"), ("’s-Hertogenbosch", "'s-Hertogenbosch"),
    ("s-Gravenhage", "'s-Gravenhage"), ("Gemeente Dalfsen", "Dalfsen"), ("gemeente  Noordoostpolder", "Noordoostpolder"),
    ("Sudwest-Fryslan", "Súdwest-Fryslân"), ("HENGELO", "Hengelo (O.)"), ("Nuenen", "Nuenen, Gerwen en Nederwetten"),
])
def test_a_name_as_people_write_it_gets_the_cbs_name(make_repository, run_cli, typed: str, cbs_name: str) -> None:
    lines = validate(make_repository, run_cli, f"place:\n  municipalities:\n    - {typed}\n")

    assert lines == [f"practices/plek.yml:{PLACE_LINE + 2}:7: unknown-value: onbekende gemeente '{typed}'.",
                     f"    tip: bedoelde je '{cbs_name}'?"]


def test_an_ambiguous_name_lists_every_municipality_with_its_province(make_repository, run_cli) -> None:
    lines = validate(make_repository, run_cli, "place:\n  municipalities:\n    - bergen\n")

    assert lines == [f"practices/plek.yml:{PLACE_LINE + 2}:7: ambiguous-municipality: 'bergen' kan 2 gemeenten zijn: "
                     "'Bergen (L.)' in Limburg en 'Bergen (NH.)' in Noord-Holland.",
                     "    tip: Schrijf de naam van de gemeente die je bedoelt precies zo bij municipalities."]


def test_every_everyday_name_has_a_source_and_means_a_current_municipality() -> None:
    with (PROJECT_ROOT / "schemas" / "geo" / "gemeentenamen.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    municipalities = read_municipalities(PROJECT_ROOT / "schemas" / "geo")

    assert rows
    for row in rows:
        assert row["gemeente"] in municipalities.current, row
        assert row["naam"] not in municipalities.current, row
        assert row["bron"].startswith("https://"), row


def test_a_cbs_name_only_ever_means_itself() -> None:
    """'Hengelo (O.)' is written as such; its short name may mean more, the CBS name never does."""
    municipalities = read_municipalities(PROJECT_ROOT / "schemas" / "geo")

    for name in municipalities.current:
        assert [municipality.name for municipality in municipalities.candidates(name)] == [name]


@pytest.mark.parametrize(("name", "short"), [
    ("Bergen (NH.)", ["Bergen"]), ("Nuenen, Gerwen en Nederwetten", ["Nuenen"]), ("Dalfsen", []),
])
def test_short_names_leave_out_the_cbs_addition(name: str, short: list[str]) -> None:
    assert short_names(name) == short

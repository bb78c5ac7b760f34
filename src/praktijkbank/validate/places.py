"""Where a practice takes place: municipalities from the CBS list, and provinces that agree with them.

A municipality is a name from schemas/geo/gemeenten.csv, so the site can put it on the map and others can join
the data with CBS statistics. A name as people write it ('Den Haag', 'Bergen', '’s-Hertogenbosch') is not
accepted but answered with the CBS name to write, or with every municipality it may mean and its province. The province follows from the municipalities; it is only required where no
municipality is named (a region such as Zuid-Kennemerland), and when given it must agree with them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from praktijkbank.common.municipalities import Municipalities, Municipality
from praktijkbank.common.problems import Problem
from praktijkbank.common.suggest import suggestion_hint
from praktijkbank.common.vocabularies import Vocabulary
from praktijkbank.validate.rules import Record

MUNICIPALITIES, PROVINCES = ("place", "municipalities"), ("place", "provinces")


def check_place(record: Record, municipalities: Municipalities, provinces: Vocabulary) -> Iterator[Problem]:
    """Unknown and former municipalities, provinces that do not match them, and a place without either."""
    place = record.data.get("place") if record.data else None
    if not isinstance(place, dict):
        return
    names = _strings(place.get("municipalities"))
    known: list[Municipality] = []
    for index, name in names:
        municipality = municipalities.get(name)
        if municipality:
            known.append(municipality)
        else:
            yield _not_current(record, index, name, municipalities, provinces)
    if "provinces" not in place and "municipalities" not in place:
        yield record.problem(("place",), "missing-field",
                             "het veld 'provinces' (Provincies) ontbreekt bij 'place': noem een gemeente of een "
                             "provincie.",
                             "Noem de gemeente bij municipalities. Speelt de praktijk in een regio zonder één "
                             "gemeente? Noem dan de provincie bij provinces.", at_key=True)
    elif known:
        yield from _province_mismatches(record, known, _strings(place.get("provinces")), provinces)


def _strings(values: Any) -> list[tuple[int, str]]:
    return [(index, value) for index, value in enumerate(values) if isinstance(value, str)] \
        if isinstance(values, list) else []


def _not_current(record: Record, index: int, name: str, municipalities: Municipalities,
                 provinces: Vocabulary) -> Problem:
    path = (*MUNICIPALITIES, index)
    former = municipalities.former_name(name)
    if former:
        return record.problem(path, "former-municipality",
                              f"'{name}' is sinds {former.year} geen gemeente meer: het hoort nu bij de gemeente "
                              f"{former.merged_into}.",
                              f"Schrijf '{former.merged_into}' bij municipalities en zet '{former.name}' bij "
                              "localities.")
    candidates = municipalities.candidates(name)
    if len(candidates) > 1:
        return record.problem(path, "ambiguous-municipality",
                              f"'{name}' kan {len(candidates)} gemeenten zijn: {_with_provinces(candidates, provinces)}.",
                              "Schrijf de naam van de gemeente die je bedoelt precies zo bij municipalities.")
    match = candidates[0].name if candidates else municipalities.closest_name(name)
    hint = suggestion_hint(match) if match else (
        "Schrijf de gemeente zoals het CBS die noemt (schemas/geo/gemeenten.csv). Een dorp, kern of wijk hoort "
        "bij localities.")
    return record.problem(path, "unknown-value", f"onbekende gemeente '{name}'.", hint)


def _province_mismatches(record: Record, known: list[Municipality], given: list[tuple[int, str]],
                         provinces: Vocabulary) -> Iterator[Problem]:
    """A given province without any of the municipalities in it; else a municipality whose province is missing."""
    chosen = [(index, province) for index, province in given if province in provinces.ids]
    mismatched = False
    for index, province in chosen:
        if not any(municipality.province == province for municipality in known):
            mismatched = True
            yield record.problem((*PROVINCES, index), "province-mismatch",
                                 f"{_where(known, provinces)}, niet in {provinces.label(province)}.",
                                 "Haal provinces weg: de site leidt de provincie af uit de gemeenten. Of verbeter "
                                 "de gemeente.")
    if mismatched or not chosen:
        return
    listed = {province for _, province in chosen}
    for municipality in known:
        if municipality.province not in listed:
            listed.add(municipality.province)
            label = provinces.label(municipality.province)
            yield record.problem(PROVINCES, "province-mismatch",
                                 f"{municipality.name} ligt in {label}, maar {label} staat niet bij provinces.",
                                 f"Voeg '{municipality.province}' toe, of haal provinces weg: de site leidt de "
                                 "provincie af uit de gemeenten.", at_key=True)


def _with_provinces(candidates: list[Municipality], provinces: Vocabulary) -> str:
    """"'Bergen (L.)' in Limburg en 'Bergen (NH.)' in Noord-Holland": every candidate, so none is guessed."""
    return _dutch_list([f"'{municipality.name}' in {provinces.label(municipality.province)}"
                        for municipality in candidates])


def _where(known: list[Municipality], provinces: Vocabulary) -> str:
    """'Dalfsen ligt in Overijssel' or 'Dalfsen en Hoorn liggen in Overijssel en Noord-Holland'."""
    names = list(dict.fromkeys(municipality.name for municipality in known))
    labels = list(dict.fromkeys(provinces.label(municipality.province) for municipality in known))
    verb = "ligt" if len(names) == 1 else "liggen"
    return f"{_dutch_list(names)} {verb} in {_dutch_list(labels)}"


def _dutch_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]

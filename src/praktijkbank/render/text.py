"""Dutch presentation of values: dates, periods, places and lists, in plain words."""

from __future__ import annotations

from praktijkbank.common.vocabularies import Vocabularies
from praktijkbank.model.catalog import Period, Place

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def dutch_date(value: str) -> str:
    """'2026-11-23' → '23 november 2026'; '2014-05' → 'mei 2014'; '2014' stays '2014'."""
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value


def period_text(period: Period) -> str:
    if period.end is None:
        return f"Sinds {period.start}"
    return str(period.start) if period.end == period.start else f"{period.start} tot en met {period.end}"


def locality_text(place: Place) -> str:
    """'Dalfsen (Nieuwleusen, Lemelerveld)', or the region when no municipality is known."""
    where = ", ".join(place.municipalities) or (place.region or "")
    if place.localities:
        return f"{where} ({', '.join(place.localities)})" if where else ", ".join(place.localities)
    return where


def place_text(place: Place, vocabularies: Vocabularies) -> str:
    """'Dalfsen (Nieuwleusen, Lemelerveld), Overijssel': what a reader needs to locate a practice."""
    where = locality_text(place)
    provinces = ", ".join(vocabularies["provinces"].label(province) for province in place.provinces)
    return f"{where}, {provinces}" if where else provinces

"""The map of the Netherlands: provinces shaded by their number of practices, a dot on every municipality with
practices, and the small locator maps on practice pages.

The geometry was projected to SVG units once, when schemas/geo/kaart.json was derived
(scripts/prepare_geodata.py); a build only counts practices and assembles. The counts and shades are worked out
once per build (MapView); the pages that show the map render it from that view.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from math import ceil
from pathlib import Path

from markupsafe import escape

from praktijkbank.model.catalog import MUNICIPALITY_FACET, Catalog, Practice

MAP_FILE = "kaart.json"
SHADES = 4  # shades for provinces with practices; shade 0 is a province without any
CREDIT = "Bron: CBS, Kadaster/PDOK (gebiedsindeling 2025)"
LABEL_BAND = 16  # SVG units above the country, where the name of the region under the pointer or focus shows

Point = tuple[float, float]


@dataclass(frozen=True)
class BaseMap:
    """The projected geometry: SVG paths of the provinces, a point per municipality code."""

    width: float
    height: float
    province_paths: dict[str, str]
    points: dict[str, Point]

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width:g} {self.height:g}"


@dataclass(frozen=True)
class Region:
    """A province on the map: its shape, its number of practices and the shade that number falls in."""

    id: str
    label: str
    path: str
    count: int
    shade: int


@dataclass(frozen=True)
class Marker:
    """A municipality with practices: where its dot goes, and how many practices it has."""

    name: str
    province: str
    x: float
    y: float
    count: int


@dataclass(frozen=True)
class Shade:
    """One step of the legend: a shade and the numbers of practices it stands for."""

    number: int
    low: int
    high: int


@dataclass(frozen=True)
class MapView:
    """Everything a page needs to draw the map and the table beside it."""

    view_box: str
    regions: tuple[Region, ...]
    markers: tuple[Marker, ...]
    legend: tuple[Shade, ...]
    credit: str = CREDIT


def read_base_map(geo_dir: Path) -> BaseMap:
    """Read the project's own projected map (trusted input, derived by scripts/prepare_geodata.py)."""
    data = json.loads((geo_dir / MAP_FILE).read_text(encoding="utf-8"))
    return BaseMap(data["breedte"], data["hoogte"],
                   {province: shape["path"] for province, shape in data["provincies"].items()},
                   {code: (point[0], point[1]) for code, point in data["gemeenten"].items()})


def legend(highest: int) -> tuple[Shade, ...]:
    """Shade 0 for none, then up to SHADES equal steps up to the highest count ('1-2', '3-4', '5')."""
    bounds = sorted({ceil(highest * step / SHADES) for step in range(1, SHADES + 1)}) if highest else []
    lows = [1, *(bound + 1 for bound in bounds[:-1])]
    return (Shade(0, 0, 0), *(Shade(number, low, high) for number, (low, high) in enumerate(zip(lows, bounds), 1)))


def map_view(base: BaseMap, catalog: Catalog) -> MapView:
    """Counts, shades and markers for this catalog, in vocabulary order and by municipality name."""
    provinces = catalog.vocabularies["provinces"]
    per_province = catalog.by_value.get("provinces", {})
    steps = legend(max((len(ids) for ids in per_province.values()), default=0))
    regions = []
    for term in provinces.terms:
        count = len(per_province.get(term.id, ()))
        shade = next(step.number for step in steps if step.low <= count <= step.high)
        regions.append(Region(term.id, term.label, base.province_paths[term.id], count, shade))
    markers = []
    for name in catalog.municipalities.names():
        ids = catalog.by_value.get(MUNICIPALITY_FACET, {}).get(name)
        if ids:
            municipality = catalog.municipalities.current[name]
            x, y = base.points[municipality.code]
            markers.append(Marker(name, municipality.province, x, y, len(ids)))
    view_box = f"0 {-LABEL_BAND} {base.width:g} {base.height + LABEL_BAND:g}"
    return MapView(view_box, tuple(regions), tuple(markers), steps)


def locator_points(base: BaseMap, practice: Practice) -> list[Point]:
    """Where a practice's municipalities lie, for the dots on its locator map."""
    return [base.points[code] for code in practice.place.municipality_codes]


def adoption_points(base: BaseMap, adoptions: list[Practice]) -> list[Point]:
    """Where a practice was taken over: the municipalities of its adoptions, each once, for its locator map."""
    codes = dict.fromkeys(code for adoption in adoptions for code in adoption.place.municipality_codes)
    return [base.points[code] for code in codes]


def background_svg(base: BaseMap) -> bytes:
    """The provinces in neutral grey as a standalone SVG: the background every locator map shares, so a
    practice page carries only its dots and the browser fetches the country once."""
    paths = "".join(f'<path d="{escape(path)}"/>' for _, path in sorted(base.province_paths.items()))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{base.view_box}">'
            f'<g fill="#9aa5a8" stroke="#ffffff" stroke-width="0.8" stroke-linejoin="round">{paths}</g>'
            "</svg>\n").encode("utf-8")

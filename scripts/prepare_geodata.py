"""Derive the repository's map and municipality files from the CBS/PDOK 2025 division.

Input (exact copies of the shared reference data, see schemas/geo/README.md): `schemas/geo/bron/`
  provincie_2025.topojson, gemeente_2025.topojson, gemeenten_2025.csv
Output, in `schemas/geo/`:
  gemeenten.csv   every current municipality: CBS code, name, province id of schemas/vocabularies.yml
  kaart.json      the map, projected once here so a build only assembles it: each province as an SVG path
                  and a label point, each municipality as a point, in SVG units (1 unit = 1 km, y downwards)

The projection is RD New (metres) → SVG: x - west edge, north edge - y, divided by 1,000. Shared province
borders are simplified once per arc (Douglas-Peucker), so neighbours keep meeting without gaps. Running the
script again on the same input writes the same bytes (tests/test_geodata.py proves the committed files are
current).

Usage: .venv/bin/python scripts/prepare_geodata.py [--source DIR] [--target DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import unicodedata
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
GEO_DIR = PROJECT_ROOT / "schemas" / "geo"
TOLERANCE_KM = 0.35  # border detail below this disappears; at the map's size that is under a pixel
DECIMALS = 1

Point = tuple[float, float]
Ring = list[Point]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """TopoJSON's quantized, delta-encoded arcs as absolute RD coordinates in metres."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def polygons(geometry: dict) -> list[list[list[int]]]:
    """A Polygon or MultiPolygon as a list of polygons, each a list of rings of arc indexes."""
    return [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]


def ring_points(indexes: list[int], arcs: list[list[Point]]) -> Ring:
    """One ring from its arcs; `~i` (written -i-1) is arc i backwards. Consecutive arcs share an end point."""
    ring: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, keeping both ends (so arcs still join)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = 0, 0.0
        for index in range(first + 1, last):
            candidate = _distance(points[index], points[first], points[last])
            if candidate > distance:
                farthest, distance = index, candidate
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep) if kept]


def _distance(point: Point, start: Point, end: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    length = math.hypot(x2 - x1, y2 - y1)
    if length == 0:
        return math.hypot(x - x1, y - y1)
    return abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length


class Projection:
    """RD New metres to SVG kilometres, with the country's north-west corner at (0, 0)."""

    def __init__(self, arcs: list[list[Point]]) -> None:
        xs = [x for arc in arcs for x, _ in arc]
        ys = [y for arc in arcs for _, y in arc]
        self.west, self.north = min(xs), max(ys)
        self.width = self(max(xs), min(ys))[0]
        self.height = self(max(xs), min(ys))[1]

    def __call__(self, x: float, y: float) -> Point:
        return (round((x - self.west) / 1000, DECIMALS), round((self.north - y) / 1000, DECIMALS))

    def arc(self, arc: list[Point]) -> list[Point]:
        return [self(x, y) for x, y in arc]


def svg_path(rings: list[Ring]) -> str:
    """Rings as one compact SVG path: an absolute start, then relative steps; repeated points dropped."""
    parts = []
    for ring in rings:
        points = [point for index, point in enumerate(ring) if index == 0 or point != ring[index - 1]]
        if len(points) > 1 and points[-1] == points[0]:
            points.pop()
        if len(points) < 3:
            continue
        steps = [f"{_number(x - px)} {_number(y - py)}" for (px, py), (x, y) in zip(points, points[1:])]
        parts.append(f"M{_number(points[0][0])} {_number(points[0][1])}l" + " ".join(steps) + "z")
    return "".join(parts)


def _number(value: float) -> str:
    text = f"{round(value, DECIMALS):.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def area_and_centroid(ring: Ring) -> tuple[float, Point]:
    """The shoelace area (absolute) and the area centroid of one ring."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return 0.0, ring[0]
    return abs(area / 2), (cx / (3 * area), cy / (3 * area))


def inside(point: Point, rings: list[Ring]) -> bool:
    """Even-odd rule over all rings of a polygon, so holes count."""
    x, y = point
    crossings = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def representative_point(shapes: list[list[Ring]]) -> Point:
    """Where a marker or label goes: the centroid of the largest polygon if it lies inside, else the middle of
    the widest stretch inside that polygon on the centroid's horizontal line (the method of the source README)."""
    largest = max(shapes, key=lambda rings: area_and_centroid(rings[0])[0])
    _, centroid = area_and_centroid(largest[0])
    if not inside(centroid, largest):
        centroid = _widest_scanline_middle(largest, centroid[1])
    return (round(centroid[0], DECIMALS), round(centroid[1], DECIMALS))


def _widest_scanline_middle(rings: list[Ring], y: float) -> Point:
    crossings = sorted(x1 + (y - y1) * (x2 - x1) / (y2 - y1)
                       for ring in rings for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])
                       if (y1 > y) != (y2 > y))
    stretches = list(zip(crossings[::2], crossings[1::2]))
    start, end = max(stretches, key=lambda stretch: stretch[1] - stretch[0])
    return ((start + end) / 2, y)


def province_ids(vocabularies_file: Path) -> dict[str, str]:
    """CBS province name → our vocabulary id, matched on the Dutch label ('Fryslân' → 'friesland')."""
    vocabularies = yaml.safe_load(vocabularies_file.read_text(encoding="utf-8"))
    return {_fold(term["label"]): term["id"] for term in vocabularies["provinces"]["values"]}


def _fold(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(char))


def municipalities_csv(source_csv: str, ids: dict[str, str]) -> str:
    """gemeenten.csv: code, name and province id per municipality, in CBS code order."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(["code", "naam", "provincie"])
    for row in sorted(csv.DictReader(io.StringIO(source_csv)), key=lambda row: row["statcode"]):
        writer.writerow([row["statcode"], row["statnaam"], ids[_fold(row["provincie_statnaam"])]])
    return output.getvalue()


def map_json(provinces: dict, municipalities: dict, ids: dict[str, str]) -> str:
    """kaart.json: the provinces as paths with a label point, the municipalities as points, in SVG units."""
    province_arcs = decode_arcs(provinces)
    projection = Projection(province_arcs)
    simplified = [simplify(projection.arc(arc), TOLERANCE_KM) for arc in province_arcs]
    shapes = {}
    for geometry in provinces["objects"]["provincie_2025"]["geometries"]:
        rings = [[ring_points(ring, simplified) for ring in polygon] for polygon in polygons(geometry)]
        label = representative_point([[ring_points(ring, [projection.arc(arc) for arc in province_arcs])
                                       for ring in polygon] for polygon in polygons(geometry)])
        shapes[ids[_fold(geometry["properties"]["statnaam"])]] = {
            "path": svg_path([ring for polygon in rings for ring in polygon]), "label": list(label)}
    municipality_arcs = [projection.arc(arc) for arc in decode_arcs(municipalities)]
    points = {}
    for geometry in municipalities["objects"]["gemeente_2025"]["geometries"]:
        rings = [[ring_points(ring, municipality_arcs) for ring in polygon] for polygon in polygons(geometry)]
        points[geometry["properties"]["statcode"]] = list(representative_point(rings))
    data = {
        "bron": "CBS, Kadaster/PDOK: gebiedsindeling 2025 (vereenvoudigd), via github.com/cartomap/nl",
        "breedte": projection.width, "hoogte": projection.height,
        "provincies": dict(sorted(shapes.items())),
        "gemeenten": dict(sorted(points.items())),
    }
    return json.dumps(data, ensure_ascii=False, indent=0, separators=(",", ":")) + "\n"


def derive(source: Path, vocabularies_file: Path) -> dict[str, str]:
    """The derived files by name, as text."""
    ids = province_ids(vocabularies_file)
    read = lambda name: (source / name).read_text(encoding="utf-8")  # noqa: E731
    return {
        "gemeenten.csv": municipalities_csv(read("gemeenten_2025.csv"), ids),
        "kaart.json": map_json(json.loads(read("provincie_2025.topojson")), json.loads(read("gemeente_2025.topojson")),
                               ids),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=GEO_DIR / "bron")
    parser.add_argument("--target", type=Path, default=GEO_DIR)
    arguments = parser.parse_args()
    for name, text in derive(arguments.source, PROJECT_ROOT / "schemas" / "vocabularies.yml").items():
        (arguments.target / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"{arguments.target / name}: {len(text.encode('utf-8')):,} bytes")


if __name__ == "__main__":
    main()

"""The map's cost: `mkdocs build` of the same generated site with the map and without its drawings (the plugin
option `maps: false` leaves them out; the pages and tables stay), so the ratio is what drawing the map costs,
and the size of the map page that a phone downloads.

Goals: the build with the map at most 5% slower than without, and the map page under 150 KB, at 1,000 and
5,000 practices. The generated practices spread over every CBS municipality, the map's worst case.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from praktijkbank.load.site_config import read_settings
from scripts.bench.comparison import Comparison, Goal, Row, comparison_job, slowdown, time_alternately
from scripts.bench.processes import MKDOCS, build_command, run_clean
from scripts.bench.site_build import SITE_PLUGIN, prepare_repository, require_same_pages

MAP_PAGE = Path("kaart") / "index.html"
COST_GOAL, PAGE_GOAL_KB = 1.05, 150


@dataclass(frozen=True)
class MapRow(Row):
    """The timings, and the size of the map page as the build with the map wrote it."""

    map_kb: float = 0.0


def benchmark_map(count: int, repeat: int) -> Row:
    """Generate one site repository, build it once with and once without the map drawings (checking that both
    make the same pages), then time both builds alternately."""
    with tempfile.TemporaryDirectory(prefix=f"praktijkbank-bench-map-{count}-") as directory:
        work = Path(directory)
        root = prepare_repository(work, count)
        with_map = build_command(root / "mkdocs.yml", work / "with-map")
        without = build_command(write_mapless_config(root / "mkdocs.yml"), work / "without-map")
        for argv in (with_map, without):
            run_clean(argv, count)
        require_same_pages(work / "with-map", work / "without-map")
        map_kb = (work / "with-map" / MAP_PAGE).stat().st_size / 1024
        print(f"{count} practices: /{MAP_PAGE.as_posix()} is {map_kb:.0f} KB", file=sys.stderr)
        row = time_alternately(with_map, without, count, repeat)
        return MapRow(row.count, row.ours, row.theirs, map_kb)


def write_mapless_config(config_file: Path) -> Path:
    """A copy of `config_file` beside it (so its relative paths still hold) with the plugin option
    `maps: false`; everything else is the same, so the two builds differ only in the map drawings."""
    config = read_settings(config_file)
    plugins = [_without_maps(entry) for entry in config["plugins"]]
    if plugins == config["plugins"]:
        raise SystemExit(f"bench: {config_file} has no `{SITE_PLUGIN}` plugin to build without the map.")
    config["plugins"] = plugins
    target = config_file.with_name("mkdocs-zonder-kaart.yml")
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def _without_maps(entry: str | dict[str, Any]) -> str | dict[str, Any]:
    """`plugins` lists a name, or a one-key mapping from the name to its options; ours gets `maps: false`."""
    if entry == SITE_PLUGIN:
        return {SITE_PLUGIN: {"maps": False}}
    if isinstance(entry, dict) and SITE_PLUGIN in entry:
        return {SITE_PLUGIN: {**(entry[SITE_PLUGIN] or {}), "maps": False}}
    return entry


def map_page_kb(row: Row) -> float:
    """The map page's size; every row of this job is a MapRow (benchmark_map makes them)."""
    assert isinstance(row, MapRow)
    return row.map_kb


MAP_COST = Comparison(
    title="mkdocs build with the map (ours) vs the same build without its drawings (nomap); "
          "ratio = ours median / nomap median",
    baseline="nomap",
    ratio=slowdown,
    goals=(Goal(f"the map adds at most {COST_GOAL - 1:.0%} to the build at 1,000 and 5,000", (1000, 5000),
                slowdown, lambda ratio: ratio <= COST_GOAL, lambda ratio: f"{ratio:.3f}x"),
           Goal(f"the map page under {PAGE_GOAL_KB} KB at 1,000 and 5,000", (1000, 5000), map_page_kb,
                lambda kilobytes: kilobytes < PAGE_GOAL_KB, lambda kilobytes: f"{kilobytes:.0f} KB")),
    measure=benchmark_map,
)
JOB = comparison_job(MAP_COST, name="map", help="run the map benchmark: the build with and without its drawings",
                     sizes_option="--map-sizes", sizes_help="for the map benchmark", default_sizes=(1000, 5000),
                     quick_sizes=(100, 1000), executables=(MKDOCS,))

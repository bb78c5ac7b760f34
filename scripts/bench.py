"""Benchmark the project's speed goals on synthetic repositories.

Four benchmarks, each comparing our tool with a yardstick on exactly the same generated practices:
- validate: `praktijkbank validate` against check-jsonschema;
- site: `mkdocs build` with the praktijkbank plugin (which validates and renders every page in memory) against
  MkDocs building the same pages from plain Markdown files, written beforehand by `praktijkbank export-pages`.
  What the plain build cannot do is exactly what the plugin adds, so the ratio shows the plugin's cost.
- search: the index our build writes (zoekindex/, searched by docs/javascripts/zoekindex.js) against
  mkdocs-material's built-in search on the same pages, and against Pagefind with its own interface on our
  built site: the index's share of the build, and in headless Chromium (/usr/bin/chromium, driven by
  Playwright) the bytes transferred until the first result of a query and the time from the last keystroke
  to the results.
- map: `mkdocs build` with the map against the same build without its drawings (PRAKTIJKBANK_BENCH_NO_MAP=1),
  and the size of the map page.

The speed goals of the project are checked here, not in the unit tests: timings on a shared CI machine are
too noisy to fail a build on, but a human comparing these tables between commits sees a regression at once.

Goals:
- 1,000 practices validated in under 1 s;
- validation at least 2x faster than check-jsonschema on the same files;
- a site build with the plugin at most 1.25x as slow as the plain build, at 1,000 and 5,000 practices;
- a site build of 5,000 practices in under 1 GB of memory;
- the map: a build with it at most 5% slower than without its drawings, and its page under 150 KB, at 1,000
  and 5,000 practices;
- search at 10,000 practices: first results after at most 300 KB of search files, results at most 100 ms after
  the last keystroke once loaded, and indexing adding at most 30% to the build.

Usage (from the repository root, with the project's virtual environment):

    .venv/bin/python scripts/bench.py              # both benchmarks, 3 repetitions (several minutes)
    .venv/bin/python scripts/bench.py --validate   # validation only: 100, 1000 and 10000 practices
    .venv/bin/python scripts/bench.py --site       # site build only: 100, 1000 and 5000 practices
    .venv/bin/python scripts/bench.py --search     # search only: 1000 and 10000 practices
    .venv/bin/python scripts/bench.py --map        # the map's cost: 1000 and 5000 practices
    .venv/bin/python scripts/bench.py --quick      # 100 and 1000 practices, 1 repetition
    .venv/bin/python scripts/bench.py --sizes 100,1000 --site-sizes 1000 --repeat 5

Every tool runs as a whole process, so interpreter start-up and imports count: that is what a contributor
and the CI job wait for. Runs alternate (ours, theirs, ours, theirs, ...) so that a machine getting busier
or quieter during the run affects both sides alike.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import functools
import gzip
import importlib.util
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCHEMAS_DIR = PROJECT_ROOT / "schemas"
BIN_DIR = Path(sys.executable).parent
PRAKTIJKBANK = BIN_DIR / "praktijkbank"
CHECK_JSONSCHEMA = BIN_DIR / "check-jsonschema"
MKDOCS = BIN_DIR / "mkdocs"
# mkdocs-material prints a banner about MkDocs 2.0 on every build unless this is set, as `make build` does.
CHILD_ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

DEFAULT_SIZES = (100, 1000, 10000)
DEFAULT_SITE_SIZES = (100, 1000, 5000)
DEFAULT_SEARCH_SIZES = (1000, 10000)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# Words the generated practices use: the first is typed on a fresh page, the others once search is loaded.
# The generated texts draw on a small vocabulary, so each of these words is on most of the 10,000 practices:
# the hardest case for an index fetched in parts, since a common word has the longest list of documents.
FIRST_QUERY = "voorlezen"
LOADED_QUERIES = ("mantelzorgers", "geldzaken", "nieuwkomers")
INDEX_LOG = re.compile(r"Zoekindex: .* in ([0-9.]+) s\.")
KEYSTROKE_TIMEOUT_MS = 120_000  # Material's search at 10,000 practices can take minutes; slower counts as inf
SEARCH_GOAL_KB, KEYSTROKE_GOAL_MS, INDEX_SHARE_GOAL = 300, 100, 0.30
QUICK_SIZES = (100, 1000)
DEFAULT_MAP_SIZES = (1000, 5000)
MAP_COST_GOAL, MAP_PAGE_GOAL_KB = 1.05, 150
NO_MAP_VARIABLE = "PRAKTIJKBANK_BENCH_NO_MAP"  # read by the MkDocs plugin: build without the map drawings
SITE_PLUGIN = "praktijkbank"

LOCALITY_PARTS = (["Noord", "Zuid", "Oost", "West", "Oud", "Nieuw", "Hoog", "Laag", "Groot", "Klein"],
                  ["veen", "dijk", "horst", "wijk", "dorp", "broek", "hoven", "rade", "loo", "meer"])
ORGANISATION_NAMES = {
    "bibliotheek": "Bibliotheek {place}",
    "provinciale-ondersteuning": "Bibliotheekservice {province}",
    "welzijn": "Welzijn {place}",
    "ggd": "GGD regio {place}",
    "gemeente": "Gemeente {place}",
    "uwv": "UWV {place}",
    "zorg": "Thuiszorg {place}",
    "onderwijs": "Basisschool De Regenboog {place}",
    "kinderopvang": "Kinderopvang Het Speelhuis {place}",
    "woningcorporatie": "Woonstichting {place}",
    "politie": "Politie basisteam {place}",
    "cultuur": "Muziekschool {place}",
    "vrijwilligersorganisatie": "Vrijwilligerscentrale {place}",
    "seniorenorganisatie": "Seniorenvereniging {place}",
    "clientenorganisatie": "Cliëntenraad sociaal domein {place}",
    "werkgever": "Bouwbedrijf Jansen {place}",
}
FALLBACK_ORGANISATION_NAME = "Stichting Samen {place}"
SUBJECTS = ["De bibliotheek", "Een vrijwilliger", "De welzijnswerker", "Het team", "De wijkcoach",
            "Een medewerker van de gemeente", "De taalcoach", "De jongerenwerker", "Een leesconsulent"]
VERBS = ["organiseert", "begeleidt", "ondersteunt", "bespreekt", "verzorgt", "plant", "opent", "bezoekt"]
OBJECTS = ["een wekelijkse inloop", "een taalcafé voor nieuwkomers", "het Digitaal Hulpplein",
           "voorleesmomenten op het consultatiebureau", "een spreekuur over geldzaken",
           "cursussen Klik & Tik", "gesprekken met ouders over voorlezen", "een leesclub voor ouderen",
           "huisbezoeken bij mantelzorgers", "een werkplaats voor sollicitatiebrieven"]
ENDINGS = ["in de wijk", "samen met partners", "voor alle inwoners", "op dinsdagochtend", "in het buurthuis",
           "met hulp van vrijwilligers", "zonder dat er kosten aan verbonden zijn", "in overleg met de school"]
OUTCOMES = ["Meer dan {n} inwoners deden mee in het eerste jaar.",
            "{n} vrijwilligers zijn opgeleid als taalmaatje.",
            "Het aantal bezoekers van het spreekuur steeg met {n} procent.",
            "{n} gezinnen werden doorverwezen naar passende hulp.",
            "De samenwerking met {n} partners is vastgelegd in een convenant."]
EVIDENCE = ["Blijkt uit de jaarlijkse evaluatie van de bibliotheek.",
            "Genoemd in het interview met de projectleider.",
            "Volgens de registratie van het aantal deelnemers.",
            "Uit een enquête onder deelnemers en partners."]
LESSONS = ["Een relatie met partners opbouwen kost tijd; begin klein.",
           "Zorg voor een vaste contactpersoon bij elke partner.",
           "Vrijwilligers hebben goede begeleiding en waardering nodig.",
           "Ga naar de plekken waar de doelgroep al komt.",
           "Leg afspraken over verwijzen vast, dan blijft het niet bij goede bedoelingen.",
           "Vier successen en deel ze met de gemeente."]


@dataclass(frozen=True)
class Measurement:
    """One finished process: wall time, peak memory of that process alone, and how it ended."""

    seconds: float
    peak_mb: float
    returncode: int
    output: str


@dataclass(frozen=True)
class Row:
    """All repetitions for one repository size: our tool and the yardstick it is compared with."""

    count: int
    ours: list[Measurement]
    theirs: list[Measurement]
    map_kb: float = 0.0  # the map benchmark's /kaart/ page, as built


@dataclass(frozen=True)
class Goal:
    """One goal of the project as a PASS/FAIL line under a table, so nobody has to do arithmetic on it.
    `counts` names the sizes the goal is about; empty means every size that was measured."""

    text: str
    counts: tuple[int, ...]
    value: Callable[[Row], float]
    passes: Callable[[float], bool]
    show: Callable[[float], str]


@dataclass(frozen=True)
class Benchmark:
    """What tells the two benchmarks apart; generating data, timing, the table and the verdicts are shared."""

    title: str
    baseline: str
    ratio: Callable[[Row], float]
    goals: tuple[Goal, ...]
    sizes_option: str
    executables: tuple[Path, ...]
    run: Callable[[int, int], Row]


class _PracticeDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml: 10,000 files in seconds
    """Writes multi-line text as `|` blocks, as contributors do, and never emits anchors or aliases
    (the project's loader refuses them, and a shared Python object would otherwise become one)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    """Block style for Markdown text, so the files look like hand-written ones and exercise that parser path."""
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_PracticeDumper.add_representer(str, _represent_text)


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The few knobs needed to pick a benchmark and trade precision for time."""
    parser = argparse.ArgumentParser(description="Benchmark praktijkbank validate against check-jsonschema and "
                                                 "the site build with the plugin against plain MkDocs.")
    parser.add_argument("--validate", action="store_true", help="run the validation benchmark")
    parser.add_argument("--site", action="store_true", help="run the site build benchmark")
    parser.add_argument("--search", action="store_true", help="run the search benchmark (needs Chromium)")
    parser.add_argument("--map", action="store_true", help="run the map benchmark: the build with and without it")
    parser.add_argument("--sizes", type=_parse_sizes, default=None,
                        help="comma-separated numbers of practices to validate (default: 100,1000,10000)")
    parser.add_argument("--site-sizes", type=_parse_sizes, default=None,
                        help="comma-separated numbers of practices to build a site of (default: 100,1000,5000)")
    parser.add_argument("--search-sizes", type=_parse_sizes, default=None,
                        help="comma-separated numbers of practices to search in (default: 1000,10000)")
    parser.add_argument("--map-sizes", type=_parse_sizes, default=None,
                        help="comma-separated numbers of practices for the map benchmark (default: 1000,5000)")
    parser.add_argument("--repeat", type=int, default=None, help="timed runs per side and size (default: 3)")
    parser.add_argument("--quick", action="store_true", help="sizes 100,1000 and one repetition")
    arguments = parser.parse_args(argv)
    if not (arguments.validate or arguments.site or arguments.search or arguments.map):
        arguments.validate = arguments.site = arguments.search = arguments.map = True
    arguments.sizes = arguments.sizes or (QUICK_SIZES if arguments.quick else DEFAULT_SIZES)
    arguments.site_sizes = arguments.site_sizes or (QUICK_SIZES if arguments.quick else DEFAULT_SITE_SIZES)
    arguments.map_sizes = arguments.map_sizes or (QUICK_SIZES if arguments.quick else DEFAULT_MAP_SIZES)
    arguments.search_sizes = arguments.search_sizes or ((1000,) if arguments.quick else DEFAULT_SEARCH_SIZES)
    arguments.repeat = arguments.repeat or (1 if arguments.quick else 3)
    if arguments.repeat < 1:
        parser.error("--repeat must be at least 1")
    return arguments


def _parse_sizes(text: str) -> tuple[int, ...]:
    """`--sizes 100,1000` as numbers; a typo should fail at once, not after minutes of benchmarking."""
    try:
        sizes = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of numbers: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive numbers")
    return sizes


def load_municipalities(schemas_dir: Path) -> dict[str, list[str]]:
    """The CBS municipalities per province id (schemas/geo/gemeenten.csv), so `place` is real, valid data and
    a large set spreads over every municipality, as the map's worst case."""
    by_province: dict[str, list[str]] = {}
    with (schemas_dir / "geo" / "gemeenten.csv").open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            by_province.setdefault(row["provincie"], []).append(row["naam"])
    return by_province


def load_vocabulary_ids(schemas_dir: Path) -> dict[str, list[str]]:
    """The allowed ids per vocabulary, read from vocabularies.yml so the data stays valid when lists change."""
    document = yaml.safe_load((schemas_dir / "vocabularies.yml").read_text(encoding="utf-8"))
    return {name: [value["id"] for value in entry["values"]] for name, entry in document.items()}


def practice_id(index: int) -> str:
    """File name (without .yml) of the practice with this 1-based index."""
    return f"practice-{index:05d}"


def generate_repository(root: Path, count: int) -> None:
    """Lay out `root` as a praktijkbank with `count` valid practices, deterministic for a given `count`
    so that runs on different commits validate exactly the same files."""
    shutil.copytree(SCHEMAS_DIR, root / "schemas")
    media_dir = root / "practices" / "media"
    media_dir.mkdir(parents=True)
    (root / "collections").mkdir()
    vocabularies = load_vocabulary_ids(root / "schemas")
    municipalities = load_municipalities(root / "schemas")
    rng = random.Random(count)
    for index in range(1, count + 1):
        practice = build_practice(rng, index, count, vocabularies, municipalities)
        for item in practice.get("media", []):
            (media_dir / item["file"]).write_bytes(b"\x89PNG\r\n\x1a\n")
        text = yaml.dump(practice, Dumper=_PracticeDumper, allow_unicode=True, sort_keys=False, width=100)
        (root / "practices" / f"{practice_id(index)}.yml").write_text(text, encoding="utf-8")


def build_practice(rng: random.Random, index: int, count: int, vocabularies: dict[str, list[str]],
                   municipalities: dict[str, list[str]]) -> dict[str, Any]:
    """One practice using every field of the schema, sized like a real one (2-4 KB of YAML)."""
    provinces = rng.sample(vocabularies["provinces"], rng.choice([1, 1, 1, 2]))
    chosen = sorted({rng.choice(municipalities[province]) for province in provinces})
    place_name = chosen[0]
    start = rng.randint(2010, 2024)
    status = rng.choice(vocabularies["statuses"])
    practice: dict[str, Any] = {
        "title": f"{rng.choice(OBJECTS).capitalize()} in {place_name}",
        "summary": " ".join(_sentence(rng) for _ in range(2)),
        "description": "\n\n".join(_paragraph(rng, rng.randint(3, 5)) for _ in range(rng.randint(3, 4))) + "\n",
        "place": {
            "municipalities": chosen,
            "localities": sorted({_locality(rng) for _ in range(rng.randint(1, 3))}),
            "region": f"Regio {place_name} en omstreken",
            "provinces": provinces,
        },
        "organisations": _organisations(rng, vocabularies, place_name, provinces[0]),
        "themes": rng.sample(vocabularies["themes"], rng.randint(1, 3)),
        "target_groups": rng.sample(vocabularies["target_groups"], rng.randint(1, 3)),
        "activities": _unique(rng, lambda: f"{rng.choice(OBJECTS).capitalize()} {rng.choice(ENDINGS)}", 2, 5),
        "period": {"start": start, "end": start + rng.randint(1, 3)} if status == "afgerond" else {"start": start},
        "status": status,
        "results": [{"text": rng.choice(OUTCOMES).format(n=rng.randint(5, 400)), "evidence": rng.choice(EVIDENCE)}
                    for _ in range(rng.randint(1, 3))],
        "lessons": rng.sample(LESSONS, rng.randint(2, 4)),
        "costs": f"Ongeveer {rng.randint(2, 40)} uur per maand van een medewerker, plus materiaal.",
        "funding": f"Gemeente {place_name}, uit het budget voor het sociaal domein.",
        "contact": {"organisation": f"Bibliotheek {place_name}", "website": _website(place_name),
                    "email": f"info@bibliotheek-{index}.example"},
        "sources": _sources(rng, place_name, start),
        "related": _related(rng, index, count),
        "added": f"{rng.randint(2024, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "last_reviewed": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }
    if index % 3 == 0:
        practice["media"] = [{"file": f"{practice_id(index)}.png", "alt": "Deelnemers aan tafel in de bibliotheek.",
                              "credit": f"Foto: Bibliotheek {place_name}"}]
    if index % 10 == 0:
        practice["aliases"] = [f"oud-{practice_id(index)}"]
    if not practice["related"]:
        del practice["related"]
    return practice


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ENDINGS)}."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _locality(rng: random.Random) -> str:
    prefixes, suffixes = LOCALITY_PARTS
    return f"{rng.choice(prefixes)}{rng.choice(suffixes)}"


def _unique(rng: random.Random, make: Callable[[], str], low: int, high: int) -> list[str]:
    """Distinct generated strings: the schema has `uniqueItems` on most lists."""
    wanted = rng.randint(low, high)
    values: list[str] = []
    while len(values) < wanted:
        value = make()
        if value not in values:
            values.append(value)
    return values


def _organisations(rng: random.Random, vocabularies: dict[str, list[str]], place_name: str,
                   province: str) -> list[dict[str, str]]:
    """A library as initiator first, then 1-3 partners of other kinds, like most real practices."""
    types = vocabularies["organisation_types"]
    first_type = "bibliotheek" if "bibliotheek" in types else types[0]
    partner_types = rng.sample([kind for kind in types if kind != first_type], rng.randint(1, 3))
    roles = vocabularies["organisation_roles"]
    organisations = []
    for position, kind in enumerate([first_type, *partner_types]):
        name = ORGANISATION_NAMES.get(kind, FALLBACK_ORGANISATION_NAME).format(place=place_name,
                                                                                province=province.title())
        organisation = {"name": name, "type": kind, "role": roles[0] if position == 0 else roles[-1]}
        if position < 2:
            organisation["website"] = _website(name)
        organisations.append(organisation)
    return organisations


def _website(name: str) -> str:
    """A plausible https address under .example, so the URL rule does its normal work and nothing is real."""
    slug = "".join(character for character in name.lower() if character.isascii() and character.isalnum())
    return f"https://www.{slug or 'praktijk'}.example/"


def _sources(rng: random.Random, place_name: str, start: int) -> list[dict[str, str]]:
    """1-2 sources with every field, including a partial date (`jjjj-mm`) as real sources often have."""
    return [{"title": f"{rng.choice(OBJECTS).capitalize()}: zo pakt {place_name} het aan",
             "publisher": rng.choice(["Probiblio", "Rijnbrink", "KB", f"Bibliotheek {place_name}"]),
             "date": f"{start + offset}-{rng.randint(1, 12):02d}",
             "url": f"https://www.bibliotheeknetwerk.example/artikel/{start}-{rng.randint(1000, 9999)}"}
            for offset in range(rng.randint(1, 2))]


def _related(rng: random.Random, index: int, count: int) -> list[str]:
    """Pointers at other generated practices, so the cross-file reference check has real work to do."""
    others = [other for other in rng.sample(range(1, count + 1), min(count, 4)) if other != index]
    return [practice_id(other) for other in others[: rng.randint(1, 3)]]


def our_command(root: Path) -> list[str]:
    """The project's validator on the whole repository, as the CI job runs it."""
    return [str(PRAKTIJKBANK), "validate", "--root", str(root)]


def their_command(root: Path) -> list[str]:
    """check-jsonschema on every practice in one process; `--` ends the options so any file name is safe.
    Splitting the files over several processes would charge it start-up time more than once."""
    files = sorted(str(path) for path in (root / "practices").glob("*.yml"))
    return [str(CHECK_JSONSCHEMA), "--schemafile", str(root / "schemas" / "practice.schema.json"), "--", *files]


def export_command(root: Path, target: Path) -> list[str]:
    """Every page the plugin generates, written out as Markdown files: the input of the plain build."""
    return [str(PRAKTIJKBANK), "export-pages", str(target), "--root", str(root)]


def build_command(config_file: Path, site_dir: Path) -> list[str]:
    """A site build as `make build` runs it, but into a folder of the benchmark's own."""
    return [str(MKDOCS), "build", "-f", str(config_file), "-d", str(site_dir)]


def time_command(argv: Sequence[str]) -> Measurement:
    """Run one process and measure it; os.wait4 gives that child's own peak RSS, which
    RUSAGE_CHILDREN cannot (it only reports the largest child so far)."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   env=CHILD_ENVIRONMENT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    return Measurement(seconds, usage.ru_maxrss / 1024, process.returncode, text)


def run_clean(argv: Sequence[str], count: int) -> Measurement:
    """Run and measure one command, and stop loudly if it fails: a benchmark of a validator that rejects
    valid data, or of a build that aborts half-way, measures the wrong thing."""
    measurement = time_command(argv)
    if measurement.returncode != 0:
        shown = " ".join(argv[:6]) + (" ..." if len(argv) > 6 else "")
        raise SystemExit(f"bench: a command failed on the generated set of {count} practices.\n"
                         f"command: {shown}\nexit code: {measurement.returncode}\n"
                         f"output (first 3000 characters):\n{measurement.output[:3000]}")
    return measurement


def time_alternately(ours: Sequence[str], theirs: Sequence[str], count: int, repeat: int) -> Row:
    """Time both commands in turns (ours, theirs, ours, ...), so a machine getting busier or quieter during
    the run affects both alike. The caller has run each once already, which also warms the file cache."""
    results: tuple[list[Measurement], list[Measurement]] = ([], [])
    for _ in range(repeat):
        for argv, measurements in zip((ours, theirs), results):
            measurements.append(run_clean(argv, count))
    return Row(count, *results)


def generate_and_describe(root: Path, count: int) -> None:
    """Generate the practices and say how long that took and how big they are, so a reader can judge
    whether the generated files look like real ones."""
    started = time.perf_counter()
    generate_repository(root, count)
    sizes = [path.stat().st_size for path in (root / "practices").glob("*.yml")]
    print(f"{count} practices generated in {time.perf_counter() - started:.1f} s "
          f"(average {statistics.mean(sizes) / 1024:.1f} KB, {min(sizes) / 1024:.1f}-{max(sizes) / 1024:.1f} KB)",
          file=sys.stderr)


def benchmark_validate(count: int, repeat: int) -> Row:
    """Generate one repository, check it once with both tools (which also warms the file cache), then
    time both tools alternately."""
    with tempfile.TemporaryDirectory(prefix=f"praktijkbank-bench-{count}-") as directory:
        root = Path(directory)
        generate_and_describe(root, count)
        ours, theirs = our_command(root), their_command(root)
        for argv in (ours, theirs):
            run_clean(argv, count)
        return time_alternately(ours, theirs, count, repeat)


def prepare_site(work: Path, count: int) -> tuple[Path, Path, Measurement]:
    """A generated repository with the project's mkdocs.yml and docs, and its pages exported as Markdown: the
    input of our build, and of the plain MkDocs builds it is compared with. Returns the repository, the
    exported pages and how long the export took."""
    root, pages = work / "repository", work / "pages"
    generate_and_describe(root, count)
    shutil.copy2(PROJECT_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT_ROOT / "docs", root / "docs")
    return root, pages, run_clean(export_command(root, pages), count)


def benchmark_site(count: int, repeat: int) -> Row:
    """Generate a full site repository and its exported pages, build both sites once (checking that the
    strict build passes and that both sides make the same pages), then time both builds alternately."""
    with tempfile.TemporaryDirectory(prefix=f"praktijkbank-bench-site-{count}-") as directory:
        work = Path(directory)
        root, pages, exported = prepare_site(work, count)
        print(f"{count} practices exported as Markdown in {exported.seconds:.1f} s (not timed)", file=sys.stderr)
        plain_config = write_plain_config(root / "mkdocs.yml", pages, work / "plain.yml")
        ours, plain = build_command(root / "mkdocs.yml", work / "ours"), build_command(plain_config, work / "plain")
        for argv in (ours, plain):
            run_clean(argv, count)
        require_same_pages(work / "ours", work / "plain")
        return time_alternately(ours, plain, count, repeat)


def benchmark_map(count: int, repeat: int) -> Row:
    """The same generated site built with the map and without its drawings (the plugin leaves them out when
    PRAKTIJKBANK_BENCH_NO_MAP is set; the pages and tables stay), so the ratio is what the map costs."""
    with tempfile.TemporaryDirectory(prefix=f"praktijkbank-bench-map-{count}-") as directory:
        work = Path(directory)
        root = work / "repository"
        generate_and_describe(root, count)
        shutil.copy2(PROJECT_ROOT / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(PROJECT_ROOT / "docs", root / "docs")
        with_map = build_command(root / "mkdocs.yml", work / "with-map")
        without = ["env", f"{NO_MAP_VARIABLE}=1", *build_command(root / "mkdocs.yml", work / "without-map")]
        for argv in (with_map, without):
            run_clean(argv, count)
        map_kb = (work / "with-map" / "kaart" / "index.html").stat().st_size / 1024
        return dataclasses.replace(time_alternately(with_map, without, count, repeat), map_kb=map_kb)


def write_plain_config(config_file: Path, docs_dir: Path, target: Path) -> Path:
    """The project's mkdocs.yml, pointed at the exported pages and without our plugin; everything else (theme,
    search, Markdown extensions, strict mode, nav) stays, so both builds do the same work apart from the plugin.
    `watch` only matters to `mkdocs serve` and names folders that are not next to this file."""
    loader = _ConfigLoader(config_file.read_text(encoding="utf-8"))
    try:
        config = loader.get_single_data()
    finally:
        loader.dispose()
    plugins = [entry for entry in config["plugins"] if _plugin_name(entry) != SITE_PLUGIN]
    if len(plugins) == len(config["plugins"]):
        raise SystemExit(f"bench: {config_file} has no `{SITE_PLUGIN}` plugin; the plain build would not differ.")
    config.update(docs_dir=str(docs_dir), plugins=plugins)
    config["theme"]["custom_dir"] = str(docs_dir / "overrides")
    del config["watch"]
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


class _ConfigLoader(yaml.SafeLoader):
    """Safe YAML plus MkDocs' `!ENV` tag, resolved now: the plain config is written as plain YAML."""


def _environment_value(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, ..., default]`: the first variable that is set, else the default."""
    values = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *names, default = values if len(values) > 1 else (*values, None)
    return next((os.environ[name] for name in names if name in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _environment_value)


def _plugin_name(entry: str | dict[str, Any]) -> str:
    """`plugins` lists a name, or a one-key mapping from the name to its options."""
    return entry if isinstance(entry, str) else next(iter(entry))


def require_same_pages(ours_dir: Path, plain_dir: Path) -> None:
    """The comparison is only fair if both builds make the same pages: stop loudly if they do not."""
    ours, plain = _html_files(ours_dir), _html_files(plain_dir)
    if ours != plain:
        raise SystemExit(f"bench: the two site builds made different pages ({len(ours)} with the plugin, "
                         f"{len(plain)} plain).\nonly with the plugin: {sorted(ours - plain)[:20]}\n"
                         f"only plain: {sorted(plain - ours)[:20]}")


def _html_files(site_dir: Path) -> set[str]:
    return {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html")}


def format_table(benchmark: Benchmark, rows: Sequence[Row], repeat: int) -> str:
    """Median and fastest wall time per side, the ratio and peak memory, then the goals with a verdict."""
    theirs = benchmark.baseline
    seconds_width, megabytes_width = len(f"{theirs} med s"), len(f"{theirs} MB")
    header = (f"{'N':>6}  {'ours med s':>10}  {'ours min s':>10}  {theirs + ' med s':>{seconds_width}}  "
              f"{theirs + ' min s':>{seconds_width}}  {'ratio':>6}  {'ours MB':>7}  "
              f"{theirs + ' MB':>{megabytes_width}}")
    lines = [f"{benchmark.title}, {repeat} run(s) each, interleaved", header, "-" * len(header)]
    for row in rows:
        lines.append(f"{row.count:>6}  {_median(row.ours):>10.3f}  {_fastest(row.ours):>10.3f}  "
                     f"{_median(row.theirs):>{seconds_width}.3f}  {_fastest(row.theirs):>{seconds_width}.3f}  "
                     f"{benchmark.ratio(row):>5.2f}x  {_peak(row.ours):>7.1f}  "
                     f"{_peak(row.theirs):>{megabytes_width}.1f}")
    lines += ["", *(goal_verdict(goal, rows, benchmark.sizes_option) for goal in benchmark.goals)]
    return "\n".join(lines)


def goal_verdict(goal: Goal, rows: Sequence[Row], sizes_option: str) -> str:
    """PASS only if every size the goal is about was measured and met it; a size left out of the run is
    named, so a quick run neither passes nor fails a goal about a size it never tried."""
    measured = [row for row in rows if not goal.counts or row.count in goal.counts]
    missing = [count for count in goal.counts if count not in {row.count for row in rows}]
    details = [f"{goal.show(goal.value(row))} at {row.count}" for row in measured]
    if missing:
        details.append(f"add {','.join(map(str, missing))} to {sizes_option}")
    passed = all(goal.passes(goal.value(row)) for row in measured)
    verdict = "FAIL" if not passed else "NOT MEASURED" if missing else "PASS"
    return f"Goal: {goal.text}: {verdict} ({'; '.join(details)})"


def _speed_up(row: Row) -> float:
    return _median(row.theirs) / _median(row.ours)


def _slowdown(row: Row) -> float:
    return _median(row.ours) / _median(row.theirs)


def _median(measurements: Sequence[Measurement]) -> float:
    return statistics.median(measurement.seconds for measurement in measurements)


def _fastest(measurements: Sequence[Measurement]) -> float:
    return min(measurement.seconds for measurement in measurements)


def _peak(measurements: Sequence[Measurement]) -> float:
    return max(measurement.peak_mb for measurement in measurements)


VALIDATE = Benchmark(
    title="praktijkbank validate vs check-jsonschema (cjs); ratio = cjs median / ours median",
    baseline="cjs",
    ratio=_speed_up,
    goals=(Goal("1,000 practices validated in under 1 s", (1000,), lambda row: _median(row.ours),
                lambda seconds: seconds < 1.0, lambda seconds: f"{seconds:.3f} s median"),
           Goal("at least 2x faster than check-jsonschema", (), _speed_up, lambda ratio: ratio >= 2.0,
                lambda ratio: f"{ratio:.2f}x")),
    sizes_option="--sizes",
    executables=(PRAKTIJKBANK, CHECK_JSONSCHEMA),
    run=benchmark_validate,
)
SITE = Benchmark(
    title="mkdocs build with the praktijkbank plugin (ours) vs from exported Markdown without it (plain); "
          "ratio = ours median / plain median",
    baseline="plain",
    ratio=_slowdown,
    goals=(Goal("site build at most 1.25x as slow as plain MkDocs at 1,000 and 5,000", (1000, 5000), _slowdown,
                lambda ratio: ratio <= 1.25, lambda ratio: f"{ratio:.2f}x"),
           Goal("site build of 5,000 practices in under 1 GB", (5000,), lambda row: _peak(row.ours),
                lambda megabytes: megabytes < 1024, lambda megabytes: f"{megabytes:.0f} MB peak")),
    sizes_option="--site-sizes",
    executables=(PRAKTIJKBANK, MKDOCS),
    run=benchmark_site,
)

MAP = Benchmark(
    title="mkdocs build with the map (ours) vs the same build without its drawings (nomap); "
          "ratio = ours median / nomap median",
    baseline="nomap",
    ratio=_slowdown,
    goals=(Goal(f"the map adds at most {MAP_COST_GOAL - 1:.0%} to the build at 1,000 and 5,000", (1000, 5000),
                _slowdown, lambda ratio: ratio <= MAP_COST_GOAL, lambda ratio: f"{ratio:.3f}x"),
           Goal(f"the map page under {MAP_PAGE_GOAL_KB} KB", (1000, 5000), lambda row: row.map_kb,
                lambda kilobytes: kilobytes < MAP_PAGE_GOAL_KB, lambda kilobytes: f"{kilobytes:.0f} KB")),
    sizes_option="--map-sizes",
    executables=(MKDOCS,),
    run=benchmark_map,
)


@dataclass(frozen=True)
class SearchUi:
    """How the benchmark drives one search engine's interface in the browser."""

    name: str
    path: str
    input: str
    done: str  # JavaScript: (query) => true once results for `query` are on screen
    cleared: str  # JavaScript: () => true once an emptied search box has taken the results away
    own_files: tuple[str, ...]  # URL parts of the search's own files (index, worker, wasm, interface)


@dataclass(frozen=True)
class BrowserSearch:
    """One engine in headless Chromium: what a fresh visitor fetches until the first result appears,
    and how long results take after the last keystroke once search is loaded."""

    total_kb: float
    search_kb: float
    first_result_s: float
    keystroke_ms: list[float]


@dataclass(frozen=True)
class SearchRow:
    count: int
    build_s: float  # our whole `mkdocs build`, the search index included
    index_s: float  # the search index step alone, as the build logs it
    pagefind_index_s: float  # Pagefind indexing our built practice pages
    theme_build_s: float  # MkDocs with Material's search on the exported pages
    theme_index_kb: float  # search/search_index.json as served
    theme_index_gzip_kb: float  # the same, as a server that compresses would send it
    engines: dict[str, BrowserSearch]


OUR_SEARCH = SearchUi(
    "ours", "zoeken/", "#pb-search-q",
    "q => document.querySelector('.pb-search__output').getAttribute('aria-busy') === 'false'"
    " && document.querySelector('.pb-search__status').textContent.includes(q)"
    " && document.querySelector('.pb-result') !== null",
    "() => document.querySelector('.pb-search__practices').hidden",
    ("/zoekindex/", "/javascripts/zoeken.js", "/javascripts/zoekindex.js", "/javascripts/snowball/"))
PAGEFIND_SEARCH = SearchUi(
    "Pagefind", "pagefind-zoeken/", ".pagefind-ui__search-input",
    "q => (document.querySelector('.pagefind-ui__message') || {}).textContent?.includes(q)"
    " && document.querySelector('.pagefind-ui__result-link') !== null",
    "() => document.querySelector('.pagefind-ui__result') === null",
    ("/pagefind/",))
THEME_SEARCH = SearchUi(
    "Material", "", ".md-search__input",
    "q => document.querySelector('.md-search__input').value === q"
    " && document.querySelectorAll('.md-search-result__item').length > 0",
    "() => document.querySelector('.md-search-result__item') === null",
    ("/search/", "/workers/", "/lunr/"))
# Pagefind's own interface on a page of its own, searching at every keystroke as ours does (its default waits
# 300 ms after typing); it indexes the practice pages only, without filters, which spares it work ours does.
PAGEFIND_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Pagefind</title>
<link href="../pagefind/pagefind-ui.css" rel="stylesheet"></head>
<body><div id="search"></div><script src="../pagefind/pagefind-ui.js"></script>
<script>new PagefindUI({element: "#search", showSubResults: false, showImages: false, debounceTimeoutMs: 0});</script>
</body></html>
"""
# Records the last keystroke and the last change to the page, so latency is measured inside the browser.
INSTRUMENT = """
window.__bench = {lastKey: 0, changed: 0};
addEventListener("keydown", () => { window.__bench.lastKey = performance.now(); }, true);
new MutationObserver(() => { window.__bench.changed = performance.now(); })
  .observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
"""


def benchmark_search(count: int) -> SearchRow:
    """Build the same generated practices with our plugin and, from the exported pages, with Material's search;
    index a copy of our site with Pagefind; then search all three in Chromium."""
    with tempfile.TemporaryDirectory(prefix=f"praktijkbank-bench-search-{count}-") as directory:
        work = Path(directory)
        root, pages, _ = prepare_site(work, count)
        theme_config = write_theme_search_config(write_plain_config(root / "mkdocs.yml", pages, work / "plain.yml"))
        ours_dir, theme_dir, pagefind_dir = work / "ours", work / "theme", work / "pagefind"
        build = run_clean(build_command(root / "mkdocs.yml", ours_dir), count)
        index_s = float(INDEX_LOG.search(build.output).group(1))
        pagefind_index = with_pagefind(ours_dir, pagefind_dir, count)
        theme_build = run_clean(build_command(theme_config, theme_dir), count)
        theme_index = (theme_dir / "search" / "search_index.json").read_bytes()
        print(f"{count}: build {build.seconds:.1f} s (index {index_s:.1f} s), Pagefind {pagefind_index.seconds:.1f} s,"
              f" theme index {len(theme_index) / 1024:.0f} KB; measuring in Chromium", file=sys.stderr, flush=True)
        engines = {}
        for ui, site_dir in ((OUR_SEARCH, ours_dir), (PAGEFIND_SEARCH, pagefind_dir), (THEME_SEARCH, theme_dir)):
            engines[ui.name] = measure_in_browser(site_dir, ui)
            print(f"{count}: {ui.name}: {engines[ui.name]}", file=sys.stderr, flush=True)
        return SearchRow(count, build.seconds, index_s, pagefind_index.seconds, theme_build.seconds,
                         len(theme_index) / 1024, len(gzip.compress(theme_index)) / 1024, engines)


def with_pagefind(site_dir: Path, target: Path, count: int) -> Measurement:
    """A copy of our site with Pagefind's index of the practice pages and its interface at pagefind-zoeken/."""
    from pagefind_bin import get_executable

    shutil.copytree(site_dir, target)
    for page in (target / "praktijken").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        marked = html.replace("<article class=", "<article data-pagefind-body class=", 1)
        page.write_text(marked, encoding="utf-8")
    (target / "pagefind-zoeken").mkdir()
    (target / "pagefind-zoeken" / "index.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    return run_clean([str(get_executable()), "--site", str(target), "--force-language", "nl", "--silent"], count)


def write_theme_search_config(plain_config: Path) -> Path:
    """The plain build with Material's own search switched on and Material's own header (which holds its
    search box) instead of ours."""
    config = yaml.safe_load(plain_config.read_text(encoding="utf-8"))
    config["plugins"] = [{"search": {"lang": "nl"}}, *config["plugins"]]
    del config["theme"]["custom_dir"]
    target = plain_config.with_name("theme-search.yml")
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the benchmark's output readable."""


def measure_in_browser(site_dir: Path, ui: SearchUi) -> BrowserSearch:
    """A fresh visitor (no cache) types a word; then, with search loaded, more words, one after the other."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(INSTRUMENT)
            page = context.new_page()
            transfers: list[tuple[str, int]] = []
            page.on("requestfinished", lambda request: transfers.append((request.url, _transferred(request))))
            started = time.perf_counter()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{ui.path}")
            page.locator(ui.input).click()
            page.keyboard.type(FIRST_QUERY)
            page.wait_for_function(ui.done, arg=FIRST_QUERY, timeout=600_000)
            first_result = time.perf_counter() - started
            until_first = list(transfers)
            keystrokes = [_keystroke_to_results(page, ui, query) for query in LOADED_QUERIES]
            browser.close()
    finally:
        server.shutdown()
    search_bytes = sum(size for url, size in until_first if any(part in url for part in ui.own_files))
    return BrowserSearch(sum(size for _, size in until_first) / 1024, search_bytes / 1024, first_result,
                         keystrokes)


def _transferred(request: Any) -> int:
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def _keystroke_to_results(page: Any, ui: SearchUi, query: str) -> float:
    """Empty the box and wait until the previous results are gone (else they could pass for this query's), type
    `query` as a person does, wait until its results are shown and the page is quiet for half a second, and
    return the time from the last keydown to the last change of the page, in milliseconds (inf when the
    results did not come, or the old ones did not go, within KEYSTROKE_TIMEOUT_MS)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.locator(ui.input).fill("")
        page.wait_for_function(ui.cleared, timeout=KEYSTROKE_TIMEOUT_MS)
        page.keyboard.type(query, delay=40)
        page.wait_for_function(ui.done, arg=query, timeout=KEYSTROKE_TIMEOUT_MS)
    except PlaywrightTimeout:
        return math.inf
    while True:
        before = page.evaluate("window.__bench.changed")
        page.wait_for_timeout(500)
        if page.evaluate("window.__bench.changed") == before:
            return page.evaluate("window.__bench.changed - window.__bench.lastKey")


def format_search_table(rows: Sequence[SearchRow]) -> str:
    """Our index against Pagefind and Material's built-in search, per size, then the goals with a verdict."""
    lines = ["search: our index (ours) vs Pagefind 1.5 and Material's built-in search (theme), one run each; "
             "timings on a shared machine are noisy",
             f"{'N':>6}  {'build s':>7}  {'index s':>7}  {'index adds':>10}  {'Pagefind s':>10}  "
             f"{'theme build s':>13}  {'theme index KB':>14}  {'gzipped KB':>10}"]
    lines.append("-" * len(lines[-1]))
    for row in rows:
        lines.append(f"{row.count:>6}  {row.build_s:>7.2f}  {row.index_s:>7.2f}  {_index_share(row):>9.0%}  "
                     f"{row.pagefind_index_s:>10.2f}  {row.theme_build_s:>13.2f}  {row.theme_index_kb:>14.0f}  "
                     f"{row.theme_index_gzip_kb:>10.0f}")
    header = (f"{'N':>6}  {'engine':<8}  {'KB to 1st result':>16}  {'search KB':>9}  {'1st result s':>12}  "
              f"{'keystroke ms (median, max)':>26}  {'search KB vs ours':>17}")
    lines += ["", header, "-" * len(header)]
    for row in rows:
        ours = row.engines[OUR_SEARCH.name]
        for engine, result in row.engines.items():
            lines.append(f"{row.count:>6}  {engine:<8}  {result.total_kb:>16.0f}  {result.search_kb:>9.0f}  "
                         f"{result.first_result_s:>12.2f}  {statistics.median(result.keystroke_ms):>17.0f}, "
                         f"{max(result.keystroke_ms):>6.0f}  {result.search_kb / ours.search_kb:>16.1f}x")
    lines += ["", *search_verdicts(rows)]
    return "\n".join(lines)


def _index_share(row: SearchRow) -> float:
    """How much the index adds to the rest of the build."""
    return row.index_s / (row.build_s - row.index_s)


def search_verdicts(rows: Sequence[SearchRow]) -> list[str]:
    """The three search goals at 10,000 practices, or NOT MEASURED when that size was left out."""
    row = next((row for row in rows if row.count == 10000), None)
    if row is None:
        return ["Goal: search goals at 10,000 practices: NOT MEASURED (add 10000 to --search-sizes)"]
    ours = row.engines[OUR_SEARCH.name]
    keystroke = statistics.median(ours.keystroke_ms)
    checks = [(f"first results after at most {SEARCH_GOAL_KB} KB of search files", ours.search_kb <= SEARCH_GOAL_KB,
               f"{ours.search_kb:.0f} KB"),
              (f"results within {KEYSTROKE_GOAL_MS} ms of the last keystroke", keystroke <= KEYSTROKE_GOAL_MS,
               f"{keystroke:.0f} ms median"),
              (f"indexing adds at most {INDEX_SHARE_GOAL:.0%} to the build", _index_share(row) <= INDEX_SHARE_GOAL,
               f"{_index_share(row):.0%}")]
    return [f"Goal: {text}: {'PASS' if passed else 'FAIL'} ({shown} at 10000)" for text, passed, shown in checks]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen benchmarks and print a table after each; only a failing command is an error."""
    arguments = parse_arguments(argv)
    chosen = [(benchmark, sizes) for benchmark, sizes, wanted in ((VALIDATE, arguments.sizes, arguments.validate),
                                                                  (SITE, arguments.site_sizes, arguments.site),
                                                                  (MAP, arguments.map_sizes, arguments.map))
              if wanted]
    for benchmark, _ in chosen:  # all checked before the first run, not after minutes of benchmarking
        for executable in benchmark.executables:
            if not executable.is_file():
                raise SystemExit(f"bench: {executable} not found; run this script with the project's virtualenv "
                                 "Python.")
    if arguments.search and not CHROMIUM.is_file():
        raise SystemExit(f"bench: the search benchmark needs Chromium at {CHROMIUM} (apt-get install chromium).")
    if arguments.search and importlib.util.find_spec("pagefind_bin") is None:
        raise SystemExit("bench: the search benchmark compares with Pagefind; install it with `make install`.")
    for benchmark, sizes in chosen:
        rows = [benchmark.run(count, arguments.repeat) for count in sizes]
        print(format_table(benchmark, rows, arguments.repeat) + "\n", flush=True)
    if arguments.search:
        for count in arguments.search_sizes:  # one table per size: the 10,000 run takes many minutes
            print(format_search_table([benchmark_search(count)]) + "\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

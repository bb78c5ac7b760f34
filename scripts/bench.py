"""Benchmark `praktijkbank validate` against check-jsonschema on synthetic repositories.

The speed goals of the project are checked here, not in the unit tests: timings on a shared CI machine are
too noisy to fail a build on, but a human comparing this table between commits sees a regression at once.

Goals:
- 1,000 practices validated in under 1 s;
- at least 2x faster than check-jsonschema on the same files.

Usage (from the repository root, with the project's virtual environment):

    .venv/bin/python scripts/bench.py              # 100, 1000 and 10000 practices, 3 repetitions
    .venv/bin/python scripts/bench.py --quick      # 100 and 1000 practices, 1 repetition
    .venv/bin/python scripts/bench.py --sizes 100,1000 --repeat 5

Both tools run as whole processes, so interpreter start-up and imports count: that is what a contributor
and the CI job wait for. Runs alternate (ours, theirs, ours, theirs, ...) so that a machine getting busier
or quieter during the run affects both tools alike.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCHEMAS_DIR = PROJECT_ROOT / "schemas"
BIN_DIR = Path(sys.executable).parent
OUR_VALIDATOR = BIN_DIR / "praktijkbank"
CHECK_JSONSCHEMA = BIN_DIR / "check-jsonschema"

DEFAULT_SIZES = (100, 1000, 10000)
QUICK_SIZES = (100, 1000)
GOAL_COUNT = 1000
GOAL_SECONDS = 1.0
GOAL_RATIO = 2.0

# Realistic Dutch material: real municipality names per province id, so `place` reads like real data.
MUNICIPALITIES = {
    "drenthe": ["Assen", "Emmen", "Hoogeveen", "Meppel", "Coevorden", "Westerveld"],
    "flevoland": ["Almere", "Lelystad", "Dronten", "Zeewolde", "Urk", "Noordoostpolder"],
    "friesland": ["Leeuwarden", "Smallingerland", "Heerenveen", "Súdwest-Fryslân", "Waadhoeke"],
    "gelderland": ["Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Doetinchem", "Zutphen", "Tiel"],
    "groningen": ["Groningen", "Midden-Groningen", "Westerkwartier", "Het Hogeland", "Oldambt"],
    "limburg": ["Maastricht", "Venlo", "Heerlen", "Sittard-Geleen", "Roermond", "Weert"],
    "noord-brabant": ["Eindhoven", "Tilburg", "Breda", "'s-Hertogenbosch", "Helmond", "Oss"],
    "noord-holland": ["Amsterdam", "Haarlem", "Zaanstad", "Alkmaar", "Hilversum", "Den Helder"],
    "overijssel": ["Zwolle", "Enschede", "Deventer", "Dalfsen", "Hengelo", "Almelo", "Kampen"],
    "utrecht": ["Utrecht", "Amersfoort", "Nieuwegein", "Veenendaal", "Zeist", "Houten"],
    "zeeland": ["Middelburg", "Vlissingen", "Goes", "Terneuzen", "Schouwen-Duiveland"],
    "zuid-holland": ["Rotterdam", "Den Haag", "Leiden", "Dordrecht", "Zoetermeer", "Gouda", "Delft"],
}
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
    """The summary of all repetitions for one repository size, as printed in the table."""

    count: int
    ours: list[Measurement]
    theirs: list[Measurement]


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
    """The few knobs needed to trade precision for time."""
    parser = argparse.ArgumentParser(description="Benchmark praktijkbank validate against check-jsonschema.")
    parser.add_argument("--sizes", type=_parse_sizes, default=None,
                        help="comma-separated numbers of practices (default: 100,1000,10000)")
    parser.add_argument("--repeat", type=int, default=None, help="timed runs per tool and size (default: 3)")
    parser.add_argument("--quick", action="store_true", help="sizes 100,1000 and one repetition")
    arguments = parser.parse_args(argv)
    arguments.sizes = arguments.sizes or (QUICK_SIZES if arguments.quick else DEFAULT_SIZES)
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
    rng = random.Random(count)
    for index in range(1, count + 1):
        practice = build_practice(rng, index, count, vocabularies)
        for item in practice.get("media", []):
            (media_dir / item["file"]).write_bytes(b"\x89PNG\r\n\x1a\n")
        text = yaml.dump(practice, Dumper=_PracticeDumper, allow_unicode=True, sort_keys=False, width=100)
        (root / "practices" / f"{practice_id(index)}.yml").write_text(text, encoding="utf-8")


def build_practice(rng: random.Random, index: int, count: int, vocabularies: dict[str, list[str]]) -> dict[str, Any]:
    """One practice using every field of the schema, sized like a real one (2-4 KB of YAML)."""
    provinces = rng.sample(vocabularies["provinces"], rng.choice([1, 1, 1, 2]))
    municipalities = sorted({rng.choice(MUNICIPALITIES.get(province, ["Middendorp"])) for province in provinces})
    place_name = municipalities[0]
    start = rng.randint(2010, 2024)
    status = rng.choice(vocabularies["statuses"])
    practice: dict[str, Any] = {
        "title": f"{rng.choice(OBJECTS).capitalize()} in {place_name}",
        "summary": " ".join(_sentence(rng) for _ in range(2)),
        "description": "\n\n".join(_paragraph(rng, rng.randint(3, 5)) for _ in range(rng.randint(3, 4))) + "\n",
        "place": {
            "municipalities": municipalities,
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
    return [str(OUR_VALIDATOR), "validate", "--root", str(root)]


def their_command(root: Path) -> list[str]:
    """check-jsonschema on every practice in one process; `--` ends the options so any file name is safe.
    Splitting the files over several processes would charge it start-up time more than once."""
    files = sorted(str(path) for path in (root / "practices").glob("*.yml"))
    return [str(CHECK_JSONSCHEMA), "--schemafile", str(root / "schemas" / "practice.schema.json"), "--", *files]


def time_command(argv: Sequence[str]) -> Measurement:
    """Run one process and measure it; os.wait4 gives that child's own peak RSS, which
    RUSAGE_CHILDREN cannot (it only reports the largest child so far)."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    return Measurement(seconds, usage.ru_maxrss / 1024, process.returncode, text)


def require_clean(measurement: Measurement, argv: Sequence[str], count: int) -> None:
    """A benchmark of a validator that rejects valid data measures the wrong thing: stop loudly."""
    if measurement.returncode != 0:
        shown = " ".join(argv[:6]) + (" ..." if len(argv) > 6 else "")
        raise SystemExit(f"bench: the generated set of {count} practices does not validate cleanly.\n"
                         f"command: {shown}\nexit code: {measurement.returncode}\n"
                         f"output (first 3000 characters):\n{measurement.output[:3000]}")


def benchmark_size(count: int, repeat: int) -> Row:
    """Generate one repository, check it once with both tools (which also warms the file cache), then
    time both tools alternately."""
    with tempfile.TemporaryDirectory(prefix=f"praktijkbank-bench-{count}-") as directory:
        root = Path(directory)
        started = time.perf_counter()
        generate_repository(root, count)
        sizes = [path.stat().st_size for path in (root / "practices").glob("*.yml")]
        print(f"{count} practices generated in {time.perf_counter() - started:.1f} s "
              f"(average {statistics.mean(sizes) / 1024:.1f} KB, {min(sizes) / 1024:.1f}-{max(sizes) / 1024:.1f} KB)",
              file=sys.stderr)
        commands = (our_command(root), their_command(root))
        for argv in commands:
            require_clean(time_command(argv), argv, count)
        ours, theirs = [], []
        for _ in range(repeat):
            for argv, results in zip(commands, (ours, theirs)):
                measurement = time_command(argv)
                require_clean(measurement, argv, count)
                results.append(measurement)
    return Row(count, ours, theirs)


def format_table(rows: Sequence[Row], repeat: int) -> str:
    """Median and fastest wall time per tool, speed-up and peak memory, then the goals with a verdict."""
    header = (f"{'N':>6}  {'ours med s':>10}  {'ours min s':>10}  {'cjs med s':>9}  {'cjs min s':>9}  "
              f"{'ratio':>6}  {'ours MB':>7}  {'cjs MB':>6}")
    lines = [f"praktijkbank validate vs check-jsonschema, {repeat} run(s) each, interleaved; "
             f"ratio = cjs median / ours median", header, "-" * len(header)]
    for row in rows:
        ours, theirs = _median(row.ours), _median(row.theirs)
        lines.append(f"{row.count:>6}  {ours:>10.3f}  {_fastest(row.ours):>10.3f}  {theirs:>9.3f}  "
                     f"{_fastest(row.theirs):>9.3f}  {theirs / ours:>5.2f}x  {_peak(row.ours):>7.1f}  "
                     f"{_peak(row.theirs):>6.1f}")
    lines += ["", *goal_verdicts(rows)]
    return "\n".join(lines)


def goal_verdicts(rows: Sequence[Row]) -> list[str]:
    """The two goals of the project, each with PASS/FAIL, so nobody has to do arithmetic on the table."""
    at_goal = [row for row in rows if row.count == GOAL_COUNT]
    if at_goal:
        seconds = _median(at_goal[0].ours)
        speed = f"{'PASS' if seconds < GOAL_SECONDS else 'FAIL'} ({seconds:.3f} s median)"
    else:
        speed = f"not measured (add {GOAL_COUNT} to --sizes)"
    ratios = [(row.count, _median(row.theirs) / _median(row.ours)) for row in rows]
    passed = all(ratio >= GOAL_RATIO for _, ratio in ratios)
    detail = ", ".join(f"{ratio:.2f}x at {count}" for count, ratio in ratios)
    return [f"Goal: 1,000 practices validated in under 1 s: {speed}",
            f"Goal: at least 2x faster than check-jsonschema: {'PASS' if passed else 'FAIL'} ({detail})"]


def _median(measurements: Sequence[Measurement]) -> float:
    return statistics.median(measurement.seconds for measurement in measurements)


def _fastest(measurements: Sequence[Measurement]) -> float:
    return min(measurement.seconds for measurement in measurements)


def _peak(measurements: Sequence[Measurement]) -> float:
    return max(measurement.peak_mb for measurement in measurements)


def main(argv: Sequence[str] | None = None) -> int:
    """Benchmark every size and print the table; only invalid generated data is an error."""
    arguments = parse_arguments(argv)
    for executable in (OUR_VALIDATOR, CHECK_JSONSCHEMA):
        if not executable.is_file():
            raise SystemExit(f"bench: {executable} not found; run this script with the project's virtualenv Python.")
    rows = [benchmark_size(count, arguments.repeat) for count in arguments.sizes]
    print(format_table(rows, arguments.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())

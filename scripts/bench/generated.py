"""Generated practices: valid repositories of any size, deterministic per size, so runs on different commits
work on exactly the same files. The texts read like real Dutch ones, and each generated practice fills the
optional fields one of the repository's own practices fills and leaves out what it leaves out (its shape):
the set carries the completeness hints real files carry, in the same proportion (about 2.9 per practice)."""

from __future__ import annotations

import json
import random
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Sequence, Sized
from pathlib import Path
from typing import Any

import yaml

from praktijkbank.common.municipalities import read_municipalities
from scripts.bench.processes import PROJECT_ROOT

SCHEMAS_DIR = PROJECT_ROOT / "schemas"
PRACTICES_DIR = PROJECT_ROOT / "practices"

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
REQUIRED_FIELDS = frozenset(json.loads((SCHEMAS_DIR / "practice.schema.json").read_text(encoding="utf-8"))["required"])
OWN_FIELDS = ("based_on", "aliases", "license")
"""Optional fields a shape may have that build_practice does not write."""


def load_vocabulary_ids(schemas_dir: Path) -> dict[str, list[str]]:
    """The allowed ids per vocabulary, read from vocabularies.yml so the data stays valid when lists change."""
    document = yaml.safe_load((schemas_dir / "vocabularies.yml").read_text(encoding="utf-8"))
    return {name: [value["id"] for value in entry["values"]] for name, entry in document.items()}


def load_municipality_names(schemas_dir: Path) -> dict[str, list[str]]:
    """The CBS municipalities per province id (schemas/geo/), the list `place.municipalities` is checked
    against: real, valid names, and a large set spreads over every municipality, the map's worst case."""
    by_province: dict[str, list[str]] = {}
    for municipality in read_municipalities(schemas_dir / "geo").current.values():
        by_province.setdefault(municipality.province, []).append(municipality.name)
    return by_province


# The validator refuses a review date after the build's day: the generated ones end before this project's
# first build, and drawing them stays the same, so the generated files do not change otherwise.
LAST_REVIEW = "2026-11-30"


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
    municipalities = load_municipality_names(root / "schemas")
    shapes = load_shapes(PRACTICES_DIR)
    rng = random.Random(count)
    for index in range(1, count + 1):
        practice = shaped(build_practice(rng, index, count, vocabularies, municipalities), shapes[index % len(shapes)],
                          index)
        for item in practice.get("media", []):
            (media_dir / item["file"]).write_bytes(b"\x89PNG\r\n\x1a\n")
        text = yaml.dump(practice, Dumper=_PracticeDumper, allow_unicode=True, sort_keys=False, width=100)
        (root / "practices" / f"{practice_id(index)}.yml").write_text(text, encoding="utf-8")


def build_practice(rng: random.Random, index: int, count: int, vocabularies: dict[str, list[str]],
                   municipalities: dict[str, list[str]]) -> dict[str, Any]:
    """One practice using every field build_practice knows, sized like a real one (2-4 KB of YAML); `shaped`
    then leaves out what the real practice it follows leaves out. One municipality
    per chosen province, so the provinces agree with the municipalities as the validator requires."""
    provinces = rng.sample(sorted(municipalities), rng.choice([1, 1, 1, 2]))
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
        "added": f"{rng.randint(2025, 2026)}-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
        "last_reviewed": min(f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", LAST_REVIEW),
        "media": [{"file": f"{practice_id(index)}.png", "alt": "Deelnemers aan tafel in de bibliotheek.",
                   "credit": f"Foto: Bibliotheek {place_name}"}],
    }
    if not practice["related"]:
        del practice["related"]
    return practice


def load_shapes(practices_dir: Path) -> list[dict[str, Any]]:
    """The repository's own practices as plain data (not the `_` template), in a fixed order: the shapes the
    generated ones take, so the mix of filled and missing fields follows the real files as they grow."""
    paths = sorted(path for path in practices_dir.glob("*.yml") if not path.name.startswith("_"))
    if not paths:
        raise SystemExit(f"bench: no practices in {practices_dir} to take the generated ones' shape from.")
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in paths]


def shaped(practice: dict[str, Any], shape: dict[str, Any], index: int) -> dict[str, Any]:
    """The generated practice with the optional fields of `shape` only, its sources, organisations and place
    filled as the shape's are, and as many paragraphs in the description: the same completeness hints."""
    result = {key: value for key, value in practice.items() if key in REQUIRED_FIELDS or key in shape}
    for key in OWN_FIELDS:
        if key in shape and key not in result:
            result[key] = _own_field(key, shape[key], index)
    result["sources"] = [_like(source, like) for source, like in zip(_cycled(practice["sources"], shape["sources"]),
                                                                    shape["sources"])]
    result["organisations"] = [_like(organisation, like, keep=("name", "type")) for organisation, like
                               in zip(practice["organisations"], _cycled(shape["organisations"],
                                                                          practice["organisations"]))]
    result["place"] = _like(practice["place"], shape["place"], keep=("municipalities", "provinces"))
    paragraphs = practice["description"].strip().split("\n\n")
    wanted = len(str(shape["description"]).strip().split("\n\n"))
    result["description"] = "\n\n".join(_cycled(paragraphs, range(wanted))) + "\n"
    return result


def _own_field(key: str, value: Any, index: int) -> Any:
    """A field the generator does not write, made up as the shape has it, pointing at generated practices."""
    if key == "based_on":
        return practice_id(index - 1 if index > 1 else index + 1)
    if key == "aliases":
        return [f"oud-{practice_id(index)}"]
    return value


def _like(generated: dict[str, Any], like: dict[str, Any], keep: tuple[str, ...] = ("title",)) -> dict[str, Any]:
    """The generated mapping with only the keys `like` has, besides those always kept."""
    return {key: value for key, value in generated.items() if key in keep or key in like}


def _cycled(values: Sequence[Any], length_of: Sized) -> list[Any]:
    """`values` repeated or cut to as many items as `length_of` has."""
    return [values[position % len(values)] for position in range(len(length_of))]


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


def generate_and_describe(root: Path, count: int) -> None:
    """Generate the practices and say how long that took and how big they are, so a reader can judge
    whether the generated files look like real ones."""
    started = time.perf_counter()
    generate_repository(root, count)
    sizes = [path.stat().st_size for path in (root / "practices").glob("*.yml")]
    print(f"{count} practices generated in {time.perf_counter() - started:.1f} s "
          f"(average {statistics.mean(sizes) / 1024:.1f} KB, {min(sizes) / 1024:.1f}-{max(sizes) / 1024:.1f} KB)",
          file=sys.stderr)

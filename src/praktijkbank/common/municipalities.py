"""The municipalities of the CBS (schemas/geo/): the list `place.municipalities` is checked against, with each
municipality's code and province, and the former municipalities that merged into a current one.

The files are derived by scripts/prepare_geodata.py (gemeenten.csv) or written by hand with a source for every
line (voormalige-gemeenten.csv, gemeentenamen.csv); see schemas/geo/README.md.

People do not write the CBS spelling: they write "Den Haag" for 's-Gravenhage, "Bergen" without "(NH.)", a curly
apostrophe, "gemeente" before the name. `name_key` folds a typed name the way docs/javascripts/gedeeld/gemeentenamen.js
does, so the validator, the search page and the editor on /aanmelden/ recognise the same names.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from praktijkbank.common.suggest import closest, normalise

CURRENT_FILE = "gemeenten.csv"
FORMER_FILE = "voormalige-gemeenten.csv"
EVERYDAY_FILE = "gemeentenamen.csv"

_APOSTROPHES = re.compile("['’‘`´]")
_MUNICIPALITY_WORD = re.compile(r"^gemeente-+")
_ADDITION = re.compile(r"\s*\([^)]*\)$")


def name_key(text: str) -> str:
    """A name as it is compared: case, accents, apostrophes (straight, curly or none), spacing and a leading
    'gemeente' do not count. ''s-Hertogenbosch', '’s-hertogenbosch' and 'Gemeente s-Hertogenbosch' meet."""
    return _MUNICIPALITY_WORD.sub("", normalise(_APOSTROPHES.sub("", text)))


def short_names(name: str) -> list[str]:
    """The CBS name as people shorten it: without the province addition ('Bergen (NH.)' → 'Bergen') and, for a
    name that lists its villages, the first of them ('Nuenen, Gerwen en Nederwetten' → 'Nuenen')."""
    shorter = [_ADDITION.sub("", name), name.split(",")[0]]
    return [short for short in dict.fromkeys(shorter) if short != name]


@dataclass(frozen=True)
class Municipality:
    """A current municipality: its CBS code (`GM0148`), its name as the CBS writes it, its province id."""

    code: str
    name: str
    province: str


@dataclass(frozen=True)
class FormerMunicipality:
    """A municipality that merged into another: what a source written before the merger still calls it."""

    name: str
    merged_into: str
    year: int


@dataclass(frozen=True)
class Municipalities:
    """The current municipalities by name, the former ones by their folded name, and every name people use for
    a current one (`name_key`) with the CBS names it may mean."""

    current: dict[str, Municipality] = field(default_factory=dict)
    former: dict[str, FormerMunicipality] = field(default_factory=dict)
    by_key: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def get(self, name: str) -> Municipality | None:
        return self.current.get(name)

    def former_name(self, name: str) -> FormerMunicipality | None:
        """The former municipality `name` means, whatever its case or accents."""
        return self.former.get(normalise(name))

    def candidates(self, name: str) -> list[Municipality]:
        """The current municipalities a typed name may mean: one ('Den Haag'), several ('Bergen'), or none."""
        return [self.current[cbs_name] for cbs_name in self.by_key.get(name_key(name), ())]

    def keys_meaning(self, name: str) -> list[str]:
        """The folded names that mean this municipality and no other: what a form may turn into `name` unasked."""
        return [key for key, names in self.by_key.items() if names == (name,)]

    def closest_name(self, name: str) -> str | None:
        """The current municipality a near-miss most likely means ('Dalfsenn' → 'Dalfsen')."""
        return closest(name, list(self.current))

    def names(self) -> list[str]:
        """Every current name, alphabetically as a reader looks for it (case and accents do not count)."""
        return sorted(self.current, key=lambda name: (normalise(name).lstrip("'"), name))


def read_municipalities(geo_dir: Path) -> Municipalities:
    """Read the project's own reference files (trusted input, shipped with the repository)."""
    current = {row["naam"]: Municipality(row["code"], row["naam"], row["provincie"])
               for row in _rows(geo_dir / CURRENT_FILE)}
    former = {normalise(row["naam"]): FormerMunicipality(row["naam"], row["opgegaan_in"], int(row["jaar"]))
              for row in _rows(geo_dir / FORMER_FILE)}
    everyday = [(row["naam"], row["gemeente"]) for row in _rows(geo_dir / EVERYDAY_FILE)]
    return Municipalities(current, former, names_by_key(list(current), everyday))


def names_by_key(names: list[str], everyday: list[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """Every way of writing a municipality, folded, with the CBS names it may mean (sorted, so several
    candidates always come in the same order). A CBS name always means itself alone."""
    written = [(name, name) for name in names] + [(short, name) for name in names for short in short_names(name)]
    meanings: dict[str, set[str]] = {}
    for typed, cbs_name in written + everyday:
        meanings.setdefault(name_key(typed), set()).add(cbs_name)
    for name in names:
        meanings[name_key(name)] = {name}
    return {key: tuple(sorted(meanings[key])) for key in sorted(meanings)}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))

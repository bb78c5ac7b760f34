"""The municipalities of the CBS (schemas/geo/): the list `place.municipalities` is checked against, with each
municipality's code and province, and the former municipalities that merged into a current one.

The files are derived by scripts/prepare_geodata.py (gemeenten.csv) or written by hand with a source for every
line (voormalige-gemeenten.csv); see schemas/geo/README.md.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from praktijkbank.common.suggest import closest, normalise

CURRENT_FILE = "gemeenten.csv"
FORMER_FILE = "voormalige-gemeenten.csv"


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
    """The current municipalities by name, and the former ones by their folded name."""

    current: dict[str, Municipality] = field(default_factory=dict)
    former: dict[str, FormerMunicipality] = field(default_factory=dict)

    def get(self, name: str) -> Municipality | None:
        return self.current.get(name)

    def former_name(self, name: str) -> FormerMunicipality | None:
        """The former municipality `name` means, whatever its case or accents."""
        return self.former.get(normalise(name))

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
    return Municipalities(current, former)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))

"""Where a praktijkbank keeps its files, and which of them are practices and collections."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PRACTICE = "practice"
COLLECTION = "collection"
YAML_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class Repository:
    """The folder layout of the design: practices/, practices/media/, collections/, schemas/."""

    root: Path

    @property
    def practices_dir(self) -> Path:
        return self.root / "practices"

    @property
    def collections_dir(self) -> Path:
        return self.root / "collections"

    @property
    def media_dir(self) -> Path:
        return self.practices_dir / "media"

    @property
    def schemas_dir(self) -> Path:
        return self.root / "schemas"

    @property
    def geo_dir(self) -> Path:
        """The CBS municipalities and the map (schemas/geo/README.md)."""
        return self.schemas_dir / "geo"

    @property
    def qr_cache_file(self) -> Path:
        """QR codes kept between builds (see qr_codes.py); not committed."""
        return self.root / ".cache" / "praktijkbank" / "qr-codes.json"

    @property
    def vocabularies_file(self) -> Path:
        return self.schemas_dir / "vocabularies.yml"

    def data_files(self) -> list[tuple[str, Path]]:
        """Every practice and collection file, sorted, with its kind; files starting with `_` are templates."""
        return [(PRACTICE, path) for path in data_files_in(self.practices_dir)] + [
            (COLLECTION, path) for path in data_files_in(self.collections_dir)
        ]


def data_files_in(folder: Path) -> list[Path]:
    """YAML files directly in `folder` (also `.yaml`, so a wrong extension is reported, not ignored)."""
    if not folder.is_dir():
        return []
    return sorted(
        path for path in folder.iterdir()
        if path.suffix in YAML_SUFFIXES and not path.name.startswith(("_", ".")) and path.is_file()
    )


def kind_of(path: Path) -> str:
    """A file in a folder named `collections` is a collection; every other file is a practice."""
    return COLLECTION if path.resolve().parent.name == "collections" else PRACTICE

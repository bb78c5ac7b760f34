"""Where a praktijkbank keeps its files, and which of them are practices and collections.

Nothing under practices/ or collections/ is silently skipped: each file is loaded, skipped by a documented
rule, or reported. `DataFile.handling` says which, and `Repository.data_files` and `Repository.files_at` are
the only places that decide it, for the whole repository and for paths named on the command line alike.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePath

PRACTICE = "practice"
COLLECTION = "collection"
YAML_SUFFIXES = (".yml", ".yaml")
SKIPPED_PREFIXES = ("_", ".")
MEDIA_FOLDER = "media"

LOAD = "load"
"""Read as a practice or collection; a `.yaml` or wrong-case extension is loaded too and its name reported."""
IN_SUBFOLDER = "in-subfolder"
"""Reported: only files directly in practices/ or collections/ are read."""
NOT_YAML = "not-yaml"
"""Reported: not a YAML file."""
SKIP = "skip"
"""Skipped by a documented rule: a file or folder whose name starts with `_` or `.`, or practices/media/."""


@dataclass(frozen=True)
class DataFile:
    """One file validation looks at: its kind, where it is, the data folder it is judged in, and what to do."""

    kind: str
    path: Path
    folder: Path
    handling: str


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
        return self.practices_dir / MEDIA_FOLDER

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

    @property
    def glossary_file(self) -> Path:
        """The sector terms and abbreviations with their explanations (common/glossary.py)."""
        return self.schemas_dir / "begrippen.yml"

    @property
    def data_folders(self) -> dict[str, Path]:
        return {PRACTICE: self.practices_dir, COLLECTION: self.collections_dir}

    def data_files(self) -> list[DataFile]:
        """Every file under practices/ and collections/ that is loaded or reported, sorted per folder."""
        return [data_file for kind, folder in self.data_folders.items() for data_file in _files_in_folder(kind, folder)]

    def files_at(self, path: Path) -> list[DataFile]:
        """What a file or folder named on the command line selects, by the rules of the whole repository.

        A folder inside practices/ or collections/, or one holding them, selects the repository's files in it;
        any other folder, or a file outside them, is judged as if it were a data folder of its own.
        """
        folders = self.data_folders
        if path.is_dir():
            if any(_within(path, folder) or _within(folder, path) for folder in folders.values()):
                return [data_file for data_file in self.data_files() if _within(data_file.path, path)]
            return _files_in_folder(_kind_of_folder(path), path)
        kind, folder = next(((kind, folder) for kind, folder in folders.items() if _within(path, folder)),
                            (_kind_of_folder(path.parent), path.parent))
        return _judged([path], kind, folder)


def _kind_of_folder(folder: Path) -> str:
    """A folder named `collections` holds collections; every other folder holds practices."""
    return COLLECTION if Path(os.path.abspath(folder)).name == "collections" else PRACTICE


def _files_in_folder(kind: str, folder: Path) -> list[DataFile]:
    """Every file under `folder` that is not skipped, with what validation does with it."""
    return _judged(_files_under(folder), kind, folder)


def _judged(paths: list[Path], kind: str, folder: Path) -> list[DataFile]:
    """The files of `paths` that are not skipped, each with its handling in `folder`."""
    found = []
    base = os.path.abspath(folder)
    for path in paths:
        handling = _handling(_relative(path, base), has_media=kind == PRACTICE)
        if handling != SKIP:
            found.append(DataFile(kind, path, folder, handling))
    return found


def _handling(relative: PurePath, has_media: bool) -> str:
    """The one rule for what happens to a file, given its place inside its data folder."""
    parts = relative.parts
    if any(part.startswith(SKIPPED_PREFIXES) for part in parts):
        return SKIP
    if len(parts) > 1:
        return SKIP if has_media and parts[0] == MEDIA_FOLDER else IN_SUBFOLDER
    return LOAD if relative.suffix.lower() in YAML_SUFFIXES else NOT_YAML


def _files_under(folder: Path) -> list[Path]:
    """Every entry below `folder` that is not a folder to walk into; a link to a folder counts as a file, so it
    is reported rather than followed."""
    if not folder.is_dir():
        return []
    found = []
    for directory, subfolders, names in os.walk(folder):
        found += [Path(directory, name) for name in names]
        found += [Path(directory, name) for name in subfolders if Path(directory, name).is_symlink()]
    return sorted(found)


def _relative(path: Path, base: str) -> PurePath:
    """`path` from the absolute folder `base`; a file inside it (nearly always) without os.path.relpath, which
    would work out both absolute paths again for each of a thousand files."""
    absolute = os.path.abspath(path)
    if absolute.startswith(base + os.sep):
        return PurePath(absolute[len(base) + 1:])
    return PurePath(os.path.relpath(absolute, base))


def _within(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or lies inside it; links are not resolved, as git does not resolve them."""
    path_text, folder_text = os.path.abspath(path), os.path.abspath(folder)
    return path_text == folder_text or path_text.startswith(folder_text + os.sep)

"""The search index: Pagefind reads the built HTML and writes small index chunks the browser fetches on demand.

Pagefind's binary ships inside the `pagefind_bin` wheel, so building the index needs no network. Only pages
marked with `data-pagefind-body` (practices and hand-written pages) become results; their filters, metadata
and sort keys are written by the templates.

Pagefind writes its filter files and parts of its metadata file in hash-map order, which differs from run to
run (upstream issue Pagefind#638). `stabilise_bundle` sorts those lists and renames the files after their new
content, so the same pages always give byte-identical search files.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any

import cbor2

BUNDLE_FOLDER = "pagefind"
LANGUAGE = "nl"
PAGEFIND_VERSION = "1.5.2"  # stabilise_bundle knows the layout of this version's files
SIGNATURE = b"pagefind_dcd"
META_FILTERS, META_SORTS = 3, 4


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says, in Dutch, what went wrong and what to do."""


def build_search_index(site_dir: Path) -> None:
    """Index every page in `site_dir` into `site_dir/pagefind/`. The language is forced to Dutch, so word
    forms (voorlezen, voorleest) share a stem even on a page that forgot its `lang` attribute."""
    command = [str(_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE_FOLDER,
               "--force-language", LANGUAGE, "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(f"De zoekindex kon niet worden gemaakt: Pagefind start niet ({error}). "
                               "Installeer opnieuw met `make install`.") from None
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip() or f"afsluitcode {result.returncode}"
        raise SearchIndexError(f"De zoekindex kon niet worden gemaakt. Pagefind meldt: {output}")
    stabilise_bundle(site_dir / BUNDLE_FOLDER)


def stabilise_bundle(bundle: Path) -> None:
    """Sort what Pagefind leaves in hash-map order (filter values, the lists of filters and sort orders) and
    give the rewritten files names after their content, as Pagefind does, updating every reference."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if entry.get("version") != PAGEFIND_VERSION:
        raise SearchIndexError(f"De zoekindex kon niet worden gemaakt: Pagefind {entry.get('version')} is "
                               f"geïnstalleerd, maar de praktijkbank verwacht versie {PAGEFIND_VERSION}. "
                               "Installeer opnieuw met `make install`.")
    for language, details in entry["languages"].items():
        meta_path = bundle / f"pagefind.{details['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = []
        for name, chunk in meta[META_FILTERS]:
            filter_path = bundle / "filter" / f"{chunk}.pf_filter"
            filter_name, values = _read(filter_path)
            filter_path.unlink()
            stable = [filter_name, sorted(values, key=lambda value: value[0])]
            filters.append([name, _write(bundle / "filter", language, 7, stable, ".pf_filter")])
        meta[META_FILTERS] = sorted(filters)
        meta[META_SORTS] = sorted(meta[META_SORTS], key=lambda sort: sort[0])
        meta_path.unlink()
        details["hash"] = _write(bundle, language, 10, meta, ".pf_meta", prefix="pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read(path: Path) -> Any:
    """One of Pagefind's files: gzip around a signature and CBOR."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"De zoekindex kon niet worden gemaakt: {path} is geen bestand van Pagefind.")
    return cbor2.loads(data[len(SIGNATURE):])


def _write(folder: Path, language: str, length: int, value: Any, suffix: str, prefix: str = "") -> str:
    """Write `value` as Pagefind does and return its new name: the language and a hash of the content."""
    data = SIGNATURE + cbor2.dumps(value)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:length]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def _executable() -> Path:
    """The binary from the `pagefind_bin` wheel; a missing wheel is a broken installation, said in Dutch."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SearchIndexError("De zoekindex kon niet worden gemaakt: Pagefind is niet geïnstalleerd. "
                               "Installeer opnieuw met `make install`.") from None
    try:
        return get_executable()
    except FileNotFoundError:
        raise SearchIndexError("De zoekindex kon niet worden gemaakt: het programma Pagefind ontbreekt in het "
                               "pakket pagefind_bin. Installeer opnieuw met `make install`.") from None

"""QR codes, made at build time with segno (no network, no image library).

A collection gets downloadable SVG and PNG files for slides. Every practice page carries a small inline
QR code for its printed version; at 10,000 practices those would cost minutes of pure-Python encoding per
build, so they are made with one fixed mask (any mask is valid; choosing the best one costs eight
encodings) and kept in a cache file between builds, keyed by URL and segno's version.
"""

from __future__ import annotations

import io
import json
import multiprocessing
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import segno

ERROR_LEVEL = "m"
FIXED_MASK = 0
CODES_PER_WORKER = 200
CACHE_FORMAT = 2


@dataclass(frozen=True)
class InlineQr:
    """A QR code as one SVG path (strokes, see inline_qr) on a grid of `size` × `size` modules, quiet zone
    included."""

    size: int
    path: str


def qr_svg(url: str, title: str) -> bytes:
    """A stand-alone SVG file, sharp at any size on a slide or poster."""
    output = io.BytesIO()
    segno.make(url, error=ERROR_LEVEL, micro=False).save(output, kind="svg", scale=10, border=4, title=title,
                                                         nl=False)
    return output.getvalue()


def qr_png(url: str) -> bytes:
    """A PNG file for programs that do not take SVG; segno writes PNG itself, without Pillow."""
    output = io.BytesIO()
    segno.make(url, error=ERROR_LEVEL, micro=False).save(output, kind="png", scale=10, border=4)
    return output.getvalue()


def inline_qr(url: str) -> InlineQr:
    """The QR code of `url` as path data for an inline <svg>, drawn as segno draws it: a horizontal stroke of
    width 1 per run of dark modules, each run placed relative to the end of the one before (a third of the
    size of one rectangle per run, which counts at thousands of pages)."""
    code = segno.make(url, error=ERROR_LEVEL, micro=False, mask=FIXED_MASK)
    parts = []
    size = 0
    for y, row in enumerate(code.matrix_iter(border=2)):
        size += 1
        x, pen = 0, None
        for dark, run in _runs(row):
            if dark:
                parts.append(f"M{x} {y}.5h{run}" if pen is None else f"m{x - pen} 0h{run}")
                pen = x + run
            x += run
    return InlineQr(size, "".join(parts))


def _runs(row: Iterable[bool]) -> Iterable[tuple[bool, int]]:
    """Runs of equal modules in a row: (dark?, length)."""
    current, length = None, 0
    for module in row:
        if module == current:
            length += 1
            continue
        if current is not None:
            yield bool(current), length
        current, length = module, 1
    if current is not None:
        yield bool(current), length


def inline_qr_codes(urls: Iterable[str], cache_file: Path | None, workers: int = 1) -> dict[str, InlineQr]:
    """Inline QR codes for many URLs, reusing `cache_file` and writing it back with exactly these URLs (so
    it never grows with pages that are gone). Without a cache file, everything is encoded."""
    wanted = sorted(set(urls))
    cached = _read_cache(cache_file) if cache_file else {}
    missing = [url for url in wanted if url not in cached]
    made = dict(zip(missing, _encode_all(missing, workers)))
    codes = {url: cached.get(url) or made[url] for url in wanted}
    if cache_file and (missing or len(cached) != len(codes)):
        _write_cache(cache_file, codes)
    return codes


def _encode_all(urls: list[str], workers: int) -> list[InlineQr]:
    """Encode in parallel processes when there are enough codes to pay for starting them."""
    workers = min(workers, len(urls) // CODES_PER_WORKER)
    if workers <= 1:
        return [inline_qr(url) for url in urls]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(inline_qr, urls, chunksize=max(1, len(urls) // (workers * 4))))


def _cache_key() -> dict[str, object]:
    """What the cached codes depend on besides the URL: a change in any of it starts a fresh cache."""
    return {"format": CACHE_FORMAT, "segno": segno.__version__, "error": ERROR_LEVEL, "mask": FIXED_MASK}


def _read_cache(cache_file: Path) -> dict[str, InlineQr]:
    """The cached codes, or none when the file is missing, unreadable or made with other settings."""
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        if data.get("key") != _cache_key():
            return {}
        return {url: InlineQr(size, path) for url, (size, path) in data["codes"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _write_cache(cache_file: Path, codes: dict[str, InlineQr]) -> None:
    """Best effort: a read-only checkout builds the same site, only slower next time."""
    data = {"key": _cache_key(), "codes": {url: [code.size, code.path] for url, code in codes.items()}}
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache_file.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        temporary.replace(cache_file)
    except OSError:
        pass

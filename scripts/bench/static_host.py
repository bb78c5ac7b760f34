"""A local server for a built site that answers as static hosting does (GitHub Pages, Netlify, a web server
with gzip on): text files compressed with gzip when the browser accepts it, and a short cache lifetime. The
tests' plain server (tests/helpers.py) sends everything uncompressed, which makes pages look slower to
Lighthouse than they are for visitors.
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler
from io import BytesIO
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from tests.helpers import QuietHandler, serve

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
                    "application/atom+xml", "application/manifest+json")
CACHE_CONTROL = "max-age=600"  # what GitHub Pages sends


class StaticHostHandler(QuietHandler):
    """GET and HEAD of files, gzip-compressed when they are text and the request accepts gzip."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "application/javascript",
                      ".json": "application/json", ".webmanifest": "application/manifest+json"}

    def send_head(self) -> BinaryIO | None:
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the base class redirects to the folder with its slash
            target = target / "index.html"
        content_type = self.guess_type(str(target))
        if not (target.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")
                and content_type.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = _compressed(target, target.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return BytesIO(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()


@functools.lru_cache(maxsize=4096)
def _compressed(path: Path, modified: int) -> bytes:
    """Compressed once per version of a file, as a host does ahead of time (level 6, gzip's default)."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


@contextmanager
def serve_compressed(folder: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 with compression; yields its base URL (ending in a slash)."""
    with serve(folder, StaticHostHandler) as url:
        yield url

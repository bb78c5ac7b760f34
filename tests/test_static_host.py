"""The benchmark's static host (scripts/bench/static_host.py) answers as web hosting does, so Lighthouse
judges the pages as visitors get them: text compressed with gzip when asked for, the same bytes once
unpacked, images as they are, a folder without its slash redirected, a missing file a 404."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scripts.bench.static_host import serve_compressed


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "zoeken").mkdir()
    (tmp_path / "zoeken" / "index.html").write_text("<!doctype html><title>Zoeken</title>" * 50, encoding="utf-8")
    (tmp_path / "site.js").write_text("export const a = 1;\n" * 50, encoding="utf-8")
    (tmp_path / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    return tmp_path


def fetch(url: str, gzip_ok: bool = True) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""


@pytest.mark.parametrize(("path", "source"), [("zoeken/", "zoeken/index.html"), ("site.js", "site.js")])
def test_text_is_sent_compressed_and_unpacks_to_the_file(site: Path, path: str, source: str) -> None:
    with serve_compressed(site) as url:
        status, headers, body = fetch(url + path)

    assert (status, headers["Content-Encoding"]) == (200, "gzip")
    assert gzip.decompress(body) == (site / source).read_bytes()
    assert int(headers["Content-Length"]) == len(body) < (site / source).stat().st_size


def test_without_gzip_in_the_request_and_for_images_the_bytes_are_sent_as_they_are(site: Path) -> None:
    with serve_compressed(site) as url:
        plain = fetch(url + "site.js", gzip_ok=False)
        image = fetch(url + "foto.png")

    assert "Content-Encoding" not in plain[1] and plain[2] == (site / "site.js").read_bytes()
    assert "Content-Encoding" not in image[1] and image[2] == (site / "foto.png").read_bytes()


def test_a_folder_without_its_slash_is_redirected_and_a_missing_file_is_not_found(site: Path) -> None:
    with serve_compressed(site) as url:
        status, headers, body = fetch(url + "zoeken")
        missing = fetch(url + "bestaat-niet/")

    assert status == 200 and gzip.decompress(body).startswith(b"<!doctype html>")  # urllib followed the redirect
    assert missing[0] == 404

"""Collections in headless Chromium: the printed A4 handout (read back with poppler's pdftotext and scanned
with zbar, as a phone would scan the paper) and the presentation view driven by the keyboard."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from real_data import A_COLLECTION, CATALOG
from test_collections import decode_qr
from praktijkbank.common.urls import LOCAL_SITE_URL, collection_url, practice_url, presentation_url

pytestmark = pytest.mark.browser


def poppler(tool: str, *arguments: str | Path) -> str:
    """Run a poppler-utils tool (pdftotext, pdfinfo, pdftoppm)."""
    if not shutil.which(tool):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} is missing in CI; .ci/run installs poppler-utils with apt-get")
        pytest.skip(f"{tool} is not installed (apt-get install poppler-utils)")
    return subprocess.run([tool, *map(str, arguments)], capture_output=True, text=True, check=True).stdout


def print_to_pdf(page, url: str, target: Path) -> int:
    """Print `url` as Chromium does for Ctrl+P on A4; returns the number of pages."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    target.write_bytes(page.pdf(format="A4"))
    return int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", target), re.MULTILINE).group(1))


def page_texts(pdf: Path, pages: int) -> list[str]:
    return [poppler("pdftotext", "-f", number, "-l", number, pdf, "-") for number in range(1, pages + 1)]


def scanned_codes(pdf: Path, work: Path) -> set[str]:
    """Every QR code on every printed page, decoded from a 150 dpi rendering."""
    poppler("pdftoppm", "-r", "150", "-png", pdf, work / "page")
    return {code for image in sorted(work.glob("page*.png")) for code in decode_qr(image).splitlines()}


CHROME = ["Zoeken", "Delen en presenteren", "QR-code downloaden", "Toegankelijkheid", "Made with"]


def test_a_collection_prints_as_a_compact_a4_handout(page, base_url: str, tmp_path: Path) -> None:
    pdf = tmp_path / "collectie.pdf"
    pages = print_to_pdf(page, base_url + collection_url(A_COLLECTION.id), pdf)
    texts = page_texts(pdf, pages)
    text = "\n".join(texts)

    assert 1 <= pages <= 1 + len(A_COLLECTION.items) // 2, "at most one page per two practices, plus the introduction"
    assert " ".join(A_COLLECTION.title.split()[:4]) in texts[0]
    for chrome in CHROME:
        assert chrome not in text
    for item in A_COLLECTION.items:
        practice = CATALOG.practices[item.practice]
        on_page = [page_text for page_text in texts if practice.title in " ".join(page_text.split())]
        assert len(on_page) == 1, f"{practice.title} is split over pages or missing"
        flat = " ".join(on_page[0].split())
        assert "Waarom deze praktijk?" in flat and " ".join(item.note.split()[:5]) in flat
        assert all(organisation.name in flat for organisation in practice.organisations)
    expected = {LOCAL_SITE_URL + practice_url(item.practice) for item in A_COLLECTION.items}
    assert scanned_codes(pdf, tmp_path) == expected | {LOCAL_SITE_URL + collection_url(A_COLLECTION.id)}


def test_a_single_practice_prints_with_a_qr_code_to_its_page(page, base_url: str, tmp_path: Path) -> None:
    practice = CATALOG.practices[A_COLLECTION.items[0].practice]
    pdf = tmp_path / "praktijk.pdf"
    pages = print_to_pdf(page, base_url + practice_url(practice.id), pdf)
    first = page_texts(pdf, 1)[0]

    assert practice.title in " ".join(first.split())
    # A wrapped address loses its spaces and, where a line ends in "-", pdftotext joins the parts.
    assert (LOCAL_SITE_URL + practice_url(practice.id)).replace("-", "") in "".join(first.split()).replace("-", "")
    assert not [chrome for chrome in CHROME if chrome in "\n".join(page_texts(pdf, pages))]
    assert scanned_codes(pdf, tmp_path) == {LOCAL_SITE_URL + practice_url(practice.id)}


def test_the_presentation_moves_with_the_keyboard_one_practice_per_screen(page, base_url: str) -> None:
    titles = [A_COLLECTION.title] + [CATALOG.practices[item.practice].title for item in A_COLLECTION.items]
    total = len(titles)
    page.goto(base_url + presentation_url(A_COLLECTION.id))
    status = page.locator(".pb-show__status")

    def showing(number: int) -> None:
        assert status.inner_text() == f"Dia {number} van {total}: {titles[number - 1]}"
        visible = page.locator(".pb-slide:visible")
        assert visible.count() == 1
        assert visible.locator("h1, h2").inner_text() == titles[number - 1]

    showing(1)
    for key, number in [("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("ArrowLeft", 3), ("PageUp", 2),
                        ("End", total), ("ArrowRight", total), ("Home", 1), ("ArrowLeft", 1)]:
        page.keyboard.press(key)
        showing(number)
    page.get_by_role("button", name="Volgende dia").click()
    showing(2)
    assert page.problems == []

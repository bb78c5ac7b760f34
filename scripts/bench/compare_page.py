"""The comparison page, vergelijk/?p=a,b,c,d, with four practices, as a fresh visitor (no cache) opens it in
headless Chromium: every byte it fetches until the four columns stand and the network is quiet, by kind (the
page itself, its scripts, the practices' open data, the rest: styles, fonts, images).

The ids are read from the open data of the built site (api/praktijken.json), so they exist whatever the
generated practices are called; the page must show all four without a problem, or the size says nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.browser import KEYSTROKE_TIMEOUT_MS, transferred
from tests.helpers import launch_chromium, serve

PRACTICES_COMPARED = 4
# Playwright's resource types, by what the brief of the page weight calls them.
KINDS = {"document": "page", "script": "scripts", "fetch": "data", "xhr": "data"}
# True once the comparison has replaced its "loading" state with a table of `count` practices and no problem.
SHOWN = ("count => document.querySelector('.pb-compare__output').getAttribute('aria-busy') === 'false'"
         " && document.querySelectorAll('.pb-compare__table thead th').length === count + 1")


@dataclass(frozen=True)
class PageWeight:
    """KB fetched per kind (page, scripts, data, other) and the ids that were compared."""

    kilobytes: dict[str, float]
    ids: tuple[str, ...]

    @property
    def total_kb(self) -> float:
        return sum(self.kilobytes.values())


def published_practices(site_dir: Path, count: int) -> list[dict[str, str]]:
    """The first `count` practices of the site's own open data."""
    practices = json.loads((site_dir / "api" / "praktijken.json").read_text(encoding="utf-8"))["practices"]
    if len(practices) < count:
        raise SystemExit(f"bench: the comparison page needs {count} practices; the site has {len(practices)}.")
    return practices[:count]


def measure_compare_page(site_dir: Path) -> PageWeight:
    """Open vergelijk/ with four published practices and weigh everything fetched until it is complete."""
    from playwright.sync_api import sync_playwright

    practices = published_practices(site_dir, PRACTICES_COMPARED)
    ids = tuple(practice["id"] for practice in practices)
    kilobytes: Counter[str] = Counter()
    with serve(site_dir) as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.on("requestfinished", lambda request: kilobytes.update(
            {KINDS.get(request.resource_type, "other"): transferred(request) / 1024}))
        page.goto(f"{base_url}vergelijk/?p={','.join(ids)}")
        page.wait_for_function(SHOWN, arg=len(ids), timeout=KEYSTROKE_TIMEOUT_MS)
        page.wait_for_load_state("networkidle")
        heading = page.locator(".pb-compare__table thead").text_content() or ""
        problems = page.locator(".pb-compare__problems").text_content() or ""
        browser.close()
    missing = [practice["title"] for practice in practices if practice["title"] not in heading]
    if missing or problems.strip():
        raise SystemExit(f"bench: vergelijk/?p={','.join(ids)} did not show the four practices "
                         f"(missing: {missing}; problems: {problems.strip()!r})")
    return PageWeight({kind: kilobytes[kind] for kind in ("page", "scripts", "data", "other")}, ids)

"""A search engine's interface in headless Chromium, as a fresh visitor meets it: the bytes fetched until the
first result of a query, and the time from the last keystroke to the results once search is loaded; for an
engine that says what it found for any query, the same for a misspelt word too.

The browser is the tests' own (Debian's Chromium launched by tests/helpers.py), and so is the static server.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.helpers import launch_chromium, serve


@dataclass(frozen=True)
class SearchUi:
    """How the benchmark drives one search engine's interface in the browser."""

    name: str
    path: str
    input: str
    done: str  # JavaScript: (query) => true once results for `query` are on screen
    cleared: str  # JavaScript: () => true once an emptied search box has taken the results away
    own_files: tuple[str, ...]  # URL parts of the search's own files (index, worker, wasm, interface)
    # JavaScript: (query) => true once the answer for `query` is on screen, results or "nothing found"; None
    # for an engine whose "nothing found" does not name the query, so a misspelt word cannot be timed on it.
    answered: str | None = None


@dataclass(frozen=True)
class Misspelt:
    """MISSPELT_QUERY on one engine: keystroke to its answer once search is loaded, whether that answer had
    results, and the search files a fresh visitor fetches until it."""

    keystroke_ms: float
    found: bool
    first_search_kb: float


@dataclass(frozen=True)
class BrowserSearch:
    """One engine in headless Chromium: what a fresh visitor fetches until the first result appears,
    and how long results take after the last keystroke once search is loaded (LOADED_QUERIES, then
    MISSPELT_QUERY when the engine was timed on it)."""

    total_kb: float
    search_kb: float
    first_result_s: float
    keystroke_ms: list[float]
    misspelt: Misspelt | None


# Words the generated practices use: the first is typed on a fresh page, the others once search is loaded.
# The generated texts draw on a small vocabulary, so each of these words is on most of the 10,000 practices:
# the hardest case for an index fetched in parts, since a common word has the longest list of documents.
FIRST_QUERY = "voorlezen"
LOADED_QUERIES = ("mantelzorgers", "geldzaken", "nieuwkomers")
# The first of them with one letter dropped, as a hurried typist does: no stem matches it, so only search that
# forgives typing errors finds the practices ("mantelzorgrs").
MISSPELT_QUERY = LOADED_QUERIES[0][:-3] + LOADED_QUERIES[0][-2:]
KEYSTROKE_TIMEOUT_MS = 120_000  # Material's search at 10,000 practices can take minutes; slower counts as inf
# Records the last keystroke and the last change to the page, so latency is measured inside the browser.
INSTRUMENT = """
window.__bench = {lastKey: 0, changed: 0};
addEventListener("keydown", () => { window.__bench.lastKey = performance.now(); }, true);
new MutationObserver(() => { window.__bench.changed = performance.now(); })
  .observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
"""


def measure_in_browser(site_dir: Path, ui: SearchUi) -> BrowserSearch:
    """A fresh visitor (no cache) types a word; then, with search loaded, more words, one after the other, and a
    misspelt one; and another fresh visitor types the misspelt word first."""
    from playwright.sync_api import sync_playwright

    with serve(site_dir) as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page, first_result, until_first = _fresh_search(browser, f"{base_url}{ui.path}", ui, FIRST_QUERY, ui.done)
        keystrokes = [_keystroke_to_results(page, ui, query, ui.done) for query in LOADED_QUERIES]
        misspelt = None
        if ui.answered:
            misspelt_ms = _keystroke_to_results(page, ui, MISSPELT_QUERY, ui.answered)
            found = bool(page.evaluate(ui.done, MISSPELT_QUERY))
            _, _, until_misspelt = _fresh_search(browser, f"{base_url}{ui.path}", ui, MISSPELT_QUERY, ui.answered)
            misspelt = Misspelt(misspelt_ms, found, _search_kb(until_misspelt, ui))
            keystrokes.append(misspelt_ms)
        browser.close()
    return BrowserSearch(sum(size for _, size in until_first) / 1024, _search_kb(until_first, ui), first_result,
                         keystrokes, misspelt)


def _fresh_search(browser: Any, url: str, ui: SearchUi, query: str, done: str) -> tuple[Any, float, list]:
    """A visitor with an empty cache opens the search page and types `query`: the page, the seconds until
    `done` held, and (URL, bytes) of every response finished by then."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(INSTRUMENT)
    page = context.new_page()
    transfers: list[tuple[str, int]] = []
    page.on("requestfinished", lambda request: transfers.append((request.url, transferred(request))))
    started = time.perf_counter()
    page.goto(url)
    page.locator(ui.input).click()
    page.keyboard.type(query)
    page.wait_for_function(done, arg=query, timeout=600_000)
    return page, time.perf_counter() - started, list(transfers)


def _search_kb(transfers: list[tuple[str, int]], ui: SearchUi) -> float:
    """KB of the search's own files among `transfers`."""
    return sum(size for url, size in transfers if any(part in url for part in ui.own_files)) / 1024


def transferred(request: Any) -> int:
    """Bytes a finished request took on the wire: its headers and its body as sent (compressed, if it was)."""
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def _keystroke_to_results(page: Any, ui: SearchUi, query: str, done: str) -> float:
    """Empty the box and wait until the previous results are gone (else they could pass for this query's), type
    `query` as a person does, wait until `done` holds and the page is quiet for half a second, and
    return the time from the last keydown to the last change of the page, in milliseconds (inf when the
    results did not come, or the old ones did not go, within KEYSTROKE_TIMEOUT_MS)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.locator(ui.input).fill("")
        page.wait_for_function(ui.cleared, timeout=KEYSTROKE_TIMEOUT_MS)
        page.keyboard.type(query, delay=40)
        page.wait_for_function(done, arg=query, timeout=KEYSTROKE_TIMEOUT_MS)
    except PlaywrightTimeout:
        return math.inf
    while True:
        before = page.evaluate("window.__bench.changed")
        page.wait_for_timeout(500)
        if page.evaluate("window.__bench.changed") == before:
            return page.evaluate("window.__bench.changed - window.__bench.lastKey")

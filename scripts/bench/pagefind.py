"""Pagefind (PyPI `pagefind_bin`) with its own interface on a copy of our built site: the yardstick for the
size of what a visitor fetches before the first result, and for the time to index."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from scripts.bench.browser import SearchUi
from scripts.bench.processes import Measurement, run_clean

PAGEFIND_SEARCH = SearchUi(
    "Pagefind", "pagefind-zoeken/", ".pagefind-ui__search-input",
    "q => (document.querySelector('.pagefind-ui__message') || {}).textContent?.includes(q)"
    " && document.querySelector('.pagefind-ui__result-link') !== null",
    "() => document.querySelector('.pagefind-ui__result') === null",
    ("/pagefind/",))
# Pagefind's own interface on a page of its own, searching at every keystroke as ours does (its default waits
# 300 ms after typing); it indexes the practice pages only, without filters, which spares it work ours does.
PAGEFIND_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Pagefind</title>
<link href="../pagefind/pagefind-ui.css" rel="stylesheet"></head>
<body><div id="search"></div><script src="../pagefind/pagefind-ui.js"></script>
<script>new PagefindUI({element: "#search", showSubResults: false, showImages: false, debounceTimeoutMs: 0});</script>
</body></html>
"""


def with_pagefind(site_dir: Path, target: Path, count: int) -> Measurement:
    """A copy of our site with Pagefind's index of the practice pages and its interface at pagefind-zoeken/."""
    from pagefind_bin import get_executable

    shutil.copytree(site_dir, target)
    for page in (target / "praktijken").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        marked = html.replace("<article class=", "<article data-pagefind-body class=", 1)
        page.write_text(marked, encoding="utf-8")
    (target / "pagefind-zoeken").mkdir()
    (target / "pagefind-zoeken" / "index.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    return run_clean([str(get_executable()), "--site", str(target), "--force-language", "nl", "--silent"], count)


def missing_pagefind() -> str | None:
    if importlib.util.find_spec("pagefind_bin") is None:
        return "bench: the search benchmark compares with Pagefind; install it with `make install`."
    return None

"""Lighthouse: each page type of the repository's own site as a phone user meets it, scored by Lighthouse
(from npm, pinned in package-lock.json) in Debian's Chromium, with the site served compressed as static
hosting serves it (static_host.py).

Prints per page type the performance score and the layout shift (CLS), with the largest contentful paint
and the total blocking time that make up most of the score. Goals: a score of at least 95 and CLS below 0.1
on every page type. A page type the built site does not have (one a branch has not added yet) is skipped
with a line that says so. Lighthouse's mobile preset throttles by simulation, so the figures depend less on
how busy the machine is than wall times do, but a loaded machine still lowers them: compare runs on one
machine state.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from praktijkbank.common.urls import COMPARE, MAP, SEARCH, SELECTION, collection_url, practice_url
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import Catalog, build_catalog
from praktijkbank.validate.checker import validate_repository
from scripts.bench.job import Job
from scripts.bench.processes import PROJECT_ROOT, build_command, run_clean
from scripts.bench.static_host import serve_compressed
from tests.helpers import CHROMIUM, LAUNCH_ARGS, NODE_MODULES

LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
SCORE_GOAL, CLS_GOAL = 95, 0.1
# Pages that other work adds to the site: measured when the built site has them.
OPTIONAL_PAGES = (("aanmelden", "aanmelden/"), ("wijzigingen", "wijzigingen/"), ("begrippen", "begrippen/"))
LIGHTHOUSE_TIMEOUT_S = 300


@dataclass(frozen=True)
class Audit:
    """One Lighthouse run of one page."""

    score: float
    cls: float
    lcp_ms: float
    tbt_ms: float


def page_types(catalog: Catalog) -> list[tuple[str, str]]:
    """(name, path with query) of every page type, with real practices and a word from one of their titles."""
    practices = sorted(catalog.practices)
    word = max(catalog.practices[practices[0]].title.split(), key=len).strip(".,:;!?'\"()")
    pages = [("home", ""), ("practice", practice_url(practices[0])), ("map", MAP),
             ("selection", SELECTION),
             ("shared selection", f"{SELECTION}?{'&'.join(f'p={quote(id)}' for id in practices[:3])}"),
             ("search with a query", f"{SEARCH}?q={quote(word)}"),
             ("comparison", f"{COMPARE}?p={','.join(practices[:3])}")]
    if catalog.collections:
        pages.append(("collection", collection_url(sorted(catalog.collections)[0])))
    return pages + list(OPTIONAL_PAGES)


def lighthouse_command(url: str, report: Path) -> list[str]:
    """Lighthouse's default (mobile, simulated throttling), performance only, in the tests' Chromium."""
    flags = " ".join(["--headless=new", *LAUNCH_ARGS])
    return ["node", str(LIGHTHOUSE), url, "--quiet", "--only-categories=performance", "--output=json",
            f"--output-path={report}", f"--chrome-path={CHROMIUM}", f"--chrome-flags={flags}"]


def audit(url: str, work: Path) -> Audit:
    report = work / "report.json"
    result = subprocess.run(lighthouse_command(url, report), capture_output=True, text=True,
                            timeout=LIGHTHOUSE_TIMEOUT_S)
    if result.returncode != 0 or not report.is_file():
        raise SystemExit(f"bench: Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    report.unlink()
    audits = data["audits"]
    return Audit(score=round(100 * (data["categories"]["performance"]["score"] or 0)),
                 cls=audits["cumulative-layout-shift"]["numericValue"],
                 lcp_ms=audits["largest-contentful-paint"]["numericValue"],
                 tbt_ms=audits["total-blocking-time"]["numericValue"])


def missing() -> str | None:
    if shutil.which("node") is None:
        return "bench: node is not installed; Lighthouse runs on Node.js."
    if not LIGHTHOUSE.is_file():
        return f"bench: {LIGHTHOUSE} not found; run `make node_modules/.installed` (npm ci)."
    if not CHROMIUM.is_file():
        return f"bench: {CHROMIUM} not found; install Debian's chromium."
    return None


def run(sizes: Sequence[int], repeat: int) -> None:
    """Build the site once, then run Lighthouse `repeat` times on every page type; medians are printed."""
    catalog = build_catalog(validate_repository(Repository(PROJECT_ROOT)))
    with tempfile.TemporaryDirectory(prefix="praktijkbank-bench-lighthouse-") as directory:
        work = Path(directory)
        site = work / "site"
        run_clean(build_command(PROJECT_ROOT / "mkdocs.yml", site), len(catalog.practices))
        print(f"Lighthouse {_version()} (mobile, simulated throttling), {repeat} run(s) per page, medians; "
              f"goals: score >= {SCORE_GOAL}, CLS < {CLS_GOAL}")
        print(f"{'page':<22} {'score':>5} {'CLS':>6} {'LCP ms':>7} {'TBT ms':>7}  goals")
        with serve_compressed(site) as base_url:
            for name, path in page_types(catalog):
                if not (site / path.split("?", 1)[0] / "index.html").is_file():
                    print(f"{name:<22} skipped: the built site has no /{path}", flush=True)
                    continue
                runs = [audit(base_url + path, work) for _ in range(repeat)]
                _print_row(name, runs)


def _print_row(name: str, runs: list[Audit]) -> None:
    score = statistics.median(run.score for run in runs)
    cls = statistics.median(run.cls for run in runs)
    lcp = statistics.median(run.lcp_ms for run in runs)
    tbt = statistics.median(run.tbt_ms for run in runs)
    met = "met" if score >= SCORE_GOAL and cls < CLS_GOAL else "NOT MET"
    print(f"{name:<22} {score:>5.0f} {cls:>6.3f} {lcp:>7.0f} {tbt:>7.0f}  {met}", flush=True)


def _version() -> str:
    return json.loads((LIGHTHOUSE.parents[1] / "package.json").read_text(encoding="utf-8"))["version"]


JOB = Job("lighthouse", "score every page type with Lighthouse (npm) in Chromium, served compressed",
          missing=missing, run=run)

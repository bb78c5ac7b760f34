"""A second engine, proven: the tree `praktijkbank export-pages` writes is the whole site and needs no code of
ours, so Zensical, installed in a virtual environment of its own without praktijkbank (from constraints.txt,
made once per test run), builds a site whose every kind of page (tests/page_types.py, as the main build's
browser tests walk them) opens without script errors or requests that leave the site, passes axe, and works:
the home page, a practice, a collection and search, whose index comes in the tree.

Expected pages and results come from the data (the practice in Hilversum, the first collection), never from a
hard-coded id or title.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from checkers import WCAG_21_AA, axe_violations, checking_context, describe
from helpers import PROJECT_ROOT, SETTLED, require_tool, serve
from page_types import PAGE_TYPES
from praktijkbank.common.urls import collection_url, practice_url
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import Catalog, build_catalog
from praktijkbank.render.ways_in_markdown import NOT_SET_UP, SCHEME
from praktijkbank.validate.checker import validate_repository
from sites import made_once

pytestmark = pytest.mark.browser

BIN = Path(sys.executable).parent
CONSTRAINTS = PROJECT_ROOT / "constraints.txt"
CATALOG: Catalog = build_catalog(validate_repository(Repository(PROJECT_ROOT)))
SEARCHED, MUNICIPALITY = "senver", "Hilversum"
RESULT_LINKS = ".pb-search__practices .pb-result__title a"


def make_zensical_environment(folder: Path) -> None:
    """A virtual environment with Zensical and what it needs, at the versions of constraints.txt, and nothing
    else, installed by the uv that `make install` uses: its cache makes a second run quick; PyPI is the only
    place it may come from."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", folder], check=True, capture_output=True,
                   timeout=300)
    result = subprocess.run([BIN / "uv", "pip", "install", "--quiet", "--python", folder / "bin" / "python",
                             "--constraint", CONSTRAINTS, "zensical"], capture_output=True, text=True, timeout=900)
    require_tool(result.returncode == 0, "Zensical in its own virtual environment",
                 f"uv could not install it from PyPI: {result.stderr[-500:]}")


@pytest.fixture(scope="module")
def zensical_environment(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return made_once(tmp_path_factory, "zensical-environment", make_zensical_environment)


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory, zensical_environment: Path) -> Path:
    """The repository exported with `praktijkbank export-pages`, then built inside the tree by `zensical build`
    from the environment without praktijkbank."""
    tree = tmp_path_factory.mktemp("zensical") / "tree"
    for command, folder in (([BIN / "praktijkbank", "export-pages", "--root", PROJECT_ROOT, tree], PROJECT_ROOT),
                            ([zensical_environment / "bin" / "zensical", "build"], tree)):
        result = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
    return tree / "site"


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    with serve(zensical_site) as url:
        yield url


def watched_page(context, site_url: str):
    """A page of `context` that records script errors and any request that leaves the site."""
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("request", lambda request: request.url.startswith((site_url, "data:", "blob:"))
            or page.problems.append(f"external request: {request.url}"))
    return page


@pytest.fixture
def tab(browser, zensical_url: str) -> Iterator[object]:
    """A fresh page that records script errors and any request that leaves the site."""
    context = browser.new_context()
    yield watched_page(context, zensical_url)
    context.close()


@pytest.fixture(scope="module")
def checking_tab(browser, zensical_url: str) -> Iterator[object]:
    """One watched page with axe-core loaded, for every kind of page: it only reads what it opens."""
    context = checking_context(browser)
    yield watched_page(context, zensical_url)
    context.close()


def open_page(tab, base: str, url: str) -> str:
    """Open `url` on the Zensical site; returns the main heading's text."""
    response = tab.goto(base + url)
    assert response is not None and response.status == 200, url
    return tab.locator("article h1").first.inner_text()


def practice_in(municipality: str) -> str:
    return next(practice.id for practice in CATALOG.practices.values()
                if municipality in practice.place.municipalities)


def test_the_environment_has_zensical_but_not_praktijkbank(zensical_environment: Path) -> None:
    python = zensical_environment / "bin" / "python"

    assert subprocess.run([python, "-c", "import zensical"], capture_output=True).returncode == 0
    assert subprocess.run([python, "-c", "import praktijkbank"], capture_output=True).returncode != 0


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_every_kind_of_page_opens_without_errors_and_passes_axe(checking_tab, zensical_url: str, name: str) -> None:
    checking_tab.problems.clear()
    response = checking_tab.goto(zensical_url + PAGE_TYPES[name])
    assert response is not None and response.status == 200, name
    checking_tab.wait_for_function(SETTLED)

    violations = axe_violations(checking_tab, WCAG_21_AA)

    assert violations == [], f"{name} (Zensical):\n{describe(violations)}"
    assert checking_tab.problems == []


def test_the_home_page_leads_to_the_practices(tab, zensical_url: str) -> None:
    open_page(tab, zensical_url, "")

    links = tab.locator("article a").evaluate_all("links => links.map(link => link.pathname)")
    assert {f"/{practice_url(practice_id)}" for practice_id in CATALOG.practices} & set(links)
    assert tab.problems == []


def test_a_practice_page_shows_the_practice(tab, zensical_url: str) -> None:
    practice = CATALOG.practices[practice_in(MUNICIPALITY)]

    assert open_page(tab, zensical_url, practice_url(practice.id)) == practice.title
    assert practice.summary in tab.locator("article").inner_text()
    assert tab.problems == []


def test_a_collection_page_lists_its_practices(tab, zensical_url: str) -> None:
    collection = next(iter(CATALOG.collections.values()))

    assert open_page(tab, zensical_url, collection_url(collection.id)) == collection.title
    text = tab.locator("article").inner_text()
    assert all(CATALOG.practices[item.practice].title in text for item in collection.items)
    assert tab.problems == []


def test_search_finds_the_practice_by_a_word_from_its_text(tab, zensical_url: str) -> None:
    open_page(tab, zensical_url, f"zoeken/?q={SEARCHED}")

    tab.wait_for_selector(RESULT_LINKS)
    found = tab.locator(RESULT_LINKS).evaluate_all("links => links.map(link => link.pathname)")
    assert f"/{practice_url(practice_in(MUNICIPALITY))}" in found
    assert tab.problems == []


def test_the_hand_written_pages_lead_where_they_say_as_with_mkdocs(zensical_site: Path, built_site: Path) -> None:
    """The routes are written out in the exported pages: no `praktijkbank:` address is left, and without a
    repository or contact address (as in this export) the pages say so, as the MkDocs build does."""
    for page in ("bijdragen", "over", "opnamecriteria", "toegankelijkheid", "collecties-maken"):
        zensical = (zensical_site / page / "index.html").read_text(encoding="utf-8")
        mkdocs = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert f'href="{SCHEME}' not in zensical and NOT_SET_UP in zensical, page
        assert zensical.count(NOT_SET_UP) == mkdocs.count(NOT_SET_UP), page


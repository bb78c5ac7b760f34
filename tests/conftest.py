"""The pytest fixtures shared by the test files: throwaway repositories built from fixtures, running the CLI
as a user would, the repository's own site built once, and one browser. Plain helpers live in helpers.py."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from helpers import CHROMIUM, PROJECT_ROOT, VALID_PRACTICE, CliResult, launch_chromium, require_tool, serve
from praktijkbank.cli.main import main


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups from the markers, on each worker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test file runs whole on one pytest-xdist worker (`make test` uses --dist=loadgroup), so the sites and
    browsers a file sets up serve all its tests. A file that names a parameter in SPLIT_BY_PARAMETER is run as
    one group per value of it instead: the page loops of the accessibility tests, one per browser mode, are the
    longest part of the suite and run side by side that way. A group's name must not end in "]": pytest-xdist
    takes such a name for a parameter of the test, and would then send each test to a worker on its own."""
    for item in items:
        group = item.nodeid.split("::")[0]
        parameter = getattr(item.module, "SPLIT_BY_PARAMETER", None)
        callspec = getattr(item, "callspec", None)
        if parameter and callspec and parameter in callspec.params:
            group += f" ({callspec.params[parameter]})"
        item.add_marker(pytest.mark.xdist_group(group))


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: `-p no:xdist` runs without it
def pytest_xdist_node_collection_finished(node: object, ids: list[str]) -> None:
    """Stop a run whose groups pytest-xdist ignores: it would still pass, but every file's sites and browsers
    would be set up on both workers, at twice the cost. pytest-xdist groups a test whose id ends in "@group",
    after the last "]" (the loadgroup scheduler's own rule)."""
    ungrouped = [nodeid for nodeid in ids if nodeid.rfind("@") <= nodeid.rfind("]")]
    if node.config.getoption("dist") == "loadgroup" and ungrouped:
        pytest.exit(f"pytest-xdist does not group {len(ungrouped)} tests, {ungrouped[0]} first: a group's name must "
                    "not end in ']', and pytest and pytest-xdist must be those of constraints.txt (`make clean test`)",
                    returncode=pytest.ExitCode.USAGE_ERROR)


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run `praktijkbank ARGS` in this process and capture what it prints."""

    def run(*args: str | Path) -> CliResult:
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def make_repository(tmp_path: Path) -> Callable[..., Path]:
    """A repository with the project's schemas and the given practice and collection files copied in."""

    def make(practices: Iterable[Path] = (VALID_PRACTICE,), collections: Iterable[Path] = (),
             media: Iterable[str] = ()) -> Path:
        root = tmp_path / "repo"
        shutil.copytree(PROJECT_ROOT / "schemas", root / "schemas")
        (root / "practices" / "media").mkdir(parents=True)
        (root / "collections").mkdir()
        for source in practices:
            shutil.copy(source, root / "practices" / source.name)
        for source in collections:
            shutil.copy(source, root / "collections" / source.name)
        for name in media:
            (root / "practices" / "media" / name).write_bytes(b"\x89PNG\r\n\x1a\n")
        return root

    return make


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once with `mkdocs build` for every test that only reads it; with
    several workers (`make test` runs pytest-xdist) one build serves them all (sites.build_once)."""
    from sites import build_once

    return build_once(PROJECT_ROOT, tmp_path_factory, "site")


@pytest.fixture(scope="session")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Path]:
    """A copy of the site with a git history of its own (history_site.py), built once with `mkdocs build`:
    (what was done to which practice, the built site)."""
    from history_site import build_environment, make_history_site
    from sites import build

    site = make_history_site(tmp_path_factory.mktemp("history") / "repo")
    output = tmp_path_factory.mktemp("history-site")
    result = build(site.root, output, **build_environment())
    assert result.returncode == 0, result.stderr
    return site, output


@pytest.fixture(scope="session")
def forms_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the repository, with one practice renamed (its old id kept in `aliases`), and its site built
    once with the GitHub repository (as `owner/name`: sites.FORMS_REPOSITORY_AS_TYPED) and the editors'
    address set (FORMS_CONTACT), so the pages link to the forms (sites.FORMS_REPOSITORY), filled in, and offer
    them by e-mail:
    (repository, site). A test that writes into the repository puts it back as it was."""
    from sites import FORMS_CONTACT, FORMS_REPOSITORY_AS_TYPED, build
    from test_collections import NEW_ID, RENAMED, rename_practice, site_repository

    repository = site_repository(tmp_path_factory.mktemp("forms") / "repository")
    rename_practice(repository, RENAMED, NEW_ID)
    output = repository.parent / "site"
    result = build(repository, output, PRAKTIJKBANK_REPOSITORY=FORMS_REPOSITORY_AS_TYPED,
                   PRAKTIJKBANK_CONTACT=FORMS_CONTACT)
    assert result.returncode == 0, result.stderr
    return repository, output


@pytest.fixture(scope="session")
def forms_url(forms_site: tuple[Path, Path]) -> Iterator[str]:
    with serve(forms_site[1]) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium (Debian's, driven by Playwright) for every browser test in the session."""
    require_tool(CHROMIUM.exists(), "Chromium (/usr/bin/chromium)", ".ci/run installs it with apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url: str) -> Iterator[object]:
    """A fresh page that records console errors, script errors and any request that leaves the site."""
    context = browser.new_context()
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda message: message.type == "error" and tab.problems.append(message.text))
    tab.on("pageerror", lambda error: tab.problems.append(str(error)))
    tab.on("request", lambda request: request.url.startswith((base_url, "data:", "blob:"))
           or tab.problems.append(f"external request: {request.url}"))
    yield tab
    context.close()

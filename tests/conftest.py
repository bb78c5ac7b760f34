"""Shared test helpers: throwaway repositories built from fixtures, and running the CLI as a user would."""

from __future__ import annotations

import functools
import json
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from praktijkbank.cli.main import main

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID_PRACTICE = FIXTURES / "valid" / "voorbeeldstad-voorleestent.yml"
VALID_COLLECTION = FIXTURES / "valid" / "voorbeeldstad-collectie.yml"
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
NODE_MODULES = PROJECT_ROOT / "node_modules"


def require_tool(present: bool, what: str, how: str) -> None:
    """Skip a test whose tool is missing, with the reason in the test report; in CI (CI=true) the tool must be
    there, so a missing one is a failure rather than a silently skipped check."""
    if present:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing in CI; {how}")
    pytest.skip(f"{what} is not installed ({how})")


@dataclass(frozen=True)
class CliResult:
    code: int
    stdout: str
    stderr: str

    @property
    def problems(self) -> list[dict]:
        """The errors printed with `--format json` (warnings left out: they are tested on their own)."""
        return [problem for problem in self.printed if problem["severity"] == "error"]

    @property
    def warnings(self) -> list[dict]:
        """The completeness warnings printed with `--format json`."""
        return [problem for problem in self.printed if problem["severity"] == "warning"]

    @property
    def printed(self) -> list[dict]:
        return json.loads(self.stdout) if self.stdout.strip() else []


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
    """The repository's own site, built once with `mkdocs build` for every test that only reads it."""
    from sites import build

    output = tmp_path_factory.mktemp("site")
    result = build(PROJECT_ROOT, output)
    assert result.returncode == 0, result.stderr
    return output


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep test output readable."""


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that moves on while a file is still being sent is not an error worth a traceback."""


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 as a static host would; yields its base URL (ending in a slash)."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


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
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
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

"""Shared test helpers: the project's paths and fixture files, skipping for a missing tool, what the CLI
printed, serving a built site and launching the browser.

Plain functions and constants, imported by the tests and by conftest.py (which keeps only the pytest fixtures);
the benchmark (scripts/bench/) launches Chromium and serves sites with them too, so both drive the same browser.
"""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID_PRACTICE = FIXTURES / "valid" / "voorbeeldstad-voorleestent.yml"
VALID_COLLECTION = FIXTURES / "valid" / "voorbeeldstad-collectie.yml"
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
NODE_MODULES = PROJECT_ROOT / "node_modules"
# Pages that fill themselves in (search, Mijn selectie, the editor) mark the region aria-busy until their content
# is there: a test waits for this before it reads what the page shows.
SETTLED = "!document.querySelector('[aria-busy=\"true\"]')"
# Init scripts for a browser whose storage fails: full (every write refused), or blocked (cookies off: even
# reaching localStorage or sessionStorage throws).
STORAGE_FULL = """Storage.prototype.setItem = function () {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};"""
STORAGE_BLOCKED = """for (const name of ["localStorage", "sessionStorage"]) {
    Object.defineProperty(window, name, {
        get() { throw new DOMException("Access is denied for this document.", "SecurityError"); },
    });
}"""


def require_tool(present: bool, what: str, how: str) -> None:
    """Skip a test whose tool is missing, with the reason in the test report; in CI (CI=true) the tool must be
    there, so a missing one is a failure rather than a silently skipped check."""
    if present:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing in CI; {how}")
    pytest.skip(f"{what} is not installed ({how})")


def launch_chromium(playwright: Any) -> Any:
    """Debian's headless Chromium, driven by Playwright, with the flags that keep it quiet and offline."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)


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


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep test output readable."""


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that moves on while a file is still being sent is not an error worth a traceback."""


@contextmanager
def serve(folder: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 as a static host would; yields its base URL (ending in a slash).
    The benchmark passes a handler that also compresses (scripts/bench/static_host.py)."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()

"""`make serve` while editing: a change to a practice rebuilds and reloads, a broken file is reported in the
terminal while the last good site stays online, and fixing it brings the site back."""

from __future__ import annotations

import random
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from praktijkbank.common.urls import practice_url
from praktijkbank.load.repository import LOAD, PRACTICE, Repository
from praktijkbank.load.strict_yaml import load_file
from sites import MKDOCS, copy_site_repository, mkdocs_environment

NEW_TITLE = "Een nieuwe titel, net opgeslagen"
PORT_ATTEMPTS = 5


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> None:
    """Poll until `condition` holds; the time limit only keeps a broken server from hanging the test run."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"waited {seconds} s in vain")


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


@dataclass(frozen=True)
class Served:
    repository: Path
    base: str
    log: Path


def serve_on_some_port(repository: Path, logs: Path) -> tuple[subprocess.Popen[bytes], Served]:
    """Start `mkdocs serve` on a port of its own. MkDocs cannot report a port it was given as 0 (it logs ':0'),
    so a port is tried, and when another process holds it MkDocs exits before it says 'Serving on' and the next
    one is tried. Nothing binds and releases a port first, so no other process can take it in between."""
    for port in random.Random().sample(range(20_000, 60_000), PORT_ATTEMPTS):
        log = logs / f"serve-{port}.log"
        with log.open("w") as output:
            server = subprocess.Popen([MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
                                      cwd=repository, stdout=output, stderr=subprocess.STDOUT,
                                      env=mkdocs_environment())
        wait_for(lambda: server.poll() is not None or "Serving on" in log.read_text(encoding="utf-8"), seconds=120)
        if server.poll() is None:
            return server, Served(repository, f"http://127.0.0.1:{port}/", log)
        assert "Address already in use" in log.read_text(encoding="utf-8"), log.read_text(encoding="utf-8")
    raise AssertionError(f"no free port in {PORT_ATTEMPTS} attempts")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    server, site = serve_on_some_port(copy_site_repository(tmp_path / "repo"), tmp_path)
    try:
        yield site
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_editing_a_practice_rebuilds_and_a_broken_file_keeps_the_last_good_site(served: Served) -> None:
    practice = next(data_file.path for data_file in Repository(served.repository).data_files()
                    if data_file.kind == PRACTICE and data_file.handling == LOAD)
    page = served.base + practice_url(practice.stem)
    original = practice.read_text(encoding="utf-8")
    title_line = load_file(practice).source_map.key(("title",)).line
    lines = original.splitlines(keepends=True)
    next_field = next(index for index in range(title_line, len(lines)) if not lines[index].startswith((" ", "\n")))

    def with_title_line(line: str) -> str:
        """The practice with its title (however many lines it takes) replaced by `line`."""
        return "".join([*lines[:title_line - 1], line, *lines[next_field:]])

    wait_for(lambda: bool(fetch(page)))
    assert "livereload" in fetch(page), "the page must carry the live-reload script"

    practice.write_text(with_title_line(f"title: {NEW_TITLE}\n"), encoding="utf-8")
    wait_for(lambda: NEW_TITLE in fetch(page))

    practice.write_text(with_title_line("title: [kapot\n"), encoding="utf-8")
    wait_for(lambda: "De site is niet bijgewerkt" in served.log.read_text(encoding="utf-8"))
    assert NEW_TITLE in fetch(page)
    output = served.log.read_text(encoding="utf-8")
    assert f"practices/{practice.name}:{title_line}:" in output
    assert "Traceback" not in output

    practice.write_text(original, encoding="utf-8")
    wait_for(lambda: (text := fetch(page)) != "" and NEW_TITLE not in text)

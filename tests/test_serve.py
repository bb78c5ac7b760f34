"""`make serve` while editing: a change to a practice rebuilds and reloads, a broken file is reported in the
terminal while the last good site stays online, and fixing it brings the site back."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sites import MKDOCS, copy_site_repository, free_port, mkdocs_environment

PAGE = "praktijken/hilversum-senver-bus/"
TITLE = "title: Met de bus van Senver naar de bibliotheek in Hilversum\n"


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> None:
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


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    repository = copy_site_repository(tmp_path / "repo")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen([MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
                                  cwd=repository, stdout=output, stderr=subprocess.STDOUT, env=mkdocs_environment())
        try:
            base = f"http://127.0.0.1:{port}/"
            wait_for(lambda: "Senver" in fetch(base + PAGE))
            yield repository, base, log
        finally:
            server.terminate()
            server.wait(timeout=20)


def test_editing_a_practice_rebuilds_and_a_broken_file_keeps_the_last_good_site(served) -> None:
    repository, base, log = served
    practice = repository / "practices" / "hilversum-senver-bus.yml"
    original = practice.read_text(encoding="utf-8")
    assert "livereload" in fetch(base + PAGE), "the page must carry the live-reload script"

    practice.write_text(original.replace(TITLE, "title: Met de bus naar de bieb in Hilversum\n"), encoding="utf-8")
    wait_for(lambda: "Met de bus naar de bieb in Hilversum" in fetch(base + PAGE))

    practice.write_text(original.replace(TITLE, "title: [kapot\n"), encoding="utf-8")
    wait_for(lambda: "De site is niet bijgewerkt" in log.read_text(encoding="utf-8"))
    assert "Met de bus naar de bieb in Hilversum" in fetch(base + PAGE)
    output = log.read_text(encoding="utf-8")
    assert "practices/hilversum-senver-bus.yml:2:" in output
    assert "Traceback" not in output

    practice.write_text(original, encoding="utf-8")
    wait_for(lambda: "Met de bus van Senver naar de bibliotheek in Hilversum" in fetch(base + PAGE))

"""Links: nothing inside the built site leads nowhere, and `praktijkbank check-links --external` reports the
practices' dead web addresses at their file and line (checked against a local server, never the internet)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from helpers import PROJECT_ROOT, VALID_PRACTICE, CliResult
from praktijkbank.checks import links


def test_the_built_site_has_no_broken_internal_links(built_site: Path) -> None:
    assert [str(link) for link in links.check_site(built_site)] == []


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    """A site with one good and one broken link of every kind the checker knows."""
    site = tmp_path / "site"
    write(site / "index.html", """<h1 id="top">Home</h1>
        <a href="a/">ok</a> <a href="a/#deel">ok anchor</a> <a href="#top">ok here</a> <a href="a/index.html">ok</a>
        <a href="https://example.org/x">external</a> <a href="mailto:a@b.nl">mail</a>
        <a href="b/">missing page</a> <a href="a/#nergens">missing anchor</a> <a href="#weg">missing here</a>
        <img src="img/ok.png" srcset="img/ok.png 1x, img/weg.png 2x"> <img src="img/kwijt.png">
        <link rel="stylesheet" href="css/site.css"> <link rel="icon" href="favicon.png">
        <script src="js/weg.js"></script> <a href="../../buiten/">outside</a>""")
    write(site / "a" / "index.html", '<h2 id="deel">Deel</h2><a href="../">home</a>')
    write(site / "css" / "site.css", "body { background: url('../img/ok.png') } a { background: url(../img/nee.svg) }"
                                      " i { background: url(data:image/png;base64,AA==) }")
    write(site / "img" / "ok.png", "png")
    return site


def test_the_checker_finds_every_kind_of_broken_link(small_site: Path) -> None:
    found = {(link.page, link.url) for link in links.check_site(small_site)}

    assert found == {("index.html", "b/"), ("index.html", "a/#nergens"), ("index.html", "#weg"),
                     ("index.html", "img/weg.png"), ("index.html", "img/kwijt.png"), ("index.html", "favicon.png"),
                     ("index.html", "js/weg.js"), ("index.html", "../../buiten/"),
                     ("css/site.css", "../img/nee.svg")}


def test_check_links_fails_on_broken_links_and_says_where(run_cli: Callable[..., CliResult], small_site: Path) -> None:
    result = run_cli("check-links", small_site)

    assert result.code == 1
    assert f"{small_site}/index.html: b/: bestaat niet" in result.stdout
    assert "9 kapotte links" in result.stderr


def test_check_links_needs_a_built_site(run_cli: Callable[..., CliResult], tmp_path: Path) -> None:
    result = run_cli("check-links", tmp_path)
    assert result.code == 2 and "index.html ontbreekt" in result.stderr


class FakeWeb(BaseHTTPRequestHandler):
    """/ok answers, /weg is gone, /traag never answers in time, /geen-head refuses HEAD but serves GET."""

    def do_HEAD(self) -> None:
        self.answer(405 if self.path == "/geen-head" else None)

    def do_GET(self) -> None:
        self.answer(None)

    def answer(self, status: int | None) -> None:
        if self.path == "/traag":
            time.sleep(2)
        status = status or {"/ok": 200, "/geen-head": 200}.get(self.path, 404)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def fake_web() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeWeb)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_external_check_reports_dead_addresses_per_file_and_line(
        run_cli: Callable[..., CliResult], make_repository: Callable[..., Path], fake_web: str,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dead addresses are reported, not failed on: the exit code stays 0 for the scheduled job."""
    monkeypatch.setattr(links, "TIMEOUT_SECONDS", 0.5)
    write(tmp_path / "good" / "index.html", "<p>Hallo</p>")
    repository = make_repository()
    practice = repository / "practices" / VALID_PRACTICE.name
    practice.write_text(practice.read_text(encoding="utf-8")
                        .replace("https://bibliotheek.example/", f"{fake_web}/ok")
                        .replace("  - title: Een artikel over de voorleestent\n",
                                 f"  - title: Weg\n    url: {fake_web}/weg\n  - title: Traag\n    url: {fake_web}/traag\n"
                                 f"  - title: Geen HEAD\n    url: {fake_web}/geen-head\n"), encoding="utf-8")
    lines = practice.read_text(encoding="utf-8").splitlines()

    result = run_cli("check-links", tmp_path / "good", "--external", "--root", repository, "--format", "json")

    dead = {(problem["file"], problem["line"], problem["rule"]) for problem in result.problems}
    file = f"practices/{VALID_PRACTICE.name}"
    assert dead == {(file, lines.index(f"    url: {fake_web}/weg") + 1, "dead-link"),
                    (file, lines.index(f"    url: {fake_web}/traag") + 1, "dead-link")}
    assert "2 webadressen werken niet" in result.stderr
    assert result.code == 0


def test_the_weekly_workflow_checks_links_on_a_freshly_built_site() -> None:
    workflow = yaml.safe_load((PROJECT_ROOT / ".github" / "workflows" / "links.yml").read_text(encoding="utf-8"))
    commands = [step.get("run", "") for step in workflow["jobs"]["links"]["steps"]]
    build = next(index for index, command in enumerate(commands) if "mkdocs build" in command)
    check = next(index for index, command in enumerate(commands) if "check-links" in command)
    assert build < check and "--external" in commands[check]

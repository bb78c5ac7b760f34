"""Git is input like any other: a repository whose history holds what git accepts but nobody should type (any
byte in a subject, an author or a path, dates far in the future and before 1970, a pull-request "number"
thousands of digits long, a merge, and the builder's own git settings) still builds, with valid feeds, pages
without a control character, no subject anywhere and no date after the build's day.

Each case is a commit of its own, written with git's plumbing (`hash-object --literally`) where porcelain
would refuse or clean it up, so the test holds exactly the bytes a hostile history can hold.
"""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest

from history_site import BUILT_ON, build_environment, git
from praktijkbank.common.urls import CHANGES, practice_changes_url, practice_url
from real_data import A_PRACTICE, other_practice, rewrite_practice
from sites import build, copy_site_repository

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
IDENT = b"Redactie <redactie@example.org>"
# (author, committer time, message) of each hostile commit; each changes the practice's summary once more.
HOSTILE: list[tuple[bytes, bytes, bytes]] = [
    (IDENT, b"1796300100", b"Separators \x1e\x1f and controls \x01\x1b[31m in the subject\n"),
    (IDENT, b"1796300200", b"Invalid UTF-8 \xff\xfe\xc3( in the subject\n\nand the \x00 body\n"),
    (b"\x1b]0;Naam\x07 \xff\x1e <x@y> ", b"1796300300", b"Hostile author name\n"),
    (IDENT, b"99999999999", b"A commit from the year 5138\n"),
    (IDENT, b"18446744073709551617", b"A time no integer type holds\n"),
    (IDENT, b"-86400", b"A commit from 1969\n"),
    (IDENT, b"nonsense", b"A time that is no number\n"),
    (IDENT, b"1796300400", b"A pull request (#" + b"9" * 5000 + b")\n"),
]
SUBJECT_WORDS = ("Separators", "Invalid UTF-8", "Hostile author", "year 5138", "integer type", "from 1969",
                 "no number", "A pull request", "Side branch", "Merge side")


def _commit_raw(root: Path, author: bytes, time: bytes, message: bytes) -> None:
    """A commit of the index as it is, with exactly these bytes, on top of HEAD."""
    tree = git(root, "write-tree").strip()
    parent = git(root, "rev-parse", "HEAD").strip()
    body = (f"tree {tree}\nparent {parent}\n".encode() + b"author " + author + b" " + time + b" +0000\n"
            + b"committer " + author + b" " + time + b" +0000\n\n" + message)
    path = root / ".git" / "raw-commit"
    path.write_bytes(body)
    sha = git(root, "hash-object", "-t", "commit", "-w", "--literally", str(path)).strip()
    path.unlink()
    git(root, "update-ref", "HEAD", sha)


def _edit(root: Path, practice_id: str, number: int) -> None:
    rewrite_practice(root / "practices" / f"{practice_id}.yml",
                     lambda data: data.update(summary=f"{data['summary'].split(' Versie')[0]} Versie {number}."))
    git(root, "add", "-A")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = copy_site_repository(tmp_path_factory.mktemp("hostile") / "repo")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Add everything")
    for number, (author, time, message) in enumerate(HOSTILE):
        _edit(root, A_PRACTICE.id, number)
        _commit_raw(root, author, time, message)
    hostile_name = b"practices/\x01\xff\nnaam\x1e.yml"
    moved = other_practice().id
    git(root, "mv", f"practices/{moved}.yml", hostile_name.decode("utf-8", "surrogateescape"))
    _commit_raw(root, IDENT, b"1796300500", b"A path with any byte\n")
    git(root, "mv", hostile_name.decode("utf-8", "surrogateescape"), f"practices/{moved}.yml")
    _commit_raw(root, IDENT, b"1796300600", b"And back\n")
    git(root, "checkout", "-q", "-b", "side")
    _edit(root, A_PRACTICE.id, 99)
    git(root, "commit", "-q", "-m", "Side branch edit")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", "Merge side branch", "side")
    for setting in ("i18n.logOutputEncoding=ISO-8859-1", "core.quotePath=true", "log.showSignature=true"):
        git(root, "config", *setting.split("="))
    output = root.parent / "site"
    result = build(root, output, **build_environment())
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return root, output


def _published(output: Path) -> list[Path]:
    return [path for path in output.rglob("*") if path.suffix in (".html", ".xml")]


def test_every_feed_parses_and_no_page_holds_a_control_character_or_a_subject(hostile_site) -> None:
    _, output = hostile_site
    for path in _published(output):
        text = path.read_text(encoding="utf-8")  # strict: invalid UTF-8 would fail here
        assert not CONTROL.search(text), path
        assert not [word for word in SUBJECT_WORDS if word in text], path
        if path.suffix == ".xml" and "feed" in path.name:
            assert not feedparser.parse(path.read_bytes()).bozo, path


def test_every_hostile_commit_shows_as_a_dutch_change_dated_no_later_than_the_build(hostile_site) -> None:
    _, output = hostile_site
    page = (output / practice_url(A_PRACTICE.id) / "index.html").read_text(encoding="utf-8")
    history = page[page.index('id="geschiedenis"'):]
    dates = re.findall(r'<time datetime="([0-9-]+)"', history)

    assert history.count("Gewijzigd: samenvatting") == len(HOSTILE) + 1, "each commit, and the merged branch edit"
    assert max(dates) == BUILT_ON and "1969-12-31" in dates
    assert "wijziging #" not in history, "a 5,000-digit number is no pull request"
    changes = (output / CHANGES / "index.html").read_text(encoding="utf-8")
    assert max(re.findall(r'<time datetime="([0-9-]+)"', changes)) <= BUILT_ON
    assert "(#" not in changes


def test_a_move_through_a_hostile_path_shows_as_a_new_address_without_its_name(hostile_site) -> None:
    _, output = hostile_site
    moved = other_practice().id
    page = (output / practice_changes_url(moved) / "index.html").read_text(encoding="utf-8")

    assert page.count(": Nieuw adres</h2>") == 1, "back from the hostile path, whose name is not shown"
    assert f": Nieuw adres (was {moved})</h2>" in page, "to the hostile path, from the practice's own id"

"""The history of a practice from git: read in one pass, renames followed, dates the same for the same commit,
and left out (with one Dutch line why) in a shallow clone or without git."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

from helpers import VALID_PRACTICE
from history_site import (
    ADDED_AT,
    BUILT_ON,
    EDIT_SUBJECT,
    RENAMED_AT,
    REPOSITORY_URL,
    build_environment,
    git,
)
from praktijkbank.common.clock import next_review
from praktijkbank.common.urls import CHANGES, practice_url
from praktijkbank.load import history as load_history
from praktijkbank.load.history import Commit, FileChange, History, parse_log, read_history
from praktijkbank.load.repository import COLLECTION, PRACTICE
from praktijkbank.model.history import ADDED, CHANGED, RENAMED, WITHDRAWN, RecordDates, build_histories
from praktijkbank.render.life import subject_parts
from real_data import CATALOG
from sites import build
from test_feeds import atom_links


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    end = html.find("<h2", start)
    return html[start:end if end != -1 else None]


# Reading git


def test_the_log_is_parsed_into_commits_with_their_files_and_renames() -> None:
    output = ("\x1eaaa\x1f1796000000\x1fRename (#43)\0\nR093\0practices/oud.yml\0practices/nieuw.yml\0M\0practices/b.yml\0"
              "\x1ebbb\x1f1795000000\x1fMerge branch 'x'\0"
              "\x1eccc\x1f1794000000\x1fAdd\0\nA\0practices/oud.yml\0")

    commits = parse_log(output)

    assert commits == (
        Commit("aaa", 1796000000, "Rename (#43)", (FileChange("R", "practices/nieuw.yml", "practices/oud.yml"),
                                                   FileChange("M", "practices/b.yml"))),
        Commit("ccc", 1794000000, "Add", (FileChange("A", "practices/oud.yml"),)),
    )


def test_one_git_log_reads_the_history_of_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "practices").mkdir()
    (tmp_path / "collections").mkdir()
    git(tmp_path, "init", "-q")
    for name in ("a", "b", "c"):
        (tmp_path / "practices" / f"{name}.yml").write_text(f"title: {name}\n", encoding="utf-8")
    (tmp_path / "collections" / "k.yml").write_text("title: k\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Add")
    calls: list[list[str]] = []
    real_run = subprocess.run
    monkeypatch.setattr(load_history.subprocess, "run",
                        lambda command, **options: calls.append(command) or real_run(command, **options))

    history = read_history(tmp_path)

    assert [command for command in calls if "log" in command] and len(calls) == 2  # rev-parse, then one log
    assert {change.path for commit in history.commits for change in commit.changes} == {
        "practices/a.yml", "practices/b.yml", "practices/c.yml", "collections/k.yml"}


def test_without_git_or_in_a_shallow_clone_the_history_is_left_out_and_says_why(tmp_path: Path) -> None:
    plain = tmp_path / "zonder-git"
    plain.mkdir()
    source = tmp_path / "bron"
    (source / "practices").mkdir(parents=True)
    git(source, "init", "-q")
    for number in range(3):
        (source / "practices" / "a.yml").write_text(f"versie: {number}\n", encoding="utf-8")
        git(source, "add", "-A")
        git(source, "commit", "-q", "-m", f"Versie {number}")
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{source}", "ondiep")

    assert "geen git-checkout" in read_history(plain).omitted
    shallow = read_history(tmp_path / "ondiep")
    assert shallow.commits == () and "ondiepe kloon" in shallow.omitted and "fetch-depth: 0" in shallow.omitted
    assert read_history(source).available and len(read_history(source).commits) == 3


# From commits to a record's life

FILES = {"practices/nieuw.yml": (PRACTICE, "nieuw"), "collections/k.yml": (COLLECTION, "k")}


def _commit(sha: str, timestamp: int, subject: str, *changes: FileChange) -> Commit:
    return Commit(sha, timestamp, subject, changes)


def test_a_rename_git_detected_is_followed_to_the_first_commit_of_the_old_file() -> None:
    history = History((
        _commit("c3", 300, "Edit", FileChange("M", "practices/nieuw.yml")),
        _commit("c2", 200, "Rename (#43)", FileChange("R", "practices/nieuw.yml", "practices/oud.yml")),
        _commit("c1", 100, "Add", FileChange("A", "practices/oud.yml")),
    ))

    changes = build_histories(history, FILES, {(PRACTICE, "nieuw"): RecordDates("2026-01-01")}).of((PRACTICE, "nieuw"))

    assert [(change.kind, change.sha, change.old_id) for change in changes] == [
        (ADDED, "c1", None), (RENAMED, "c2", "oud"), (CHANGED, "c3", None)]
    assert changes[1].pull_request == 43


def test_a_rename_git_did_not_detect_is_followed_through_aliases() -> None:
    history = History((
        _commit("c2", 200, "Rewrite and rename", FileChange("D", "practices/oud.yml"),
                FileChange("A", "practices/nieuw.yml")),
        _commit("c1", 100, "Add", FileChange("A", "practices/oud.yml")),
    ))
    dates = {(PRACTICE, "nieuw"): RecordDates("2026-01-01", aliases=("oud",))}

    changes = build_histories(history, FILES, dates).of((PRACTICE, "nieuw"))

    assert [(change.kind, change.old_id) for change in changes] == [(ADDED, None), (RENAMED, "oud")]


def test_the_withdrawal_is_the_first_commit_on_or_after_its_date_or_a_change_of_its_own() -> None:
    day = 86_400
    history = History((
        _commit("c3", 20_000 * day + 3600, "Fix the reason", FileChange("M", "practices/nieuw.yml")),
        _commit("c2", 20_000 * day + 60, "Withdraw (#44)", FileChange("M", "practices/nieuw.yml")),
        _commit("c1", 19_000 * day, "Add", FileChange("A", "practices/nieuw.yml")),
    ))
    withdrawn_on = "2024-10-04"  # day 20,000 since 1970
    dates = {(PRACTICE, "nieuw"): RecordDates("2022-01-01", withdrawn_on)}

    from_git = build_histories(history, FILES, dates).of((PRACTICE, "nieuw"))
    from_data = build_histories(History(omitted="geen git"), FILES, dates).of((PRACTICE, "nieuw"))

    assert [(change.kind, change.sha) for change in from_git] == [(ADDED, "c1"), (WITHDRAWN, "c2"), (CHANGED, "c3")]
    assert [(change.kind, change.date) for change in from_data] == [(ADDED, "2022-01-01"), (WITHDRAWN, withdrawn_on)]


def test_a_record_without_commits_was_added_on_its_added_date() -> None:
    history = History((_commit("c1", 100, "Add", FileChange("A", "collections/k.yml")),))
    dates = {(PRACTICE, "nieuw"): RecordDates("2026-03-04"), (COLLECTION, "k"): RecordDates("2026-01-01")}

    histories = build_histories(history, FILES, dates)

    assert [(change.kind, change.date, change.subject) for change in histories.of((PRACTICE, "nieuw"))] == [
        (ADDED, "2026-03-04", None)]
    assert [change.record for change in histories.newest(10)] == [(PRACTICE, "nieuw"), (COLLECTION, "k")]


def test_the_date_of_a_change_is_its_commit_day_in_utc() -> None:
    late_evening_in_utc = 1_796_169_540  # 2026-12-01T23:59:00Z, already 2 December in Amsterdam
    history = History((_commit("c1", late_evening_in_utc, "Add", FileChange("A", "practices/nieuw.yml")),))

    change = build_histories(history, FILES, {(PRACTICE, "nieuw"): RecordDates("2026-01-01")}).of((PRACTICE, "nieuw"))[0]

    assert (change.date, change.moment) == ("2026-12-01", "2026-12-01T23:59:00Z")


@pytest.mark.parametrize(("subject", "parts"), [
    ("Fix the place (#42)", ("Fix the place (", 42, ")")),
    ("Merge (#7) and (#8)", ("Merge (#7) and (", 8, ")")),
    ("Typo #42 fixed", ("Typo #42 fixed", None, "")),
])
def test_the_pull_request_number_is_found_in_the_subject(subject: str, parts: tuple) -> None:
    assert subject_parts(subject) == parts


def test_the_next_review_is_two_years_after_the_last_look() -> None:
    assert next_review("2026-11-30") == "2028-11-30"
    assert next_review("2024-02-29") == "2026-02-28"


# The built site


def test_the_practice_page_shows_its_history_with_linked_pull_requests(history_site) -> None:
    site, output = history_site
    section = _section(_page(output, practice_url(site.edited)), "geschiedenis")

    assert section.index("5 december 2026") < section.index("1 december 2026"), "newest first"
    assert "Toegevoegd" in section and EDIT_SUBJECT.split(" (")[0] in section
    assert f'<a href="{REPOSITORY_URL}/pull/42">#42</a>' in section
    assert '<span class="pb-history__subject" lang="en">' in section, "an English subject on a Dutch page says so"


def test_a_renamed_practice_keeps_its_history_from_before_the_rename(history_site) -> None:
    site, output = history_site
    section = _section(_page(output, practice_url(site.renamed_to)), "geschiedenis")

    assert f"Nieuw adres (eerder {site.renamed_from})" in section
    assert "1 december 2026</time>: Toegevoegd" in section


def test_the_changes_page_lists_every_kind_of_change_newest_first(history_site) -> None:
    site, output = history_site
    page = _page(output, CHANGES)
    items = page[page.index('class="pb-changes"'):].split("<li")[1:]

    assert "Teruggetrokken" in items[0] and site.withdrawn_title in items[0]
    assert any(f"Nieuw adres (eerder {site.renamed_from})" in item for item in items)
    assert any("Gewijzigd" in item and "#42" in item for item in items)
    assert all('class="pb-changes__subject" lang="en"' in item for item in items if "pb-changes__subject" in item)
    assert any("Toegevoegd" in item and "collectie" in item for item in items)
    assert "feed.xml" in atom_links(page)
    assert 'href="wijzigingen/"' in _page(output, ""), "the home page leads to the changes"


def test_the_review_shows_on_the_page_and_an_overdue_one_asks_for_a_change(history_site) -> None:
    site, output = history_site
    reviewed = _page(output, practice_url(site.edited))
    overdue = _page(output, practice_url(site.renamed_to))

    assert "Volgende controle: uiterlijk <time datetime=\"2028-12-05\">" in reviewed
    assert "pb-overdue" not in reviewed
    notice = overdue[overdue.index('class="pb-overdue"'):]
    assert "Deze beschrijving is langer dan 2 jaar niet nagekeken. Klopt er iets niet meer?" in notice
    assert "Stel een wijziging voor</a>" in notice.split("</p>")[0]
    assert overdue.index('class="pb-overdue"') < overdue.index('class="pb-summary"'), "the notice is at the top"


def test_two_builds_of_the_same_commit_are_byte_identical(history_site, tmp_path: Path) -> None:
    site, output = history_site
    again = tmp_path / "again"
    result = build(site.root, again, **build_environment())
    assert result.returncode == 0, result.stderr

    comparison = filecmp.dircmp(output, again)
    different = _differences(comparison)

    assert different == []


def _differences(comparison: filecmp.dircmp) -> list[str]:
    found = [*comparison.left_only, *comparison.right_only]
    found += [name for name in comparison.common_files
              if Path(comparison.left, name).read_bytes() != Path(comparison.right, name).read_bytes()]
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found


@pytest.mark.parametrize("kind", ["shallow clone", "folder without git"])
def test_without_full_history_the_site_builds_without_the_section_and_says_why_once(
        history_site, tmp_path: Path, kind: str) -> None:
    site, _ = history_site
    copy = tmp_path / "copy"
    if kind == "shallow clone":
        git(tmp_path, "clone", "-q", "--depth", "1", f"file://{site.root}", str(copy))
        reason = "ondiepe kloon"
    else:
        shutil.copytree(site.root, copy, ignore=shutil.ignore_patterns(".git"))
        reason = "geen git-checkout"
    output = tmp_path / "site"

    result = build(copy, output, **build_environment())

    assert result.returncode == 0, result.stderr
    assert result.stderr.count("De geschiedenis van de praktijken is weggelaten") == 1
    assert reason in result.stderr
    assert 'id="geschiedenis"' not in _page(output, practice_url(site.edited))
    withdrawn = _page(output, practice_url(site.withdrawn))
    assert "Teruggetrokken op" in withdrawn and 'id="geschiedenis"' not in withdrawn
    changes = _page(output, CHANGES)
    assert "ontbrak de geschiedenis uit git" in changes and site.withdrawn_title in changes


def test_export_pages_carries_the_history(history_site, tmp_path: Path, run_cli) -> None:
    site, _ = history_site
    target = tmp_path / "export"

    result = run_cli("export-pages", "--root", site.root, target)

    assert result.code == 0, result.stderr
    page = (target / practice_url(site.edited) / "index.md").read_text(encoding="utf-8")
    assert 'id="geschiedenis"' in page or "## Geschiedenis" in page
    assert (target / CHANGES / "index.md").is_file() and (target / "wijzigingen" / "feed.xml").is_file()


def test_the_withdrawal_is_dated_and_validated(make_repository, run_cli) -> None:
    root = make_repository([VALID_PRACTICE])
    path = root / "practices" / VALID_PRACTICE.name
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "withdrawn:\n  date: 2001-01-01\n", encoding="utf-8")

    result = run_cli("validate", "--root", root)

    assert result.code == 1
    assert "reason" in result.stdout
    assert "withdrawn-before-added" in result.stdout
    line = next(number for number, content in enumerate(path.read_text().splitlines(), 1) if "2001-01-01" in content)
    assert f":{line}:" in result.stdout



SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_the_sitemap_dates_each_record_by_its_last_change_and_other_pages_by_the_build(history_site) -> None:
    site, output = history_site
    sitemap = ElementTree.parse(output / "sitemap.xml").getroot()
    lastmod = {urlsplit(url.findtext(f"{SITEMAP}loc")).path.removeprefix("/"): url.findtext(f"{SITEMAP}lastmod")
               for url in sitemap}
    untouched = next(practice for practice in CATALOG.practices.values()  # by no commit after the first
                     if practice.id not in (site.edited, site.renamed_from, site.withdrawn)
                     and site.renamed_from not in (site.root / "practices" / f"{practice.id}.yml").read_text("utf-8"))

    assert lastmod[practice_url(site.renamed_to)] == RENAMED_AT[:10]
    assert lastmod[practice_url(untouched.id)] == max(ADDED_AT[:10], untouched.added, untouched.last_reviewed or "")
    assert lastmod[""] == BUILT_ON, "a page that is no record (home) gets the day of the build"

"""The history of a practice from git: read in two git processes whatever its length, each change said in Dutch
from the data itself (never a commit's subject), renames followed, dates never after the build's day, and left
out (with one Dutch line why) in a shallow clone or without git."""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
from html import escape
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import pytest

from helpers import PROJECT_ROOT, VALID_PRACTICE
from history_site import (
    ADDED_AT,
    ADDED_TEXT,
    BUILT_ON,
    NEW_SOURCE,
    REASON,
    RENAMED_AT,
    REPOSITORY_URL,
    SUBJECTS,
    build_environment,
    git,
)
from praktijkbank.common.clock import next_review
from praktijkbank.common.field_labels import field_labels
from praktijkbank.common.schemas import read_schema
from praktijkbank.common.urls import CHANGES, CHANGES_FEED, practice_changes_url, practice_url
from praktijkbank.load import history as load_history
from praktijkbank.load.history import Commit, FileChange, History, parse_log, pull_request, read_history
from praktijkbank.load.repository import COLLECTION, PRACTICE
from praktijkbank.model.history import (
    ADDED,
    CHANGED,
    LAYOUT,
    REMOVED,
    RENAMED,
    RETURNED,
    REVIEWED,
    WITHDRAWN,
    RecordDates,
    build_histories,
)
from praktijkbank.model.field_diff import FieldChange
from praktijkbank.render.change_pages import FieldViews, ValueChange
from praktijkbank.render.change_text import describe
from praktijkbank.render.word_diff import word_diff
from real_data import CATALOG
from sites import build
from test_feeds import atom_links

LABELS = field_labels({kind: read_schema(PROJECT_ROOT / "schemas", kind) for kind in (PRACTICE, COLLECTION)})


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    end = html.find("<h2", start)
    return html[start:end if end != -1 else None]


def _text(html: str) -> str:
    """What a reader reads: the text without tags, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


# Reading git


def test_the_log_is_parsed_by_position_so_a_path_may_hold_any_byte() -> None:
    blob_a, blob_b, zero = "a" * 40, "b" * 40, "0" * 40
    hostile = b":100644 100644 x y M\n" + b"c" * 40 + b" 1\xff\x1e"  # looks like a status and a header
    output = (b"1" * 40 + b" 1796000000\0\n"
              + f":100644 100644 {blob_a} {blob_b} R093".encode() + b"\0practices/oud.yml\0practices/nieuw.yml\0"
              + f":000000 100644 {zero} {blob_a} A".encode() + b"\0practices/" + hostile + b".yml\0"
              + b"2" * 40 + b" 1795000000\0"  # a merge: no files
              + b"3" * 40 + b" -86400\0\n" + f":000000 100644 {zero} {blob_a} A".encode() + b"\0practices/oud.yml\0")

    commits = parse_log(output)

    assert [(commit.sha[:1], commit.timestamp) for commit in commits] == [("1", 1796000000), ("3", -86400)]
    assert commits[0].changes[0] == FileChange("R", "practices/nieuw.yml", "practices/oud.yml", blob_a, blob_b)
    assert commits[0].changes[1].status == "A" and commits[0].changes[1].path.endswith(".yml")
    assert commits[1].changes == (FileChange("A", "practices/oud.yml", None, None, blob_a),)


@pytest.mark.parametrize(("message", "number"), [
    (b"Fix the place (#42)\n\nBody (#7)", 42), (b"Merge (#7) and (#8)", 8), (b"Typo #42 fixed", None),
    (b"Huge (#" + b"9" * 5000 + b")", None), (b"\xff\x1e (#12)\x00", 12)])
def test_the_pull_request_number_is_read_from_the_subject_as_bytes(message: bytes, number: int | None) -> None:
    assert pull_request(b"tree 1\nauthor \x01 <> 1 +0000\n\n" + message) == number


def test_two_git_processes_read_every_file_version_however_many_commits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "practices").mkdir()
    (tmp_path / "collections").mkdir()
    git(tmp_path, "init", "-q")
    for version in range(3):
        for name in ("a", "b", "c"):
            (tmp_path / "practices" / f"{name}.yml").write_text(f"title: {name} {version}\n", encoding="utf-8")
            git(tmp_path, "add", "-A")
            git(tmp_path, "commit", "-q", "-m", f"Versie {version} van {name}")
    (tmp_path / "collections" / "k.yml").write_text("title: k\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Add")
    calls: list[list[str]] = []
    real_run = subprocess.run
    monkeypatch.setattr(load_history.subprocess, "run",
                        lambda command, **options: calls.append(command) or real_run(command, **options))

    history = read_history(tmp_path)

    assert [next(part for part in command if part in ("rev-parse", "log", "cat-file")) for command in calls] == [
        "rev-parse", "log", "cat-file"]
    assert len(history.commits) == 10
    assert {history.contents[change.new_blob] for commit in history.commits for change in commit.changes} == {
        f"title: {name} {version}\n".encode() for name in "abc" for version in range(3)} | {b"title: k\n"}


def test_the_builders_git_settings_do_not_change_what_is_read(tmp_path: Path) -> None:
    (tmp_path / "practices").mkdir()
    git(tmp_path, "init", "-q")
    (tmp_path / "practices" / "é.yml").write_text("title: één\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Voeg één toe (#3)")
    before = read_history(tmp_path)
    for setting in ("i18n.logOutputEncoding=ISO-8859-1", "core.quotePath=true", "log.showSignature=true",
                    "log.showRoot=false", "diff.noprefix=true", "core.abbrev=7", "diff.relative=true",
                    "color.ui=always", "diff.renames=false", "format.pretty=oneline"):
        git(tmp_path, "config", *setting.split("="))

    after = read_history(tmp_path)

    assert after == before and after.commits[0].changes[0].path == "practices/é.yml"
    assert after.commits[0].pull_request == 3


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
NEW = (PRACTICE, "nieuw")


def _commit(sha: str, timestamp: int, *changes: FileChange, pull_request: int | None = None) -> Commit:
    return Commit(sha, timestamp, pull_request, changes)


def _history(*commits: Commit) -> History:
    """Commits whose blobs are named after VERSIONS: FileChange(..., old_blob="v1", new_blob="v2")."""
    return History(commits, {name: text.encode() for name, text in VERSIONS.items()})


def _life(history: History, dates: dict | None = None) -> list[tuple[str, str]]:
    changes = build_histories(history, FILES, dates or {NEW: RecordDates("2026-01-01")}, LABELS.order).of(NEW)
    return [(change.kind, describe(change, PRACTICE, LABELS)) for change in changes]


_REVIEWED = "title: Eerst\nsummary: Langer nu.\nsources:\n  - title: Bron een\n  - title: Bron twee\n" \
            "last_reviewed: 2026-03-01\n"
VERSIONS = {"v1": "title: Eerst\nsummary: Kort.\nsources:\n  - title: Bron een\n",
            "v2": "# opmerking\nsummary: Kort.\ntitle:   Eerst\nsources:\n  - {title: Bron een}\n",
            "v3": "title: Eerst\nsummary: Langer nu.\nsources:\n  - title: Bron een\n  - title: Bron twee\n",
            "v4": _REVIEWED,
            "v5": _REVIEWED + "withdrawn:\n  date: 2026-04-01\n  reason: De bieb stopt.\n",
            "v6": _REVIEWED + "# terug\n",
            "kapot": "title: [niet afgesloten\n",
            "stiekem": "title: \"Eerst \\u202eEerst\"\nsummary: Kort.\nsources:\n  - title: Bron een\n"}


def test_each_change_says_in_dutch_what_changed_in_the_data() -> None:
    steps = [("A", None, "v1"), ("M", "v1", "v2"), ("M", "v2", "v3"), ("M", "v3", "v4"), ("M", "v4", "v5"),
             ("M", "v5", "v6"), ("M", "v6", "kapot")]
    commits = [_commit(f"c{number}", 100 * number, FileChange(status, "practices/nieuw.yml", None, old, new))
               for number, (status, old, new) in enumerate(steps, 1)]

    assert _life(_history(*reversed(commits))) == [
        (ADDED, "Toegevoegd"), (LAYOUT, "Alleen opmaak"), (CHANGED, "Gewijzigd: samenvatting, bronnen (1 toegevoegd)"),
        (REVIEWED, "Nagekeken"), (WITHDRAWN, "Teruggetrokken: De bieb stopt."), (RETURNED, "Weer opgenomen"),
        (CHANGED, "Gewijzigd (een versie van het bestand was geen geldige YAML)")]


def test_a_rename_git_detected_is_followed_to_the_first_commit_of_the_old_file() -> None:
    history = _history(
        _commit("c3", 300, FileChange("M", "practices/nieuw.yml", None, "v3", "v4")),
        _commit("c2", 200, FileChange("R", "practices/nieuw.yml", "practices/oud.yml", "v1", "v3"), pull_request=43),
        _commit("c1", 100, FileChange("A", "practices/oud.yml", None, None, "v1")))

    changes = build_histories(history, FILES, {NEW: RecordDates("2026-01-01")}, LABELS.order).of(NEW)

    assert [(change.kind, change.sha, change.old_id) for change in changes] == [
        (ADDED, "c1", None), (RENAMED, "c2", "oud"), (REVIEWED, "c3", None)]
    assert changes[1].pull_request == 43
    assert describe(changes[1], PRACTICE, LABELS) == ("Nieuw adres (was oud); gewijzigd: samenvatting, "
                                                      "bronnen (1 toegevoegd)")


def test_a_rename_git_did_not_detect_is_followed_through_aliases() -> None:
    history = _history(
        _commit("c2", 200, FileChange("D", "practices/oud.yml", None, "v1", None),
                FileChange("A", "practices/nieuw.yml", None, None, "v2")),
        _commit("c1", 100, FileChange("A", "practices/oud.yml", None, None, "v1")))

    assert _life(history, {NEW: RecordDates("2026-01-01", aliases=("oud",))}) == [
        (ADDED, "Toegevoegd"), (RENAMED, "Nieuw adres (was oud)")]


def test_an_id_used_again_after_a_rename_starts_a_history_of_its_own() -> None:
    files = {"practices/nieuw.yml": NEW, "practices/oud.yml": (PRACTICE, "oud")}
    history = _history(
        _commit("c3", 300, FileChange("A", "practices/oud.yml", None, None, "v3")),
        _commit("c2", 200, FileChange("R", "practices/nieuw.yml", "practices/oud.yml", "v1", "v2")),
        _commit("c1", 100, FileChange("A", "practices/oud.yml", None, None, "v1")))
    dates = {NEW: RecordDates("2026-01-01"), (PRACTICE, "oud"): RecordDates("2026-01-01")}

    histories = build_histories(history, files, dates)

    assert [(change.kind, change.sha) for change in histories.of((PRACTICE, "oud"))] == [(ADDED, "c3")]
    assert [(change.kind, change.sha) for change in histories.of(NEW)] == [(ADDED, "c1"), (RENAMED, "c2")]


def test_a_practice_deleted_and_added_again_keeps_its_whole_history() -> None:
    path = "practices/nieuw.yml"
    history = _history(_commit("c3", 300, FileChange("A", path, None, None, "v3")),
                       _commit("c2", 200, FileChange("D", path, None, "v1", None)),
                       _commit("c1", 100, FileChange("A", path, None, None, "v1")))

    assert _life(history) == [(ADDED, "Toegevoegd"), (REMOVED, "Weggehaald"), (RETURNED, "Weer opgenomen")]


def test_a_withdrawal_no_commit_shows_comes_from_the_data() -> None:
    dates = {NEW: RecordDates("2022-01-01", "2024-10-04", reason="Gestopt.")}

    from_data = build_histories(History(omitted="geen git"), FILES, dates).of(NEW)

    assert [(change.kind, change.date) for change in from_data] == [(ADDED, "2022-01-01"), (WITHDRAWN, "2024-10-04")]
    assert describe(from_data[1], PRACTICE, LABELS) == "Teruggetrokken: Gestopt."


def test_a_record_without_commits_was_added_on_its_added_date() -> None:
    history = _history(_commit("c1", 100, FileChange("A", "collections/k.yml", None, None, "v1")))
    dates = {NEW: RecordDates("2026-03-04"), (COLLECTION, "k"): RecordDates("2026-01-01")}

    histories = build_histories(history, FILES, dates)

    assert [(change.kind, change.date, change.sha) for change in histories.of(NEW)] == [(ADDED, "2026-03-04", None)]
    assert [change.record for change in histories.newest(10)] == [NEW, (COLLECTION, "k")]


def test_the_date_of_a_change_is_its_commit_day_in_utc() -> None:
    late_evening_in_utc = 1_796_169_540  # 2026-12-01T23:59:00Z, already 2 December in Amsterdam
    history = _history(_commit("c1", late_evening_in_utc, FileChange("A", "practices/nieuw.yml", None, None, "v1")))

    change = build_histories(history, FILES, {NEW: RecordDates("2026-01-01")}).of(NEW)[0]

    assert (change.date, change.moment) == ("2026-12-01", "2026-12-01T23:59:00Z")


@pytest.mark.parametrize(("timestamp", "shown"), [
    (4_102_444_800, "2028-12-03"),  # 2100: after the build's day, so that day
    (10**15, "2028-12-03"),  # further than any calendar
    (-86_400 * 365, "1969-01-01"),  # before 1970
    (-10**15, "0001-01-02"),  # before the year 1
])
def test_any_commit_date_shows_as_a_day_no_later_than_the_build(timestamp: int, shown: str) -> None:
    last_second_of_build_day = 1_859_500_799  # 2028-12-03T23:59:59Z
    history = _history(_commit("c1", timestamp, FileChange("A", "practices/nieuw.yml", None, None, "v1")))

    change = build_histories(history, FILES, {NEW: RecordDates("2026-01-01")},
                             latest=last_second_of_build_day).of(NEW)[0]

    assert change.date == shown and change.moment.startswith(shown)


def test_the_next_review_is_two_years_after_the_last_look() -> None:
    assert next_review("2026-11-30") == "2028-11-30"
    assert next_review("2024-02-29") == "2026-02-28"


def test_a_word_diff_marks_words_with_words_for_screen_readers_and_escapes_every_text() -> None:
    html = word_diff("Een <b>oude</b> tekst.\n", "Een  <b>nieuwe</b>\ntekst.")

    assert "<b>" not in html and "&lt;b&gt;" in html
    assert '<del><span class="pb-visually-hidden">[weggehaald: </span>oude<span class="pb-visually-hidden">]' in html
    assert '<ins><span class="pb-visually-hidden">[toegevoegd: </span>nieuwe<span class="pb-visually-hidden">]' in html
    assert html.count("<del>") == html.count("<ins>") == 1, "moved spacing is no change"


def test_a_value_of_an_old_version_shows_no_invisible_or_direction_changing_character() -> None:
    views = FieldViews(LABELS, lambda vocabulary, value: value, lambda practice_id: practice_id)
    change = build_histories(_history(
        _commit("c2", 200, FileChange("M", "practices/nieuw.yml", None, "v1", "stiekem")),
        _commit("c1", 100, FileChange("A", "practices/nieuw.yml", None, None, "v1"))), FILES,
        {NEW: RecordDates("2026-01-01")}).of(NEW)[1]

    [view] = views.views(PRACTICE, change)

    assert (view.label, view.value.old, view.value.new) == ("Titel", "Eerst", "Eerst \ufffdEerst")


def test_a_field_that_names_practices_shows_their_titles_not_their_file_names() -> None:
    titles = {"bieb-taalcafe": "Taalcafé in de bibliotheek", "ggd-spreekuur": "Spreekuur van de GGD"}
    views = FieldViews(LABELS, lambda vocabulary, value: value,
                       lambda practice_id: titles.get(practice_id, practice_id))

    related = views.view(PRACTICE, FieldChange("related", ["bieb-taalcafe"], ["bieb-taalcafe", "ggd-spreekuur"],
                                               added=("ggd-spreekuur",)))
    based_on = views.view(PRACTICE, FieldChange("based_on", None, "bieb-taalcafe"))
    items = views.view(COLLECTION, FieldChange("items", [{"practice": "bieb-taalcafe"}],
                                               [{"practice": "bieb-taalcafe"}, {"practice": "ggd-spreekuur"}],
                                               added=({"practice": "ggd-spreekuur"},)))
    aliases = views.view(PRACTICE, FieldChange("aliases", None, ["bieb-taalcafe"]))

    assert related.added == ("Spreekuur van de GGD",)
    assert (based_on.value.old, based_on.value.new) == (None, "Taalcafé in de bibliotheek")
    assert items.added == ("Praktijk: Spreekuur van de GGD",)
    assert aliases.value.new == "bieb-taalcafe", "an old id is an address, shown as it is"


def test_a_date_shows_as_the_pages_write_it_and_a_value_that_is_no_date_as_it_was_written() -> None:
    views = FieldViews(LABELS, lambda vocabulary, value: value, lambda practice_id: practice_id)

    withdrawn = views.view(PRACTICE, FieldChange("withdrawn", None, {"date": "2026-12-12", "reason": "Op verzoek."}))
    reviewed = views.view(PRACTICE, FieldChange("last_reviewed", "2026-13-45", "2027-01-05"))
    event = views.view(COLLECTION, FieldChange("event", {"name": "Dag", "date": "2026-03-01"},
                                               {"name": "Dag", "date": "gisteren"}))

    assert withdrawn.value.new == "Teruggetrokken op: 12 december 2026; Reden: Op verzoek."
    assert (reviewed.value.old, reviewed.value.new) == ("2026-13-45", "5 januari 2027")
    assert event.parts == (("Datum", ValueChange("1 maart 2026", "gisteren")),)


# The built site


def test_the_practice_page_says_what_changed_in_dutch_and_links_each_change(history_site) -> None:
    site, output = history_site
    section = _section(_page(output, practice_url(site.edited)), "geschiedenis")
    items = [_text(item) for item in section.split("<li>")[1:]]  # newest first; the rename may touch `related`

    assert [item.split(". Bekijk")[0] for item in items][-4:] == [
        "5 december 2026: Nagekeken", "4 december 2026: Alleen opmaak",
        "3 december 2026: Gewijzigd: samenvatting, bronnen (1 toegevoegd)", "1 december 2026: Toegevoegd"]
    assert all("Bekijk de wijziging" in item for item in items)
    assert f'<a href="{REPOSITORY_URL}/pull/42">wijziging #42</a>' in section
    anchors = re.findall(r'href="wijzigingen/#(wijziging-[0-9a-f]{12})"', section)
    change_page = _page(output, practice_changes_url(site.edited))
    assert len(anchors) == len(items) and all(f'id="{anchor}"' in change_page for anchor in anchors)


def test_a_practice_that_names_a_renamed_one_shows_its_title_at_the_old_and_the_new_address(history_site) -> None:
    """`related` held the old id and holds the new one: the reader sees the practice's title both times, the
    first said to be its old address, and neither id."""
    site, output = history_site
    naming = next(path.stem for path in sorted((site.root / "practices").glob("*.yml"))
                  if path.stem != site.renamed_to and site.renamed_to in path.read_text(encoding="utf-8"))
    title = escape(CATALOG.practices[site.renamed_from].title)

    page = _page(output, practice_changes_url(naming))

    assert f"<del>{title} (oud adres)</del>" in page and f"<ins>{title}</ins>" in page
    assert site.renamed_from not in _text(page) and site.renamed_to not in _text(page)


def test_the_change_page_shows_each_field_old_and_new_with_words_marked(history_site) -> None:
    site, output = history_site
    page = _page(output, practice_changes_url(site.edited))
    edit = page[page.index("samenvatting, bronnen (1 toegevoegd)"):]
    edit = edit[:edit.index("<section")]

    summary = edit[edit.index(">Samenvatting</h3>"):edit.index(">Bronnen</h3>")]
    assert re.search(r"<ins><span class=\"pb-visually-hidden\">\[toegevoegd: </span>[^<]*Aangevuld", summary)
    assert "[toegevoegd: " in summary and ADDED_TEXT.split()[-1].rstrip(".") in _text(summary)
    sources = edit[edit.index(">Bronnen</h3>"):]
    assert "Toegevoegd:" in sources and f"<ins>Titel: {NEW_SOURCE['title']}; Uitgever: Bibliotheek" in sources
    assert "De gegevens zijn niet veranderd" in page, "the layout-only change says so"
    assert f'<a href="../">{CATALOG.practices[site.edited].title}</a>' in page


def test_a_renamed_practice_keeps_its_history_from_before_the_rename(history_site) -> None:
    site, output = history_site
    section = _text(_section(_page(output, practice_url(site.renamed_to)), "geschiedenis"))

    assert f"Nieuw adres (was {site.renamed_from})" in section
    assert "1 december 2026: Toegevoegd" in section
    redirect = (output / practice_changes_url(site.renamed_from) / "index.html").read_text(encoding="utf-8")
    assert "url=../../" + site.renamed_to in redirect.replace('"', "")


def test_the_changes_page_and_the_feed_say_the_same_and_link_the_change(history_site) -> None:
    site, output = history_site
    page = _page(output, CHANGES)
    items = [_text(item) for item in page[page.index('class="pb-changes"'):].split("<li")[1:]]
    feed = feedparser.parse((output / CHANGES_FEED).read_bytes())

    assert f"Teruggetrokken: {REASON}" in items[0] and site.withdrawn_title in items[0]
    assert any(f"Nieuw adres (was {site.renamed_from})" in item for item in items)
    assert any("Weer opgenomen" in item for item in items)
    assert any("Gewijzigd: samenvatting, bronnen (1 toegevoegd)" in item and "wijziging #42" in item for item in items)
    assert any("Toegevoegd" in item and "collectie" in item for item in items)
    assert "feed.xml" in atom_links(page)
    assert not feed.bozo and feed.entries[0].summary == f"Teruggetrokken: {REASON}" and feed.entries[0].title.startswith("Teruggetrokken")
    assert {entry.summary for entry in feed.entries} >= {"Weer opgenomen.", "Nagekeken.", "Alleen opmaak.",
                                                         "Gewijzigd: samenvatting, bronnen (1 toegevoegd)."}
    for entry in feed.entries[:8]:
        path, anchor = urlsplit(entry.link).path.lstrip("/"), urlsplit(entry.link).fragment
        assert anchor and f'id="{anchor}"' in _page(output, path), entry.link


def test_no_commit_subject_reaches_any_page_or_feed(history_site) -> None:
    _, output = history_site
    files = [path for path in output.rglob("*") if path.suffix in (".html", ".xml")]

    found = [(subject, str(path.relative_to(output))) for path in files
             for subject in SUBJECTS if subject in path.read_text(encoding="utf-8")]

    assert found == []


def test_no_subject_of_the_repositorys_own_history_reaches_its_site(built_site: Path) -> None:
    log = subprocess.run(["git", "log", "--format=%s"], cwd=PROJECT_ROOT, capture_output=True, text=True)
    subjects = {subject for subject in log.stdout.splitlines() if len(subject) >= 12} if log.returncode == 0 else set()
    texts = [path.read_text(encoding="utf-8") for path in built_site.rglob("*") if path.suffix in (".html", ".xml")]

    assert [subject for subject in subjects if any(subject in text for text in texts)] == []


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
    assert "ontbrak de geschiedenis uit git" in _page(output, practice_changes_url(site.edited)), \
        "the change page keeps its address without git"


def test_export_pages_carries_the_history(history_site, tmp_path: Path, run_cli,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    site, _ = history_site
    monkeypatch.setenv("SOURCE_DATE_EPOCH", build_environment()["SOURCE_DATE_EPOCH"])
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


@pytest.mark.parametrize(("field", "rule"), [("added", "added-in-future"), ("last_reviewed", "last-reviewed-in-future"),
                                             ("withdrawn", "withdrawn-in-future")])
def test_a_date_after_the_build_day_is_refused_at_its_line(make_repository, run_cli, monkeypatch: pytest.MonkeyPatch,
                                                            field: str, rule: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1859414400")  # 2028-12-03
    root = make_repository([VALID_PRACTICE])
    path = root / "practices" / VALID_PRACTICE.name
    text = re.sub(r"(?m)^(added|last_reviewed):.*\n", "", path.read_text(encoding="utf-8"))
    value = "\n  date: 2028-12-04\n  reason: Gestopt.\n" if field == "withdrawn" else " 2028-12-04\n"
    path.write_text(text + ("added: 2026-01-01\n" if field != "added" else "") + f"{field}:{value}", encoding="utf-8")

    result = run_cli("validate", "--root", root)

    line = next(number for number, content in enumerate(path.read_text().splitlines(), 1) if "2028-12-04" in content)
    assert result.code == 1 and f":{line}:" in result.stdout and rule in result.stdout
    assert "ligt in de toekomst" in result.stdout and "vandaag of eerder" in result.stdout



SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_the_sitemap_dates_every_page_by_its_content_never_by_the_build(history_site) -> None:
    site, output = history_site
    sitemap = ElementTree.parse(output / "sitemap.xml").getroot()
    lastmod = {urlsplit(url.findtext(f"{SITEMAP}loc")).path.removeprefix("/"): url.findtext(f"{SITEMAP}lastmod")
               for url in sitemap}
    untouched = next(practice for practice in CATALOG.practices.values()  # by no commit after the first
                     if practice.id not in (site.edited, site.renamed_from, site.withdrawn, site.returned)
                     and site.renamed_from not in (site.root / "practices" / f"{practice.id}.yml").read_text("utf-8"))
    theme = CATALOG.practices[site.renamed_from].themes[0]  # so the renamed practice is one of its members

    assert lastmod[practice_url(site.renamed_to)] == RENAMED_AT[:10]
    assert lastmod[practice_url(untouched.id)] == max(ADDED_AT[:10], untouched.added, untouched.last_reviewed or "")
    assert lastmod[f"themas/{theme}/"] >= RENAMED_AT[:10], "an overview: its newest member"
    assert lastmod[""] == max(day for day in lastmod.values() if day), "home: the newest of all"
    assert lastmod["over/"] == ADDED_AT[:10], "a hand-written page: its own last commit"
    assert BUILT_ON not in lastmod.values()
    assert practice_changes_url(site.edited) not in lastmod, "change pages are for readers, not for search engines"

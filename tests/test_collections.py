"""Curated collections as a conference organiser uses them: a page with the curator's order and notes, a short
address with a QR code that really scans, a presentation view, an embeddable page, and old addresses that
keep working after a rename (the published-URL manifest).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import PROJECT_ROOT
from praktijkbank.render.collection_pages import qr_png_url
from praktijkbank.model.catalog import Collection, Curator, Event, newest_collections_first
from praktijkbank.publish.published_urls import MANIFEST_NAME, read_manifest
from praktijkbank.common.urls import LOCAL_SITE_URL, collection_url, embed_url, practice_url, presentation_url
from real_data import A_COLLECTION, A_PRACTICE, CATALOG, other_practice
from sites import build, copy_site_repository

ZBARIMG = shutil.which("zbarimg")

PUBLIC_URL = "https://praktijkbank.example/bank/"
RENAMED = other_practice().id
NEW_ID = f"{RENAMED}-nieuwe-naam"
EVENT_COLLECTION = """\
title: Collectie voor een testbijeenkomst
description: Een collectie met een bijeenkomst, alleen voor deze test.
curator:
  name: Testredactie
event:
  name: Testconferentie
  date: 2027-03-04
  place: Teststad
items:
  - practice: {practice}
  - practice: {new_id}
    note: Deze staat hier onder zijn nieuwe id.
added: 2026-01-01
aliases:
  - oude-testcollectie
"""


def html_at(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def article(site: Path, url: str) -> BeautifulSoup:
    return html_at(site, url).select_one("article.md-content__inner")


def linked_ids(links: list) -> list[str]:
    return [link["href"].rstrip("/").rsplit("/", 1)[-1] for link in links]


def decode_qr(image: Path) -> str:
    """What a phone reads from the image, one code per line: zbar (Debian's zbar-tools) decodes it for real.
    zbarimg exits with 4 when the image holds no code: that is an empty answer, not an error."""
    if not ZBARIMG:
        if os.environ.get("CI") == "true":
            pytest.fail("zbarimg is missing in CI; .ci/run installs zbar-tools with apt-get")
        pytest.skip("zbarimg is not installed (apt-get install zbar-tools)")
    result = subprocess.run([ZBARIMG, "--raw", "-q", image], capture_output=True, text=True)
    assert result.returncode in (0, 4), result.stderr
    return result.stdout.strip()


def rename_practice(repository: Path, old: str, new: str, keep_alias: bool = True) -> None:
    """Give a practice a new id: new file name, references updated and, as a contributor should, the old id
    kept in `aliases`."""
    for path in [*(repository / "practices").glob("*.yml"), *(repository / "collections").glob("*.yml")]:
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    source = repository / "practices" / f"{old}.yml"
    text = source.read_text(encoding="utf-8")
    source.unlink()
    alias = f"aliases:\n  - {old}\n" if keep_alias else ""
    (repository / "practices" / f"{new}.yml").write_text(text + alias, encoding="utf-8")


def site_repository(target: Path) -> Path:
    repository = copy_site_repository(target)
    shutil.copy(PROJECT_ROOT / MANIFEST_NAME, repository / MANIFEST_NAME)
    return repository


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The project's site at a public address, after a practice was renamed and a collection with an event
    (and an old id) was added."""
    work = tmp_path_factory.mktemp("renamed")
    repository = site_repository(work / "repository")
    rename_practice(repository, RENAMED, NEW_ID)
    (repository / "collections" / "testbijeenkomst.yml").write_text(EVENT_COLLECTION.format(practice=A_PRACTICE.id, new_id=NEW_ID),
                                                                      encoding="utf-8")
    result = build(repository, work / "site", PRAKTIJKBANK_SITE_URL=PUBLIC_URL)
    assert result.returncode == 0, result.stderr
    return work / "site", result


def test_a_collection_page_shows_the_practices_in_the_curators_order_with_notes(built_site: Path) -> None:
    content = article(built_site, collection_url(A_COLLECTION.id))
    items = content.select("li.pb-collection__item")

    assert content.h1.get_text(strip=True) == A_COLLECTION.title
    assert linked_ids([item.select_one(".pb-collection__title a") for item in items]) == [
        item.practice for item in A_COLLECTION.items]
    for element, item in zip(items, A_COLLECTION.items):
        practice = CATALOG.practices[item.practice]
        # Words compared, not spacing: a glossary term's <abbr> splits the text into pieces.
        assert element.select_one(".pb-collection__note").get_text().split() == (
            f"Waarom deze praktijk? {item.note}").split()
        assert element.select_one(".pb-card__summary").get_text().split() == practice.summary.split()
        assert all(organisation.name in element.get_text() for organisation in practice.organisations)
    assert A_COLLECTION.description.split()[0] in content.select_one(".pb-intro").get_text()
    assert content.select_one(".pb-event") is None, "this collection has no event, and the page must not invent one"


def test_the_collection_page_offers_its_address_and_downloadable_qr_codes(built_site: Path) -> None:
    content = article(built_site, collection_url(A_COLLECTION.id))
    address = LOCAL_SITE_URL + collection_url(A_COLLECTION.id)
    downloads = {link["href"]: link for link in content.select(".pb-share a[download]")}

    assert content.select_one(".pb-share__address a")["href"] == address
    assert set(downloads) == {f"qr-{A_COLLECTION.id}.svg", f"qr-{A_COLLECTION.id}.png"}
    links = {link["href"] for link in content.select(".pb-share a")}
    assert {"presentatie/", "embed/"} <= links
    assert content.select_one(".pb-share__qr")["alt"] == f"QR-code naar {address}"


def test_the_collection_qr_code_decodes_to_the_collection_address(built_site: Path) -> None:
    assert decode_qr(built_site / qr_png_url(A_COLLECTION.id)) == LOCAL_SITE_URL + collection_url(A_COLLECTION.id)


def test_the_qr_codes_follow_the_public_site_address(renamed_site) -> None:
    site, _ = renamed_site
    assert decode_qr(site / qr_png_url(A_COLLECTION.id)) == PUBLIC_URL + collection_url(A_COLLECTION.id)
    svg = (site / f"{collection_url(A_COLLECTION.id)}qr-{A_COLLECTION.id}.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and f"<title>QR-code naar {PUBLIC_URL}{collection_url(A_COLLECTION.id)}</title>" in svg


def test_a_local_build_says_the_qr_codes_point_to_localhost(renamed_site, tmp_path: Path) -> None:
    _, public = renamed_site
    local = build(site_repository(tmp_path / "repository"), tmp_path / "site")

    assert local.returncode == 0, local.stderr
    assert "PRAKTIJKBANK_SITE_URL" in local.stderr and "localhost" in local.stderr
    assert "WARNING" not in local.stderr
    assert "PRAKTIJKBANK_SITE_URL" not in public.stderr
    assert local.stderr.count("PRAKTIJKBANK_CONTACT") == 1, "no way in set up: said once"


def test_a_collection_built_without_its_address_says_so_on_the_page_and_on_paper(built_site: Path,
                                                                                  renamed_site) -> None:
    site, _ = renamed_site
    local = (built_site / collection_url(A_COLLECTION.id) / "index.html").read_text(encoding="utf-8")
    public = (site / collection_url(A_COLLECTION.id) / "index.html").read_text(encoding="utf-8")

    notice = BeautifulSoup(local, "html.parser").select_one("article .pb-local-build")
    assert notice is not None and "localhost" in notice.get_text() and "niet af" in notice.get_text()
    assert "pb-local-build" not in public


def test_practice_pages_list_the_collections_they_appear_in(built_site: Path) -> None:
    members = {item.practice for item in A_COLLECTION.items}
    for practice_id in CATALOG.practices:
        content = article(built_site, practice_url(practice_id))
        links = content.select(".pb-in-collections a")
        if practice_id in members:
            assert [link.get_text(strip=True) for link in links] == [A_COLLECTION.title]
            assert links[0]["href"] == f"../../{collection_url(A_COLLECTION.id)}"
        else:
            assert links == [] and "In collecties" not in content.get_text()


def test_every_practice_page_carries_a_qr_code_for_print(built_site: Path) -> None:
    for practice_id in CATALOG.practices:
        code = article(built_site, practice_url(practice_id)).select_one(".pb-print-qr")
        address = LOCAL_SITE_URL + practice_url(practice_id)
        assert code.select_one("svg")["aria-label"] == f"QR-code naar {address}"
        assert code.select_one(".pb-print-qr__url").get_text(strip=True) == address


def test_the_index_lists_collections_newest_event_first(renamed_site) -> None:
    site, _ = renamed_site
    cards = article(site, collection_url()).select(".pb-card")

    assert linked_ids([card.select_one("a") for card in cards]) == ["testbijeenkomst", A_COLLECTION.id]
    assert cards[0].select_one(".pb-card__place").get_text(strip=True) == "Testconferentie, 4 maart 2027, Teststad"


def test_newest_first_uses_the_event_date_or_else_the_date_added() -> None:
    def collection(collection_id: str, added: str, event_date: str | None = None) -> Collection:
        event = Event("Bijeenkomst", event_date) if event_date else None
        return Collection(collection_id, "Titel", "Inleiding", Curator("Redactie"), (), added, event)

    collections = [collection("a", "2026-05-01"), collection("b", "2024-01-01", "2026-06-01"),
                   collection("c", "2026-05-01"), collection("d", "2026-07-01", "2025-01-01")]
    assert [item.id for item in newest_collections_first(collections)] == ["b", "a", "c", "d"]


def test_a_collection_with_an_event_shows_it_above_the_introduction(renamed_site) -> None:
    site, _ = renamed_site
    content = article(site, collection_url("testbijeenkomst"))
    assert content.select_one(".pb-event").get_text(" ", strip=True) == (
        "Bijeenkomst: Testconferentie, 4 maart 2027, Teststad")
    notes = [item.select_one(".pb-collection__note") for item in content.select(".pb-collection__item")]
    assert notes[0] is None and "nieuwe id" in notes[1].get_text()


@pytest.mark.parametrize(("old", "new"), [(practice_url(RENAMED), practice_url(NEW_ID)),
                                          (collection_url("oude-testcollectie"), collection_url("testbijeenkomst"))])
def test_an_old_id_becomes_a_redirect_to_the_new_page(renamed_site, old: str, new: str) -> None:
    site, _ = renamed_site
    redirect = html_at(site, old)
    target = "../" + new.split("/", 1)[1]

    assert redirect.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
    assert redirect.find("link", rel="canonical")["href"] == target
    assert redirect.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert redirect.html["lang"] == "nl" and "nieuw adres" in redirect.body.get_text()
    assert redirect.body.a["href"] == target
    assert (site / old / target / "index.html").resolve() == (site / new / "index.html").resolve()


def test_a_practice_renamed_without_an_alias_fails_the_build(tmp_path: Path) -> None:
    """Its old address would disappear; the build with the alias is `renamed_site`, which passes."""
    removed = RENAMED
    repository = site_repository(tmp_path / "repository")
    rename_practice(repository, RENAMED, NEW_ID, keep_alias=False)
    output = tmp_path / "site"

    result = build(repository, output)

    line = dict((address, number) for number, address in read_manifest(repository / MANIFEST_NAME))
    assert result.returncode == 1
    assert f"{MANIFEST_NAME}:{line[practice_url(removed)]}:1: published-url-lost: Het adres {practice_url(removed)} " \
           "is gepubliceerd" in result.stderr
    assert "aliases" in result.stderr and "Traceback" not in result.stderr
    assert not output.exists(), "nothing may be written when the build is refused"


def test_the_committed_manifest_is_up_to_date(run_cli) -> None:
    result = run_cli("published-urls", "--check", "--root", PROJECT_ROOT)
    assert result.code == 0, result.stdout + result.stderr


def test_the_manifest_command_reports_and_updates_changes(run_cli, tmp_path: Path) -> None:
    repository = site_repository(tmp_path / "repository")
    manifest = repository / MANIFEST_NAME
    lines = manifest.read_text(encoding="utf-8").splitlines()
    dropped = practice_url(sorted(CATALOG.practices)[0])
    manifest.write_text("\n".join([line for line in lines if line != dropped] + ["praktijken/weg/"]) + "\n",
                        encoding="utf-8")

    check = run_cli("published-urls", "--check", "--root", repository)
    assert check.code == 1
    assert f"nieuw, nog niet in {MANIFEST_NAME}: {dropped}" in check.stdout
    assert f"verdwenen, wel in {MANIFEST_NAME}: praktijken/weg/" in check.stdout

    assert run_cli("published-urls", "--update", "--root", repository).code == 0
    assert manifest.read_text(encoding="utf-8") == (PROJECT_ROOT / MANIFEST_NAME).read_text(encoding="utf-8")
    assert run_cli("published-urls", "--check", "--root", repository).code == 0


def test_the_manifest_holds_every_kind_of_page(built_site: Path) -> None:
    addresses = {address for _, address in read_manifest(PROJECT_ROOT / MANIFEST_NAME)}
    assert {"./", "over/", "praktijken/", "themas/laaggeletterdheid/", collection_url(),
            collection_url(A_COLLECTION.id), presentation_url(A_COLLECTION.id), embed_url(A_COLLECTION.id)} <= addresses
    assert all((built_site / address / "index.html").is_file() for address in addresses)


def test_the_embed_page_has_no_theme_chrome_and_links_back(built_site: Path) -> None:
    embed = html_at(built_site, embed_url(A_COLLECTION.id))

    assert embed.select(".md-header, .md-footer, .md-sidebar, nav, form, script") == []
    assert embed.html["lang"] == "nl"
    back = embed.select_one(".pb-embed__more a")
    assert back["href"] == "../" and back["target"] == "_top"
    practice_links = embed.select(".pb-embed__list a")
    assert linked_ids(practice_links) == [item.practice for item in A_COLLECTION.items]
    assert all(link["target"] == "_top" for link in practice_links)
    assert [link["href"] for link in embed.find_all("link", rel="stylesheet")] == ["../../embed.css"]


def test_the_presentation_view_is_a_plain_list_without_script(built_site: Path) -> None:
    show = html_at(built_site, presentation_url(A_COLLECTION.id))
    slides = show.select("section.pb-slide")

    assert show.select(".md-header, .md-footer, .md-sidebar") == []
    assert [slide.find(["h1", "h2"]).get_text(strip=True) for slide in slides] == [A_COLLECTION.title] + [
        CATALOG.practices[item.practice].title for item in A_COLLECTION.items]
    assert not any(slide.has_attr("hidden") for slide in slides)
    assert show.select_one(".pb-show__controls").has_attr("hidden")
    assert show.select_one(".pb-show__status")["aria-live"] == "polite"
    assert {button["aria-label"] for button in show.select("button")} == {"Vorige dia", "Volgende dia"}
    assert [script["src"] for script in show.find_all("script")] == ["../../presentatie.js"]


@pytest.mark.parametrize("url", [collection_url(), collection_url(A_COLLECTION.id), practice_url(RENAMED)])
def test_collection_headings_never_skip_a_level(built_site: Path, url: str) -> None:
    levels = [int(heading.name[1]) for heading in article(built_site, url).find_all(["h1", "h2", "h3", "h4"])]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:])), levels

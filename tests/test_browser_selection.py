""""Mijn selectie" in headless Chromium, as a conference organiser uses it: save practices while browsing,
order and annotate them, share one link, scan its QR code, print the handout, present it, and turn it into a
collection (a file that validates, or the GitHub form that `from-issue` turns into the same collection).

The site is the repository's own, built once with one practice renamed (its old id kept in `aliases`) and
with the GitHub repository and the editors' address set (the session's forms site), so shared links with old
ids, the form's address and the e-mail can be tested.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from helpers import SETTLED
from issue_forms import COLLECTION_FORM, issue_body
from praktijkbank.common.urls import SELECTION, practice_url
from praktijkbank.common.ways_in import TOO_LONG
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import build_catalog
from praktijkbank.validate.checker import validate_repository
from sites import FORMS_CONTACT as CONTACT
from sites import FORMS_REPOSITORY as REPOSITORY
from test_browser_collections import page_texts, print_to_pdf, scanned_codes
from test_collections import NEW_ID, RENAMED, decode_qr
from test_contribute import run
from test_ways_in import followed_mail

pytestmark = pytest.mark.browser

TITLE = "Zes praktijken voor de sessie van vandaag"
INTRO = "Voorbeelden voor de netwerkdag over samenwerken in het sociaal domein."
NOTES = ["Laat zien hoe welzijn en bieb samen beginnen.", "", "Een mooi voorbeeld uit een kleine gemeente."]


@pytest.fixture(scope="module")
def repository(forms_site: tuple[Path, Path]) -> Path:
    return forms_site[0]


@pytest.fixture(scope="module")
def catalog(repository: Path):
    return build_catalog(validate_repository(Repository(repository)))


@pytest.fixture(scope="module")
def site_url(forms_url: str) -> str:
    return forms_url


@pytest.fixture
def tab(browser, site_url: str) -> Iterator[object]:
    """A fresh browser (empty storage) that records script errors, accepts confirmations and allows the clipboard."""
    context = browser.new_context(accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("dialog", lambda dialog: dialog.accept())
    yield page
    context.close()


@pytest.fixture
def chosen(catalog) -> list[str]:
    """Three practices: the first card of a theme page, another one, and a third found by search."""
    theme = next(term.id for term in catalog.vocabularies["themes"].terms if catalog.practices_with("themes", term.id))
    first = catalog.practices_with("themes", theme)[0].id
    others = [practice_id for practice_id in sorted(catalog.practices) if practice_id != first]
    return [first, others[0], others[1]]


def theme_of(catalog, practice_id: str) -> str:
    return catalog.practices[practice_id].themes[0]


def keep_button(tab, practice_id: str):
    return tab.locator(f'.pb-keep[data-practice="{practice_id}"]').first


def store(tab, site_url: str, selection: dict) -> None:
    """Put a selection in the browser's storage as the page itself stores it."""
    tab.goto(site_url + SELECTION)
    tab.evaluate("""async (selection) => {
        const { writeSelection } = await import(new URL("../javascripts/selectie/selectie-opslag.js", location.href));
        writeSelection(selection);
    }""", selection)


def filled(ids: list[str]) -> dict:
    return {"title": TITLE, "intro": INTRO, "items": [{"id": practice_id, "note": note}
                                                      for practice_id, note in zip(ids, NOTES)]}


def expect_titles(tab, titles: list[str]) -> None:
    """The selection lists exactly these titles, in this order, once the page has drawn it (Playwright waits)."""
    expect(tab.locator(".pb-selection__list .pb-collection__title")).to_have_text(titles)


def reload(tab) -> None:
    """Reload, then wait until the page has read the stored selection and filled itself in (it marks itself
    aria-busy until then): a busy machine may not be there yet when the load event fires."""
    tab.reload()
    tab.wait_for_function(SETTLED)


def share_link(tab) -> str:
    return tab.locator(".pb-selection__link").input_value()


def focused_action(tab) -> str:
    return tab.evaluate("document.activeElement.dataset.action || document.activeElement.id")


def test_an_organiser_saves_orders_and_annotates_practices_and_finds_them_kept(tab, site_url, catalog, chosen) -> None:
    first, second, third = chosen
    tab.goto(site_url + f"themas/{theme_of(catalog, first)}/")
    keep_button(tab, first).click()
    tab.goto(site_url + practice_url(second))
    keep_button(tab, second).click()
    tab.goto(site_url + "zoeken/?q=" + catalog.practices[third].title)
    keep_button(tab, third).click()

    assert keep_button(tab, third).inner_text().startswith("Uit mijn selectie")
    announced = tab.locator(".pb-keep__announcer")
    assert announced.get_attribute("aria-live") == "polite"
    assert announced.inner_text() == f"{catalog.practices[third].title} staat in je selectie (3 praktijken)."
    assert tab.locator(".pb-header-selection__count").inner_text() == "3"

    tab.goto(site_url + SELECTION)
    titles = [catalog.practices[practice_id].title for practice_id in chosen]
    expect_titles(tab, titles)

    tab.locator('.pb-selection__list li >> nth=0 >> [data-action="down"]').focus()
    tab.keyboard.press("Enter")
    expect_titles(tab, [titles[1], titles[0], titles[2]])
    assert focused_action(tab) == "down", "focus stays on the button that was pressed"
    assert "plaats 2 van 3" in tab.locator(".pb-selection__status").inner_text()
    tab.keyboard.press("Enter")
    assert focused_action(tab) == "up", "at the bottom, focus moves to the button that still works"
    order = [titles[1], titles[2], titles[0]]
    expect_titles(tab, order)

    tab.fill("#pb-selection-title", TITLE)
    tab.fill("#pb-selection-intro", INTRO)
    for position, note in enumerate(NOTES):
        tab.fill(f"#pb-selection-note-{position}", note)
    reload(tab)

    assert tab.locator("#pb-selection-title").input_value() == TITLE
    assert tab.locator("#pb-selection-intro").input_value() == INTRO
    assert [tab.locator(f"#pb-selection-note-{position}").input_value() for position in range(3)] == NOTES
    expect_titles(tab, order)
    assert tab.problems == []


def test_after_a_removal_the_focus_is_on_what_was_removed_and_a_second_enter_removes_nothing(tab, site_url,
                                                                                             catalog, chosen) -> None:
    store(tab, site_url, filled(chosen))
    reload(tab)
    titles = [catalog.practices[practice_id].title for practice_id in chosen]
    expect_titles(tab, titles)

    tab.locator('.pb-selection__list li >> nth=0 >> [data-action="remove"]').focus()
    tab.keyboard.press("Enter")
    expect_titles(tab, titles[1:])
    note = tab.locator(".pb-selection__removed")
    assert tab.evaluate("document.activeElement.classList.contains('pb-selection__removed')")
    assert note.inner_text().startswith(f"{titles[0]} is uit je selectie gehaald. Er staan nog 2 praktijken in.")
    tab.keyboard.press("Enter")
    expect_titles(tab, titles[1:])

    tab.keyboard.press("Tab")
    assert focused_action(tab) == "undo"
    tab.keyboard.press("Enter")
    expect_titles(tab, titles)
    assert focused_action(tab) == "remove" and note.is_hidden()
    reload(tab)
    expect_titles(tab, titles)
    assert tab.problems == []


def test_a_collection_opened_in_mijn_selectie_keeps_the_paragraphs_of_its_introduction(tab, site_url,
                                                                                        catalog) -> None:
    collection = max(catalog.collections.values(), key=lambda each: each.description.count("\n\n"))
    paragraphs = [" ".join(part.split()) for part in collection.description.split("\n\n") if part.strip()]
    tab.goto(site_url + f"collecties/{collection.id}/")
    tab.locator(".pb-adapt__link").click()

    shown = tab.locator(".pb-selection__intro p")
    expect(shown).to_have_count(len(paragraphs))
    assert len(paragraphs) > 1
    assert [" ".join(text.split()) for text in shown.all_inner_texts()] == paragraphs


def test_the_share_link_shows_the_same_selection_read_only_in_another_browser(tab, browser, site_url, catalog,
                                                                                chosen) -> None:
    store(tab, site_url, filled(chosen))
    reload(tab)
    link = share_link(tab)
    assert len(link) < 2000 and "Wie de link opent" in tab.locator(".pb-selection__link-note").inner_text()

    other = browser.new_context()
    visitor = other.new_page()
    visitor.goto(link)
    visitor.wait_for_selector(".pb-selection__list li")

    assert visitor.locator("h1").inner_text() == TITLE
    assert visitor.locator(".pb-selection__intro").inner_text() == INTRO
    titles = [catalog.practices[practice_id].title for practice_id in chosen]
    expect_titles(visitor, titles)
    notes = visitor.locator(".pb-selection__list li").evaluate_all(
        "items => items.map((item) => item.querySelector('.pb-collection__note')?.textContent ?? '')")
    assert notes == [f"Waarom deze praktijk? {note}" if note else "" for note in NOTES]
    assert visitor.locator("textarea, #pb-selection-title:visible, .pb-selection__controls").count() == 0
    visitor.on("dialog", lambda dialog: dialog.accept())
    visitor.get_by_role("button", name="Neem over in mijn selectie").click()
    visitor.wait_for_url(re.compile(r"/selectie/$"))
    visitor.wait_for_selector("#pb-selection-note-0")
    assert visitor.locator("#pb-selection-title").input_value() == TITLE
    other.close()


def test_the_qr_code_scans_to_the_short_share_link_downloaded_and_scaled_down(tab, site_url, chosen,
                                                                              tmp_path: Path) -> None:
    store(tab, site_url, filled(chosen))
    reload(tab)
    tab.wait_for_selector(".pb-selection__qr-png[href^='blob:']")
    short = share_link(tab).split("&i=", 1)[0]
    with tab.expect_download() as download:
        tab.locator(".pb-selection__qr-png").click()
    png = tmp_path / "qr.png"
    download.value.save_as(png)
    with tab.expect_download() as download:
        tab.locator(".pb-selection__qr-svg").click()
    svg = tmp_path / "qr.svg"
    download.value.save_as(svg)

    assert decode_qr(png) == short
    assert "&n=" not in short and "&i=" not in short
    assert svg.read_text(encoding="utf-8").startswith("<svg")
    small = tmp_path / "klein.png"  # the PNG shown at about a quarter of its size, as on a crowded slide
    encoded = base64.b64encode(png.read_bytes()).decode()
    tab.set_content(f'<img src="data:image/png;base64,{encoded}" width="150" height="150" style="display: block">')
    tab.locator("img").screenshot(path=str(small))
    assert decode_qr(small) == short


def test_the_shared_view_prints_as_a_handout_in_order_with_qr_codes(tab, site_url, catalog, chosen,
                                                                   tmp_path: Path) -> None:
    store(tab, site_url, filled(chosen))
    reload(tab)
    link = share_link(tab)
    short = link.split("&i=", 1)[0]
    pdf = tmp_path / "selectie.pdf"

    pages = print_to_pdf(tab, link, pdf)
    text = " ".join(" ".join(page_texts(pdf, pages)).split())

    positions = [text.find(catalog.practices[practice_id].title) for practice_id in chosen]
    assert -1 not in positions and positions == sorted(positions), "every practice, in the chosen order"
    assert TITLE in text and NOTES[0] in text and NOTES[2] in text
    for practice_id in chosen:
        assert all(organisation.name in text for organisation in catalog.practices[practice_id].organisations)
    assert "Neem over" not in text and "Maak er een collectie van" not in text and "Link kopiëren" not in text
    assert scanned_codes(pdf, tmp_path) == {short} | {site_url + practice_url(practice_id) for practice_id in chosen}


def test_the_own_selection_prints_the_same_handout_as_the_shared_view_notes_included(tab, site_url, catalog, chosen,
                                                                                     tmp_path: Path) -> None:
    store(tab, site_url, filled(chosen))
    reload(tab)
    link = share_link(tab)
    own, shared = tmp_path / "eigen.pdf", tmp_path / "gedeeld.pdf"

    own_text = " ".join(" ".join(page_texts(own, print_to_pdf(tab, site_url + SELECTION, own))).split())
    shared_text = " ".join(" ".join(page_texts(shared, print_to_pdf(tab, link, shared))).split())

    assert own_text == shared_text
    assert TITLE in own_text and INTRO in own_text and NOTES[0] in own_text and NOTES[2] in own_text
    for absent in ("mag leeg blijven", "Omhoog", "Uit mijn selectie", "Link kopiëren", "Titel en inleiding",
                   "Vergelijk deze praktijken", "Alles uit mijn selectie"):
        assert absent not in own_text, absent
    assert "Scan de QR-code" in own_text, "the handout's QR code has a caption"


def test_the_presentation_shows_one_practice_per_screen(tab, site_url, catalog, chosen) -> None:
    store(tab, site_url, filled(chosen))
    reload(tab)
    present = tab.locator(".pb-selection__present")
    expect(present).to_have_attribute("href", re.compile(r"/selectie/presentatie/\?"))  # set once the page has read the selection
    tab.goto(present.get_attribute("href"))
    status = tab.locator(".pb-show__status")
    titles = [TITLE] + [catalog.practices[practice_id].title for practice_id in chosen]

    for number, key in [(1, None), (2, "ArrowRight"), (3, "ArrowRight"), (4, "End"), (1, "Home")]:
        if key:
            tab.keyboard.press(key)
        expect(status).to_have_text(f"Dia {number} van 4: {titles[number - 1]}")
        expect(tab.locator(".pb-slide:visible")).to_have_count(1)
    tab.keyboard.press("ArrowRight")
    assert NOTES[0] in tab.locator(".pb-slide:visible").inner_text()
    assert tab.problems == []


def test_the_collection_file_validates_and_the_form_makes_the_same_collection(tab, site_url, repository, chosen,
                                                                              tmp_path: Path) -> None:
    store(tab, site_url, filled(chosen))
    reload(tab)
    with tab.expect_download() as download:
        tab.locator(".pb-selection__yaml").click()
    name = download.value.suggested_filename
    assert name == "zes-praktijken-voor-de-sessie-van-vandaag.yml"
    target = repository / "collections" / name
    download.value.save_as(target)
    try:
        downloaded = yaml.safe_load(target.read_text(encoding="utf-8"))
        assert run("validate", "--root", repository, target, "--zonder-waarschuwingen").returncode == 0
    finally:
        target.unlink()

    address = tab.locator(".pb-selection__issue").get_attribute("href")
    assert address.startswith(f"{REPOSITORY}/issues/new?template=collectie-aanmelden.yml")
    fields = {key: values[0] for key, values in parse_qs(urlsplit(address).query).items()}
    body = tmp_path / "issue.md"
    body.write_text(issue_body(COLLECTION_FORM, fields | {"curator": "Testredactie"}), encoding="utf-8")
    result = run("from-issue", body, "--root", repository, "--added", str(downloaded["added"]))
    try:
        assert result.returncode == 0, result.stdout + result.stderr
        made = yaml.safe_load(target.read_text(encoding="utf-8"))
    finally:
        target.unlink(missing_ok=True)
    assert {key: made[key] for key in ("title", "description", "items")} == {
        key: downloaded[key] for key in ("title", "description", "items")}
    assert [item["practice"] for item in made["items"]] == chosen


def test_without_a_github_account_the_collection_goes_by_e_mail_with_everything_that_fits(tab, site_url,
                                                                                         chosen) -> None:
    store(tab, site_url, filled(chosen))
    reload(tab)
    mail, clipboard = followed_mail(tab, tab.get_by_role("link", name="Mail de collectie naar de redactie"))

    assert mail["to"] == CONTACT and clipboard == ""
    body = mail["body"]
    assert body.startswith(f"Collectie: {TITLE}") and f"### Inleiding\n\n{INTRO}" in body
    assert f"### Praktijken in de collectie\n\n{chosen[0]}: {NOTES[0]}\n" in body
    assert all(practice_id in body for practice_id in chosen)
    assert TOO_LONG not in body and "te lang" not in tab.locator(".pb-selection__mail").inner_text()


def test_a_collection_too_long_for_a_mail_link_goes_on_the_clipboard_to_paste(tab, site_url, chosen) -> None:
    long_notes = {**filled(chosen), "items": [{"id": practice_id, "note": "Een lange toelichting. " * 30}
                                              for practice_id in chosen]}
    store(tab, site_url, long_notes)
    reload(tab)
    mail, clipboard = followed_mail(tab, tab.get_by_role("link", name="Mail de collectie naar de redactie"))

    assert mail["body"].startswith(f"Collectie: {TITLE}") and mail["body"].endswith(TOO_LONG)
    assert clipboard.startswith(f"### Titel van de collectie\n\n{TITLE}\n\n")
    assert all(f"{practice_id}: {'Een lange toelichting. ' * 30}".strip() in clipboard for practice_id in chosen)
    expect(tab.locator(".pb-selection__status")).to_contain_text("klembord")
    expect(tab.locator(".pb-selection__mail-copy").get_by_role("button", name="Kopieer de tekst")).to_be_visible()


def test_an_old_id_leads_to_the_new_page_and_an_unknown_id_is_named(tab, site_url, catalog, chosen) -> None:
    tab.goto(site_url + f"{SELECTION}?t=Oud&p={RENAMED}.bestaat-niet-meer.{chosen[0]}&n=Oude+link&n=Weg")
    tab.wait_for_selector(".pb-selection__list li")
    items = tab.locator(".pb-selection__list li")

    assert items.count() == 3
    assert items.nth(0).locator("h3 a").get_attribute("href").endswith(practice_url(NEW_ID))
    assert items.nth(0).locator("h3").inner_text().endswith(catalog.practices[NEW_ID].title)
    assert f"hij heette eerder ‘{RENAMED}’" in items.nth(0).inner_text()
    assert "Onbekende praktijk" in items.nth(1).inner_text()
    assert "Er is geen praktijk met het id ‘bestaat-niet-meer’" in items.nth(1).inner_text()
    assert "Weg" in items.nth(1).inner_text(), "the note of an unknown practice is not lost"
    assert "1 praktijk staat niet (meer) in de praktijkbank." in tab.locator(".pb-selection__status").inner_text()
    assert tab.problems == []


def test_a_hostile_title_and_note_stay_text(tab, site_url, chosen) -> None:
    payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'
    tab.goto(site_url + SELECTION + "?" + "&".join([
        "t=" + payload.replace("<", "%3C").replace(">", "%3E").replace(" ", "+").replace("=", "%3D").replace('"', "%22"),
        f"p={chosen[0]}", "n=%3Cb%3Evet%3C%2Fb%3E%22+onmouseover%3D%22x", "i=javascript:alert(1)"]))
    tab.wait_for_selector(".pb-selection__list li")

    assert tab.locator("h1").inner_text() == payload
    assert tab.locator(".pb-collection__note").inner_text() == 'Waarom deze praktijk? <b>vet</b>" onmouseover="x'
    assert tab.evaluate("window.pwned") is None
    assert tab.locator(".md-content img[src='x'], .md-content b, .md-content [onmouseover]").count() == 0
    assert tab.locator(".pb-selection__intro a").count() == 0
    assert tab.problems == []


def test_a_corrupt_stored_selection_breaks_no_page(tab, site_url, chosen) -> None:
    tab.goto(site_url)
    tab.evaluate("localStorage.setItem('praktijkbank-selectie', '{\"items\": [')")
    reload(tab)
    assert tab.locator(".pb-header-selection__count").inner_text() == "0"
    tab.goto(site_url + practice_url(chosen[0]))
    keep_button(tab, chosen[0]).click()
    assert tab.locator(".pb-header-selection__count").inner_text() == "1"

    tab.evaluate("localStorage.setItem('praktijkbank-selectie', 'kapot')")
    tab.goto(site_url + SELECTION)
    tab.wait_for_function(SETTLED)
    assert "kon niet worden gelezen" in tab.locator(".pb-selection__status").inner_text()
    assert tab.locator(".pb-selection__empty").is_visible()
    assert tab.problems == []


def test_without_javascript_the_page_explains_and_no_buttons_appear(browser, site_url, catalog, chosen) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + SELECTION)
    assert "werkt alleen met JavaScript" in page.locator(".pb-selection__fallback").inner_text()
    assert not page.locator(".pb-selection__app").is_visible()
    page.goto(site_url + f"themas/{theme_of(catalog, chosen[0])}/")
    assert page.locator(".pb-keep").count() == 0
    assert not page.locator(".pb-header-selection").is_visible()
    context.close()


def test_the_selection_leads_to_a_comparison_of_its_practices_in_order(tab, site_url, catalog, chosen) -> None:
    store(tab, site_url, filled(chosen))
    tab.goto(site_url + SELECTION)
    expect_titles(tab, [catalog.practices[practice_id].title for practice_id in chosen])

    tab.get_by_role("link", name="Vergelijk deze praktijken").click()
    tab.wait_for_url("**/vergelijk/?p=*")
    assert parse_qs(urlsplit(tab.url).query)["p"] == [",".join(chosen)]
    titles = tab.locator(".pb-compare__table thead th[scope='col'] a")
    expect(titles).to_have_text([catalog.practices[practice_id].title for practice_id in chosen])
    assert tab.problems == []

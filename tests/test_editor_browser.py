"""/aanmelden/ in headless Chromium, as a contributor without git uses it: the three starts filled in by keyboard
only, the live messages, the preview against the built page, the draft, sending through GitHub (the address
turned into an issue body goes through `from-issue`), the YAML download, hostile input and axe.

The site is the session's forms site (conftest.py: one practice renamed, the GitHub repository set); each test
that runs `from-issue` works on its own git copy of that repository.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from checkers import MODES, WCAG_21_AA, axe_violations, checking_context, describe, finish_animations
from helpers import PROJECT_ROOT, STORAGE_BLOCKED, STORAGE_FULL
from issue_forms import CHANGE_FORM, PRACTICE_FORM, issue_body, prefilled_answers
from praktijkbank.cli.contribute import EXIT_CHANGED
from praktijkbank.common.urls import EDITOR, practice_url
from praktijkbank.common.ways_in import MAX_MAILTO_LENGTH, NOTHING_SET_UP, ROUTES, TOO_LONG, practice_context
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import build_catalog
from praktijkbank.validate.checker import validate_repository
from real_data import A_PRACTICE
from sites import FORMS_CONTACT, FORMS_REPOSITORY
from test_collections import NEW_ID, RENAMED
from test_contribute import run
from test_ways_in import followed_mail

pytestmark = pytest.mark.browser

MAX_TABS = 400
DESCRIPTION_LENGTH = json.loads((PROJECT_ROOT / "schemas" / "practice.schema.json").read_text(encoding="utf-8"))[
    "properties"]["description"]["maxLength"]
HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>[x](javascript:window.pwned=3)'


@pytest.fixture(scope="module")
def catalog(forms_site):
    return build_catalog(validate_repository(Repository(forms_site[0])))


@pytest.fixture
def tab(browser, forms_url: str) -> Iterator[object]:
    """A fresh browser (empty storage) in the Dutch time zone, as its contributors are, that records script
    errors, with downloads and the clipboard allowed."""
    context = browser.new_context(accept_downloads=True, timezone_id="Europe/Amsterdam")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=forms_url.rstrip("/"))
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("console", lambda message: message.type == "error" and "404" not in message.text
            and page.problems.append(message.text))
    yield page
    context.close()


@pytest.fixture
def work(forms_site, tmp_path: Path) -> Path:
    """A git copy of the forms site's repository for one test to change, so `git diff` shows the change."""
    root = shutil.copytree(forms_site[0], tmp_path / "repository")
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)
    return root


def open_editor(tab, forms_url: str, query: str = "") -> None:
    tab.goto(forms_url + EDITOR + query)
    expect(tab.locator(".pb-editor__app")).to_be_visible()


def tab_to(tab, element_id: str) -> None:
    """Press Tab until the element has the focus: the keyboard is the only way in."""
    for _ in range(MAX_TABS):
        if tab.evaluate("document.activeElement.id") == element_id:
            return
        tab.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} cannot be reached with Tab")


def type_into(tab, element_id: str, text: str) -> None:
    """Reach the field by Tab, empty it and enter the text as one input, as a paste or a phone's keyboard does
    (the tests that need each key press type it themselves)."""
    tab_to(tab, element_id)
    tab.keyboard.press("Control+A")
    tab.keyboard.press("Delete")
    tab.keyboard.insert_text(text)


def tick(tab, element_id: str) -> None:
    tab_to(tab, element_id)
    tab.keyboard.press("Space")


def choose_municipality(tab, typed: str) -> None:
    type_into(tab, "veld-municipalities", typed)
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("Enter")


def choose_option(tab, element_id: str, label: str) -> None:
    """A select by keyboard: focus it and type the start of the option's label."""
    tab_to(tab, element_id)
    tab.keyboard.type(label)


ERROR_OF = """(id) => {
    const control = document.getElementById(id);
    const group = control.closest("fieldset.pb-field") ?? control;
    const ids = (control.getAttribute("aria-describedby") || group.getAttribute("aria-describedby") || "").split(" ");
    return ids.map((one) => document.getElementById(one)).filter((node) => node && !node.hidden
        && node.classList.contains("pb-field__error")).map((node) => node.textContent).join(" ");
}"""


def error_of(tab, element_id: str, *, becomes: str | None = None) -> str:
    """The error message a control's aria-describedby points at (what a screen reader reads with it). With
    `becomes`, once it says that: the checks load when the form is first focused, and a busy machine may still be
    loading them when the first field is left (the message then appears as soon as they are there)."""
    if becomes is not None:
        try:
            tab.wait_for_function(f"([id, text]) => ({ERROR_OF})(id) === text", arg=[element_id, becomes],
                                  timeout=10_000)
        except PlaywrightTimeoutError:
            pass  # the assertion that follows shows what the field says instead
    return tab.evaluate(ERROR_OF, element_id)


def submit(tab) -> None:
    tab_to(tab, "pb-editor-submit")
    tab.keyboard.press("Enter")


def fill_new_practice(tab) -> None:
    tick(tab, "veld-themes")  # the first theme
    type_into(tab, "veld-title", "Taalcafé in de bibliotheek van Dalfsen")
    type_into(tab, "veld-summary", "Inwoners oefenen elke week samen Nederlands in de bibliotheek, met vrijwilligers.")
    type_into(tab, "veld-description", "## Hoe het werkt\n\nElke dinsdag praten inwoners met vrijwilligers.\n\n- koffie\n- een thema")
    choose_municipality(tab, "Dalfs")
    type_into(tab, "veld-organisations-0-name", "Bibliotheek Dalfsen")
    choose_option(tab, "veld-organisations-0-type", "Bibliotheek")
    tab_to(tab, "veld-organisations")
    tab.keyboard.press("Enter")  # Organisatie toevoegen: the focus moves to the new row's name
    tab.keyboard.type("Welzijn Dalfsen")
    choose_option(tab, "veld-organisations-1-type", "Welzijn")
    tick(tab, "veld-target-groups")
    tab_to(tab, "veld-status")
    tab.keyboard.press("Space")
    type_into(tab, "veld-start", "2024")
    type_into(tab, "veld-source-title", "Een artikel over het taalcafé")
    type_into(tab, "veld-source-url", "https://www.voorbeeld.example/taalcafe")
    type_into(tab, "veld-lessons", "Begin klein.\nVraag vrijwilligers uit de wijk.")


def downloaded_yaml(tab, target: Path) -> Path:
    with tab.expect_download() as download:
        tab_to(tab, "pb-editor-yaml")
        tab.keyboard.press("Enter")
    path = target / download.value.suggested_filename
    download.value.save_as(path)
    return path


def test_a_new_practice_by_keyboard_becomes_the_same_file_by_download_and_by_the_form(tab, forms_url, catalog,
                                                                                     work: Path, tmp_path: Path) -> None:
    """Made half an hour after midnight in the Netherlands: the file is dated by the day in UTC, the calendar
    the build counts in, so its first check does not find it dated in the future."""
    tab.clock.set_fixed_time("2026-03-28T23:30:00Z")
    open_editor(tab, forms_url)
    fill_new_practice(tab)
    submit(tab)

    expect(tab.locator(".pb-editor__issue")).to_be_focused()
    address = tab.locator(".pb-editor__issue").get_attribute("href")
    assert address.startswith(f"{FORMS_REPOSITORY}/issues/new?template=praktijk-aanmelden.yml&title=Praktijk")
    left_out = tab.locator(".pb-editor__left-out li").all_inner_texts()
    assert [text.split("\n")[0].strip().removesuffix("Kopieer").strip() for text in left_out] == ["Titel"], \
        "GitHub fills the issue title itself; the answer to Titel is offered to copy"

    tab.get_by_role("button", name="Kopieer de tekst").press("Enter")
    copied = tab.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith("### Titel\n\nTaalcafé in de bibliotheek van Dalfsen\n\n### Samenvatting\n\n")
    assert "### Gemeenten\n\nDalfsen\n\n" in copied

    file = downloaded_yaml(tab, tmp_path)
    assert file.name == "taalcafe-in-de-bibliotheek-van-dalfsen.yml"
    shutil.copy(file, work / "practices" / file.name)
    checked = run("validate", "--root", work, work / "practices" / file.name, "--zonder-waarschuwingen")
    assert checked.returncode == 0, checked.stdout
    downloaded = yaml.safe_load(file.read_text(encoding="utf-8"))
    assert str(downloaded["added"]) == "2026-03-28"
    (work / "practices" / file.name).unlink()

    body = tmp_path / "issue.md"
    answers = prefilled_answers(address) | {"title": "Taalcafé in de bibliotheek van Dalfsen"}
    body.write_text(issue_body(PRACTICE_FORM, answers), encoding="utf-8")
    result = run("from-issue", body, "--root", work, "--added", str(downloaded["added"]))
    assert result.returncode == 0, result.stdout + result.stderr
    made = yaml.safe_load((work / "practices" / file.name).read_text(encoding="utf-8"))
    assert made == downloaded
    assert tab.problems == []


def send_by_mail(tab) -> None:
    """Verstuur per e-mail, by keyboard: the editor then offers the mail link (and focuses it)."""
    tab_to(tab, "pb-editor-mail")
    tab.keyboard.press("Enter")
    expect(tab.locator(".pb-editor__mail")).to_be_focused()
    assert len(tab.locator(".pb-editor__mail").get_attribute("href")) <= MAX_MAILTO_LENGTH


def copied_answers(tab) -> str:
    tab.get_by_role("button", name="Kopieer de tekst").press("Enter")
    return tab.evaluate("() => navigator.clipboard.readText()")


def test_a_description_of_the_longest_length_reaches_the_mail_whole_through_the_clipboard(tab, forms_url) -> None:
    longest = "Elke dinsdag praten inwoners met vrijwilligers over het nieuws van de week.\n\n"
    description = (longest * (DESCRIPTION_LENGTH // len(longest) + 1))[:DESCRIPTION_LENGTH - 1].strip() + "."
    open_editor(tab, forms_url)
    fill_new_practice(tab)
    type_into(tab, "veld-description", description)

    send_by_mail(tab)
    assert "Je antwoorden staan op het klembord" in tab.locator(".pb-editor__status").inner_text()
    mail, clipboard = followed_mail(tab, tab.locator(".pb-editor__mail"))
    copied = copied_answers(tab)

    assert mail["to"] == FORMS_CONTACT and mail["subject"] == ROUTES["praktijk-aanmelden"].subject
    assert mail["body"] == f"Nieuwe praktijk: Taalcafé in de bibliotheek van Dalfsen\n\n{TOO_LONG}"
    assert clipboard == copied and f"### Beschrijving\n\n{description}\n\n" in copied
    assert "klembord" in tab.locator(".pb-editor__result-text").inner_text()
    expect(tab.get_by_role("button", name="Kopieer de tekst")).to_be_visible()
    assert tab.locator(".pb-editor__issue").is_hidden()
    assert tab.problems == []


def test_a_change_by_mail_names_the_practice_and_holds_what_changed(tab, forms_url, catalog) -> None:
    practice = catalog.practices[NEW_ID]
    open_editor(tab, forms_url, f"?wijzig={RENAMED}")
    type_into(tab, "veld-summary", practice.summary.rstrip(".") + ", ook in de zomer.")
    type_into(tab, "veld-remark", "De zomer hoort er nu ook bij, zegt de bibliotheek.")

    send_by_mail(tab)
    mail, clipboard = followed_mail(tab, tab.locator(".pb-editor__mail"))

    assert clipboard == "", "it fits in the link"
    assert mail["subject"] == ROUTES["wijziging-voorstellen"].subject
    context = practice_context(NEW_ID, forms_url + practice_url(NEW_ID))
    assert mail["body"] == f"{context}\n\n{copied_answers(tab)}".rstrip("\n") + "\n"
    assert "### Samenvatting" in mail["body"] and "### Titel" not in mail["body"], "only what changed"
    assert "al je antwoorden" in tab.locator(".pb-editor__result-text").inner_text()
    assert tab.problems == []


def test_the_messages_appear_while_typing_and_are_linked_to_their_field(tab, forms_url) -> None:
    open_editor(tab, forms_url)

    tab_to(tab, "veld-title")
    tab.keyboard.type("T" * 121)  # key by key, as the other fields get their text at once
    tab.keyboard.press("Tab")
    expected = "Fout: dit is te lang: gebruik hoogstens 120 tekens."
    assert error_of(tab, "veld-title", becomes=expected) == expected

    type_into(tab, "veld-summary", "Een samenvatting met een \u202eomgekeerde richting erin, lang genoeg.")
    tab.keyboard.press("Tab")
    assert error_of(tab, "veld-summary") == "Fout: hier staat een onzichtbaar teken: U+202E (tekstrichting omkeren)."

    type_into(tab, "veld-municipalities", "Dalfsenn")
    tab.keyboard.press("Enter")
    assert error_of(tab, "veld-municipalities") == "Fout: onbekende gemeente 'Dalfsenn'; bedoelde je 'Dalfsen'?"

    type_into(tab, "veld-municipalities", "Den Haag")
    tab.keyboard.press("Enter")
    expect(tab.locator(".pb-combobox__chip")).to_have_text(["'s-Gravenhage×"])
    assert error_of(tab, "veld-municipalities") == ""

    type_into(tab, "veld-description", "")
    tab.keyboard.press("Tab")
    assert error_of(tab, "veld-description") == "", "an empty field is not an error before sending"
    submit(tab)
    summary = tab.locator(".pb-editor__summary")
    expect(summary).to_be_focused()
    assert "Beschrijving: dit is verplicht: vul iets in." in summary.inner_text()
    assert error_of(tab, "veld-description") == "Fout: dit is verplicht: vul iets in."
    summary.get_by_role("link", name="Beschrijving: dit is verplicht: vul iets in.").press("Enter")
    expect(tab.locator("#veld-description")).to_be_focused()
    assert tab.problems == []


def preview_texts(tab) -> list[str]:
    return tab.evaluate("""() => [...document.querySelectorAll(".pb-editor__page :is(h1,h2,h3,h4,h5,h6,p,li)")]
        .map((node) => node.textContent.replace(/\\s+/g, " ").trim()).filter(Boolean)""")


def page_texts(tab) -> list[str]:
    """The built page's headings, paragraphs and list items of the sections the preview shows."""
    return tab.evaluate("""() => {
        const article = document.querySelector(".md-content article");
        const skip = ".pb-cards, .pb-print-qr, .pb-meta, .pb-in-collections, .pb-contribute, .pb-contribute__about, "
            + ".pb-begrippen, .pb-practice__actions, .pb-map, .md-source-file, .pb-based-on, .pb-adoptions";
        const stop = [...article.querySelectorAll("h2")].find((heading) =>
            ["In collecties", "Verwante praktijken", "Verbeteren of overnemen", "Ook gedaan in", "Begrippen op deze pagina"]
                .includes(heading.textContent.trim()));
        return [...article.querySelectorAll("h1,h2,h3,h4,h5,h6,p,li")]
            .filter((node) => !node.closest(skip) && !(stop && (stop.compareDocumentPosition(node) & 4) || node === stop))
            .map((node) => node.textContent.replace(/\\s+/g, " ").trim()).filter(Boolean);
    }""")


def test_the_preview_shows_the_headings_paragraphs_and_list_items_of_the_built_page(tab, forms_url, catalog) -> None:
    practice = max(catalog.practices.values(), key=lambda item: (item.description.count("\n"), item.id))
    tab.goto(forms_url + practice_url(practice.id))
    built = page_texts(tab)

    open_editor(tab, forms_url, f"?wijzig={practice.id}")
    expect(tab.locator(".pb-editor__page")).not_to_have_attribute("aria-busy", re.compile(".*"))
    shown = preview_texts(tab)

    assert shown == built
    assert len(shown) > 8


def test_a_change_by_an_old_id_sends_only_what_changed_and_becomes_a_minimal_diff(tab, forms_url, catalog, work: Path,
                                                                                  tmp_path: Path) -> None:
    practice = catalog.practices[NEW_ID]
    open_editor(tab, forms_url, f"?wijzig={RENAMED}")
    assert f"De praktijk ‘{RENAMED}’ heet nu ‘{NEW_ID}’." in tab.locator(".pb-editor__status").inner_text()
    assert tab.locator("#veld-summary").input_value() == practice.summary
    new_summary = practice.summary.rstrip(".") + ", ook in de zomer."

    type_into(tab, "veld-summary", new_summary)
    type_into(tab, "veld-remark", "De zomer hoort er nu ook bij, zegt de bibliotheek.")
    submit(tab)

    address = tab.locator(".pb-editor__issue").get_attribute("href")
    assert address.startswith(f"{FORMS_REPOSITORY}/issues/new?template=wijziging-voorstellen.yml")
    answers = prefilled_answers(address)
    assert set(answers) == {"id", "remark", "summary"}
    assert answers["id"] == NEW_ID
    body = tmp_path / "issue.md"
    body.write_text(issue_body(CHANGE_FORM, answers), encoding="utf-8")
    result = run("from-issue", body, "--root", work, "--added", practice.added)
    assert result.returncode == EXIT_CHANGED, result.stdout + result.stderr
    diff = subprocess.run(["git", "-C", str(work), "diff", "--unified=0"], capture_output=True, text=True).stdout
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert len(changed) == 2 and changed[1].endswith("ook in de zomer."), diff
    before = yaml.safe_load(subprocess.run(["git", "-C", str(work), "show", f"HEAD:practices/{NEW_ID}.yml"],
                                           capture_output=True, text=True, check=True).stdout)
    after = yaml.safe_load((work / "practices" / f"{NEW_ID}.yml").read_text(encoding="utf-8"))
    assert after == before | {"summary": new_summary}


def test_adopting_copies_what_travels_and_leaves_the_new_place_empty(tab, forms_url, catalog) -> None:
    original = next(practice for practice in catalog.practices.values() if practice.activities)
    open_editor(tab, forms_url, f"?neem-over={original.id}")

    checked = tab.evaluate("""() => [...document.querySelectorAll('input[name="themes"]:checked')].map((box) => box.value)""")
    assert checked == list(original.themes)
    assert tab.locator("#veld-based-on").input_value() == original.id
    assert tab.locator("#veld-activities").input_value() == "\n".join(original.activities)
    assert tab.locator("#veld-title").input_value() == ""
    assert tab.locator(".pb-combobox__chip").count() == 0
    assert tab.evaluate("""() => [...document.querySelectorAll('.pb-organisations-editor input')].every((name) => !name.value)""")

    type_into(tab, "veld-title", "Dezelfde aanpak in een andere gemeente")
    submit(tab)
    expect(tab.locator(".pb-editor__summary")).to_be_focused()

    type_into(tab, "veld-summary", "De bibliotheek doet hier hetzelfde als in het voorbeeld, met eigen partners.")
    type_into(tab, "veld-description", "Wij beginnen dit jaar, naar het voorbeeld van de oorspronkelijke praktijk.")
    choose_municipality(tab, "Hoorn")
    rows = tab.locator(".pb-organisations-editor__row").count()
    for row in range(rows):
        type_into(tab, f"veld-organisations-{row}-name", f"Organisatie {row + 1} in Hoorn")
    tab_to(tab, "veld-status")
    tab.keyboard.press("Space")
    type_into(tab, "veld-source-title", "Een bericht over de start in Hoorn")
    submit(tab)

    expect(tab.locator(".pb-editor__issue")).to_be_focused()
    answers = prefilled_answers(tab.locator(".pb-editor__issue").get_attribute("href"))
    assert tab.locator(".pb-editor__issue").get_attribute("href").startswith(
        f"{FORMS_REPOSITORY}/issues/new?template=praktijk-aanmelden.yml")
    assert answers["based_on"] == original.id
    assert answers["activities"] == "\n".join(original.activities)
    assert tab.problems == []


def test_the_draft_survives_a_reload_and_can_be_thrown_away(tab, forms_url) -> None:
    open_editor(tab, forms_url)
    type_into(tab, "veld-title", "Een titel die blijft staan")
    choose_municipality(tab, "Hoorn")

    tab.reload()
    expect(tab.locator(".pb-editor__app")).to_be_visible()
    assert tab.locator("#veld-title").input_value() == "Een titel die blijft staan"
    expect(tab.locator(".pb-combobox__chip")).to_have_count(1)
    expect(tab.locator(".pb-editor__draft")).to_be_visible()
    assert "is teruggezet" in tab.locator(".pb-editor__draft").inner_text()

    tab.get_by_role("button", name="Concept weggooien").press("Enter")
    assert tab.locator("#veld-title").input_value() == ""
    tab.reload()
    expect(tab.locator(".pb-editor__app")).to_be_visible()
    assert tab.locator("#veld-title").input_value() == ""
    assert tab.locator(".pb-editor__draft").is_hidden()
    other = tab.evaluate("() => Object.keys(localStorage).filter((key) => key.startsWith('praktijkbank-aanmelden'))")
    assert other == []


def test_a_corrupt_draft_is_ignored_with_a_message(tab, forms_url) -> None:
    open_editor(tab, forms_url)
    tab.evaluate("() => localStorage.setItem('praktijkbank-aanmelden:nieuw', '{kapot')")
    tab.reload()
    expect(tab.locator(".pb-editor__app")).to_be_visible()
    assert "Je concept kon niet worden gelezen" in tab.locator(".pb-editor__status").inner_text()
    assert tab.problems == []


def test_a_list_of_municipalities_takes_the_known_ones_and_suggests_for_a_typo(tab, forms_url) -> None:
    open_editor(tab, forms_url)
    type_into(tab, "veld-municipalities", "Dalfsen, Hilversm")
    tab.keyboard.press("Enter")

    expect(tab.locator(".pb-combobox__chip")).to_have_text(["Dalfsen×"])
    assert tab.locator("#veld-municipalities").input_value() == "Hilversm"
    expected = "Fout: onbekende gemeente 'Hilversm'; bedoelde je 'Hilversum'?"
    assert error_of(tab, "veld-municipalities", becomes=expected) == expected
    assert tab.problems == []


NOT_KEPT = "deze browser bewaart je concept niet"


@pytest.mark.parametrize("storage", [STORAGE_FULL, STORAGE_BLOCKED], ids=["vol", "geblokkeerd"])
def test_without_storage_the_editor_works_and_says_the_draft_is_not_kept(tab, forms_url, storage: str) -> None:
    tab.add_init_script(storage)
    open_editor(tab, forms_url)
    type_into(tab, "veld-title", "Een titel die niet blijft staan")

    expect(tab.locator(".pb-editor__status")).to_contain_text(NOT_KEPT)
    expect(tab.locator(".pb-editor__title")).to_have_text("Een titel die niet blijft staan")
    tab.reload()
    expect(tab.locator(".pb-editor__app")).to_be_visible()
    assert tab.locator("#veld-title").input_value() == ""
    assert tab.locator(".pb-editor__draft").is_hidden()
    if storage == STORAGE_BLOCKED:
        expect(tab.locator(".pb-editor__status")).to_contain_text(NOT_KEPT)
    type_into(tab, "veld-title", "Nog een titel")
    expect(tab.locator(".pb-editor__status")).to_contain_text(NOT_KEPT)
    assert tab.problems == []


def test_a_draft_saved_under_an_old_id_is_offered_under_the_new_one(tab, forms_url, catalog) -> None:
    summary = catalog.practices[NEW_ID].summary.rstrip(".") + ", ook in de zomer."
    open_editor(tab, forms_url)
    tab.evaluate("""([key, summary]) => localStorage.setItem(key, JSON.stringify({ saved: "2026-11-23T10:00:00.000Z",
        answers: { summary } }))""", [f"praktijkbank-aanmelden:wijzig:{RENAMED}", summary])

    open_editor(tab, forms_url, f"?wijzig={NEW_ID}")

    assert tab.locator("#veld-summary").input_value() == summary
    expect(tab.locator(".pb-editor__draft")).to_be_visible()
    stored = tab.evaluate("() => Object.keys(localStorage).filter((key) => key.startsWith('praktijkbank-aanmelden'))")
    assert stored == [f"praktijkbank-aanmelden:wijzig:{NEW_ID}"]
    assert tab.problems == []


@pytest.mark.parametrize(("asked", "expected"), [
    ("", "In het adres staat niet welke praktijk"), (f" {NEW_ID.upper()} ", f"Je opent de praktijk ‘{NEW_ID}’")])
def test_an_empty_or_differently_written_id_is_named_and_the_address_settled(tab, forms_url, asked, expected) -> None:
    open_editor(tab, forms_url, f"?wijzig={asked}")

    expect(tab.locator(".pb-editor__status")).to_contain_text(expected)
    assert tab.url == forms_url + EDITOR + (f"?wijzig={NEW_ID}" if asked else "")
    assert tab.locator("#veld-remark").count() == (1 if asked else 0), "a change has a remark; a new practice none"
    assert tab.locator(".pb-editor__status").evaluate("(node) => getComputedStyle(node).borderLeftStyle") == "solid", \
        "a notice looks like the site's notices"
    type_into(tab, "veld-summary", "Een andere samenvatting, die lang genoeg is om te tellen.")
    expect(tab.locator(".pb-editor__status")).to_have_text("")


def test_hostile_text_in_every_field_runs_nothing_and_stays_text(tab, forms_url) -> None:
    open_editor(tab, forms_url)
    for element_id in tab.evaluate("""() => [...document.querySelectorAll('.pb-editor__fields input[type=text], '
            + '.pb-editor__fields textarea')].map((control) => control.id)"""):
        tab.locator(f"#{element_id}").fill(HOSTILE)
        tab.locator(f"#{element_id}").blur()
    tab.evaluate("() => localStorage.setItem('praktijkbank-aanmelden:nieuw', JSON.stringify({ saved: '<b>', "
                 "answers: { title: '<img src=x onerror=window.pwned=4>', organisations: [{ name: '<svg onload=window.pwned=5>', type: 'x', role: 'y' }] } }))")
    tab.reload()
    expect(tab.locator(".pb-editor__app")).to_be_visible()
    submit(tab)

    assert tab.evaluate("() => window.pwned") is None
    assert tab.locator(".pb-editor__page img, .pb-editor__page script, .pb-editor__page svg").count() == 0
    assert tab.evaluate("() => [...document.querySelectorAll('.pb-editor__page a')].every((link) => !link.href.startsWith('javascript:'))")
    assert tab.problems == []


def test_without_javascript_the_page_points_to_the_other_routes(browser, forms_url) -> None:
    """The practice pages' links themselves: tests/test_browser_change.py."""
    plain = browser.new_context(java_script_enabled=False)
    page = plain.new_page()
    page.goto(forms_url + EDITOR)
    assert "werkt alleen met JavaScript" in page.locator(".pb-editor__fallback").inner_text()
    fallback = page.locator(".pb-editor__fallback")
    assert fallback.get_by_role("link", name="een praktijk toevoegen").get_attribute("href").endswith("bijdragen/")
    assert fallback.get_by_role("link", name=ROUTES["praktijk-aanmelden"].mail_text).get_attribute("href").startswith(f"mailto:{FORMS_CONTACT}?")
    assert page.locator(".pb-editor__app").is_hidden()
    plain.close()


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("state", ["empty", "errors", "change", "sent by e-mail"])
def test_axe_finds_nothing_on_the_editor(browser, forms_url, catalog, mode: str, state: str) -> None:
    context = checking_context(browser, **MODES[mode])
    page = context.new_page()
    open_editor(page, forms_url, f"?wijzig={sorted(catalog.practices)[0]}" if state in ("change", "sent by e-mail") else "")
    if state == "errors":
        page.locator("#veld-municipalities").fill("Dalfsenn")
        page.locator("#veld-municipalities").press("Enter")
        page.locator("#pb-editor-submit").click()
        expect(page.locator(".pb-editor__summary")).to_be_visible()
    if state == "sent by e-mail":
        page.locator("#veld-remark").fill("De openingstijden zijn veranderd, zegt de bibliotheek.")
        page.locator("#pb-editor-mail").click()
        expect(page.locator(".pb-editor__mail")).to_be_visible()
    finish_animations(page)
    violations = axe_violations(page, WCAG_21_AA)
    context.close()
    assert violations == [], describe(violations)


def test_without_a_repository_or_contact_the_page_says_no_way_in_is_set_up(browser, base_url) -> None:
    context = browser.new_context()
    page = context.new_page()
    open_editor(page, base_url, f"?wijzig={A_PRACTICE.id}")
    assert NOTHING_SET_UP in page.locator(".pb-editor__send").inner_text()
    page.locator("#veld-remark").fill("De openingstijden zijn veranderd, zegt de bibliotheek.")
    page.get_by_role("button", name="Controleer").click()

    result = page.locator(".pb-editor__result")
    expect(result).to_contain_text("Op deze site is nog geen manier ingesteld om het naar de redactie te sturen.")
    expect(page.locator(".pb-editor__result-text")).to_be_focused()
    assert result.get_by_role("link", name="een praktijk toevoegen").get_attribute("href").endswith("bijdragen/")
    assert page.locator(".pb-editor__issue").is_hidden() and page.locator(".pb-editor__mail").is_hidden()
    context.close()

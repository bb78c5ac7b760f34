"""The browser modules of "Mijn selectie", run in headless Chromium straight from docs/javascripts/: the
share link (round trip, length limits, tampered links), the stored selection (what a corrupt value does) and
the collection id.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from helpers import PROJECT_ROOT, serve
from praktijkbank.common.form_links import MAX_FORM_URL_LENGTH
from praktijkbank.common.urls import selection_url
from praktijkbank.validate.rules import slugify

pytestmark = pytest.mark.browser

PAGE = "http://selectie.test/selectie/"
PRACTICE_IDS = sorted(path.stem for path in (PROJECT_ROOT / "practices").glob("*.yml") if not path.stem.startswith("_"))


@pytest.fixture(scope="module")
def modules(browser) -> Iterator[object]:
    """A page on a server of docs/, with the selection's modules imported as `window.m`."""
    with serve(PROJECT_ROOT / "docs") as base:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(base + "javascripts/vendor/README.txt")
        tab.evaluate("""async () => {
            const [link, store, collection] = await Promise.all(["selectie-link.js", "selectie-opslag.js",
                "selectie-collectie.js"].map((name) => import(`/javascripts/selectie/${name}`)));
            window.m = { ...link, ...store, ...collection };
        }""")
        yield tab
        context.close()


def call(tab, function: str, *arguments: object) -> object:
    return tab.evaluate(f"([args]) => window.m.{function}(...args)", [list(arguments)])


def selection(count: int, note: str = "", title: str = "Voorbeelden", intro: str = "") -> dict:
    ids = (PRACTICE_IDS * (count // len(PRACTICE_IDS) + 1))[:count]
    ids = [f"{practice_id}-{number}" if number >= len(PRACTICE_IDS) else practice_id
           for number, practice_id in enumerate(ids)]
    return {"title": title, "intro": intro, "items": [{"id": practice_id, "note": note} for practice_id in ids]}


def test_a_selection_survives_the_round_trip_through_a_link(modules) -> None:
    original = {"title": "Zó doen we het: lezen & taal = 100% #1 + meer", "intro": "Regel één\nregel twee?",
                "items": [{"id": PRACTICE_IDS[0], "note": "Waarom? Omdat… ‘het’ werkt!"},
                          {"id": PRACTICE_IDS[1], "note": ""},
                          {"id": PRACTICE_IDS[2], "note": "Derde & laatste"}]}

    query = call(modules, "encodeSelection", original)

    assert call(modules, "decodeSelection", query) == {"selection": original, "ignored": 0}
    assert call(modules, "isSharedLink", "?" + query) is True
    assert call(modules, "isSharedLink", "?q=iets") is False


def test_a_collection_link_written_by_the_site_is_read_with_its_id(modules) -> None:
    """The collection pages write the link in Python (common/urls.py); the browser reads the same fields."""
    items = [(PRACTICE_IDS[0], "Omdat het werkt & blijft"), (PRACTICE_IDS[1], "")]
    link = selection_url("Een collectie", "Inleiding\n\nmet **Markdown**", items, "congres-2027")

    decoded = call(modules, "decodeSelection", "?" + link.split("?", 1)[1])
    tampered = call(modules, "decodeSelection", f"?p={PRACTICE_IDS[0]}&c=../../etc")

    assert decoded == {"ignored": 0, "selection": {
        "title": "Een collectie", "intro": "Inleiding\n\nmet **Markdown**", "collection": "congres-2027",
        "items": [{"id": item_id, "note": note} for item_id, note in items]}}
    assert "collection" not in tampered["selection"]
    assert call(modules, "encodeSelection", decoded["selection"]).endswith("&c=congres-2027")
    form = call(modules, "issueFormUrl", "https://github.com/voorbeeld/praktijkbank", decoded["selection"],
                [{"id": item_id, "note": note} for item_id, note in items], MAX_FORM_URL_LENGTH)
    assert "collection_id=congres-2027" in form["url"]


def test_empty_notes_at_the_end_are_left_out_and_the_rest_stay_in_order(modules) -> None:
    chosen = {"title": "", "intro": "", "items": [{"id": PRACTICE_IDS[0], "note": ""},
                                                  {"id": PRACTICE_IDS[1], "note": "Tweede"},
                                                  {"id": PRACTICE_IDS[2], "note": ""}]}

    query = call(modules, "encodeSelection", chosen)

    assert query == f"p={'.'.join(PRACTICE_IDS[:3])}&n=&n=Tweede"
    assert call(modules, "decodeSelection", query)["selection"] == chosen


def test_ten_practices_with_short_notes_make_a_link_well_under_2000_characters(modules) -> None:
    chosen = selection(10, note="Een mooi voorbeeld van samenwerken met welzijn in de wijk.",
                       title="Zes praktijken voor de sessie van vandaag", intro="Voorbeelden voor de netwerkdag.")

    link = call(modules, "shareLink", chosen, PAGE)

    assert link["status"] == "complete"
    assert len(link["url"]) < 1500
    assert call(modules, "decodeSelection", link["url"].split("?", 1)[1])["selection"] == chosen


def test_plain_parameters_are_shorter_than_base64_of_json_for_dutch_text(modules) -> None:
    """Why the link uses URL parameters: measured on a typical selection."""
    chosen = selection(10, note="Een mooi voorbeeld van samenwerken met welzijn in de wijk.",
                       title="Zes praktijken voor de sessie van vandaag", intro="Voorbeelden voor de netwerkdag.")
    parameters = call(modules, "encodeSelection", chosen)
    base64 = modules.evaluate("""(s) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(s))))
        .replace(/=+$/, "").length""", chosen)

    assert len(parameters) < base64


def test_a_link_that_would_be_too_long_leaves_out_the_notes_and_says_so(modules) -> None:
    chosen = selection(10, note="Een lange toelichting. " * 12, intro="Een inleiding.")

    link = call(modules, "shareLink", chosen, PAGE)

    assert link["status"] == "without-texts"
    assert len(link["url"]) <= 2000
    decoded = call(modules, "decodeSelection", link["url"].split("?", 1)[1])["selection"]
    assert [item["id"] for item in decoded["items"]] == [item["id"] for item in chosen["items"]]
    assert {item["note"] for item in decoded["items"]} == {""} and decoded["intro"] == ""


def test_a_selection_too_big_for_any_link_is_not_shared_as_one(modules) -> None:
    chosen = selection(50)
    for item in chosen["items"]:
        item["id"] = (item["id"] + "-" + "x" * 80)[:80].rstrip("-")

    assert call(modules, "shareLink", chosen, PAGE) == {"url": "", "status": "too-long"}


def test_the_qr_link_carries_only_the_title_and_the_practices(modules) -> None:
    chosen = selection(3, note="Een toelichting", intro="Een inleiding")

    link = call(modules, "qrLink", chosen, PAGE)

    assert link == f"{PAGE}?t=Voorbeelden&p={'.'.join(PRACTICE_IDS[:3])}"


@pytest.mark.parametrize("query", [
    "p=../../etc/passwd.javascript:alert(1).<script>", "p=Hoofdletters.met%20spatie.a--b.-a", "p=" + "a" * 81,
])
def test_a_tampered_link_loses_what_is_no_practice_id_and_counts_it(modules, query: str) -> None:
    decoded = call(modules, "decodeSelection", f"{query}.{PRACTICE_IDS[0]}")

    assert decoded["selection"]["items"] == [{"id": PRACTICE_IDS[0], "note": ""}]
    assert decoded["ignored"] >= 1


def test_texts_from_a_link_are_cut_to_the_limits_and_lose_invisible_characters(modules) -> None:
    limits = modules.evaluate("() => window.m.LIMITS")
    query = ("t=" + "T" * 500 + "&i=" + "I" * 6000 + f"&p={PRACTICE_IDS[0]}.{PRACTICE_IDS[0]}&n="
             + "N" * 5000 + "&n=dubbel" + "&x=onbekend")

    decoded = call(modules, "decodeSelection", query)
    chosen = decoded["selection"]

    assert (len(chosen["title"]), len(chosen["intro"])) == (limits["title"], limits["intro"])
    assert chosen["items"] == [{"id": PRACTICE_IDS[0], "note": "N" * limits["note"]}]
    assert decoded["ignored"] == 1, "the repeated id"
    spoofed = call(modules, "decodeSelection", "t=gpj.exe%E2%80%AEabc%E2%80%8B%00&p=" + PRACTICE_IDS[0])
    assert spoofed["selection"]["title"] == "gpj.exeabc"


@pytest.mark.parametrize("stored", ["{niet json", "null", "42", '"tekst"', "[]", '{"items": "geen lijst"}',
                                    '{"items": [null, 1, {"id": 5}, {"id": "<b>x</b>"}], "title": {"a": 1}}'])
def test_a_corrupt_stored_selection_is_ignored_without_an_error(modules, stored: str) -> None:
    result = modules.evaluate("""(stored) => {
        localStorage.setItem("praktijkbank-selectie", stored);
        return window.m.readSelection();
    }""", stored)

    assert result["selection"] == {"title": "", "intro": "", "items": []}
    assert result["problem"] == ("Je bewaarde selectie kon niet worden gelezen. Je begint met een lege selectie."
                                 if stored == "{niet json" else "")


def test_saving_toggles_a_practice_and_keeps_the_order(modules) -> None:
    result = modules.evaluate("""(ids) => {
        localStorage.clear();
        const added = ids.map((id) => window.m.toggleSelected(id));
        const removed = window.m.toggleSelected(ids[1]);
        return { added, removed, selection: window.m.readSelection().selection };
    }""", PRACTICE_IDS[:3])

    assert result["added"] == [True, True, True] and result["removed"] is False
    assert [item["id"] for item in result["selection"]["items"]] == [PRACTICE_IDS[0], PRACTICE_IDS[2]]


@pytest.mark.parametrize("title", ["Zó doen we het: lezen & taal!", "  Één   twee  ", "Café-ontmoetingen 2027",
                                   "x" * 100 + " y"])
def test_the_proposed_collection_id_is_the_one_from_issue_would_make(modules, title: str) -> None:
    assert call(modules, "collectionId", title) == slugify(title)


def test_the_issue_form_address_carries_the_form_fields(modules) -> None:
    chosen = selection(2, note="")
    practices = [{"id": PRACTICE_IDS[0], "note": "Een reden"}, {"id": PRACTICE_IDS[1], "note": ""}]

    form = call(modules, "issueFormUrl", "https://github.com/voorbeeld/praktijkbank/", chosen, practices,
                MAX_FORM_URL_LENGTH)
    address = form["url"]

    assert form["complete"] is True
    assert address.startswith("https://github.com/voorbeeld/praktijkbank/issues/new?template=collectie-aanmelden.yml&")
    assert f"practices={PRACTICE_IDS[0]}%3A+Een+reden%0A{PRACTICE_IDS[1]}" in address


def test_an_issue_form_address_too_long_for_github_leaves_out_the_notes(modules) -> None:
    chosen = selection(50, note="Een lange toelichting. " * 12)
    practices = [{"id": item["id"], "note": item["note"]} for item in chosen["items"]]

    form = call(modules, "issueFormUrl", "https://github.com/voorbeeld/praktijkbank", chosen, practices,
                MAX_FORM_URL_LENGTH)

    assert form["complete"] is False
    assert len(form["url"]) <= MAX_FORM_URL_LENGTH
    assert "toelichting" not in form["url"] and chosen["items"][-1]["id"] in form["url"]


"""A way in without a GitHub account, and hand-written pages that lead where they say: every route to a GitHub
form or file is a working link when the site has a repository, offers a mail named for what it sends ("Mail een
nieuwe praktijk") when it has the editors' address, and says plainly that nothing is set up when it has neither. The e-mail stays within what mail
programs accept; when the text does not fit, it asks to paste what the browser put on the clipboard.

The hand-written pages are rendered by the core with the site's own mkdocs.yml (the same route MkDocs takes:
the extension is named there), and the MkDocs build gives the same links.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import PROJECT_ROOT, VALID_PRACTICE
from praktijkbank.common.ways_in import (
    MAX_MAILTO_LENGTH,
    NOTHING_SET_UP,
    ROUTES,
    TOO_LONG,
    UnknownRoute,
    WaysIn,
    mailto,
)
from praktijkbank.common.urls import EDITOR
from praktijkbank.load.repository import Repository
from praktijkbank.load.site_config import read_site_config
from praktijkbank.model.catalog import build_catalog
from praktijkbank.render.docs_pages import docs_pages
from praktijkbank.render.editor_page import editor_page
from praktijkbank.render.maps import read_base_map
from praktijkbank.render.pages import PageRenderer
from praktijkbank.validate.checker import validate_repository
from praktijkbank.render.ways_in_markdown import NOT_SET_UP, SCHEME

REPOSITORY = "https://github.com/voorbeeld/praktijkbank"
CONTACT = "redactie@praktijkbank.example"
EXTENSION = "praktijkbank.render.ways_in_markdown"
# The pages that mention a form, an issue or a file of the repository.
PAGES_WITH_ROUTES = ("bijdragen/", "bijdragen-met-github/", "over/", "opnamecriteria/", "toegankelijkheid/", "collecties-maken/")
HREF = re.compile(r'href="([^"]*)"')


def mail_fields(url: str) -> dict[str, str]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    return {name: values[0] for name, values in parse_qs(parts.query).items()} | {"to": unquote(parts.path)}


def followed_mail(page, link) -> tuple[dict[str, str], str]:
    """Follow a mail link as a visitor does (Enter on it), the navigation to mailto: caught in the page so no mail
    program opens: what reaches the mail program, as the mail's fields (line breaks as in the page, \\n) and what
    the page put on the clipboard for it ("" when it put nothing there)."""
    page.evaluate("""async () => {
        await navigator.clipboard.writeText("");
        window.clipboardWrites = 0;
        if (!window.countsClipboardWrites) {
            const write = navigator.clipboard.writeText.bind(navigator.clipboard);
            navigator.clipboard.writeText = (text) => write(text).finally(() => { window.clipboardWrites += 1; });
            window.countsClipboardWrites = true;
        }
        window.followedMail = null;
        window.addEventListener("click", (event) => {
            const followed = event.target.closest('a[href^="mailto:"]');
            if (followed) { event.preventDefault(); window.followedMail = followed.href; }
        }, { once: true });
    }""")
    link.press("Enter")
    page.wait_for_function("() => window.followedMail")
    mail = {name: text.replace("\r\n", "\n") for name, text in
            mail_fields(page.evaluate("() => window.followedMail")).items()}
    if not mail["body"].endswith(TOO_LONG):
        return mail, ""
    page.wait_for_function("() => window.clipboardWrites > 0")
    return mail, page.evaluate("() => navigator.clipboard.readText()")


def test_a_mail_holds_the_subject_and_everything_filled_in_when_there_is_room() -> None:
    mail = mailto(CONTACT, "Nieuwe collectie", "Collectie: Zes praktijken\n\nPraktijken:\n- a\n- b")

    assert mail.complete and len(mail.url) <= MAX_MAILTO_LENGTH
    assert mail_fields(mail.url) == {"to": CONTACT, "subject": "Nieuwe collectie",
                                     "body": "Collectie: Zes praktijken\r\n\r\nPraktijken:\r\n- a\r\n- b"}


def test_a_mail_too_long_for_a_link_keeps_what_it_is_about_and_asks_to_paste_the_rest() -> None:
    mail = mailto(CONTACT, "Nieuwe collectie", "Collectie: Zes praktijken\n\n" + "héél lang " * 300,
                  "Collectie: Zes praktijken")

    assert not mail.complete and len(mail.url) <= MAX_MAILTO_LENGTH
    assert mail_fields(mail.url)["body"] == f"Collectie: Zes praktijken\r\n\r\n{TOO_LONG}"


def test_a_practice_route_names_the_practice_and_its_address() -> None:
    mail = WaysIn(contact=CONTACT).mail("wijziging-voorstellen", "Praktijk: dalfsen\nAdres: https://x.example/p/")

    body = mail_fields(mail.url)["body"]
    assert body.startswith("Praktijk: dalfsen\r\nAdres: https://x.example/p/\r\n\r\n")
    assert ROUTES["wijziging-voorstellen"].ask in body


def test_routes_lead_to_the_form_or_file_on_github_and_to_nothing_without_a_repository() -> None:
    ways_in = WaysIn(REPOSITORY)

    form = urlsplit(ways_in.github_url("wijziging-voorstellen", id="dalfsen-voorleestent"))
    assert form.path == "/voorbeeld/praktijkbank/issues/new"
    assert parse_qs(form.query) == {"template": ["wijziging-voorstellen.yml"], "id": ["dalfsen-voorleestent"]}
    assert ways_in.github_url("sjabloon") == f"{REPOSITORY}/blob/HEAD/practices/_template.yml"
    assert ways_in.github_url("vraag") == f"{REPOSITORY}/issues/new"
    assert ways_in.mail("vraag") is None
    assert WaysIn().github_url("praktijk-aanmelden") is None and WaysIn().nothing_set_up


def test_every_form_a_route_names_exists_in_the_repository() -> None:
    forms = {route.form for route in ROUTES.values() if route.form}
    files = {route.path for route in ROUTES.values() if route.path}
    assert all((PROJECT_ROOT / ".github" / "ISSUE_TEMPLATE" / form).is_file() for form in forms)
    assert all((PROJECT_ROOT / path).is_file() for path in files)


def test_an_unknown_route_is_refused_with_the_known_ones_named() -> None:
    with pytest.raises(UnknownRoute, match="praktijk-aanmelden"):
        WaysIn(REPOSITORY).github_url("bestaat-niet")


def rendered(repository: str = "", contact: str = "") -> dict[str, str]:
    """The hand-written pages as the core renders them with mkdocs.yml, for a site with these addresses."""
    config = read_site_config(PROJECT_ROOT / "mkdocs.yml")
    options = {**config.extension_configs, EXTENSION: {"repository": repository, "contact": contact}}
    return {page.url: page.html for page in docs_pages(replace(config, extension_configs=options))}


@pytest.mark.parametrize("page", PAGES_WITH_ROUTES)
def test_with_a_repository_every_mention_links_to_github_and_offers_mail(page: str) -> None:
    html = rendered(REPOSITORY, CONTACT)[page]
    links = HREF.findall(html)

    assert any(link.startswith(REPOSITORY + "/") for link in links), page
    assert any(link.startswith(f"mailto:{CONTACT}?") for link in links), page
    assert not [link for link in links if link.startswith(SCHEME)] and NOT_SET_UP not in html


@pytest.mark.parametrize("page", PAGES_WITH_ROUTES)
def test_without_a_repository_the_page_offers_mail_or_says_nothing_is_set_up(page: str) -> None:
    by_mail, nothing = rendered(contact=CONTACT)[page], rendered()[page]

    assert REPOSITORY not in by_mail and f"mailto:{CONTACT}?" in by_mail and NOT_SET_UP not in by_mail
    assert "mailto:" not in nothing and "github.com" not in nothing and NOT_SET_UP in nothing
    assert SCHEME not in by_mail + nothing


def test_no_hand_written_page_mentions_an_issue_a_form_or_a_file_without_a_link() -> None:
    mentions = re.compile(r"open (?:dan )?een issue|CONTRIBUTING\.md|_template\.yml|formulier <strong>", re.IGNORECASE)
    for page, html in rendered(REPOSITORY).items():
        outside_links = re.sub(r"<a\b.*?</a>", "", html, flags=re.DOTALL)
        assert not mentions.findall(outside_links), page


def test_each_mail_link_on_the_contributors_page_names_what_it_sends() -> None:
    page = BeautifulSoup(rendered(REPOSITORY, CONTACT)["bijdragen/"], "html.parser")
    mail_links = [link.get_text() for link in page.select('a[href^="mailto:"]')]

    assert len(mail_links) >= 4 and all(text.lower().startswith(("mail ", "vraag ")) for text in mail_links)
    assert {text.lower() for text in mail_links} >= {route.mail_text.lower() for route in (
        ROUTES["praktijk-aanmelden"], ROUTES["wijziging-voorstellen"], ROUTES["collectie-wijzigen"])}
    assert "per e-mail" not in mail_links


def test_the_contributors_page_starts_with_the_editor_and_keeps_git_words_on_the_github_page() -> None:
    pages = rendered(REPOSITORY, CONTACT)
    text = BeautifulSoup(pages["bijdragen/"], "html.parser").get_text()
    first_link = BeautifulSoup(pages["bijdragen/"], "html.parser").select_one("a[href]")["href"]

    assert first_link.startswith("aanmelden/"), "the editor on the site comes first"
    for word in ("aliases", "withdrawn", "Edit this file", "CONTRIBUTING", "YAML", "pull request", "repository"):
        assert word not in text, word
    github = BeautifulSoup(pages["bijdragen-met-github/"], "html.parser")
    assert "aliases" in github.get_text() and "withdrawn" in github.get_text()
    assert github.select_one(f'a[href="{REPOSITORY}/blob/HEAD/CONTRIBUTING.md"]') is not None


def test_the_home_page_leads_to_the_editor(built_site: Path) -> None:
    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.find("a", string="Voeg een praktijk toe")["href"] == EDITOR


def test_the_mkdocs_build_gives_the_hand_written_pages_the_same_links(built_site: Path) -> None:
    config = read_site_config(PROJECT_ROOT / "mkdocs.yml")
    core = {page.url: page.html for page in docs_pages(config)}
    for page in PAGES_WITH_ROUTES:
        built = (built_site / page / "index.html").read_text(encoding="utf-8")
        article = built[built.index("<article"):built.index("</article>")]
        assert NOT_SET_UP in core[page] and NOT_SET_UP in article, page
        expected = {link for link in HREF.findall(core[page]) if "://" in link or link.startswith("mailto:")}
        assert expected <= set(HREF.findall(article)), page


@pytest.mark.browser
def test_the_browser_writes_the_same_mail_links_as_the_build(page, base_url: str) -> None:
    cases = [(CONTACT, "Nieuwe collectie", "Collectie: Zó gaat het!\n\n- a (x): 'quote' *ster* ~tilde~", "kort"),
             ("rédactie+pb@voorbeeld.example", "Vraag (1)", "é" * 400, "Collectie: lang"),
             (CONTACT, "Te lang", "woorden " * 400, "")]
    page.goto(base_url + "selectie/")

    found = page.evaluate("""async (cases) => {
        const { mailto } = await import(new URL("../javascripts/gedeeld/mailto.js", location.href).href);
        return cases.map(([contact, subject, body, short]) => mailto(contact, subject, body, short));
    }""", cases)

    assert found == [{"url": mail.url, "complete": mail.complete} for mail in (mailto(*case) for case in cases)]
    assert [case["complete"] for case in found] == [True, False, False]
    assert page.evaluate("""async () => (await import(new URL("../javascripts/gedeeld/mailto.js", location.href).href))
        .TOO_LONG""") == TOO_LONG


def test_a_repository_that_is_no_https_address_counts_as_none() -> None:
    assert WaysIn("github.com/voorbeeld/praktijkbank").github_url("vraag") is None


@pytest.mark.parametrize(("ways_in", "expected"), [
    (WaysIn(REPOSITORY, CONTACT), {"Stel een wijziging voor", "mail een wijziging"}),
    (WaysIn(contact=CONTACT), {"Stel per e-mail een wijziging voor"}),
    (WaysIn(), set()),
])
def test_the_review_page_gives_each_due_practice_its_change_routes(make_repository, tmp_path: Path, ways_in: WaysIn,
                                                                   expected: set[str]) -> None:
    path = tmp_path / VALID_PRACTICE.name
    path.write_text(VALID_PRACTICE.read_text(encoding="utf-8").replace("added: 2026-11-23", "added: 2021-03-01"),
                    encoding="utf-8")
    root = make_repository(practices=[path])
    catalog = build_catalog(validate_repository(Repository(root)))
    page = PageRenderer(catalog, None, read_base_map(Repository(root).geo_dir), ways_in=ways_in).review_page()

    due = BeautifulSoup(page.content, "html.parser").select_one("ul.pb-az:not(.pb-review__sources) li")
    links = {link.get_text(): link["href"] for link in due.select(".pb-review__change a")}
    assert set(links) == expected
    if ways_in.repository:
        assert links["Stel een wijziging voor"].startswith(f"{REPOSITORY}/issues/new?template=wijziging-voorstellen.yml")
    if ways_in.contact:
        assert "voorbeeldstad-voorleestent" in mail_fields(next(url for url in links.values()
                                                              if url.startswith("mailto:")))["body"]
    if ways_in.nothing_set_up:
        assert NOTHING_SET_UP in due.get_text()
    assert "last_reviewed" not in page.content


def test_the_selection_offers_only_the_routes_the_site_has(built_site: Path, forms_site: tuple[Path, Path]) -> None:
    def routes(site: Path) -> BeautifulSoup:
        page = BeautifulSoup((site / "selectie" / "index.html").read_text(encoding="utf-8"), "html.parser")
        return page.select_one(".pb-selection__collection")

    nothing, both = routes(built_site), routes(forms_site[1])
    assert nothing.select_one(".pb-no-way-in").get_text() == NOTHING_SET_UP
    assert nothing.select_one(".pb-selection__form") is None and nothing.select_one(".pb-selection__mail") is None
    assert nothing.select_one(".pb-selection__yaml") is not None, "the file route is always there"
    assert both.select_one(".pb-no-way-in") is None
    assert both.select_one(".pb-selection__form") is not None
    mail_routes = both.select(".pb-selection__mail-routes [data-contact]")
    assert {route["data-mode"]: route["data-subject"] for route in mail_routes} == {
        "new": ROUTES["collectie-aanmelden"].subject, "change": ROUTES["collectie-wijzigen"].subject}
    assert {route["data-contact"] for route in mail_routes} == {"redactie@praktijkbank.example"}


@pytest.mark.parametrize(("ways_in", "buttons"), [
    (WaysIn(REPOSITORY, CONTACT), ["Verstuur via GitHub", "Verstuur per e-mail"]),
    (WaysIn(REPOSITORY), ["Verstuur via GitHub"]),
    (WaysIn(contact=CONTACT), ["Verstuur per e-mail"]),
    (WaysIn(), ["Controleer"]),
])
def test_the_editor_sends_by_the_routes_the_site_has(make_repository, ways_in: WaysIn, buttons: list[str]) -> None:
    root = make_repository()
    renderer = PageRenderer(build_catalog(validate_repository(Repository(root))), None,
                            read_base_map(Repository(root).geo_dir), ways_in=ways_in)
    page = BeautifulSoup(editor_page(renderer).content, "html.parser")

    send = page.select_one(".pb-editor__send")
    assert [button.get_text() for button in send.select("button[type=submit]")] == buttons
    assert (NOTHING_SET_UP in send.get_text()) == ways_in.nothing_set_up
    routes = {span["data-mode"]: span for span in send.select(".pb-editor__mail-routes span")}
    if ways_in.contact:
        assert {mode: span["data-subject"] for mode, span in routes.items()} == {
            "new": ROUTES["praktijk-aanmelden"].subject, "change": ROUTES["wijziging-voorstellen"].subject,
            "adopt": ROUTES["praktijk-overnemen"].subject}
        assert {span["data-contact"] for span in routes.values()} == {CONTACT}
    else:
        assert routes == {}
    without_script = page.select_one(".pb-editor__fallback")
    assert bool(without_script.select('a[href^="mailto:"]')) == bool(ways_in.contact)
    assert ("GitHub" in without_script.get_text()) == bool(ways_in.repository)

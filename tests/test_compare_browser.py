"""Comparing practices in headless Chromium, as a policy officer does: choose two to four practices on the
pages where they appear, lay them side by side at vergelijk/, share the link, read it on a phone, print it.

Expected values come from the practice data and the published vocabularies, never from a hard-coded list.
The site is the repository's own, plus the hostile practice (tests/fixtures/hostile/) and an old id
(`aliases`) for one practice, so a renamed practice and hostile text are in the same build.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import FIXTURES, PROJECT_ROOT, require_tool, serve
from praktijkbank.common.urls import facet_url, practice_url
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import Catalog, build_catalog
from praktijkbank.render.text import period_text, place_text
from praktijkbank.validate.checker import validate_repository
from sites import build, copy_site_repository
from checkers import MODES, WCAG_21_AA, axe_violations, checking_context, describe, finish_animations

pytestmark = pytest.mark.browser

CATALOG: Catalog = build_catalog(validate_repository(Repository(PROJECT_ROOT)))
BY_ID = sorted(CATALOG.practices.values(), key=lambda practice: practice.id)
RENAMED = BY_ID[1]
OLD_ID = f"{RENAMED.id}-oud"
HOSTILE = FIXTURES / "hostile"
HOSTILE_ID = "xss-praktijk"
PHONE = {"width": 320, "height": 640}
IDLE = ".pb-compare__output[aria-busy='false']"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("compare")
    repository = copy_site_repository(root / "repo")
    shutil.copy(HOSTILE / f"{HOSTILE_ID}.yml", repository / "practices")
    shutil.copytree(HOSTILE / "media", repository / "practices" / "media", dirs_exist_ok=True)
    renamed = repository / "practices" / f"{RENAMED.id}.yml"
    renamed.write_text(renamed.read_text(encoding="utf-8") + f"aliases:\n  - {OLD_ID}\n", encoding="utf-8")
    result = build(repository, root / "site")
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


@pytest.fixture
def tab(browser, site_url: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("dialog", lambda dialog: page.problems.append(f"dialog: {dialog.message}") or dialog.dismiss())
    yield page
    context.close()


def labels(site_url: str, tab) -> dict[str, dict[str, str]]:
    """The Dutch labels as the site publishes them."""
    data = json.loads(tab.request.get(site_url + "api/vocabularies.json").text())
    return {name: {term["id"]: term["label"] for term in vocabulary["values"]} for name, vocabulary in data.items()
            if name != "$schema"}


def compared(tab) -> dict[str, list[str]]:
    """The table as {row name: [cell text per practice]}, with the practice titles under "titles"."""
    tab.wait_for_selector(IDLE, state="attached")
    table = tab.locator(".pb-compare__table")
    titles = table.locator("thead th[scope='col'] a").all_inner_texts()
    rows = {"titles": titles}
    for row in table.locator("tbody tr").all():
        name = row.locator("th[scope='row']").evaluate("cell => cell.firstChild.textContent")
        rows[name] = [cell.evaluate("cell => [...cell.childNodes].slice(1).map(node => node.innerText ?? "
                                    "node.textContent).join('\\n')") for cell in row.locator("td").all()]
    return rows


def choose(tab, where) -> None:
    button = where.locator(".pb-compare-toggle")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"


def test_three_practices_chosen_on_different_pages_are_compared_fact_by_fact(tab, site_url: str) -> None:
    first, second, third = BY_ID[0], BY_ID[2], BY_ID[3]
    tab.goto(site_url + practice_url(first.id))
    choose(tab, tab.locator(".pb-practice__actions"))
    assert "staat in de vergelijking" in tab.locator("[aria-live='polite']").last.inner_text()
    tab.goto(site_url + facet_url("themes", second.themes[0]))
    choose(tab, tab.locator(f".pb-card__actions[data-practice='{second.id}']"))
    tab.goto(site_url + "zoeken/?q=" + third.title.replace(" ", "+"))
    tab.wait_for_selector(".pb-search__output[aria-busy='false']", state="attached")
    choose(tab, tab.locator(".pb-result", has=tab.locator(f"a[href$='/praktijken/{third.id}/']")))

    tab.get_by_role("region", name="Vergelijken").get_by_role("link", name="Vergelijk (3)").click()
    tab.wait_for_url(f"**/vergelijk/?p={first.id},{second.id},{third.id}")
    table = compared(tab)
    label = labels(site_url, tab)
    practices = [first, second, third]

    assert table["titles"] == [practice.title for practice in practices]
    assert table["Status"] == [label["statuses"][practice.status] for practice in practices]
    assert table["Thema's"] == ["\n".join(label["themes"][theme] for theme in practice.themes) for practice in practices]
    assert table["Organisaties"] == ["\n".join(
        f"{organisation.name} ({label['organisation_roles'][organisation.role].lower()})" if organisation.role
        else organisation.name for organisation in practice.organisations) for practice in practices]
    assert table["Plaats"] == [place_text(practice.place, CATALOG.vocabularies) for practice in practices]
    assert table["Periode"] == [period_text(practice.period) if practice.period else "niet bekend"
                                for practice in practices]
    assert table["Kosten"] == [practice.costs or "niet bekend" for practice in practices]
    assert [len(cell.splitlines()) for cell in table["Lessen en tips"]] == [len(practice.lessons) or 1
                                                                           for practice in practices]
    same = tab.locator("tbody tr.pb-compare__row--same th").evaluate_all("cells => cells.map(c => c.firstChild.textContent)")
    assert same == [name for name, cells in table.items() if name != "titles" and len(set(cells)) == 1]
    assert tab.problems == []


def test_a_shared_link_restores_the_comparison_in_another_browser(browser, site_url: str) -> None:
    ids = [practice.id for practice in BY_ID[:4]]
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "vergelijk/?p=" + ",".join(ids))

    assert compared(page)["titles"] == [practice.title for practice in BY_ID[:4]]
    assert page.locator("th[scope='col']").count() == 5 and page.locator("th[scope='row']").count() >= 12
    context.close()


def test_an_old_id_resolves_to_the_renamed_practice_and_an_unknown_id_is_named(tab, site_url: str) -> None:
    """From the list of practices with their old ids: no request for a file that does not exist (a 404 in the
    console)."""
    failed = []
    tab.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    tab.goto(site_url + f"vergelijk/?p={OLD_ID},{BY_ID[0].id},bestaat-niet")

    assert compared(tab)["titles"] == [RENAMED.title, BY_ID[0].title]
    problems = tab.locator(".pb-compare__problems").inner_text()
    assert f"‘{OLD_ID}’ heet nu ‘{RENAMED.id}’" in problems and "geen praktijk met de code ‘bestaat-niet’" in problems
    assert tab.url.endswith(f"vergelijk/?p={RENAMED.id},{BY_ID[0].id}")
    assert tab.problems == [] and failed == []


def test_link_kopieren_is_offered_only_for_two_practices_or_more(tab, site_url: str) -> None:
    share = tab.locator(".pb-compare__share")
    tab.goto(site_url + f"vergelijk/?p={BY_ID[0].id},bestaat-niet")
    tab.wait_for_selector(IDLE, state="attached")
    alone = share.is_visible()

    tab.goto(site_url + f"vergelijk/?p={BY_ID[0].id},{BY_ID[1].id}")
    compared(tab)
    two = share.is_visible()
    tab.locator(".pb-compare__remove").first.click()
    tab.wait_for_selector(IDLE, state="attached")

    assert not alone and two
    assert not share.is_visible()
    assert tab.problems == []


def test_hostile_values_in_the_data_and_the_link_stay_text(tab, site_url: str) -> None:
    hostile_title = (HOSTILE / f"{HOSTILE_ID}.yml").read_text(encoding="utf-8").split("title: |-\n  ", 1)[1]
    payload = '<img src=x onerror="document.title=1">'
    tab.goto(site_url + f"vergelijk/?p={HOSTILE_ID},{BY_ID[0].id},{payload}")

    assert compared(tab)["titles"][0] == hostile_title.split("\n")[0]
    assert payload in tab.locator(".pb-compare__problems").inner_text()
    assert tab.locator(".pb-compare img, .pb-compare script, .pb-compare iframe").count() == 0
    assert tab.title().startswith("Praktijken vergelijken") and tab.problems == []


def test_a_keyboard_user_chooses_and_hears_the_choice(tab, site_url: str) -> None:
    tab.goto(site_url + practice_url(BY_ID[0].id))
    button = tab.locator(".pb-practice__actions").get_by_role("button", name=re.compile("^Vergelijk"))
    assert button.get_attribute("aria-pressed") == "false"
    button = tab.locator(".pb-practice__actions .pb-compare-toggle")
    button.focus()
    tab.keyboard.press("Space")

    assert button.get_attribute("aria-pressed") == "true"
    assert "Kies nog één praktijk" in tab.locator("[aria-live='polite']").last.inner_text()
    tab.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "false"


def test_on_a_phone_the_comparison_does_not_scroll_sideways(browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    phone.goto(site_url + "vergelijk/?p=" + ",".join(practice.id for practice in BY_ID[:4]))
    phone.wait_for_selector(IDLE, state="attached")

    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the comparison scrolls sideways by {overflow} px"
    assert phone.locator(".pb-compare__who").first.is_visible(), "each cell names its practice on a phone"
    context.close()


def test_the_comparison_prints_on_a4_landscape_with_every_title(tab, site_url: str, tmp_path: Path) -> None:
    chosen = BY_ID[:4]
    tab.goto(site_url + "vergelijk/?p=" + ",".join(practice.id for practice in chosen))
    tab.wait_for_selector(IDLE, state="attached")
    tab.emulate_media(media="print")
    pdf = tmp_path / "vergelijking.pdf"
    tab.pdf(path=str(pdf), prefer_css_page_size=True)

    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(width), round(height)) == (842, 595), "A4 landscape"
    text = " ".join(subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert [practice.title for practice in chosen if " ".join(practice.title.split()) not in text] == []


@pytest.mark.parametrize("mode", list(MODES))
def test_the_chosen_buttons_and_the_bar_pass_axe(browser, site_url: str, mode: str) -> None:
    """The page-type walk in test_accessibility.py sees no choice; here two practices are chosen, so the
    pressed buttons and the bar are on screen."""
    context = checking_context(browser, **MODES[mode])
    page = context.new_page()
    page.goto(site_url + facet_url("themes", BY_ID[0].themes[0]))
    page.locator(f".pb-card__actions[data-practice='{BY_ID[0].id}'] .pb-compare-toggle").click()
    page.locator(".pb-compare-toggle[aria-pressed='false']").first.click()
    assert page.get_by_role("region", name="Vergelijken").get_by_role("link").is_visible()
    finish_animations(page)

    violations = axe_violations(page, WCAG_21_AA)
    context.close()

    assert violations == [], describe(violations)

"""WCAG 2.2 A and AA on every kind of page (axe-core's rules up to wcag22aa, which adds target size), checked in
headless Chromium as visitors meet the site.

Two checkers from npm (pinned in package-lock.json) run inside each page of PAGE_TYPES in light mode, dark
mode (the browser asks for it; Material follows on a first visit) and on a 320 px wide phone: axe-core must
report no violation and HTML_CodeSniffer (WCAG2AA) no error. In the same page load the texts a visitor sees
or hears (on screen and on paper) are read, and none may be one of the theme's English texts. Keyboard use is
checked by pressing keys: a skip link first, a practice reachable from home, and a focus ring that can be seen.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from checkers import (
    MODES,
    WCAG_22_AA,
    axe_violations,
    checking_context,
    describe,
    finish_animations,
    sniffer_errors,
)
from helpers import PROJECT_ROOT, SETTLED
from page_types import PAGE_TYPES, page_file
from praktijkbank.common.facets import FACETS
from praktijkbank.common.urls import practice_url
from real_data import A_PRACTICE, OWN_WORD

pytestmark = pytest.mark.browser

# The page loops run as one group per browser mode, side by side on the test workers (conftest.py).
SPLIT_BY_PARAMETER = "mode_page"
# The texts of a page that a visitor sees or hears: its visible text (screen readers read visually hidden text
# too), the names and hints in attributes, and the title. Text marked as another language than Dutch (a commit
# subject, lang="en") is left out: it is allowed, and said in its own language.
TEXTS = """() => {
    const dutch = (element) => (element.closest("[lang]")?.lang ?? "nl").toLowerCase().startsWith("nl");
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (node.data.trim() && element.checkVisibility({visibilityProperty: true}) && dutch(element)) {
            texts.push(node.data.trim());
        }
    }
    const named = "[aria-label], [aria-description], [aria-roledescription], [aria-valuetext], [title], [alt], " +
        "[placeholder], input[type=button][value], input[type=submit][value], input[type=reset][value]";
    for (const element of document.querySelectorAll(named)) {
        if (!dutch(element)) continue;
        for (const name of ["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "title",
                            "alt", "placeholder", "value"]) {
            if (element.getAttribute(name)?.trim()) texts.push(element.getAttribute(name).trim());
        }
    }
    for (const element of document.querySelectorAll("[aria-labelledby], [aria-describedby]")) {
        const ids = ["aria-labelledby", "aria-describedby"].map((name) => element.getAttribute(name) ?? "");
        for (const id of ids.join(" ").split(/\\s+/).filter(Boolean)) {
            const target = document.getElementById(id);
            if (target && dutch(target) && target.textContent.trim()) texts.push(target.textContent.trim());
        }
    }
    return texts;
}"""
# Every page type is checked in the three MODES of the other browser tests and in dark mode on a phone too.
PAGE_MODES = {**MODES, "phone 320 px dark": {"color_scheme": "dark", "viewport": {"width": 320, "height": 640}}}
SCHEMES = {"light": "default", "dark": "slate"}
SCHEME_OF_MODE = {mode: SCHEMES[options["color_scheme"]] for mode, options in PAGE_MODES.items()}
MAX_TABS = 150
PRACTICE_LINK = re.compile(r"praktijken/[^/]+/$")


def theme_english() -> list[re.Pattern[str]]:
    """Material's English texts, which a Dutch page must not show or say: every value of its English translation
    (partials/languages/en.html) but the settings (language, direction, search) and the two that are Dutch words
    too, plus the credit line in its footer. A `#` in a text stands for a number ("# min read")."""
    material = Path(importlib.util.find_spec("material").submodule_search_locations[0])
    english = (material / "templates" / "partials" / "languages" / "en.html").read_text(encoding="utf-8")
    texts = {value for key, value in re.findall(r'^\s*"([^"]+)": "([^"]*)"', english, re.MULTILINE)
             if key not in {"language", "direction"} and not key.startswith("search.config.")}
    texts = (texts - {"in", "Metadata"}) | {"Made with"}
    return [re.compile(r"\b" + re.escape(text).replace("\\#", r"\d+") + r"\b") for text in sorted(texts)]


THEME_ENGLISH = theme_english()


def english_in(texts: list[str]) -> list[str]:
    return sorted({text for text in texts if any(pattern.search(text) for pattern in THEME_ENGLISH)})


def tab_in_mode(browser, mode: str) -> Iterator[object]:
    """A browser tab in one of PAGE_MODES with the checkers loaded in its pages, marked with the mode's name,
    closed when the fixture ends."""
    context = checking_context(browser, **PAGE_MODES[mode])
    tab = context.new_page()
    tab.mode = mode
    yield tab
    context.close()


@pytest.fixture(scope="module", params=list(PAGE_MODES))
def mode_page(request: pytest.FixtureRequest, browser) -> Iterator[object]:
    """One browser tab per mode, reused for every page type: a context per page would double the run time."""
    yield from tab_in_mode(browser, request.param)


@dataclass(frozen=True)
class Findings:
    """What the checks found on a page as it is in the tab: axe-core's violations, HTML_CodeSniffer's errors, and
    the texts a visitor sees or hears on screen and on paper."""

    violations: list[dict]
    sniffer_errors: list[dict]
    texts: list[str]


def findings(tab) -> Findings:
    """Both checkers run in the page as it is now, then its texts are read on screen and as printed."""
    violations, errors = axe_violations(tab, WCAG_22_AA), sniffer_errors(tab)
    texts = tab.evaluate(TEXTS)
    tab.emulate_media(media="print")
    texts += tab.evaluate(TEXTS)
    tab.emulate_media(media="screen")
    return Findings(violations, errors, texts)


@dataclass(frozen=True)
class PageCheck:
    """A page type as loaded in one mode: the colour scheme Material chose for it, and what the checks found."""

    scheme: str | None
    found: Findings


@pytest.fixture(scope="module")
def page_checks() -> dict[tuple[str, str], PageCheck]:
    return {}


@pytest.fixture
def checked(mode_page, base_url: str, page_checks: dict, name: str) -> PageCheck:
    """The page type `name` in the tab's mode, loaded and checked once for the three tests below that look at it
    (axe-core, HTML_CodeSniffer, English): a load per test would double the time of this file."""
    key = (mode_page.mode, name)
    if key not in page_checks:
        mode_page.goto(base_url + PAGE_TYPES[name])
        mode_page.wait_for_function(SETTLED)
        scheme = mode_page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        page_checks[key] = PageCheck(scheme, findings(mode_page))
    return page_checks[key]


def test_the_page_types_cover_every_overview_and_exist(built_site: Path) -> None:
    folders = {url.split("/")[0] for url in PAGE_TYPES.values()}
    assert {facet.folder for facet in FACETS.values()} <= folders
    assert [name for name, url in PAGE_TYPES.items() if not page_file(built_site, url).is_file()] == []


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_axe_finds_no_wcag_22_aa_violations(mode_page, checked: PageCheck, name: str) -> None:
    if checked.scheme is not None:  # pages without the theme follow CSS alone
        assert checked.scheme == SCHEME_OF_MODE[mode_page.mode], "the page did not follow the browser's colour scheme"
    assert checked.found.violations == [], f"{name} ({mode_page.mode}):\n{describe(checked.found.violations)}"


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_html_codesniffer_finds_no_wcag2aa_errors(mode_page, checked: PageCheck, name: str) -> None:
    assert checked.found.sniffer_errors == [], f"{name} ({mode_page.mode})"


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_english_text_of_the_theme_is_seen_or_heard(mode_page, checked: PageCheck, name: str) -> None:
    """Screen, paper, names and hints: Material's English texts (a landmark named "Header", "Made with …")
    are said in Dutch."""
    assert english_in(checked.found.texts) == [], f"{name} ({mode_page.mode})"


def test_the_checks_report_what_they_find(mode_page, base_url: str) -> None:
    """The checks can fail: an unlabelled image, grey-on-grey text, a checkbox without a name and the theme's
    English are caught."""
    mode_page.goto(base_url)
    mode_page.evaluate("""document.querySelector('article').insertAdjacentHTML('afterbegin',
        '<img src="x.png"><p style="color:#777;background:#888">grijs op grijs</p><input type="checkbox">' +
        '<nav aria-label="Header"></nav><p>Made with <a href="./">Material for MkDocs</a></p>')""")

    found = findings(mode_page)

    assert {"image-alt", "color-contrast"} <= {violation["id"] for violation in found.violations}
    assert any(error["element"] == '<input type="checkbox">' for error in found.sniffer_errors)
    assert english_in(found.texts) == ["Header", "Made with"]


@pytest.fixture
def keyboard_page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


def focused(tab) -> dict:
    return tab.evaluate("""() => { const e = document.activeElement;
        return {tag: e.tagName, type: e.getAttribute('type'), href: e.getAttribute('href'), cls: e.className,
                inContent: !!e.closest('.md-content'), text: e.textContent.trim()}; }""")


def tab_to(tab, reached: Callable[[dict], bool], what: str) -> None:
    """Press Tab, as a keyboard user does, until the focused element is the one wanted."""
    for _ in range(MAX_TABS):
        tab.keyboard.press("Tab")
        if reached(focused(tab)):
            return
    pytest.fail(f"no {what} within {MAX_TABS} presses of Tab")


def is_practice_link(element: dict) -> bool:
    return bool(PRACTICE_LINK.search(element["href"] or ""))


@pytest.mark.parametrize("name", ["home", "practice", "theme"])
def test_the_first_tab_reaches_a_skip_link_that_moves_focus_to_the_content(keyboard_page, base_url: str,
                                                                            name: str) -> None:
    keyboard_page.goto(base_url + PAGE_TYPES[name])

    keyboard_page.keyboard.press("Tab")
    skip = focused(keyboard_page)
    keyboard_page.keyboard.press("Enter")
    keyboard_page.keyboard.press("Tab")

    assert skip["tag"] == "A" and "md-skip" in skip["cls"] and skip["href"].startswith("#") and skip["text"]
    assert focused(keyboard_page)["inContent"], "after the skip link, Tab should land in the page's content"


def test_a_keyboard_user_reaches_a_practice_from_home(keyboard_page, base_url: str) -> None:
    keyboard_page.goto(base_url)
    tab_to(keyboard_page, is_practice_link, "practice link")

    keyboard_page.keyboard.press("Enter")

    keyboard_page.wait_for_url("**/praktijken/*/")
    assert keyboard_page.locator("h1").count() == 1


def test_a_keyboard_user_finds_a_practice_through_search_from_home(keyboard_page, base_url: str) -> None:
    keyboard_page.goto(base_url)
    tab_to(keyboard_page, lambda element: element["type"] == "search", "search box")
    keyboard_page.keyboard.type(OWN_WORD)
    keyboard_page.keyboard.press("Enter")
    keyboard_page.wait_for_url(f"**/zoeken/?q={OWN_WORD}")
    keyboard_page.wait_for_function(SETTLED)
    tab_to(keyboard_page, is_practice_link, "search result")

    keyboard_page.keyboard.press("Enter")

    keyboard_page.wait_for_url(f"**/{practice_url(A_PRACTICE.id)}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_keyboard_focus_is_visible(browser, base_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    tab.goto(base_url + PAGE_TYPES["practice"])
    tab_to(tab, lambda element: element["inContent"] and element["tag"] == "A", "link in the content")
    style = "() => { const s = getComputedStyle(document.activeElement); " \
            "return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow]; }"
    with_focus = tab.evaluate(style)
    tab.evaluate("window.focusedLink = document.activeElement; document.activeElement.blur()")
    without_focus = tab.evaluate(style.replace("document.activeElement", "window.focusedLink"))
    context.close()

    assert with_focus != without_focus
    assert with_focus[0] == "solid" and float(with_focus[1].removesuffix("px")) >= 2


def test_every_page_says_it_is_dutch(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert [page for page in pages if BeautifulSoup(page.read_bytes(), "html.parser").html.get("lang") != "nl"] == []


@pytest.mark.parametrize(("package", "name"), [("axe-core", "axe-core"), ("html_codesniffer", "HTML_CodeSniffer"),
                                             ("vnu-jar", "Nu HTML Checker")])
def test_the_accessibility_statement_names_the_version_of_each_checker_we_run(package: str, name: str) -> None:
    """The statement says exactly what is tested; an upgrade of a checker must update it."""
    lock = json.loads((PROJECT_ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = lock["packages"][f"node_modules/{package}"]["version"]
    statement = (PROJECT_ROOT / "docs" / "toegankelijkheid.md").read_text(encoding="utf-8")
    assert f"{name} (versie {version})" in statement


def test_the_not_found_page_speaks_dutch(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "404.html").read_bytes(), "html.parser")
    assert page.h1.get_text(strip=True) == "Pagina niet gevonden"


@pytest.mark.parametrize("practices", [3, 0], ids=["filled", "emptied"])
def test_axe_finds_no_violations_on_a_filled_selection(mode_page, base_url: str, practices: int) -> None:
    """The own selection, with its text boxes and buttons, as a visitor who saved practices sees it."""
    ids = sorted(path.stem for path in (PROJECT_ROOT / "practices").glob("*.yml") if not path.stem.startswith("_"))
    selection = {"title": "Voorbeelden", "intro": "", "items": [{"id": id, "note": ""} for id in ids[:practices]]}
    mode_page.goto(base_url + "selectie/")
    mode_page.evaluate("s => localStorage.setItem('praktijkbank-selectie', JSON.stringify(s))", selection)
    mode_page.reload()
    mode_page.wait_for_function(SETTLED)

    violations = axe_violations(mode_page, WCAG_22_AA)

    assert violations == [], f"selection ({mode_page.mode}):\n{describe(violations)}"


def test_axe_finds_no_violations_with_a_glossary_tooltip_open(mode_page, base_url: str) -> None:
    """A term's explanation shown as Material's tooltip (the keyboard focus on the term), in light, dark and at
    320 px: its colours and the term's focus ring must pass too."""
    mode_page.goto(base_url + PAGE_TYPES["practice"])
    mode_page.locator("article abbr[tabindex='0']").first.focus()
    mode_page.locator(".md-tooltip2--active").wait_for(state="visible")

    violations = axe_violations(mode_page, WCAG_22_AA)

    assert violations == [], f"tooltip ({mode_page.mode}):\n{describe(violations)}"


# The contrast of a button's text on what is behind it, as WCAG 2.1 defines it (1.4.3): the background is
# the button's own, or the first one behind it, with partly transparent layers laid over each other.
BUTTON_CONTRASTS = """(button) => {
    const channels = (text) => text.match(/[\\d.]+/g).map(Number);
    const layers = [];
    for (let node = button; node && layers.at(-1)?.[3] !== 1; node = node.parentElement) {
        const [r, g, b, a = 1] = channels(getComputedStyle(node).backgroundColor);
        if (a > 0) layers.push([r, g, b, a]);
    }
    const behind = layers.reverse().reduce((under, [r, g, b, a]) =>
        [r, g, b].map((value, index) => value * a + under[index] * (1 - a)), [255, 255, 255]);
    const luminance = (rgb) => rgb.map((value) => value / 255)
        .map((value) => value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4)
        .reduce((sum, value, index) => sum + value * [0.2126, 0.7152, 0.0722][index], 0);
    const [light, dark] = [luminance(channels(getComputedStyle(button).color).slice(0, 3)), luminance(behind)]
        .sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
}"""


@pytest.fixture(scope="module", params=list(SCHEMES))
def scheme_page(request: pytest.FixtureRequest, browser) -> Iterator[object]:
    """One browser tab per colour scheme: colours do not change with the width of the screen."""
    yield from tab_in_mode(browser, request.param)


@pytest.mark.parametrize("name", ["practice", "search with filters", "selection shared (read-only)", "comparison",
                                  "editor"])
def test_a_hovered_or_focused_button_keeps_its_text_readable(scheme_page, base_url: str, name: str) -> None:
    """axe sees buttons at rest; a visitor sees them under the mouse and with the keyboard focus too, where
    Material paints them in the accent colour."""
    scheme_page.goto(base_url + PAGE_TYPES[name])
    scheme_page.wait_for_function(SETTLED)
    buttons = scheme_page.locator("article .md-button:visible")
    # One button of each kind (the same classes look the same): a practice page has a pair per related practice.
    kinds = buttons.evaluate_all("""(all) => all.map((button, index) => [button.className, index])
        .filter(([kind], index, pairs) => pairs.findIndex(([other]) => other === kind) === index)
        .map(([, index]) => index)""")
    assert kinds, name
    faint = []
    for index in kinds:
        button = buttons.nth(index)
        for state in ("hover", "focus"):
            button.hover() if state == "hover" else button.focus()
            finish_animations(scheme_page)
            contrast = button.evaluate(BUTTON_CONTRASTS)
            if contrast < 4.5:
                faint.append(f"{button.inner_text()!r} ({state}): {contrast:.1f}:1")
            scheme_page.mouse.move(0, 0)
            button.blur()
    assert faint == [], f"{name} ({scheme_page.mode}): {faint}"

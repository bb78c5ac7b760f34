"""WCAG 2.2 A and AA on every kind of page (axe-core's rules up to wcag22aa, which adds target size), checked in
headless Chromium as visitors meet the site.

axe-core (the npm package pinned in package-lock.json) runs inside each page of PAGE_TYPES in light mode,
dark mode (the browser asks for it; Material follows on a first visit) and on a 320 px wide phone, and must
report no violations. Keyboard use is checked by pressing keys: a skip link first, a practice reachable
from home, and a focus ring that can be seen.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import NODE_MODULES, PROJECT_ROOT, require_tool
from page_types import PAGE_TYPES, page_file
from praktijkbank.common.facets import FACETS
from praktijkbank.common.urls import practice_url
from real_data import A_PRACTICE, OWN_WORD

pytestmark = pytest.mark.browser

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WCAG_22_AA = [*WCAG_21_AA, "wcag22aa"]  # 2.2 adds target size (2.5.8)
MODES = {
    "light": {"color_scheme": "light", "viewport": {"width": 1280, "height": 800}},
    "dark": {"color_scheme": "dark", "viewport": {"width": 1280, "height": 800}},
    "phone 320 px": {"color_scheme": "light", "viewport": {"width": 320, "height": 640}},
}
# Pages that fill themselves in (the search page) mark the region aria-busy until their content is there.
SETTLED = "!document.querySelector('[aria-busy=\"true\"]')"
SCHEMES = {"light": "default", "dark": "slate"}
MAX_TABS = 150
PRACTICE_LINK = re.compile(r"praktijken/[^/]+/$")


@pytest.fixture(scope="module")
def axe_source() -> str:
    require_tool(AXE.is_file(), "axe-core (node_modules/axe-core)", "run `make test`, which runs `npm ci`")
    return AXE.read_text(encoding="utf-8")


def tab_in_mode(browser, mode: str) -> Iterator[object]:
    """A browser tab in one of MODES, marked with its name, closed when the fixture ends."""
    context = browser.new_context(**MODES[mode])
    tab = context.new_page()
    tab.mode = mode
    yield tab
    context.close()


@pytest.fixture(scope="module", params=list(MODES))
def mode_page(request: pytest.FixtureRequest, browser) -> Iterator[object]:
    """One browser tab per mode, reused for every page type: a context per page would double the run time."""
    yield from tab_in_mode(browser, request.param)


def describe(violations: list[dict]) -> str:
    """axe's findings as lines a developer can act on: rule, what to fix, and where."""
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        more = len(violation["nodes"]) - 5
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}"
                     f"{f' and {more} more' if more > 0 else ''} — {violation['helpUrl']}")
    return "\n".join(lines)


def test_the_page_types_cover_every_overview_and_exist(built_site: Path) -> None:
    folders = {url.split("/")[0] for url in PAGE_TYPES.values()}
    assert {facet.folder for facet in FACETS.values()} <= folders
    assert [name for name, url in PAGE_TYPES.items() if not page_file(built_site, url).is_file()] == []


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_axe_finds_no_wcag_21_aa_violations(mode_page, base_url: str, axe_source: str, name: str) -> None:
    mode_page.goto(base_url + PAGE_TYPES[name])
    mode_page.wait_for_function(SETTLED)
    scheme = mode_page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    if mode_page.mode in SCHEMES and scheme is not None:  # pages without the theme follow the media query in CSS
        assert scheme == SCHEMES[mode_page.mode], "the page did not follow the browser's colour scheme"
    mode_page.add_script_tag(content=axe_source)

    result = mode_page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA)

    assert result["violations"] == [], f"{name} ({mode_page.mode}):\n{describe(result['violations'])}"


def test_axe_reports_a_violation_when_there_is_one(mode_page, base_url: str, axe_source: str) -> None:
    """The check can fail: a page with an unlabelled image and grey-on-grey text is caught."""
    mode_page.goto(base_url)
    mode_page.evaluate("""document.querySelector('article').insertAdjacentHTML('afterbegin',
        '<img src="x.png"><p style="color:#777;background:#888">grijs op grijs</p>')""")
    mode_page.add_script_tag(content=axe_source)

    result = mode_page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA)

    assert {"image-alt", "color-contrast"} <= {violation["id"] for violation in result["violations"]}


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


def test_the_accessibility_statement_names_the_axe_core_version_we_run() -> None:
    """The statement says exactly what is tested; an upgrade of axe-core must update it."""
    lock = json.loads((PROJECT_ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = lock["packages"]["node_modules/axe-core"]["version"]
    statement = (PROJECT_ROOT / "docs" / "toegankelijkheid.md").read_text(encoding="utf-8")
    assert f"axe-core (versie {version})" in statement


def test_the_not_found_page_speaks_dutch(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "404.html").read_bytes(), "html.parser")
    assert page.h1.get_text(strip=True) == "Pagina niet gevonden"


@pytest.mark.parametrize("practices", [3, 0], ids=["filled", "emptied"])
def test_axe_finds_no_violations_on_a_filled_selection(mode_page, base_url: str, axe_source: str,
                                                       practices: int) -> None:
    """The own selection, with its text boxes and buttons, as a visitor who saved practices sees it."""
    ids = sorted(path.stem for path in (PROJECT_ROOT / "practices").glob("*.yml") if not path.stem.startswith("_"))
    selection = {"title": "Voorbeelden", "intro": "", "items": [{"id": id, "note": ""} for id in ids[:practices]]}
    mode_page.goto(base_url + "selectie/")
    mode_page.evaluate("s => localStorage.setItem('praktijkbank-selectie', JSON.stringify(s))", selection)
    mode_page.reload()
    mode_page.wait_for_function(SETTLED)
    mode_page.add_script_tag(content=axe_source)

    result = mode_page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA)

    assert result["violations"] == [], f"selection ({mode_page.mode}):\n{describe(result['violations'])}"


def test_axe_finds_no_violations_with_a_glossary_tooltip_open(mode_page, base_url: str, axe_source: str) -> None:
    """A term's explanation shown as Material's tooltip (the keyboard focus on the term), in light, dark and at
    320 px: its colours and the term's focus ring must pass too."""
    mode_page.goto(base_url + PAGE_TYPES["practice"])
    mode_page.locator("article abbr[tabindex='0']").first.focus()
    mode_page.locator(".md-tooltip2--active").wait_for(state="visible")
    mode_page.add_script_tag(content=axe_source)

    result = mode_page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA)

    assert result["violations"] == [], f"tooltip ({mode_page.mode}):\n{describe(result['violations'])}"


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
SETTLE = "() => Promise.all(document.getAnimations().map((animation) => animation.finished))"


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
            scheme_page.evaluate(SETTLE)
            contrast = button.evaluate(BUTTON_CONTRASTS)
            if contrast < 4.5:
                faint.append(f"{button.inner_text()!r} ({state}): {contrast:.1f}:1")
            scheme_page.mouse.move(0, 0)
            button.blur()
    assert faint == [], f"{name} ({scheme_page.mode}): {faint}"

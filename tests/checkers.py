"""The accessibility checkers from npm (pinned in package-lock.json) as every browser test runs them: axe-core and
HTML_CodeSniffer.

A browser context made by `checking_context` loads both into each page before the page's own scripts, as an
init script: the browser compiles them once per page load, where sending their half a megabyte of source
through the driver for each check took longer than the check itself. axe-core is asked for its violations only
(`resultTypes`): the other result types are summed up from one element each, which is all a test needs.
"""

from __future__ import annotations

from typing import Any

from helpers import NODE_MODULES, require_tool

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
HTML_CODESNIFFER = NODE_MODULES / "html_codesniffer" / "build" / "HTMLCS.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WCAG_22_AA = [*WCAG_21_AA, "wcag22aa"]  # 2.2 adds target size (2.5.8)
# How the browser tests look at a page: as Playwright's `new_context` options, by name.
MODES = {
    "light": {"color_scheme": "light", "viewport": {"width": 1280, "height": 800}},
    "dark": {"color_scheme": "dark", "viewport": {"width": 1280, "height": 800}},
    "phone 320 px": {"color_scheme": "light", "viewport": {"width": 320, "height": 640}},
}
AXE_VIOLATIONS = """(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
    .then((result) => result.violations)"""
# HTML_CodeSniffer's errors (it also gives warnings and notices: things for a person to check).
SNIFFER_ERRORS = """() => new Promise((resolve, reject) => HTMLCS.process("WCAG2AA", document, () => resolve(
    HTMLCS.getMessages().filter((message) => message.type === HTMLCS.ERROR)
        .map((message) => ({code: message.code, element: message.element.outerHTML.slice(0, 200)}))),
    () => reject(new Error("HTML_CodeSniffer did not run")), "en"))"""


def checking_context(browser: Any, **options: Any) -> Any:
    """A new browser context (Playwright's `new_context` options) whose every page has both checkers loaded."""
    require_tool(AXE.is_file(), "axe-core (node_modules/axe-core)", "run `make test`, which runs `npm ci`")
    require_tool(HTML_CODESNIFFER.is_file(), "HTML_CodeSniffer (node_modules/html_codesniffer)",
                 "run `make test`, which runs `npm ci`")
    context = browser.new_context(**options)
    context.add_init_script(path=AXE)
    context.add_init_script(path=HTML_CODESNIFFER)
    return context


def finish_animations(tab: Any) -> None:
    """Wait for every running transition: a checker judges the colours the visitor ends up seeing, not a button
    halfway through its hover or pressed transition."""
    tab.evaluate("() => Promise.all(document.getAnimations().map((animation) => animation.finished))")


def axe_violations(tab: Any, tags: list[str]) -> list[dict]:
    """axe-core's violations of the rules with these tags, on the page as it is in the tab now."""
    return tab.evaluate(AXE_VIOLATIONS, tags)


def sniffer_errors(tab: Any) -> list[dict]:
    """HTML_CodeSniffer's WCAG2AA errors on the page as it is in the tab now."""
    return tab.evaluate(SNIFFER_ERRORS)


def describe(violations: list[dict]) -> str:
    """axe's findings as lines a developer can act on: rule, what to fix, and where."""
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        more = len(violation["nodes"]) - 5
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}"
                     f"{f' and {more} more' if more > 0 else ''} — {violation['helpUrl']}")
    return "\n".join(lines)

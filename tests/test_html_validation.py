"""Every page of the built site passes the Nu HTML Checker (vnu-jar from the npm registry) without errors.

One Java run checks all pages at once (starting the JVM per file would take minutes), so new kinds of pages
are covered without changing this test.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from helpers import NODE_MODULES, require_tool

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Markup mkdocs-material 9.7 writes itself, in templates we do not override (base.html, partials/nav-item.html,
# partials/toc.html): copying those templates to change one attribute would fork the theme. Each message is
# ignored only on the theme's own element, recognised by a piece of its markup.
THEME_MARKUP = {
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
    "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.":
        'class="md-toggle"',
    "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.":
        'class="md-nav__link',
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.":
        'for="__toc"',
}


def from_the_theme(message: dict) -> bool:
    marker = THEME_MARKUP.get(message["message"])
    return marker is not None and marker in message.get("extract", "")


def test_every_page_is_valid_html(built_site: Path) -> None:
    require_tool(VNU.is_file(), "vnu-jar (node_modules/vnu-jar)", "run `make test`, which runs `npm ci`")
    require_tool(shutil.which("java") is not None, "Java", ".ci/run installs default-jre-headless")
    pages = sorted(built_site.rglob("*.html"))

    result = subprocess.run(["java", "-jar", VNU, "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=300)

    messages = json.loads(result.stderr)["messages"]
    errors = [f"{Path(m['url'].removeprefix('file:')).relative_to(built_site)}:{m.get('lastLine')}: {m['message']}"
              for m in messages if not from_the_theme(m)]
    assert len(pages) > 50
    assert errors == []

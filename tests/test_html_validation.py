"""Every page of the built site passes the Nu HTML Checker (vnu-jar from the npm registry) without a single
message: no error, no warning, nothing filtered out. The theme's faults are fixed where they are made
(docs/overrides/partials/, mkdocs_adapter/theme_markup.py), not ignored here.

One Java run checks all pages at once (starting the JVM per file would take minutes), so new kinds of pages
are covered without changing this test. A page with a known fault goes along in the same run, to show that
the checker reports what it finds.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

from helpers import NODE_MODULES, require_tool
from praktijkbank.mkdocs_adapter.theme_markup import REPAIRS, repair_theme_markup

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The fault the theme made on every page: `autocomplete` on a checkbox.
FAULTY_PAGE = """<!doctype html><html lang="nl"><head><title>Fout</title></head>
<body><input type="checkbox" id="schakelaar" autocomplete="off"><label for="schakelaar">Menu</label></body></html>
"""


def test_every_page_is_valid_html_without_a_single_message(built_site: Path, tmp_path: Path) -> None:
    require_tool(VNU.is_file(), "vnu-jar (node_modules/vnu-jar)", "run `make test`, which runs `npm ci`")
    require_tool(shutil.which("java") is not None, "Java", ".ci/run installs default-jre-headless")
    pages = sorted(built_site.rglob("*.html"))
    faulty = tmp_path / "fout.html"
    faulty.write_text(FAULTY_PAGE, encoding="utf-8")

    result = subprocess.run(["java", "-jar", VNU, "--format", "json", faulty, *pages],
                            capture_output=True, text=True, timeout=300)

    messages = json.loads(result.stderr)["messages"]
    found = [(Path(message["url"].removeprefix("file:")), message) for message in messages]
    assert len(pages) > 50
    assert [message["message"] for path, message in found if path == faulty] != []
    assert [f"{path.relative_to(built_site)}:{message.get('lastLine')}: {message['type']}: {message['message']}"
            for path, message in found if path != faulty] == []


def test_the_repairs_of_the_themes_markup_find_what_they_repair() -> None:
    """Material's base.html writes the two checkboxes exactly as the repairs expect (a newer theme would show here
    first), and a repaired page has neither the old markup nor `autocomplete` on them."""
    material = Path(importlib.util.find_spec("material").submodule_search_locations[0])
    base = (material / "templates" / "base.html").read_text(encoding="utf-8")

    repaired = repair_theme_markup(base)

    assert all(theirs in base and theirs not in repaired for theirs in REPAIRS)
    assert 'type="checkbox" id="__drawer" form=' in repaired and 'autocomplete="off">' not in repaired

"""`praktijkbank validate` runs on every push and in editors: it imports only what checking needs. The site
builder, the link checker, the contributor commands (their questions, issue forms, ruamel.yaml) and jsonschema
(needed only to explain an error) stay unloaded for a clean repository, and a repository with an error still
gets jsonschema's explanation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import PROJECT_ROOT, VALID_PRACTICE

NOT_NEEDED = ["jsonschema", "mkdocs", "jinja2", "markdown_it", "praktijkbank.publish.site", "praktijkbank.render.pages",
              "praktijkbank.checks.links", "praktijkbank.contribute.generated", "praktijkbank.contribute.issue_form",
              "praktijkbank.cli.contribute", "praktijkbank.contribute.questions", "ruamel", "multiprocessing"]
RUN = """
import json, sys
from praktijkbank.cli.main import main
code = main(["validate", "--root", sys.argv[1], "--format", "json"])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def validate_in_a_fresh_interpreter(root: Path) -> tuple[int, set[str]]:
    result = subprocess.run([sys.executable, "-c", RUN, str(root)], capture_output=True, text=True, timeout=60)
    report = json.loads(result.stderr.strip().splitlines()[-1])
    return report["code"], set(report["modules"])


def test_validating_a_clean_repository_loads_neither_jsonschema_nor_the_site_builder() -> None:
    code, modules = validate_in_a_fresh_interpreter(PROJECT_ROOT)

    assert code == 0
    assert "praktijkbank.validate.checker" in modules
    assert [name for name in NOT_NEEDED if name in modules] == []


def test_a_file_with_an_error_is_explained_by_jsonschema(make_repository) -> None:
    root = make_repository()
    practice = root / "practices" / VALID_PRACTICE.name
    practice.write_text(practice.read_text(encoding="utf-8").replace("status: ", "status: onbekend-", 1),
                        encoding="utf-8")

    code, modules = validate_in_a_fresh_interpreter(root)

    assert code == 1
    assert "jsonschema" in modules

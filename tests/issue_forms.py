"""Issue bodies as GitHub writes them from an issue form: each answer under `### Label`, `_No response_` for
an empty one, ticked boxes as `- [X] label`. Built from the committed form, so a test fills in the form that
contributors really see."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

from helpers import PROJECT_ROOT

COLLECTION_FORM = PROJECT_ROOT / ".github/ISSUE_TEMPLATE/collectie-aanmelden.yml"
PRACTICE_FORM = PROJECT_ROOT / ".github/ISSUE_TEMPLATE/praktijk-aanmelden.yml"
CHANGE_FORM = PROJECT_ROOT / ".github/ISSUE_TEMPLATE/wijziging-voorstellen.yml"


def prefilled_answers(address: str) -> dict[str, str]:
    """The form fields a prefilled form address fills in (its query without GitHub's own parameters)."""
    from urllib.parse import parse_qsl, urlsplit

    return {key: value for key, value in parse_qsl(urlsplit(address).query) if key not in ("template", "title")}


def issue_body(form: Path, answers: Mapping[str, str]) -> str:
    """The body of the issue made with `form` when its fields (by id) hold `answers` and every box is ticked."""
    parts = []
    for element in yaml.safe_load(form.read_text(encoding="utf-8"))["body"]:
        attributes = element["attributes"]
        if element["type"] == "markdown":
            continue
        if element["type"] == "checkboxes":
            answer = "\n".join(f"- [X] {option['label']}" for option in attributes["options"])
        else:
            answer = answers.get(element["id"], "").strip() or "_No response_"
        parts.append(f"### {attributes['label']}\n\n{answer}")
    return "\n\n".join(parts) + "\n"

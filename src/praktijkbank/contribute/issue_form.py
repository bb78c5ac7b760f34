"""The GitHub issue form `.github/ISSUE_TEMPLATE/praktijk-aanmelden.yml`, written from the questions.

The form shows the same questions as `praktijkbank new`, with the vocabularies as dropdowns; `from-issue`
reads the issue GitHub makes of it. Generated and checked like the schemas, so the form, the converter
and the validator always agree on fields and choices.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

import yaml

from praktijkbank.contribute.questions import (
    CHOICE,
    CHOICES,
    MUNICIPALITIES,
    QUESTIONS,
    Question,
    Questionnaire,
)

FORM_PATH = PurePosixPath(".github/ISSUE_TEMPLATE/praktijk-aanmelden.yml")
FORM_LABEL = "praktijk-aanmelding"
CHECKS_LABEL = "Controle"
CHECKS = (
    "Alles wat ik invul, komt uit de bron. Ik heb niets verzonnen.",
    "Mijn tekst mag op de site komen onder de licentie CC BY 4.0 (Naamsvermelding).",
)
_HEADER = ("# Gemaakt met `praktijkbank generate --write` uit schemas/practice.schema.json en "
           "schemas/vocabularies.yml.\n# Pas dit bestand niet met de hand aan.\n")
_INTRO = (
    "Met dit formulier meld je een goed voorbeeld aan voor de Praktijkbank Sociaal Domein. "
    "Je hoeft geen bestand te maken: na het versturen maakt de praktijkbank er een voorstel (pull request) van. "
    "Kan iets niet verwerkt worden? Dan lees je hieronder in een reactie wat er moet gebeuren.\n\n"
    "Lees eerst de [opnamecriteria](../blob/main/docs/opnamecriteria.md). Verzin niets: laat een vraag leeg "
    "als je het antwoord niet weet."
)


def render_issue_form(asking: Questionnaire) -> str:
    """The form's YAML text; byte-stable for the same schema and vocabularies."""
    form = {
        "name": "Praktijk aanmelden",
        "description": "Meld een goed voorbeeld aan voor de praktijkbank, zonder zelf een bestand te maken.",
        "title": "Praktijk: ",
        "labels": [FORM_LABEL],
        "body": [{"type": "markdown", "attributes": {"value": _INTRO}}]
        + [_element(asking, question) for question in QUESTIONS]
        + [_checks()],
    }
    return _HEADER + yaml.dump(form, allow_unicode=True, sort_keys=False, width=100)


def _element(asking: Questionnaire, question: Question) -> dict[str, Any]:
    attributes: dict[str, Any] = {"label": question.label, "description": asking.help(question)}
    vocabulary = asking.vocabulary(question)
    if question.kind in (CHOICE, CHOICES) and vocabulary is not None:
        labels = [term.label for term in vocabulary.terms]
        if any("," in label for label in labels):
            raise ValueError(f"a label in '{vocabulary.name}' has a comma; the form joins choices with commas")
        kind = "dropdown"
        attributes |= {"multiple": question.kind == CHOICES, "options": labels}
    elif question.kind == MUNICIPALITIES:
        # from-issue splits the chosen names again, keeping a name with a comma of its own together
        kind = "dropdown"
        attributes |= {"multiple": True, "options": asking.municipalities.names()}
    else:
        kind = "textarea" if question.long else "input"
        example = _example(asking, question)
        if example:
            attributes["placeholder"] = example
    return {"type": kind, "id": question.key, "attributes": attributes,
            "validations": {"required": question.required}}


def _example(asking: Questionnaire, question: Question) -> str:
    """The schema's example as placeholder text, when it is a plain text or number."""
    examples = asking.field_schema(question).get("examples", [])
    value = examples[0] if examples else ""
    if isinstance(value, list):
        value = "\n".join(f"{item['name']}, {item['type']}" if isinstance(item, dict) else str(item)
                          for item in value if not isinstance(item, dict) or item.get("role") == "partner")
    return str(value) if isinstance(value, (str, int)) else ""


def _checks() -> dict[str, Any]:
    return {"type": "checkboxes", "id": "checks",
            "attributes": {"label": CHECKS_LABEL, "options": [{"label": text, "required": True} for text in CHECKS]}}

"""The GitHub issue forms in `.github/ISSUE_TEMPLATE/`, written from the questions: "Praktijk aanmelden"
(`praktijk-aanmelden.yml`), "Collectie aanmelden" (`collectie-aanmelden.yml`) and "Wijziging voorstellen"
(`wijziging-voorstellen.yml`), which changes a practice that is already in the bank.

Each form shows the questions of its kind, with the vocabularies as dropdowns; `from-issue` reads the issue
GitHub makes of it. Generated and checked like the schemas, so a form, the converter and the validator always
agree on fields and choices. The collection form's field ids are also URL parameters: "Mijn selectie"
(docs/javascripts/selectie/selectie-collectie.js) opens the form filled in with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import yaml

from praktijkbank.common.form_links import (
    ADOPT_TITLE,
    CHANGE_FORM_FILE,
    CHANGE_TITLE,
    COLLECTION_FORM_FILE,
    PRACTICE_FORM_FILE,
)
from praktijkbank.contribute.questions import (
    CHOICE,
    CHANGE_QUESTIONS,
    CHOICES,
    COLLECTION_QUESTIONS,
    MUNICIPALITIES,
    QUESTIONS,
    Question,
    Questionnaire,
)

CHECKS_LABEL = "Controle"
FORMS_DIR = PurePosixPath(".github/ISSUE_TEMPLATE")
_INTRO_END = ("Kan iets niet verwerkt worden? Dan lees je hieronder in een reactie wat er moet gebeuren.\n\n"
              "Lees eerst de [opnamecriteria](../blob/main/docs/opnamecriteria.md). Verzin niets: laat een vraag "
              "leeg als je het antwoord niet weet.")


@dataclass(frozen=True)
class IssueForm:
    """One issue form: where it is written, what GitHub shows above it, and the questions it asks.
    `schema` names the schema its answers must pass (`practice` or `collection`)."""

    path: PurePosixPath
    schema: str
    name: str
    description: str
    title: str
    label: str
    intro: str
    questions: tuple[Question, ...]
    checks: tuple[str, ...]
    noun: str


PRACTICE_FORM = IssueForm(
    path=FORMS_DIR / PRACTICE_FORM_FILE,
    schema="practice",
    name="Praktijk aanmelden",
    description="Meld een goed voorbeeld aan voor de praktijkbank, zonder zelf een bestand te maken.",
    title=ADOPT_TITLE,
    label="praktijk-aanmelding",
    intro="Met dit formulier meld je een goed voorbeeld aan voor de Praktijkbank Sociaal Domein. Je hoeft geen "
          "bestand te maken: na het versturen maakt de praktijkbank er een voorstel (pull request) van. " + _INTRO_END,
    questions=QUESTIONS,
    checks=("Alles wat ik invul, komt uit de bron. Ik heb niets verzonnen.",
            "Mijn tekst mag op de site komen onder de licentie CC BY 4.0 (Naamsvermelding)."),
    noun="praktijk",
)
COLLECTION_FORM = IssueForm(
    path=FORMS_DIR / COLLECTION_FORM_FILE,
    schema="collection",
    name="Collectie aanmelden",
    description="Maak van praktijken uit de praktijkbank een collectie met een vaste pagina, bijvoorbeeld voor "
                "een bijeenkomst.",
    title="Collectie: ",
    label="collectie-aanmelding",
    intro="Met dit formulier maak je een collectie: praktijken uit deze praktijkbank op één pagina, in jouw "
          "volgorde. Begin het liefst bij **Mijn selectie** op de site: daar kies je de praktijken en opent dit "
          "formulier al ingevuld. Je hoeft geen bestand te maken: na het versturen maakt de praktijkbank er een "
          "voorstel (pull request) van. " + _INTRO_END,
    questions=COLLECTION_QUESTIONS,
    checks=("Mijn tekst mag op de site komen onder de licentie CC BY 4.0 (Naamsvermelding).",),
    noun="collectie",
)
CHANGE_FORM = IssueForm(
    path=FORMS_DIR / CHANGE_FORM_FILE,
    schema="practice",
    name="Wijziging voorstellen",
    description="Stel een verbetering voor in een praktijk die al in de praktijkbank staat, zonder zelf een "
                "bestand aan te passen.",
    title=CHANGE_TITLE,
    label="praktijk-wijziging",
    intro="Met dit formulier stel je een wijziging voor in een praktijk die al in de praktijkbank staat. Kwam je "
          "via **Stel een wijziging voor** op de pagina van de praktijk? Dan staan het id en de huidige teksten "
          "al ingevuld.\n\n"
          "- Verander alleen wat anders moet.\n"
          "- Een lege vraag betekent: dit blijft zoals het is.\n"
          "- Wil je iets weghalen dat niet verplicht is? Typ dan alleen een - (streepje).\n\n"
          "Vertel altijd wat je wilt veranderen en waarom. Na het versturen maakt de praktijkbank er een voorstel "
          "(pull request) van met alleen jouw wijzigingen; de redactie kijkt ernaar. " + _INTRO_END,
    questions=CHANGE_QUESTIONS,
    checks=PRACTICE_FORM.checks,
    noun="praktijk",
)
FORMS = (PRACTICE_FORM, COLLECTION_FORM, CHANGE_FORM)
_HEADER = ("# Gemaakt met `praktijkbank generate --write` uit schemas/{schema}.schema.json en "
           "schemas/vocabularies.yml.\n# Pas dit bestand niet met de hand aan.\n")


def render_issue_form(form: IssueForm, asking: Questionnaire) -> str:
    """The form's YAML text; byte-stable for the same schema and vocabularies."""
    document = {
        "name": form.name,
        "description": form.description,
        "title": form.title,
        "labels": [form.label],
        "body": [{"type": "markdown", "attributes": {"value": form.intro}}]
        + [_element(asking, question) for question in form.questions]
        + [_checks(form)],
    }
    return _HEADER.format(schema=form.schema) + yaml.dump(document, allow_unicode=True, sort_keys=False, width=100)


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
        example = asking.example(question)
        if example:
            attributes["placeholder"] = example
    return {"type": kind, "id": question.key, "attributes": attributes,
            "validations": {"required": question.required}}


def _checks(form: IssueForm) -> dict[str, Any]:
    return {"type": "checkboxes", "id": "checks",
            "attributes": {"label": CHECKS_LABEL,
                           "options": [{"label": text, "required": True} for text in form.checks]}}

"""The editor on /aanmelden/: its fields, its checks and its municipality list, written from the same questions,
schema and vocabularies as the issue forms, as one JSON file in docs/javascripts/aanmelden/.

`velden.json` holds what the browser needs to draw, check and send the practice form: each question of the form
"Praktijk aanmelden" with its Dutch label, help text, required mark, limits and choices (the initiator and the
partners become one list of organisation rows), the questions only "Wijziging voorstellen" asks, the field ids of
both forms and GitHub's address limit, the JSON Schema that Ajv checks against, the former municipalities (the
current ones and the names people use come from the build's api/gemeenten.json), the names of hidden characters
as the validator says them, the Dutch message of every rule (the same texts `from-issue` and
`validate` write), and the Markdown subset the build allows. `gemeenten.json` is the CBS
list for the municipality combobox. Generated and checked like the forms (`praktijkbank generate`), so the
editor cannot offer what the validator would refuse.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any

from praktijkbank.common.markdown_subset import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    DISABLED_RULES,
    HEADING_OFFSET,
    LINK_REL,
    PRESET,
)
from praktijkbank.common.municipalities import Municipalities
from praktijkbank.common.suggest import SUGGESTION
from praktijkbank.common.url_schemes import ALLOWED_URL_SCHEMES
from praktijkbank.common.form_links import GITHUB_PARAMETERS, MAX_FORM_URL_LENGTH
from praktijkbank.contribute.issue_form import CHANGE_FORM, PRACTICE_FORM, IssueForm
from praktijkbank.contribute.questions import CHOICE, CHOICES, LINES, MESSAGES, Question, Questionnaire
from praktijkbank.validate import hidden_characters
from praktijkbank.validate.rules import MAX_ID_LENGTH, URL_SCHEME_MESSAGE

FOLDER = PurePosixPath("docs/javascripts/aanmelden")
FIELDS_FILE = FOLDER / "velden.json"
ORGANISATIONS = "organisations"
# The form asks for the initiator and the partners apart; the editor shows them as organisation rows.
_ORGANISATION_KEYS = ("initiator", "initiator_type", "partners")
# The change form asks these anew (a new source, not the first one): the editor shows them only when changing.
_ASKED_ANEW = ("source_title", "source_url")
_ORGANISATION_HELP = ("De organisaties die meedoen, elk op een eigen rij. Zet de initiatiefnemer bovenaan: de "
                      "organisatie die de praktijk begon.")


def editor_fields(schema: dict[str, Any], asking: Questionnaire, changing: Questionnaire,
                  municipalities: Municipalities) -> str:
    """The text of velden.json for the (vocabulary-completed) practice `schema`, with the questions of the
    practice form (`asking`) and of the change form (`changing`) bound to it; byte-stable."""
    fields = []
    for question in PRACTICE_FORM.questions:
        if question.key == _ORGANISATION_KEYS[0]:
            fields.append(_organisations(asking))
        elif question.key not in _ORGANISATION_KEYS:
            fields.append(_field(asking, question))
    practice_keys = {question.key for question in PRACTICE_FORM.questions}
    document = {
        "forms": {"new": _form(PRACTICE_FORM), "change": _form(CHANGE_FORM)},
        "fields": fields,
        "changeFields": [_field(changing, question) for question in CHANGE_FORM.questions
                         if question.key not in practice_keys or question.key in _ASKED_ANEW],
        "maxUrlLength": MAX_FORM_URL_LENGTH,
        "githubParameters": sorted(GITHUB_PARAMETERS),
        "formerMunicipalities": [{"name": former.name, "mergedInto": former.merged_into, "year": former.year}
                                 for _, former in sorted(municipalities.former.items())],
        "schema": schema,
        "id": {"pattern": asking.schema["$defs"]["id"]["pattern"], "maxLength": MAX_ID_LENGTH},
        "messages": {**MESSAGES, "suggestion": SUGGESTION, "urlScheme": URL_SCHEME_MESSAGE,
                     "hidden": hidden_characters.MESSAGE},
        "urlSchemes": sorted(ALLOWED_URL_SCHEMES),
        "hiddenCharacters": {"names": {f"{code:04X}": name for code, name in sorted(hidden_characters.NAMES.items())},
                             "other": hidden_characters.OTHER_NAME},
        "markdown": {"preset": PRESET, "disabled": list(DISABLED_RULES), "headingOffset": HEADING_OFFSET,
                     "tags": sorted(ALLOWED_TAGS),
                     "attributes": {tag: sorted(names) for tag, names in sorted(ALLOWED_ATTRIBUTES.items())},
                     "linkRel": LINK_REL},
    }
    return _json(document)


def _form(form: IssueForm) -> dict[str, Any]:
    """What the editor needs of an issue form to fill it in: its file, the issue title's start and its questions
    (field id and label, in order)."""
    return {"file": form.path.name, "title": form.title,
            "questions": [{"key": question.key, "label": question.label} for question in form.questions]}


def _json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _limits(schema: dict[str, Any]) -> dict[str, Any]:
    """The limits a field shows and checks while typing (of a list: those of its items)."""
    inner = schema.get("items", schema) if schema.get("type") == "array" else schema
    return {name: inner[name] for name in ("minLength", "maxLength", "minimum", "maximum") if name in inner}


def _field(asking: Questionnaire, question: Question) -> dict[str, Any]:
    schema = asking.field_schema(question)
    field: dict[str, Any] = {"key": question.key, "label": question.label, "help": asking.help(question),
                             "kind": question.kind, "path": question.field, "required": question.required,
                             "long": question.long, **_limits(schema)}
    head = question.field.split(".")[0]
    if "." in question.field and asking.schema["properties"][head].get("type") == "array" and question.kind != LINES:
        field["firstItem"] = True  # the field of the list's first item: the first source
    example = asking.example(question)
    if example and question.kind not in (CHOICE, CHOICES):
        field["example"] = example
    vocabulary = asking.vocabulary(question)
    if vocabulary is not None:
        field["vocabulary"] = vocabulary.name
        field["options"] = [{"id": term.id, "label": term.label, "description": term.description}
                            for term in vocabulary.terms]
    return field


def _organisations(asking: Questionnaire) -> dict[str, Any]:
    """The organisation rows: name, kind and role, with the limits and choices of the schema's organisation."""
    item = asking.schema["properties"][ORGANISATIONS]["items"]
    name, kind, role = (item["properties"][part] for part in ("name", "type", "role"))
    terms = {part: asking.vocabularies[schema["x-vocabulary"]] for part, schema in (("type", kind), ("role", role))}
    return {
        "key": ORGANISATIONS, "label": asking.schema["properties"][ORGANISATIONS]["title"],
        "help": _ORGANISATION_HELP, "kind": ORGANISATIONS, "path": ORGANISATIONS, "required": True,
        "long": False,
        "formKeys": dict(zip(("initiator", "initiatorType", "partners"), _ORGANISATION_KEYS)),
        "parts": {
            "name": {"label": name["title"], "help": name["description"],
                     **_limits(name)},
            **{part: {"label": schema["title"], "help": schema["description"],
                      "options": [{"id": term.id, "label": term.label} for term in terms[part].terms]}
               for part, schema in (("type", kind), ("role", role))},
        },
    }


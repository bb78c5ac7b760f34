"""Links that open a GitHub issue form filled in: "Stel een wijziging voor" (the form "Wijziging voorstellen",
with a practice's current answers) and "Wij doen dit ook" (the form "Praktijk aanmelden", with what another
place can take over). One place for the addresses, the answers as the forms expect them, and GitHub's limit
on the length of an address, which "Mijn selectie" keeps to as well.

The answers are written from plain practice data: the YAML file's (`from-issue` compares an issue with the
file through them) or the model's (`dataclasses.asdict`, for the links on the pages). `from-issue` reads
them back with the form's own questions, so a link and the converter cannot disagree on a format.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlencode

from praktijkbank.common.vocabularies import Vocabularies

# GitHub answers longer addresses of a new issue with an error, so fields that would pass it stay empty.
MAX_FORM_URL_LENGTH = 8000
PRACTICE_FORM_FILE = "praktijk-aanmelden.yml"
COLLECTION_FORM_FILE = "collectie-aanmelden.yml"
CHANGE_FORM_FILE = "wijziging-voorstellen.yml"
# Without a repository the links go to the contributors' page, to the section that says where the forms are.
CONTRIBUTE_PAGE = "bijdragen/"
CHANGE_SECTION = f"{CONTRIBUTE_PAGE}#een-praktijk-verbeteren"
ADOPT_SECTION = f"{CONTRIBUTE_PAGE}#een-praktijk-overnemen"
CHANGE_TITLE, ADOPT_TITLE = "Wijziging: ", "Praktijk: "
# The name of a partner another place still has to fill in; `from-issue` refuses it as a name.
PARTNER_NAME_PLACEHOLDER = "(naam)"
INITIATOR_ROLE = "initiatiefnemer"
# Query parameters GitHub itself reads on a new issue: a form field with such an id (the practice's `title`)
# cannot be filled in through the address, so it stays empty, which the change form reads as unchanged.
GITHUB_PARAMETERS = frozenset({"template", "title", "body", "labels", "assignees", "milestone", "projects", "type"})

Data = Mapping[str, Any]


def initiator(data: Data) -> Data | None:
    """The organisation that started the practice: the one with that role, else the first."""
    organisations = data.get("organisations") or []
    return next((item for item in organisations if item.get("role") == INITIATOR_ROLE),
                organisations[0] if organisations else None)


def partners(data: Data) -> list[Data]:
    """Every organisation but the initiator, in the file's order."""
    first = initiator(data)
    return [item for item in data.get("organisations") or [] if item is not first]


def _labels(vocabularies: Vocabularies, name: str, ids: Iterable[str]) -> str:
    """Choices as GitHub writes a dropdown's answer: the labels, joined with commas."""
    return ", ".join(vocabularies[name].label(term_id) for term_id in ids)


def _lines(items: Iterable[str]) -> str:
    return "\n".join(items)


def practice_answers(data: Data, vocabularies: Vocabularies) -> dict[str, str]:
    """Each field of the change form (by field id) with the practice's current answer, in the form's
    order; a field the practice leaves out is absent. Provinces are left out: they follow from the
    municipalities, and an empty answer keeps them."""
    first = initiator(data) or {}
    answers = {
        "title": data.get("title") or "",
        "summary": data.get("summary") or "",
        "description": data.get("description") or "",
        "municipalities": ", ".join((data.get("place") or {}).get("municipalities") or ()),
        "initiator": first.get("name") or "",
        "initiator_type": _labels(vocabularies, "organisation_types", [first["type"]]) if first else "",
        "partners": _lines(f"{item['name']}, {item['type']}" for item in partners(data)),
        "themes": _labels(vocabularies, "themes", data.get("themes") or ()),
        "target_groups": _labels(vocabularies, "target_groups", data.get("target_groups") or ()),
        "status": _labels(vocabularies, "statuses", [data["status"]]) if data.get("status") else "",
        "activities": _lines(data.get("activities") or ()),
        "start": str((data.get("period") or {}).get("start") or ""),
        "results": _lines(item["text"] for item in data.get("results") or ()),
        "lessons": _lines(data.get("lessons") or ()),
        "based_on": data.get("based_on") or "",
    }
    return {key: text for key, text in answers.items() if text}


def adoption_answers(practice_id: str, data: Data, vocabularies: Vocabularies) -> dict[str, str]:
    """What another place takes over from a practice into the form "Praktijk aanmelden": its themes, target
    groups, activities and the kinds of partner (each with a name still to fill in), and `based_on`. What
    belongs to the new place (title, place, organisations, period, results, sources) stays empty."""
    kinds = dict.fromkeys(item["type"] for item in partners(data))
    answers = {
        "themes": _labels(vocabularies, "themes", data.get("themes") or ()),
        "target_groups": _labels(vocabularies, "target_groups", data.get("target_groups") or ()),
        "partners": _lines(f"{PARTNER_NAME_PLACEHOLDER}, {kind}" for kind in kinds),
        "activities": _lines(data.get("activities") or ()),
        "based_on": practice_id,
    }
    return {key: text for key, text in answers.items() if text}


def form_url(repository: str, form_file: str, title: str, answers: Mapping[str, str]) -> str:
    """The address of a new issue with `form_file`, filled in with as many `answers` (in their order) as fit
    within GitHub's limit; an answer that does not fit is left out, and a shorter one after it may still go in."""
    base = f"{repository.rstrip('/')}/issues/new?"
    chosen = {"template": form_file, "title": title}
    for key, text in answers.items():
        if key not in GITHUB_PARAMETERS and len(base + urlencode(chosen | {key: text})) <= MAX_FORM_URL_LENGTH:
            chosen[key] = text
    return base + urlencode(chosen)

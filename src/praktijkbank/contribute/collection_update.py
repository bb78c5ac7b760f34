"""The form "Collectie aanmelden" sent with the id of a collection that exists: an update of that collection
("Pas deze collectie aan" in Mijn selectie fills the form in with it). Its address, its QR code and its old
ids stay: only the fields whose answers differ are written again (yaml_edit.py), and an empty optional
answer (the curator's website, the event) keeps what the file has.
"""

from __future__ import annotations

from typing import Any

from praktijkbank.contribute.practice_change import FieldChange
from praktijkbank.contribute.questions import Questionnaire
from praktijkbank.contribute.yaml_edit import YamlEdit
from praktijkbank.load.repository import COLLECTION
from praktijkbank.validate.rules import Record

UPDATED_FIELDS = {"title": "Titel van de collectie", "description": "Inleiding", "curator": "Samensteller",
                  "event": "Bijeenkomst", "items": "Praktijken in de collectie"}


def existing_collection(collection_id: str | None, records: list[Record]) -> Record | None:
    """The collection a form's id names, by its id or an old id in `aliases`."""
    if not collection_id:
        return None
    for record in records:
        if record.kind == COLLECTION and (record.id == collection_id
                                          or collection_id in ((record.data or {}).get("aliases") or [])):
            return record
    return None


def update_collection(asking: Questionnaire, answers: dict[str, Any], record: Record,
                      key_order: list[str]) -> tuple[str, list[FieldChange], list[str]]:
    """The collection file's new text, what changed in it and the comments that could not stay."""
    old = record.data or {}
    _, new = asking.collection(answers, old.get("added", ""))
    new["curator"] = {**old.get("curator", {}), **new["curator"]}
    if "event" not in new and "event" in old:
        new["event"] = old["event"]
    edit = YamlEdit(record.path.read_bytes().decode("utf-8"), key_order)
    changes = []
    for key, label in UPDATED_FIELDS.items():
        if key in new and new[key] != old.get(key):
            edit.set(key, new[key])
            changes.append(FieldChange(label, _text(old.get(key)), _text(new[key])))
    return edit.text(), changes, edit.lost_comments()


def _text(value: Any) -> str:
    """A field's value as readable text for the pull request."""
    if isinstance(value, list):
        return "\n".join(_text(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items())
    return "" if value is None else str(value)

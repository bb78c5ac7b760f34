"""What a change says to a reader, in Dutch, made from the data: "Toegevoegd", "Nagekeken", "Gewijzigd:
samenvatting, bronnen (1 toegevoegd)". The practice page, /wijzigingen/, the change pages and every feed say
it in these same words; the field names are the schemas' own titles (common/field_labels.py).
"""

from __future__ import annotations

import re

from praktijkbank.common.field_labels import FieldLabels
from praktijkbank.model.field_diff import ALIASES_FIELD, FieldChange
from praktijkbank.model.history import (
    ADDED,
    CHANGED,
    LAYOUT,
    REMOVED,
    RENAMED,
    RETURNED,
    REVIEWED,
    WITHDRAWN,
    Change,
)

KIND_WORDS = {ADDED: "Toegevoegd", CHANGED: "Gewijzigd", RENAMED: "Nieuw adres", WITHDRAWN: "Teruggetrokken",
              RETURNED: "Weer opgenomen", REMOVED: "Weggehaald", REVIEWED: "Nagekeken", LAYOUT: "Alleen opmaak"}
UNREADABLE_NOTE = "een versie van het bestand was geen geldige YAML"
# What an id shown as an old address may be: the form of a valid id, so a hostile file name never shows.
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
                        "\ufff9-\ufffb\ud800-\udfff]")


def visible(text: str) -> str:
    """Text from a version of a file nobody validated (an old one), with every control, direction-changing or
    invisible character shown as the replacement character: no page or feed holds one."""
    return _INVISIBLE.sub("\ufffd", text)


def kind_word(change: Change) -> str:
    """The kind of change in one word or two, for a feed entry's title."""
    return KIND_WORDS[change.kind]


def describe(change: Change, kind: str, labels: FieldLabels) -> str:
    """The whole description of a change to a record of `kind` (practice or collection)."""
    if change.kind == RENAMED:
        was = f" (was {change.old_id})" if change.old_id and _ID.fullmatch(change.old_id) else ""
        others = [field for field in change.fields if field.key != ALIASES_FIELD]
        return f"Nieuw adres{was}" + (f"; gewijzigd: {field_list(others, kind, labels)}" if others else "")
    if change.kind == WITHDRAWN:
        return f"Teruggetrokken: {visible(change.reason)}" if change.reason else "Teruggetrokken"
    if change.unreadable:
        return f"Gewijzigd ({UNREADABLE_NOTE})"
    if change.kind == CHANGED:
        return f"Gewijzigd: {field_list(change.fields, kind, labels)}"
    return KIND_WORDS[change.kind]


def sentence(text: str) -> str:
    """A description as a sentence: ended by a full stop unless it already ends in one (a reason may)."""
    return text if text.endswith((".", "!", "?")) else f"{text}."


def field_list(fields: tuple[FieldChange, ...] | list[FieldChange], kind: str, labels: FieldLabels) -> str:
    """'samenvatting, bronnen (1 toegevoegd)': each field in lower case, a list with what happened to it."""
    return ", ".join(_lower_first(labels.title(kind, (field.key,))) + _counts(field) for field in fields)


def _counts(field: FieldChange) -> str:
    if not field.is_list:
        return ""
    if field.reordered:
        return " (andere volgorde)"
    parts = [f"{len(items)} {word}" for items, word in ((field.added, "toegevoegd"), (field.removed, "weggehaald"),
                                                         (field.changed, "gewijzigd")) if items]
    return f" ({' en '.join(parts)})" if parts else ""


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]

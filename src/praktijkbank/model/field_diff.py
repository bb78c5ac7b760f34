"""What changed between two versions of a practice or collection, field by field, as data.

The versions are plain data as the strict loader gives them; an old version was never validated, so any
field may hold any shape and every comparison here works on whatever it finds. The words a reader sees are
made from this in render/change_text.py, with the schema's own Dutch labels.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

REVIEW_FIELD = "last_reviewed"
WITHDRAWN_FIELD = "withdrawn"
ALIASES_FIELD = "aliases"


@dataclass(frozen=True)
class FieldChange:
    """One top-level field that differs: its key, the old and new value (None when absent) and, when both are
    lists, how many items were added, removed or changed in place, and whether only their order moved."""

    key: str
    old: Any = None
    new: Any = None
    added: tuple[Any, ...] = ()
    removed: tuple[Any, ...] = ()
    changed: tuple[tuple[Any, Any], ...] = ()
    reordered: bool = False

    @property
    def is_list(self) -> bool:
        return isinstance(self.old, list) and isinstance(self.new, list)


def field_changes(old: dict[str, Any], new: dict[str, Any], order: tuple[str, ...] = ()) -> tuple[FieldChange, ...]:
    """The fields that differ between two versions, in `order` (the schema's) and then by key."""
    keys = [key for key in order if key in old or key in new]
    keys += sorted(key for key in {*old, *new} if key not in order)
    return tuple(_field_change(key, old.get(key), new.get(key)) for key in keys if old.get(key) != new.get(key))


def _field_change(key: str, old: Any, new: Any) -> FieldChange:
    if not (isinstance(old, list) and isinstance(new, list)):
        return FieldChange(key, old, new)
    if sorted(map(_canonical, old)) == sorted(map(_canonical, new)):
        return FieldChange(key, old, new, reordered=True)
    added, removed, changed = [], [], []
    matcher = SequenceMatcher(None, [_canonical(item) for item in old], [_canonical(item) for item in new],
                              autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        before, after = old[old_start:old_end], new[new_start:new_end]
        if operation == "replace":
            paired = min(len(before), len(after))
            changed += zip(before[:paired], after[:paired])
            removed += before[paired:]
            added += after[paired:]
        elif operation == "delete":
            removed += before
        elif operation == "insert":
            added += after
    return FieldChange(key, old, new, tuple(added), tuple(removed), tuple(changed))


def _canonical(value: Any) -> str:
    """A list item as comparable text, whatever its shape."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)

"""The review clock: which day "today" is, and when a practice is due for a fresh look.

Validation warns about practices that are due, and the site lists them; both must count from the same day.
"Due" is measured against a reference date: SOURCE_DATE_EPOCH when set (so a build is reproducible), else
today (UTC). A date in the data is a day written jjjj-mm-dd (`is_calendar_date`), the same for the schema, the
rules and the pages that show it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date, datetime, timezone
from typing import Any

REVIEW_AFTER_YEARS = 2
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def is_calendar_date(value: object) -> bool:
    """jsonschema's `date`: the form jjjj-mm-dd and a day that exists. Python reads more forms as a date
    ("20261212"), which neither the schema nor a comparison of two dates as text would take."""
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def reference_date(environ: Mapping[str, str] = os.environ) -> date:
    """The day "today" means: SOURCE_DATE_EPOCH when set, for reproducible builds; else the UTC date."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return moment.date()


def last_second_of(day: date) -> int:
    """The Unix time of the last second of `day` (UTC): nothing the site shows may be dated after it."""
    return int(datetime.combine(day, datetime.max.time(), timezone.utc).timestamp())


def is_after(value: str, reference: date) -> bool:
    """Whether the date `value` (jjjj-mm-dd) lies after `reference`; not a date counts as not after (the schema
    check reports it)."""
    try:
        return date.fromisoformat(value) > reference
    except (TypeError, ValueError):
        return False


def review_deadline(reference: date) -> date:
    """The oldest date that still counts as recently looked at: two years before the reference date."""
    return _years_later(reference, -REVIEW_AFTER_YEARS)


def next_review(looked_at: str) -> str:
    """The day a text looked at on `looked_at` (jjjj-mm-dd) is due for its next look: two years later."""
    return _years_later(date.fromisoformat(looked_at), REVIEW_AFTER_YEARS).isoformat()


def _years_later(day: date, years: int) -> date:
    """The same day `years` later (or earlier); 29 February becomes the 28th in a year without it."""
    year = day.year + years
    return day.replace(year=year, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=year)


def last_looked_at(data: Mapping[str, Any]) -> str | None:
    """When someone last looked at the text: the review date, or the day it was added if never reviewed."""
    value = data.get("last_reviewed") or data.get("added")
    return value if isinstance(value, str) else None


def is_due_for_review(looked_at: str, reference: date) -> bool:
    try:
        return date.fromisoformat(looked_at) < review_deadline(reference)
    except ValueError:
        return False  # not a date: the schema check reports it

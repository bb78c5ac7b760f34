"""What a practice page shows of the practice's life: its history (from git), when it was last looked at and
when it is due again.

The review period and "today" come from `common.clock`, as for the list `te-herzien/` and the validator's
warnings, so the page, the list and the warning always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from praktijkbank.common import urls
from praktijkbank.common.clock import is_due_for_review, next_review
from praktijkbank.load.repository import PRACTICE
from praktijkbank.model.catalog import Catalog, Practice
from praktijkbank.model.history import Change, RecordKey


@dataclass(frozen=True)
class Freshness:
    """When someone last looked at the text (the review date, or the day it was added), when the next look
    is due, and whether that day has passed."""

    looked_at: str
    next_review: str
    overdue: bool


def freshness(practice: Practice, reference: date) -> Freshness:
    looked_at = practice.last_reviewed or practice.added
    return Freshness(looked_at, next_review(looked_at), is_due_for_review(looked_at, reference))


def practice_history(catalog: Catalog, practice: Practice) -> list[Change]:
    """The practice's changes, newest first; none when the build has no history from git (then the page leaves
    the section out, and the build said why)."""
    if not catalog.histories.from_git:
        return []
    return list(reversed(catalog.histories.of((PRACTICE, practice.id))))


def last_modified(catalog: Catalog, record: RecordKey, *dates: str | None) -> str:
    """The day a record last changed, for the sitemap's `lastmod`: its newest change in git or the latest of
    the dates its data gives (added, last reviewed), so a search engine sees which pages were looked after,
    not the day of the build."""
    return max([*(change.date for change in catalog.histories.of(record)), *(day for day in dates if day)])


def change_url(change: Change) -> str:
    """The section of one change on its record's change page (render/change_pages.py)."""
    kind, record_id = change.record
    page = urls.practice_changes_url(record_id) if kind == PRACTICE else urls.collection_changes_url(record_id)
    return f"{page}#{change.anchor}"


def pull_request_url(repository: str | None, number: int) -> str | None:
    """The address of pull request `number` on GitHub, when the site knows its repository."""
    return f"{repository}/pull/{number}" if repository else None

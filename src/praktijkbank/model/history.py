"""The life of each practice and collection as a list of changes: added, changed, renamed, withdrawn.

Made from the commits git listed (load/history.py), followed back through renames: git's rename detection
(`R`), and the old ids in `aliases` for a rename git did not recognise (the old file deleted and the new
one added in the same commit). A record without commits (no git, or a file not yet committed) has the
changes its data gives: `added`, and `withdrawn` when it was withdrawn.

Which commit withdrew a practice is not in the commit list (reading every file's content at every commit
would cost a process per file): the newest change on or after the withdrawal date is the withdrawal; when
there is none, the withdrawal is a change of its own on the date the data gives.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import PurePosixPath

from praktijkbank.load.history import ADDED as GIT_ADDED
from praktijkbank.load.history import DELETED, RENAMED as GIT_RENAMED
from praktijkbank.load.history import History

ADDED, CHANGED, RENAMED, WITHDRAWN = "added", "changed", "renamed", "withdrawn"
PULL_REQUEST = re.compile(r"\(#([0-9]+)\)")

RecordKey = tuple[str, str]
"""(kind, id): PRACTICE or COLLECTION, and the record's current id."""


@dataclass(frozen=True)
class Change:
    """One event in a record's life. `subject`, `sha` and `pull_request` come from the commit and are None
    for a change the data gives; `old_id` is the id before a rename."""

    kind: str
    record: RecordKey
    timestamp: int
    subject: str | None = None
    sha: str | None = None
    pull_request: int | None = None
    old_id: str | None = None
    order: int = 0
    """Position in git's list (0 = newest): the tie-breaker for changes in the same second."""

    @property
    def date(self) -> str:
        """The day of the change in UTC (jjjj-mm-dd), the same wherever the site is built."""
        return datetime.fromtimestamp(self.timestamp, timezone.utc).date().isoformat()

    @property
    def moment(self) -> str:
        """The time of the change as RFC 3339 in UTC, as Atom wants it."""
        return datetime.fromtimestamp(self.timestamp, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Histories:
    """Every record's changes, oldest first; `omitted` says in Dutch why git's history is missing (None when
    it was read)."""

    by_record: Mapping[RecordKey, tuple[Change, ...]] = field(default_factory=dict)
    omitted: str | None = None

    @property
    def from_git(self) -> bool:
        return self.omitted is None

    def of(self, record: RecordKey) -> tuple[Change, ...]:
        return self.by_record.get(record, ())

    def last_change(self, record: RecordKey) -> Change | None:
        changes = self.of(record)
        return changes[-1] if changes else None

    def newest(self, limit: int, records: Iterable[RecordKey] | None = None) -> list[Change]:
        """The most recent changes of `records` (default: all), newest first, in an order that never depends
        on the order of the input."""
        chosen = self.by_record if records is None else {key: self.of(key) for key in records}
        changes = [change for history in chosen.values() for change in history]
        return sorted(changes, key=newest_first_key)[:limit]


def newest_first_key(change: Change) -> tuple[int, int, str, str, str]:
    return -change.timestamp, change.order, change.record[0], change.record[1], change.kind


@dataclass(frozen=True)
class RecordDates:
    """What the data says about a record's life: when it was added, when it was withdrawn (if so), and its
    old ids."""

    added: str
    withdrawn: str | None = None
    aliases: tuple[str, ...] = ()


def build_histories(history: History, files: Mapping[str, RecordKey],
                    dates: Mapping[RecordKey, RecordDates]) -> Histories:
    """The changes of every record in `dates`; `files` maps each record's file (as git names it, relative to
    the repository) to the record."""
    from_git = _changes_from_git(history, files, dates) if history.available else {}
    return Histories({record: _with_data_dates(from_git.get(record, []), record, known)
                      for record, known in sorted(dates.items())}, history.omitted)


def _changes_from_git(history: History, files: Mapping[str, RecordKey],
                      dates: Mapping[RecordKey, RecordDates]) -> dict[RecordKey, list[Change]]:
    """Walk the commits newest first: a rename teaches the older name of a file, so older commits of it are
    found too. The oldest change of a record is its addition."""
    tracked = {path: record for path, record in files.items() if record in dates}
    for path, record in list(tracked.items()):
        for alias in dates[record].aliases:
            tracked.setdefault(str(PurePosixPath(path).with_name(alias + PurePosixPath(path).suffix)), record)
    found: dict[RecordKey, list[Change]] = defaultdict(list)
    for order, commit in enumerate(history.commits):
        touched: dict[RecordKey, list] = defaultdict(list)
        for change in commit.changes:
            record = tracked.get(change.path)
            if record is not None:
                touched[record].append(change)
                if change.old_path:
                    tracked.setdefault(change.old_path, record)
        for record, changes in touched.items():
            kind, old_id = _kind(changes)
            found[record].append(Change(kind, record, commit.timestamp, commit.subject, commit.sha,
                                        _pull_request(commit.subject), old_id, order))
    for changes in found.values():
        changes.reverse()
        changes[0] = replace(changes[0], kind=ADDED, old_id=None)
    return found


def _kind(changes: list) -> tuple[str, str | None]:
    """A commit's effect on one record: renamed (by git, or an old file deleted beside it), else changed."""
    for change in changes:
        if change.status == GIT_RENAMED and change.old_path:
            return RENAMED, PurePosixPath(change.old_path).stem
    deleted = [change for change in changes if change.status == DELETED]
    if deleted and any(change.status == GIT_ADDED for change in changes):
        return RENAMED, PurePosixPath(deleted[0].path).stem
    return CHANGED, None


def _pull_request(subject: str) -> int | None:
    """The pull request a squash merge names at the end of its subject: 'Fix the place (#42)' → 42."""
    numbers = PULL_REQUEST.findall(subject)
    return int(numbers[-1]) if numbers else None


def _with_data_dates(changes: list[Change], record: RecordKey, known: RecordDates) -> tuple[Change, ...]:
    """Git's changes completed by the data: `added` when git has none, and the withdrawal (the first commit
    after the addition on or after its date)."""
    changes = list(changes) or [Change(ADDED, record, _midnight(known.added), order=_AFTER_GIT)]
    if known.withdrawn:
        start = _midnight(known.withdrawn)
        position = next((index for index in range(1, len(changes))
                         if changes[index].timestamp >= start and changes[index].subject is not None), None)
        if position is None:
            changes.append(Change(WITHDRAWN, record, max(start, changes[-1].timestamp), order=_AFTER_GIT))
        else:
            changes[position] = replace(changes[position], kind=WITHDRAWN)
    return tuple(changes)


# Changes from the data come after git's in the same second (git's order counts from 0).
_AFTER_GIT = 1 << 62


def _midnight(day: str) -> int:
    return int(datetime.combine(date.fromisoformat(day), datetime.min.time(), timezone.utc).timestamp())

"""The life of each practice and collection as a list of changes: added, changed, reviewed, renamed,
withdrawn, back again; each with what changed in its data, field by field.

Made from the commits git listed (load/history.py) by comparing each record's file with its version in the
parent commit: the data decides what a change was, never the commit's subject. Renames are followed back in
time: git's rename detection (`R`), and an old id in `aliases` whose file was deleted (a rename git did not
recognise). Which file belongs to which record is worked out commit by commit, newest first: before the commit
that added a file, its path belongs to nobody, so an id used again for a new practice after a rename starts
its own history, and the renamed practice keeps the older one. A record without commits (no git, or a file
not yet committed) has the changes its data gives: `added`, and `withdrawn` when it was withdrawn.

A commit dated after the build's day (a wrong clock) counts as that day: no page shows a date that has not
come yet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import PurePosixPath
from typing import Any

from praktijkbank.load.history import ADDED as GIT_ADDED
from praktijkbank.load.history import DELETED, RENAMED as GIT_RENAMED
from praktijkbank.load.history import Commit, FileChange, History
from praktijkbank.load.strict_yaml import MAX_FILE_BYTES, LoadError, load_bytes
from praktijkbank.model.field_diff import REVIEW_FIELD, WITHDRAWN_FIELD, FieldChange, field_changes

ADDED, CHANGED, RENAMED, WITHDRAWN = "added", "changed", "renamed", "withdrawn"
RETURNED, REMOVED, REVIEWED, LAYOUT = "returned", "removed", "reviewed", "layout"
"""Back after a withdrawal or deletion; the file deleted; only `last_reviewed` moved; the data did not change."""

RecordKey = tuple[str, str]
"""(kind, id): PRACTICE or COLLECTION, and the record's current id."""

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
# The range a date can show: from the year 1 to the build's day. Git stores any number as a commit time.
EARLIEST = int((datetime(1, 1, 2, tzinfo=timezone.utc) - EPOCH).total_seconds())
LATEST = int((datetime(9999, 12, 31, tzinfo=timezone.utc) - EPOCH).total_seconds())
UNREADABLE = "unreadable"
"""A version of a file that was no valid YAML mapping: it is there, but its fields cannot be compared."""


@dataclass(frozen=True)
class Change:
    """One event in a record's life. `sha` and `pull_request` come from the commit and are None for a change
    the data gives; `old_id` is the id before a rename; `fields` what differs from the parent version;
    `reason` the reason of a withdrawal; `unreadable` that one of the two versions was no valid YAML."""

    kind: str
    record: RecordKey
    timestamp: int
    sha: str | None = None
    pull_request: int | None = None
    old_id: str | None = None
    order: int = 0
    """Position in git's list (0 = newest): the tie-breaker for changes in the same second."""
    fields: tuple[FieldChange, ...] = ()
    reason: str | None = None
    unreadable: bool = False

    @property
    def date(self) -> str:
        """The day of the change in UTC (jjjj-mm-dd), the same wherever the site is built."""
        return _moment(self.timestamp).date().isoformat()

    @property
    def moment(self) -> str:
        """The time of the change as RFC 3339 in UTC, as Atom wants it."""
        return _moment(self.timestamp).isoformat().replace("+00:00", "Z")

    @property
    def anchor(self) -> str:
        """The id of this change's section on its record's change page: stable for the commit."""
        return f"wijziging-{self.sha[:12]}" if self.sha else f"wijziging-{self.kind}"


@dataclass(frozen=True)
class Histories:
    """Every record's changes, oldest first; `omitted` says in Dutch why git's history is missing (None when
    it was read)."""

    by_record: Mapping[RecordKey, tuple[Change, ...]] = field(default_factory=dict)
    omitted: str | None = None
    file_dates: Mapping[str, str] = field(default_factory=dict)
    """The day each other file git was asked about (the hand-written pages) last changed, by its path."""

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
    """What the data says about a record's life: when it was added, when and why it was withdrawn (if so),
    and its old ids."""

    added: str
    withdrawn: str | None = None
    aliases: tuple[str, ...] = ()
    reason: str | None = None


def build_histories(history: History, files: Mapping[str, RecordKey], dates: Mapping[RecordKey, RecordDates],
                    field_order: Mapping[str, tuple[str, ...]] | None = None, latest: int | None = None,
                    loaded: Mapping[bytes, dict[str, Any]] | None = None) -> Histories:
    """The changes of every record in `dates`; `files` maps each record's file (as git names it, relative to
    the repository) to the record; `field_order` gives per kind the schema's order of the fields; `latest` is
    the last second of the build's day, the latest time a change may show; `loaded` holds the data validation
    already loaded, by the file's bytes, so the newest version of most files is not loaded again."""
    walk = _Walk(history, files, dates, field_order or {}, loaded or {})
    from_git = walk.changes() if history.available else {}
    file_dates = {path: _moment(_clamped(timestamp, latest)).date().isoformat()
                  for path, timestamp in history.touched.items()}
    return Histories({record: _with_data_dates(from_git.get(record, []), record, known, latest)
                      for record, known in sorted(dates.items())}, history.omitted, file_dates)


class _Walk:
    """The commits newest first, with which record each path belongs to at that point in time."""

    def __init__(self, history: History, files: Mapping[str, RecordKey], dates: Mapping[RecordKey, RecordDates],
                 field_order: Mapping[str, tuple[str, ...]], loaded: Mapping[bytes, dict[str, Any]]) -> None:
        self.history = history
        self.loaded = loaded
        self.field_order = field_order
        self.tracked = {path: record for path, record in files.items() if record in dates}
        self.old_paths = {_sibling(path, alias): record for path, record in self.tracked.items()
                          for alias in dates[record].aliases}
        self.added_later: dict[str, RecordKey] = {}
        self.versions: dict[str, Any] = {}

    def changes(self) -> dict[RecordKey, list[Change]]:
        found: dict[RecordKey, list[Change]] = defaultdict(list)
        for order, commit in enumerate(self.history.commits):
            for record, file_changes in self._touched(commit).items():
                found[record].append(self._change(record, commit, file_changes, order))
        for changes in found.values():
            changes.reverse()
            if changes[0].kind != ADDED:
                changes[0] = replace(changes[0], kind=ADDED, old_id=None)
        return found

    def _touched(self, commit: Commit) -> dict[RecordKey, list[FileChange]]:
        """The records this commit touched, and from here on back the paths they had before it. Deletions
        come last: a rename by `aliases` deletes the old file in the commit that adds the new one."""
        touched: dict[RecordKey, list[FileChange]] = defaultdict(list)
        ordered = sorted(commit.changes, key=lambda change: change.status == DELETED)
        for change in ordered:
            record = self.tracked.get(change.path)
            if record is None and change.status == DELETED:
                record = self.added_later.get(change.path) or self.old_paths.get(change.path)
                if record is not None:
                    self.tracked[change.path] = record
            if record is None:
                continue
            touched[record].append(change)
            if change.status == GIT_RENAMED and change.old_path:
                del self.tracked[change.path]
                self.tracked[change.old_path] = record
            elif change.status == GIT_ADDED:
                del self.tracked[change.path]
                self.added_later[change.path] = record
        return touched

    def _change(self, record: RecordKey, commit: Commit, file_changes: list[FileChange], order: int) -> Change:
        """What one commit did to one record, decided by comparing its file with the parent's version."""
        current = next((change for change in file_changes if change.status != DELETED), None)
        before = next((change for change in file_changes if change.old_blob and change is not current), current)
        old = self._version(before.old_blob if before else None)
        new = self._version(current.new_blob if current else None)
        old_path = current.old_path if current and current.old_path else (
            before.path if current and before and before.path != current.path else None)
        base = Change(CHANGED, record, commit.timestamp, commit.sha, commit.pull_request, order=order)
        if new is None:
            return replace(base, kind=REMOVED)
        if old is None:
            return replace(base, kind=RETURNED)
        if UNREADABLE in (old, new):
            return replace(base, kind=RENAMED if old_path else CHANGED, unreadable=True,
                           old_id=_stem(old_path))
        fields = field_changes(old, new, self.field_order.get(record[0], ()))
        return replace(base, kind=_kind(old, new, fields, old_path), fields=fields, old_id=_stem(old_path),
                       reason=_reason(new))

    def _version(self, blob: str | None) -> Any:
        """The data of one blob (None without one), loaded once however many commits name it."""
        if blob is None:
            return None
        if blob not in self.versions:
            raw = self.history.contents.get(blob)
            self.versions[blob] = self.loaded[raw] if raw in self.loaded else _load(raw)
        return self.versions[blob]


def _load(raw: bytes | None) -> Any:
    if raw is None or len(raw) > MAX_FILE_BYTES:
        return UNREADABLE
    try:
        data, _ = load_bytes(raw)
    except (LoadError, RecursionError):
        return UNREADABLE
    return data if isinstance(data, dict) else UNREADABLE


def _kind(old: dict[str, Any], new: dict[str, Any], fields: tuple[FieldChange, ...], old_path: str | None) -> str:
    if old_path:
        return RENAMED
    if new.get(WITHDRAWN_FIELD) and not old.get(WITHDRAWN_FIELD):
        return WITHDRAWN
    if old.get(WITHDRAWN_FIELD) and not new.get(WITHDRAWN_FIELD):
        return RETURNED
    if not fields:
        return LAYOUT
    if [change.key for change in fields] == [REVIEW_FIELD]:
        return REVIEWED
    return CHANGED


def _reason(data: dict[str, Any]) -> str | None:
    withdrawal = data.get(WITHDRAWN_FIELD)
    reason = withdrawal.get("reason") if isinstance(withdrawal, dict) else None
    return reason if isinstance(reason, str) else None


def _sibling(path: str, name: str) -> str:
    return str(PurePosixPath(path).with_name(name + PurePosixPath(path).suffix))


def _stem(path: str | None) -> str | None:
    return PurePosixPath(path).stem if path else None


def _with_data_dates(changes: list[Change], record: RecordKey, known: RecordDates,
                     latest: int | None) -> tuple[Change, ...]:
    """Git's changes completed by the data: `added` when git has none, and the withdrawal when no commit
    shows it (the file was added withdrawn, or git has no history); every date at most `latest`."""
    changes = list(changes) or [Change(ADDED, record, _midnight(known.added), order=_AFTER_GIT)]
    if known.withdrawn and not any(change.kind == WITHDRAWN for change in changes):
        changes.append(Change(WITHDRAWN, record, max(_midnight(known.withdrawn), changes[-1].timestamp),
                              order=_AFTER_GIT, reason=known.reason))
    return tuple(replace(change, timestamp=_clamped(change.timestamp, latest)) for change in changes)


def _moment(timestamp: int) -> datetime:
    """A Unix time as a moment in UTC, before 1970 too (where the platform's `fromtimestamp` may fail)."""
    return EPOCH + timedelta(seconds=timestamp)


def _clamped(timestamp: int, latest: int | None) -> int:
    return max(EARLIEST, min(timestamp, LATEST if latest is None else latest))


# Changes from the data come after git's in the same second (git's order counts from 0).
_AFTER_GIT = 1 << 62


def _midnight(day: str) -> int:
    return int((datetime.combine(date.fromisoformat(day), datetime.min.time(), timezone.utc) - EPOCH).total_seconds())


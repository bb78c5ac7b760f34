"""The history of the data files, read from git in one pass: which commits touched which file under
practices/ and collections/, when, and with what subject, renames included.

One `git log` for the whole repository, never a process per file: at a thousand practices a process each
would cost more than the rest of the build. The date of a change is its commit's committer time, so the
same commit always gives the same date, whoever builds it and in whatever time zone.

A shallow clone is refused on purpose: it holds only the newest commit, so every file would seem to have
been added that day (the known pitfall of mkdocs-git-revision-date-localized-plugin, whose CI builds
showed one date on every page). Then, as without git, there is no history and `omitted` says why in Dutch.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

DATA_FOLDERS = ("practices", "collections")
RECORD_SEPARATOR = "\x1e"
FIELD_SEPARATOR = "\x1f"
# Commit hash, committer time (Unix seconds) and subject; -z ends each header and each path with a NUL.
LOG_FORMAT = "%x1e%H%x1f%ct%x1f%s"
ADDED, DELETED, RENAMED = "A", "D", "R"


@dataclass(frozen=True)
class FileChange:
    """One file in one commit: git's status letter (A, M, D, R), its path, and for a rename the old path."""

    status: str
    path: str
    old_path: str | None = None


@dataclass(frozen=True)
class Commit:
    sha: str
    timestamp: int
    subject: str
    changes: tuple[FileChange, ...]


@dataclass(frozen=True)
class History:
    """The commits that touched the data files, newest first as git lists them; `omitted` is the reason, in
    Dutch, when there is no history to read (then `commits` is empty)."""

    commits: tuple[Commit, ...] = ()
    omitted: str | None = None

    @property
    def available(self) -> bool:
        return self.omitted is None


def read_history(root: Path) -> History:
    """The history of practices/ and collections/ under `root`, or none with the reason why."""
    check = _git(root, "rev-parse", "--is-shallow-repository")
    if check is None:
        return History(omitted="De geschiedenis van de praktijken is weggelaten: git is niet geïnstalleerd.")
    if check.returncode != 0:
        return History(omitted="De geschiedenis van de praktijken is weggelaten: deze map is geen git-checkout.")
    if check.stdout.strip() == "true":
        return History(omitted="De geschiedenis van de praktijken is weggelaten: dit is een ondiepe kloon (shallow "
                               "clone) zonder de oudere commits, dus elke praktijk zou de datum van de laatste "
                               "commit krijgen. Haal de hele geschiedenis op met `git fetch --unshallow` (in GitHub "
                               "Actions: `fetch-depth: 0` bij actions/checkout).")
    log = _git(root, "log", "-z", f"--format={LOG_FORMAT}", "--name-status", "-M", "--relative", "--no-color",
               "--", *DATA_FOLDERS)
    if log is None or log.returncode != 0:
        reason = (log.stderr.strip().splitlines() or ["onbekende fout"])[0] if log else "git is verdwenen"
        return History(omitted=f"De geschiedenis van de praktijken is weggelaten: git kon hem niet lezen ({reason}).")
    return History(parse_log(log.stdout))


def _git(root: Path, *arguments: str) -> subprocess.CompletedProcess[str] | None:
    """Run git in `root` with settings that make its output the same on every machine; None without git."""
    command = ["git", "-c", "log.showSignature=false", "-c", "core.quotePath=false", *arguments]
    try:
        return subprocess.run(command, cwd=root, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", check=False)
    except FileNotFoundError:
        return None


def parse_log(output: str) -> tuple[Commit, ...]:
    """The commits of `git log -z --format=LOG_FORMAT --name-status`: a header ended by NUL, then for each file
    its status and path (two paths for a rename or copy), each ended by NUL. Commits without a data file (a
    merge) are left out."""
    commits = []
    for chunk in output.split(RECORD_SEPARATOR):
        if not chunk.strip("\0\n"):
            continue
        header, _, rest = chunk.partition("\0")
        sha, timestamp, subject = header.split(FIELD_SEPARATOR, 2)
        changes = _changes([token for token in rest.lstrip("\n").split("\0") if token])
        if changes:
            commits.append(Commit(sha, int(timestamp), subject, changes))
    return tuple(commits)


def _changes(tokens: list[str]) -> tuple[FileChange, ...]:
    changes = []
    position = 0
    while position < len(tokens):
        status = tokens[position].strip()[:1]
        if status in (RENAMED, "C"):
            old, new = tokens[position + 1], tokens[position + 2]
            changes.append(FileChange(RENAMED if status == RENAMED else ADDED, new, old if status == RENAMED else None))
            position += 3
        else:
            changes.append(FileChange(status, tokens[position + 1]))
            position += 2
    return tuple(changes)

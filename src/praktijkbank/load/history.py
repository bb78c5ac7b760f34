"""The history of the data files, read from git: which commits touched which file under practices/ and
collections/, when, with which pull request, and the file's bytes before and after each commit.

Two git processes for the whole repository, never one per file or commit: `git log` lists the commits with
the blob ids of every changed file (`--raw`), and one `git cat-file --batch` hands over those blobs and the
commit objects. At a thousand practices a process each would cost more than the rest of the build.

Git is input like any other: a subject, author or path may hold any byte, and the builder's own settings
may change what git prints. So git runs without user or system configuration and with fixed options, the
log prints only hexadecimal ids and numbers (`%H %ct`), paths come NUL-separated (`-z`) and are matched as
bytes, and the one thing read from a commit message, the pull-request number of a squash merge, is taken
from the raw commit object. Nothing of a subject or an author ever reaches a page.

A shallow clone is refused on purpose: it holds only the newest commit, so every file would seem to have
been added that day (the known pitfall of mkdocs-git-revision-date-localized-plugin). Then, as without
git, there is no history and `omitted` says why in Dutch.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DATA_FOLDERS = ("practices", "collections")
ADDED, MODIFIED, DELETED, RENAMED = "A", "M", "D", "R"
# Settings that would change what git prints, fixed whatever the repository's or builder's configuration says.
FIXED_SETTINGS = ("log.showSignature=false", "core.quotePath=false", "i18n.logOutputEncoding=UTF-8",
                  "log.showRoot=true", "color.ui=never", "diff.renameLimit=1000", "diff.relative=false",
                  "log.follow=false", "core.abbrev=40")
LOG_FORMAT = "%H %ct"
_HEADER = re.compile(rb"\n?([0-9a-f]{40,64}) (-?[0-9]*)")
_TIME = re.compile(rb"-?[0-9]{1,20}")
_NO_BLOB = re.compile(r"0+")
# A squash merge names its pull request at the end of its subject: 'Fix the place (#42)'. GitHub's numbers fit
# in nine digits; a longer "number" is no pull request and links nowhere.
PULL_REQUEST = re.compile(rb"\(#([1-9][0-9]{0,8})\)")


@dataclass(frozen=True)
class FileChange:
    """One file in one commit: git's status letter (A, M, D, R), its path, for a rename the old path, and the
    blob ids of the file before (None when added) and after (None when deleted)."""

    status: str
    path: str
    old_path: str | None = None
    old_blob: str | None = None
    new_blob: str | None = None


@dataclass(frozen=True)
class Commit:
    sha: str
    timestamp: int
    pull_request: int | None
    changes: tuple[FileChange, ...]


@dataclass(frozen=True)
class History:
    """The commits that touched the data files, newest first as git lists them, and the bytes of every blob
    they name (a blob git could not give is absent); `omitted` is the reason, in Dutch, when there is no
    history to read (then `commits` is empty)."""

    commits: tuple[Commit, ...] = ()
    contents: Mapping[str, bytes] = field(default_factory=dict)
    omitted: str | None = None
    touched: Mapping[str, int] = field(default_factory=dict)
    """For each file in the other folders read (`also`: the hand-written pages), its newest commit's time."""

    @property
    def available(self) -> bool:
        return self.omitted is None


def read_history(root: Path, also: tuple[str, ...] = ()) -> History:
    """The history of practices/ and collections/ under `root`, and when each file in the folders `also`
    (relative to `root`) last changed; or none with the reason why."""
    check = _git(root, "rev-parse", "--is-shallow-repository")
    if check is None:
        return _omitted("git is niet geïnstalleerd.")
    if check.returncode != 0:
        return _omitted("deze map is geen git-checkout.")
    if check.stdout.strip() == b"true":
        return _omitted("dit is een ondiepe kloon (shallow clone) zonder de oudere commits, dus elke praktijk zou "
                        "de datum van de laatste commit krijgen. Haal de hele geschiedenis op met `git fetch "
                        "--unshallow` (in GitHub Actions: `fetch-depth: 0` bij actions/checkout).")
    log = _git(root, "log", "-z", "--raw", "--no-abbrev", "-M", "--relative", "--no-color", "--no-notes",
               "--encoding=UTF-8", f"--format={LOG_FORMAT}", "--", *DATA_FOLDERS, *also)
    if log is None or log.returncode != 0:
        return _omitted(f"git kon hem niet lezen ({_first_line(log)}).")
    listed = parse_log(log.stdout)
    touched: dict[str, int] = {}
    for commit in reversed(listed):
        touched.update((change.path, commit.timestamp) for change in commit.changes if not _is_data(change.path))
    commits = [commit for commit in listed if any(_is_data(change.path) for change in commit.changes)]
    wanted = sorted({blob for commit in commits for change in commit.changes if _is_data(change.path)
                     for blob in (change.old_blob, change.new_blob) if blob})
    objects = _cat_files(root, [commit.sha for commit in commits] + wanted)
    if objects is None:
        return _omitted("git kon de eerdere versies van de bestanden niet lezen.")
    return History(tuple(_completed(commit, objects.get(commit.sha, b"")) for commit in commits),
                   {blob: objects[blob] for blob in wanted if blob in objects}, touched=touched)


def _is_data(path: str) -> bool:
    return path.startswith(tuple(f"{folder}/" for folder in DATA_FOLDERS))


def _completed(commit: Commit, commit_object: bytes) -> Commit:
    """A commit with what only its object holds: the pull request of its subject, and its time as stored (git
    prints no time before 1970, or one it cannot parse, so `%ct` alone would lose it)."""
    stored = committer_time(commit_object)
    return Commit(commit.sha, commit.timestamp if stored is None else stored, pull_request(commit_object),
                  commit.changes)


def committer_time(commit_object: bytes) -> int | None:
    """The Unix time on the committer line of a raw commit object (`committer <name> <mail> <time> <zone>`),
    None when it is no number; the name before it may hold any byte."""
    headers, _, _ = commit_object.partition(b"\n\n")
    line = next((line for line in headers.split(b"\n") if line.startswith(b"committer ")), b"")
    parts = line.rsplit(b" ", 2)
    return int(parts[1]) if len(parts) == 3 and _TIME.fullmatch(parts[1]) else None


def _omitted(reason: str) -> History:
    return History(omitted=f"De geschiedenis van de praktijken is weggelaten: {reason}")


def _first_line(result: subprocess.CompletedProcess[bytes] | None) -> str:
    if result is None:
        return "git is verdwenen"
    lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0] if lines else "onbekende fout"


def _environment() -> dict[str, str]:
    """The builder's environment without git's own variables, and without user or system configuration."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    return {**environment, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_NO_REPLACE_OBJECTS": "1",
            "GIT_TERMINAL_PROMPT": "0", "GIT_NO_LAZY_FETCH": "1", "LC_ALL": "C"}


def _git(root: Path, *arguments: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes] | None:
    """Run git in `root` with settings that make its output the same on every machine; None without git."""
    command = ["git"] + [part for setting in FIXED_SETTINGS for part in ("-c", setting)] + list(arguments)
    try:
        return subprocess.run(command, cwd=root, input=input, capture_output=True, env=_environment(), check=False)
    except OSError:
        return None


def parse_log(output: bytes) -> tuple[Commit, ...]:
    """The commits of `git log -z --raw --format='%H %ct'`: a header, then per file a NUL-ended status token
    (`:mode mode blob blob status`) and its path (two for a rename or copy), each NUL-ended. Paths are taken by
    count after their status token, so a path that looks like anything else is still a path. Commits without
    a data file (merges) are left out; their pull-request number is filled in later (`pull_request`)."""
    commits: list[Commit] = []
    tokens = output.split(b"\0")
    position, header, changes = 0, None, []
    while position < len(tokens):
        token = tokens[position].lstrip(b"\n")
        position += 1
        if token.startswith(b":"):
            change, used = _file_change(token, tokens[position:position + 2])
            position += used
            if change:
                changes.append(change)
            continue
        match = _HEADER.fullmatch(tokens[position - 1])
        if match:
            _finish(commits, header, changes)
            header, changes = (match.group(1).decode(), int(match.group(2) or 0)), []
    _finish(commits, header, changes)
    return tuple(commits)


def _finish(commits: list[Commit], header: tuple[str, int] | None, changes: list[FileChange]) -> None:
    if header and changes:
        commits.append(Commit(header[0], header[1], None, tuple(changes)))


def _file_change(token: bytes, paths: list[bytes]) -> tuple[FileChange | None, int]:
    """One `--raw` entry and the number of path tokens it uses. A copy counts as an addition; a type change
    (a file became a link) as a modification."""
    parts = token.decode("ascii", "replace").split()
    if len(parts) < 5 or not paths:
        return None, len(paths)
    old_blob, new_blob, letter = parts[2], parts[3], parts[4][:1]
    names = [_path(path) for path in paths]
    old = None if _NO_BLOB.fullmatch(old_blob) else old_blob
    new = None if _NO_BLOB.fullmatch(new_blob) else new_blob
    if letter in ("R", "C") and len(names) == 2:
        if letter == "R":
            return FileChange(RENAMED, names[1], names[0], old, new), 2
        return FileChange(ADDED, names[1], None, None, new), 2
    status = letter if letter in (ADDED, DELETED) else MODIFIED
    return FileChange(status, names[0], None, old if status != ADDED else None, new if status != DELETED else None), 1


def _path(raw: bytes) -> str:
    """A path as text: bytes that are no UTF-8 stay recognisable (surrogates) and never match a real file."""
    return raw.decode("utf-8", "surrogateescape")


def _cat_files(root: Path, ids: list[str]) -> dict[str, bytes] | None:
    """The objects named by `ids`, from one `git cat-file --batch`; an object git does not have is absent."""
    if not ids:
        return {}
    result = _git(root, "cat-file", "--batch", input="".join(f"{object_id}\n" for object_id in ids).encode())
    if result is None or result.returncode != 0:
        return None
    return parse_batch(result.stdout)


def parse_batch(output: bytes) -> dict[str, bytes]:
    """`git cat-file --batch` output: per object `<id> <type> <size>\\n<content>\\n`, or `<id> missing\\n`."""
    found: dict[str, bytes] = {}
    position = 0
    while position < len(output):
        end = output.index(b"\n", position)
        header = output[position:end].split(b" ")
        position = end + 1
        if len(header) == 3 and header[2].isdigit():
            size = int(header[2])
            found[header[0].decode("ascii", "replace")] = output[position:position + size]
            position += size + 1
    return found


def pull_request(commit_object: bytes) -> int | None:
    """The pull request a squash merge names at the end of its subject (the first line of the message in the
    raw commit object), read as bytes so no encoding of the message matters: 'Fix the place (#42)' → 42."""
    _, _, message = commit_object.partition(b"\n\n")
    numbers = PULL_REQUEST.findall(message.split(b"\n", 1)[0])
    return int(numbers[-1]) if numbers else None

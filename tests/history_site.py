"""A copy of the repository's site with a git history of its own, as an editor would make it: everything
added; one practice edited in two fields in a pull request, then only its layout, then only its review date;
one renamed (its old id in `aliases`); one withdrawn and taken back; one withdrawn.

Each commit has a fixed date, so the site built from it is the same on every run. The practices are taken
from the data by what they are (real_data.py), never by their ids.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from real_data import A_COLLECTION, A_PRACTICE, CATALOG, other_practice, rewrite_practice
from sites import copy_site_repository

REPOSITORY_URL = "https://github.com/voorbeeld/praktijkbank"
ADDED_AT = "2026-12-01T09:00:00+00:00"
EDITED_AT = "2026-12-03T09:00:00+00:00"
LAYOUT_AT = "2026-12-04T09:00:00+00:00"
REVIEWED_AT = "2026-12-05T09:00:00+00:00"
RENAMED_AT = "2026-12-10T09:00:00+00:00"
AWAY_AT = "2026-12-12T09:00:00+00:00"
RETURNED_AT = "2026-12-14T09:00:00+00:00"
WITHDRAWN_AT = "2026-12-15T09:00:00+00:00"
WITHDRAWN_ON = "2026-12-15"
REVIEWED_ON = "2026-12-05"
REASON = "De organisatie heeft gevraagd deze praktijk weg te halen."
ADDED_TEXT = "Aangevuld met de nieuwste cijfers."
NEW_SOURCE = {"title": "Verslag van de zomer in de wijk", "publisher": "Bibliotheek", "date": "2026-11",
              "url": "https://www.example.org/verslag"}
EDIT_SUBJECT = "Fix the summary and add a source (#42)"
SUBJECTS = ("Add the practices and collections", EDIT_SUBJECT, "Reformat (practice_sources.md.j2)",
            "Mark reviewed", "Give the practice a clearer id (#43)", "Withdraw by mistake",
            "Undo the withdrawal (#45)", "Withdraw a practice at the organisation's request (#44)")
"""Every commit's subject, in order: developer text that no page or feed may show."""
# The day the builds count from: the practices looked at in November 2026 are overdue (two years), the one
# reviewed on REVIEWED_ON is not yet.
BUILT_ON = "2028-12-03"


@dataclass(frozen=True)
class HistorySite:
    root: Path
    edited: str
    renamed_from: str
    renamed_to: str
    withdrawn: str
    returned: str

    @property
    def withdrawn_title(self) -> str:
        return CATALOG.practices[self.withdrawn].title


def git(root: Path, *arguments: str, when: str = ADDED_AT) -> str:
    """git in `root` with a fixed author, committer and date, and no user or system configuration."""
    environment = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
                   "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    command = ["git", "-c", "user.name=Redactie", "-c", "user.email=redactie@example.org",
               "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *arguments]
    return subprocess.run(command, cwd=root, env=environment, check=True, capture_output=True, text=True).stdout


def withdrawn_choice(renamed: str) -> str:
    """A practice in the first collection that another practice names as related and that names related
    practices itself, so the withdrawal shows in a collection and in a related list, and its short page has
    related practices to offer; any practice of the collection when none is both."""
    candidates = [item.practice for item in A_COLLECTION.items if item.practice not in (A_PRACTICE.id, renamed)]
    named = {target for practice in CATALOG.practices.values() for target in practice.related}
    return next((candidate for candidate in candidates
                 if candidate in named and CATALOG.practices[candidate].related), candidates[0])


def make_history_site(root: Path) -> HistorySite:
    copy_site_repository(root)
    renamed = other_practice().id
    withdrawn = withdrawn_choice(renamed)
    returned = next(practice.id for practice in sorted(CATALOG.practices.values(), key=lambda practice: practice.id)
                    if practice.id not in (A_PRACTICE.id, renamed, withdrawn))
    site = HistorySite(root, A_PRACTICE.id, renamed, f"{renamed}-nieuw", withdrawn, returned)
    subjects = iter(SUBJECTS)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", next(subjects))

    edited = root / "practices" / f"{site.edited}.yml"
    rewrite_practice(edited, lambda data: data.update(summary=f"{data['summary']} {ADDED_TEXT}",
                                                      sources=[*data["sources"], NEW_SOURCE]))
    git(root, "commit", "-q", "-a", "-m", next(subjects), when=EDITED_AT)
    edited.write_text("# Alleen opmaak: een opmerking en een lege regel.\n\n" + edited.read_text("utf-8"), "utf-8")
    git(root, "commit", "-q", "-a", "-m", next(subjects), when=LAYOUT_AT)
    rewrite_practice(edited, lambda data: data.update(last_reviewed=REVIEWED_ON))
    git(root, "commit", "-q", "-a", "-m", next(subjects), when=REVIEWED_AT)

    git(root, "mv", f"practices/{site.renamed_from}.yml", f"practices/{site.renamed_to}.yml", when=RENAMED_AT)
    for path in [*(root / "practices").glob("*.yml"), *(root / "collections").glob("*.yml")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(site.renamed_from, site.renamed_to), encoding="utf-8")
    rewrite_practice(root / "practices" / f"{site.renamed_to}.yml",
                     lambda data: data.update(aliases=[site.renamed_from]))
    git(root, "commit", "-q", "-a", "-m", next(subjects), when=RENAMED_AT)

    back = root / "practices" / f"{site.returned}.yml"
    rewrite_practice(back, lambda data: data.update(withdrawn={"date": AWAY_AT[:10], "reason": REASON}))
    git(root, "commit", "-q", "-a", "-m", next(subjects), when=AWAY_AT)
    rewrite_practice(back, lambda data: data.pop("withdrawn"))
    git(root, "commit", "-q", "-a", "-m", next(subjects), when=RETURNED_AT)

    rewrite_practice(root / "practices" / f"{site.withdrawn}.yml", lambda data: data.update(
        withdrawn={"date": WITHDRAWN_ON, "reason": REASON}))
    git(root, "commit", "-q", "-a", "-m", next(subjects), when=WITHDRAWN_AT)
    return site


def build_environment() -> dict[str, str]:
    """What the deploy workflow sets: the repository (for pull-request links) and the day the build counts from."""
    epoch = int(datetime.combine(date.fromisoformat(BUILT_ON), datetime.min.time(), timezone.utc).timestamp())
    return {"PRAKTIJKBANK_REPOSITORY": REPOSITORY_URL, "SOURCE_DATE_EPOCH": str(epoch)}

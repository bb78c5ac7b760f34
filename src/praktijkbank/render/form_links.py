"""The two links on every practice page, "Stel een wijziging voor" and "Wij doen dit ook", as template helpers
(`change_link(practice)`, `adopt_link(practice)`), so any page can lead to them: the GitHub form filled in
when the site knows its repository, else the section of the contributors' page that says where the forms are.
"""

from __future__ import annotations

from dataclasses import asdict

from praktijkbank.common import urls
from praktijkbank.common.form_links import (
    ADOPT_SECTION,
    ADOPT_TITLE,
    CHANGE_FORM_FILE,
    CHANGE_SECTION,
    CHANGE_TITLE,
    PRACTICE_FORM_FILE,
    adoption_answers,
    form_url,
    practice_answers,
)
from praktijkbank.model.catalog import Catalog, Practice


class FormLinks:
    """The form links of one catalog; `repository` is https://github.com/<owner>/<name>, or None."""

    def __init__(self, catalog: Catalog, repository: str | None) -> None:
        self.catalog = catalog
        self.repository = repository

    def change(self, page_url: str, practice: Practice) -> str:
        """The form "Wijziging voorstellen" with the practice's id and, as far as they fit, its current values."""
        if not self.repository:
            return urls.relative(page_url, CHANGE_SECTION)
        answers = {"id": practice.id, **practice_answers(asdict(practice), self.catalog.vocabularies)}
        return form_url(self.repository, CHANGE_FORM_FILE, CHANGE_TITLE + practice.title, answers)

    def adopt(self, page_url: str, practice: Practice) -> str:
        """The form "Praktijk aanmelden" with what another place can take over, and `based_on` set."""
        if not self.repository:
            return urls.relative(page_url, ADOPT_SECTION)
        answers = adoption_answers(practice.id, asdict(practice), self.catalog.vocabularies)
        return form_url(self.repository, PRACTICE_FORM_FILE, ADOPT_TITLE, answers)

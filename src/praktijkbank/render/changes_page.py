"""The page `wijzigingen/`: the newest changes in the whole bank (new, changed, renamed and withdrawn
practices and collections), newest first, with its Atom feed linked in the head.
"""

from __future__ import annotations

from praktijkbank.common import urls
from praktijkbank.load.repository import PRACTICE
from praktijkbank.model.catalog import Collection, Practice
from praktijkbank.render.outputs import Page
from praktijkbank.render.pages import PageRenderer

CHANGES_SHOWN = 100


class ChangesRenderer:
    """Renders `wijzigingen/`, the newest changes in the whole bank, with the page renderer's helpers."""

    def __init__(self, renderer: PageRenderer) -> None:
        self.renderer = renderer
        self.catalog = renderer.catalog

    def pages(self) -> list[Page]:
        changes = self.catalog.histories.newest(CHANGES_SHOWN)
        head = self.renderer.feed_links(urls.CHANGES, [("Wijzigingen in de praktijkbank", urls.CHANGES_FEED)])
        return [self.renderer.render_page(urls.CHANGES, "changes.md.j2", "Wijzigingen",
                                          "De nieuwste wijzigingen in de praktijkbank: nieuwe, gewijzigde, "
                                          "hernoemde en teruggetrokken praktijken en collecties.", head,
                                          lastmod=changes[0].date if changes else None,
                                          changes=changes, from_git=self.catalog.histories.from_git,
                                          record_of=self.record)]

    def record(self, kind: str, record_id: str) -> Practice | Collection:
        """The practice (listed or withdrawn) or collection a change is about."""
        return self.catalog.practice(record_id) if kind == PRACTICE else self.catalog.collections[record_id]

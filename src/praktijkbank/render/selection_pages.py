"""The pages of "Mijn selectie": `selectie/`, its presentation view and the small list of practices they
show as cards.

A selection lives in the visitor's browser (localStorage) or in a shared link, so the build only writes the
empty frames; `docs/javascripts/selectie/selectie.js` and `selectie-presentatie.js` fill them. The presentation
view is the collections' one (`_show.html.j2`, presentatie.css and presentatie.js), with its slides made in
the browser. Without JavaScript the page says so and points to the overviews.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from praktijkbank.common import urls
from praktijkbank.common.form_links import MAX_FORM_URL_LENGTH
from praktijkbank.model.catalog import by_title
from praktijkbank.render.collection_pages import asset_url
from praktijkbank.render.outputs import OutputFile, Page
from praktijkbank.render.pages import PageRenderer
from praktijkbank.render.text import place_text

TITLE = "Mijn selectie"
DESCRIPTION = ("Bewaar praktijken in je eigen selectie, zet ze op volgorde met een toelichting, en deel, print of "
               "presenteer ze.")


class SelectionRenderer:
    """Renders the selection's frames with the helpers and templates of the page renderer."""

    def __init__(self, renderer: PageRenderer) -> None:
        self.renderer = renderer
        self.catalog = renderer.catalog

    def pages(self) -> list[Page]:
        return [self.renderer.render_page(urls.SELECTION, "selection.md.j2", TITLE, DESCRIPTION,
                                          form_url_limit=MAX_FORM_URL_LENGTH)]

    def files(self) -> list[OutputFile]:
        presentation = self.renderer.render_html(urls.SELECTION_PRESENTATION, "selection_presentation.html.j2",
                                                 asset_url=asset_url)
        return [OutputFile(urls.SELECTION_CARDS, self.cards()),
                OutputFile(f"{urls.SELECTION_PRESENTATION}index.html", presentation.encode("utf-8"))]

    def cards(self) -> bytes:
        """What a card of a selection shows of each practice, its old ids, and for a withdrawn one when and why
        (a selection made before keeps it, and says so): a few hundred bytes a practice, where the full open
        data (api/praktijken.json) would be many times that on a phone."""
        vocabularies = self.catalog.vocabularies
        practices = [{
            "id": practice.id,
            "title": practice.title,
            "summary": practice.summary,
            "place": place_text(practice.place, vocabularies),
            "partners": [organisation.name for organisation in practice.organisations],
            **({"aliases": list(practice.aliases)} if practice.aliases else {}),
            **({"withdrawn": asdict(practice.withdrawn)} if practice.withdrawn else {}),
        } for practice in sorted(self.catalog.all_practices, key=by_title)]
        return (json.dumps({"practices": practices}, ensure_ascii=False, separators=(",", ":")) + "\n").encode()

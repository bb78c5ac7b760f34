"""The page `aanmelden/`: the editor in which a contributor adds, changes or adopts a practice in the browser.

The build writes only the frame; docs/javascripts/aanmelden/ draws the fields from the generated
`velden.json` (contribute/editor_fields.py), checks them as the visitor types, shows the preview and sends the
result through the GitHub issue forms. Only this page loads those modules and their libraries. Without
JavaScript the page says so and points to the contributors' page, which names every other route.
"""

from __future__ import annotations

from praktijkbank.common import urls
from praktijkbank.render.outputs import Page
from praktijkbank.render.pages import PageRenderer

TITLE = "Aanmelden"
DESCRIPTION = ("Meld een praktijk aan, stel een wijziging voor of neem een praktijk over: met controle terwijl je "
               "typt en een voorbeeld van de pagina.")


def editor_page(renderer: PageRenderer) -> Page:
    return renderer.render_page(urls.EDITOR, "editor.md.j2", TITLE, DESCRIPTION, hide=("toc",))

"""The glossary as a page, `/begrippen/`: every term from A to Z with its explanation, its other forms and the
practices that use it, so a reader can look a word up and find where it comes up."""

from __future__ import annotations

from collections import defaultdict

from praktijkbank.common import urls
from praktijkbank.common.glossary import GlossaryTerm, sort_key
from praktijkbank.model.catalog import title_key
from praktijkbank.model.glossary_use import practices_by_term
from praktijkbank.render.outputs import Page
from praktijkbank.render.pages import PageRenderer

TITLE = "Begrippen"
DESCRIPTION = "Vaktermen en afkortingen uit de praktijken, uitgelegd in gewone taal, met de praktijken waarin ze staan."


def glossary_page(renderer: PageRenderer) -> Page:
    """One section per first letter, the terms in it A to Z; a term no practice uses yet says so."""
    groups: dict[str, list[GlossaryTerm]] = defaultdict(list)
    for entry in sorted(renderer.catalog.glossary.terms, key=sort_key):
        first = title_key(entry.term)[:1].upper()
        groups[first if first.isalpha() else "#"].append(entry)
    return renderer.render_page(urls.GLOSSARY, "glossary.md.j2", TITLE, DESCRIPTION, lastmod=renderer.newest(),
                                groups=sorted(groups.items()), practices=practices_by_term(renderer.catalog))

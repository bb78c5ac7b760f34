"""What search knows of each page: the texts it matches words in (with a weight), what a result shows, and the
filter values and dates it narrows and sorts by.

Practices come from the catalog, not from their HTML, so search sees every field exactly once and nothing of
the page around it (related practices, navigation). Hand-written pages come from their rendered HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from praktijkbank.common import urls
from praktijkbank.common.facets import FACETS, INDEXED
from praktijkbank.common.glossary import Glossary
from praktijkbank.common.vocabularies import Vocabularies
from praktijkbank.model.catalog import Catalog, Practice, by_title, facet_values
from praktijkbank.model.glossary_use import practice_terms
from praktijkbank.render.markup import html_to_text, markdown_to_text
from praktijkbank.render.text import place_text

PRACTICE, PAGE = "praktijk", "pagina"
# How much a word counts where it stands: a word in the title says more about a practice than one in a lesson,
# and a word of the glossary's explanation of a term the practice uses (it says 'VVE', the explanation 'taal')
# says less than any word of the practice's own.
TITLE, SUMMARY, NAMES, LABELS, BODY, GLOSSARY = 6, 3, 3, 2, 1, 0.5


@dataclass(frozen=True)
class SearchDocument:
    """One search result. `fields` are (text, weight) pairs; `text` is the readable text excerpts come from;
    `filters` are (search parameter, vocabulary id) pairs, as the search page's URL names them."""

    url: str
    title: str
    kind: str
    fields: tuple[tuple[str, float], ...]
    text: str
    summary: str = ""
    place: str = ""
    filters: tuple[tuple[str, str], ...] = ()
    added: str = ""


def practice_documents(catalog: Catalog) -> list[SearchDocument]:
    """Every practice, by title: the index numbers them in this order, which makes sorting by title free."""
    return [practice_document(practice, catalog.vocabularies, catalog.glossary)
            for practice in sorted(catalog.practices.values(), key=by_title)]


def practice_document(practice: Practice, vocabularies: Vocabularies, glossary: Glossary = Glossary()
                      ) -> SearchDocument:
    place = place_text(practice.place, vocabularies)
    names = [organisation.name for organisation in practice.organisations]
    filters = tuple(search_filters(practice))
    labels = [vocabularies[facet].label(value) for facet in FACETS for value in facet_values(practice, facet)]
    body = [markdown_to_text(practice.description), *practice.activities,
            *(part for result in practice.results for part in (result.text, result.evidence) if part),
            *practice.lessons, practice.costs or "", practice.funding or "",
            practice.contact.organisation if practice.contact else "",
            *(part for source in practice.sources for part in (source.title, source.publisher) if part)]
    fields = ((practice.title, TITLE), (practice.summary, SUMMARY), (" ".join(names), NAMES),
              (" ".join([place, *practice.place.municipalities, practice.place.region or "", *labels]), LABELS),
              (" ".join(body), BODY),
              (" ".join(entry.explanation for entry in practice_terms(practice, glossary)), GLOSSARY))
    text = "\n".join(part for part in [body[0], "Organisaties: " + ", ".join(names) + ".", *body[1:]] if part)
    return SearchDocument(urls.practice_url(practice.id), practice.title, PRACTICE, fields, text,
                          practice.summary, place, filters, practice.added)


def page_document(url: str, title: str, html: str) -> SearchDocument:
    """A hand-written page, from the HTML of its Markdown (`render.docs_pages`)."""
    text = html_to_text(html)
    return SearchDocument(url, title, PAGE, ((title, TITLE), (text, BODY)), text)


def search_filters(practice: Practice) -> list[tuple[str, str]]:
    """The practice's vocabulary values and municipalities as (search filter, value) pairs, as the search page's
    URL names them."""
    return [(declared.parameter, value) for facet, declared in INDEXED.items()
            for value in facet_values(practice, facet)]

"""Old addresses keep working: each alias of a practice or collection becomes a small page at the old URL
that sends the reader on to the new one (a meta refresh, as static hosting allows no HTTP redirects).

The page names the new address as canonical and asks search engines not to index it, so only the new
address ends up in search results; a visible link serves readers whose browser does not follow the refresh.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2

from praktijkbank.common import urls
from praktijkbank.model.catalog import Catalog
from praktijkbank.render.outputs import OutputFile


def redirect_files(catalog: Catalog, environment: jinja2.Environment) -> list[OutputFile]:
    """One redirect page per alias of every practice (withdrawn ones too: their page stays) and collection,
    and one for the change page at its old address."""
    template = environment.get_template("redirect.html.j2")
    redirects: list[tuple[str, str, str]] = []
    practices = {practice.id: practice for practice in catalog.all_practices}
    for make_url, records in ((urls.practice_url, practices), (urls.collection_url, catalog.collections),
                              (urls.practice_changes_url, practices),
                              (urls.collection_changes_url, catalog.collections)):
        redirects += _aliases(make_url, records)
    return [OutputFile(f"{old}index.html", _redirect_page(template, old, new, title))
            for old, new, title in sorted(redirects)]


def _redirect_page(template: jinja2.Template, old: str, new: str, title: str) -> bytes:
    """Links relative to the old address, so the page works wherever the site is hosted."""
    return template.render(title=title, target=urls.relative(old, new),
                           icon=urls.relative(old, urls.THEME_FAVICON)).encode("utf-8")


def _aliases(make_url: Callable[[str], str], records: dict) -> list[tuple[str, str, str]]:
    """(old URL, new URL, title) for each alias of each record."""
    return [(make_url(alias), make_url(record.id), record.title)
            for record in records.values() for alias in record.aliases]

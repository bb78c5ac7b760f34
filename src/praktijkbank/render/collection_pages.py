"""Everything a collection publishes: its page, the index of collections, QR codes to share it, a
presentation view for a projector and a page to embed in an iframe.

The collection page is a themed page like any other; the presentation and embed views are stand-alone HTML
without the theme (no navigation, search or footer), with their own small local stylesheet and script.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from praktijkbank.common import urls
from praktijkbank.load.repository import COLLECTION
from praktijkbank.model.catalog import Collection, newest_collections_first
from praktijkbank.model.glossary_use import collection_texts
from praktijkbank.render.outputs import OutputFile, Page
from praktijkbank.render.pages import PageRenderer
from praktijkbank.render.qr_codes import qr_png, qr_svg

# Assets the stand-alone views share, copied from the package into the collections folder.
ASSETS = ("presentatie.css", "presentatie.js", "embed.css")


def qr_svg_url(collection_id: str) -> str:
    return f"{urls.collection_url(collection_id)}qr-{collection_id}.svg"


def qr_png_url(collection_id: str) -> str:
    return f"{urls.collection_url(collection_id)}qr-{collection_id}.png"


def asset_url(name: str) -> str:
    return f"{urls.COLLECTIONS}/{name}"


class CollectionRenderer:
    """Renders the collections of a catalog, with the helpers and templates of the page renderer."""

    def __init__(self, renderer: PageRenderer) -> None:
        self.renderer = renderer
        self.catalog = renderer.catalog

    def pages(self) -> list[Page]:
        collections = newest_collections_first(self.catalog.collections.values())
        index = self.renderer.render_page(urls.collection_url(), "collections_index.md.j2", "Collecties",
                                   "Praktijken die bij elkaar horen, gekozen voor een bijeenkomst, artikel of thema.",
                                   lastmod=max((self.renderer.lastmod[(COLLECTION, collection.id)]
                                                for collection in collections), default=None),
                                   collections=collections)
        return [index] + [self.collection_page(collection) for collection in self.catalog.collections.values()]

    def files(self) -> list[OutputFile]:
        """QR codes and the stand-alone views of every collection, and the assets those views use."""
        outputs = [OutputFile(asset_url(name), (files("praktijkbank.render") / "assets" / name).read_bytes())
                   for name in ASSETS]
        for collection in self.catalog.collections.values():
            address = self.renderer.shared(urls.collection_url(collection.id))
            outputs += [
                OutputFile(qr_svg_url(collection.id), qr_svg(address, f"QR-code naar {address}")),
                OutputFile(qr_png_url(collection.id), qr_png(address)),
                self._standalone(urls.presentation_url(collection.id), "presentation.html.j2", collection),
                self._standalone(urls.embed_url(collection.id), "embed.html.j2", collection),
            ]
        return outputs

    def collection_page(self, collection: Collection) -> Page:
        url = urls.collection_url(collection.id)
        terms = self.catalog.glossary.terms_in(collection_texts(collection, self.catalog.practices))
        return self.renderer.render_page(url, "collection.md.j2", collection.title, _description(collection),
                                         glossary_terms=terms, **self._context(collection),
                                         lastmod=self.renderer.lastmod[(COLLECTION, collection.id)])

    def _standalone(self, url: str, template: str, collection: Collection) -> OutputFile:
        html = self.renderer.render_html(url, template, **self._context(collection))
        return OutputFile(f"{url}index.html", html.encode("utf-8"))

    def _context(self, collection: Collection) -> dict[str, Any]:
        return {
            "collection": collection,
            "entries": [(item, self.catalog.practice(item.practice)) for item in collection.items],
            "address": self.renderer.shared(urls.collection_url(collection.id)),
            "qr_svg_url": qr_svg_url(collection.id),
            "qr_png_url": qr_png_url(collection.id),
            "asset_url": asset_url,
            "adapt_url": urls.selection_url(collection.title, collection.description,
                                            [(item.practice, item.note or "") for item in collection.items],
                                            collection.id),
        }


def _description(collection: Collection) -> str:
    """The line search engines and link previews show: the event when there is one."""
    if collection.event:
        return f"Praktijken voor {collection.event.name}, samengesteld door {collection.curator.name}."
    return f"Praktijken samengesteld door {collection.curator.name}."

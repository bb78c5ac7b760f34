"""A Python-Markdown extension for the hand-written pages: `[het formulier](praktijkbank:praktijk-aanmelden)`
becomes the route of common/ways_in.py on this site, so the pages stay Markdown and every mention of a form
or a file of the repository leads somewhere, or says plainly what to do instead.

mkdocs.yml names it under `markdown_extensions` with the site's repository and contact address; MkDocs and the
core (render/docs_pages.py) render the pages with it. `export-pages` writes the routes out in the Markdown
itself (`resolved_routes`), so another engine (Zensical) builds the tree without praktijkbank and every route
gives the same links. What a route becomes:

- with a repository: the link to the form or file, and `(of mail een nieuwe praktijk)` beside it when a contact
  address is set: the route's own mail link, named for what it sends;
- with only a contact address: the words, and that the page's route is by e-mail here, with that mail link;
- with neither: the words, and that nothing is set up on this site.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from praktijkbank.common.ways_in import WaysIn, route_for

SCHEME = "praktijkbank:"
# After Python-Markdown's inline patterns have made the links, before MkDocs checks and rewrites them.
PRIORITY = 5
NOT_SET_UP = "(op deze site is hiervoor nog geen repository of e-mailadres van de redactie ingesteld)"


class _RouteLinks(Treeprocessor):
    """Every `praktijkbank:<route>` link of a page, resolved in place; an unknown route stops the build."""

    def __init__(self, md: Markdown, ways_in: WaysIn) -> None:
        super().__init__(md)
        self.ways_in = ways_in

    def run(self, root: Element) -> None:
        for parent in list(root.iter()):
            for position, child in reversed(list(enumerate(parent))):
                if child.tag == "a" and child.get("href", "").startswith(SCHEME):
                    self.resolve(parent, position, child, child.get("href", "")[len(SCHEME):])

    def resolve(self, parent: Element, position: int, link: Element, key: str) -> None:
        address, after = route_words(key, self.ways_in)
        if address:
            link.set("href", address)
        else:
            link.tag = "span"
            link.attrib.pop("href")
        _insert_after(parent, position, link, [part if isinstance(part, str) else _link(*part) for part in after])


def route_words(key: str, ways_in: WaysIn) -> tuple[str | None, list[str | tuple[str, str]]]:
    """Where a route's link leads (None: nowhere, the words stay as text) and what follows it: text, and
    links as (address, words). The one place that says it, for this extension and for the exported pages
    (resolved_routes), so both engines show the same."""
    route = route_for(key)
    address = ways_in.github_url(key)
    mail = ways_in.mail(key)
    if address and mail:
        return address, ["(of ", (mail.url, _in_sentence(route.mail_text)), ")"]
    if mail:
        words = "" if route.path else "op deze site gaat dat per e-mail: "
        return address, [f"({words}", (mail.url, _in_sentence(route.mail_text)), ")"]
    return address, [] if address else [NOT_SET_UP]


ROUTE_LINK = re.compile(r"\[(?P<words>[^\[\]]*)\]\(" + re.escape(SCHEME) + r"(?P<key>[a-z0-9-]+)\)")


def resolved_routes(markdown: str, ways_in: WaysIn) -> str:
    """Markdown with each `[words](praktijkbank:<route>)` link written out as this extension renders it, for a
    page that another engine builds without praktijkbank (`export-pages`)."""

    def written_out(match: re.Match[str]) -> str:
        address, after = route_words(match["key"], ways_in)
        words = f"[{match['words']}](<{address}>)" if address else match["words"]
        rest = "".join(part if isinstance(part, str) else f"[{part[1]}](<{part[0]}>)" for part in after)
        return f"{words} {rest}" if rest else words

    return ROUTE_LINK.sub(written_out, markdown)


def _in_sentence(text: str) -> str:
    """A link text that starts a sentence ("Mail een wijziging") as it reads inside one ("mail een wijziging")."""
    return text[:1].lower() + text[1:]


def _link(url: str, text: str) -> Element:
    element = Element("a", href=url)
    element.text = text
    return element


def _insert_after(parent: Element, position: int, element: Element, parts: list[str | Element]) -> None:
    """Put text and elements right after `element` (in front of what followed it), after a space."""
    if not parts:
        return
    rest, index, last = element.tail or "", position + 1, element
    last.tail = " "
    for part in parts:
        if isinstance(part, str):
            last.tail = (last.tail or "") + part
        else:
            part.tail = ""
            parent.insert(index, part)
            index, last = index + 1, part
    last.tail = (last.tail or "") + rest


class WaysInExtension(Extension):
    """`praktijkbank.render.ways_in_markdown` in mkdocs.yml, with `repository` and `contact` (may be empty)."""

    def __init__(self, **kwargs: str) -> None:
        self.config = {"repository": ["", "https://github.com/<owner>/<name>"],
                       "contact": ["", "the editors' e-mail address"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        ways_in = WaysIn(str(self.getConfig("repository") or ""), str(self.getConfig("contact") or ""))
        md.treeprocessors.register(_RouteLinks(md, ways_in), "praktijkbank_ways_in", PRIORITY)


def makeExtension(**kwargs: str) -> WaysInExtension:  # noqa: N802 (Python-Markdown finds it by this name)
    return WaysInExtension(**kwargs)

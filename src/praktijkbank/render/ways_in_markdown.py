"""A Python-Markdown extension for the hand-written pages: `[het formulier](praktijkbank:praktijk-aanmelden)`
becomes the route of common/ways_in.py on this site, so the pages stay Markdown and every mention of a form
or a file of the repository leads somewhere, or says plainly what to do instead.

mkdocs.yml names it under `markdown_extensions` with the site's repository and contact address; MkDocs, the
core (render/docs_pages.py) and another engine reading the exported mkdocs.yml (Zensical) all render the
pages with it, so every route gives the same links. What a route becomes:

- with a repository: the link to the form or file, and `(of mail een nieuwe praktijk)` beside it when a contact
  address is set: the route's own mail link, named for what it sends;
- with only a contact address: the words, and that the page's route is by e-mail here, with that mail link;
- with neither: the words, and that nothing is set up on this site.
"""

from __future__ import annotations

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
        route = route_for(key)
        address = self.ways_in.github_url(key)
        mail = self.ways_in.mail(key)
        if address:
            link.set("href", address)
        else:
            link.tag = "span"
            link.attrib.pop("href")
        if address and mail:
            after = ["(of ", _link(mail.url, _in_sentence(route.mail_text)), ")"]
        elif mail:
            words = "" if route.path else "op deze site gaat dat per e-mail: "
            after = [f"({words}", _link(mail.url, _in_sentence(route.mail_text)), ")"]
        elif not address:
            after = [NOT_SET_UP]
        else:
            after = []
        _insert_after(parent, position, link, after)


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

"""Contributor Markdown to safe HTML.

Every Markdown field is untrusted text from a pull request. It is rendered with plain Python-Markdown (no
extensions that include files or run code) and the result is sanitised with nh3: an allow-list of tags and
attributes, only http(s) and mailto links, and `rel="noopener noreferrer ugc"` on every link. Headings are
moved down two levels so a contributor's `#` never competes with the page title.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from praktijkbank.rules import ALLOWED_URL_SCHEMES

HEADING_OFFSET = 2
ALLOWED_TAGS = frozenset({
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "pre",
    "h3", "h4", "h5", "h6", "hr", "abbr",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
LINK_REL = "noopener noreferrer ugc"


class _DemoteHeadings(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if len(element.tag) == 2 and element.tag[0] == "h" and element.tag[1].isdigit():
                element.tag = f"h{min(6, int(element.tag[1]) + HEADING_OFFSET)}"


class _DemoteHeadingsExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        md.treeprocessors.register(_DemoteHeadings(md), "demote_headings", 0)


def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=[_DemoteHeadingsExtension()], output_format="html")


_MARKDOWN = _converter()


def markdown_to_html(text: str) -> str:
    """Render contributor Markdown to sanitised HTML, safe to place in any page as it is."""
    _MARKDOWN.reset()
    return sanitise(_MARKDOWN.convert(text))


def sanitise(fragment: str) -> str:
    """Keep only the allowed tags, attributes and link schemes; everything else becomes inert text."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=LINK_REL,
        clean_content_tags={"script", "style"},
        strip_comments=True,
    )

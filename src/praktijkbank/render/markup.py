"""Contributor Markdown to safe HTML.

Every Markdown field is untrusted text from a pull request. It is rendered with markdown-it-py in its
CommonMark preset, the dialect GitHub's preview shows contributors, with raw HTML switched off (it appears
as text), and the result is sanitised with nh3: an allow-list of tags and attributes, only http(s) and
mailto links, and `rel="noopener noreferrer ugc"` on every link. Headings move down two levels so a
contributor's `#` never competes with the page's own headings. The allowed subset is common/markdown_subset.py,
shared with the editor's preview.
"""

from __future__ import annotations

import html
import re

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from praktijkbank.common.markdown_subset import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    DISABLED_RULES,
    HEADING_OFFSET,
    LINK_REL,
    PRESET,
)
from praktijkbank.common.url_schemes import ALLOWED_URL_SCHEMES

_BLOCK_TAG = re.compile(r"</?(?:address|article|aside|blockquote|br|dd|div|dl|dt|fieldset|figcaption|figure|footer|"
                        r"form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)\b", re.IGNORECASE)


def _demote_headings(state: StateCore) -> None:
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + HEADING_OFFSET)}"


def _parser() -> MarkdownIt:
    parser = MarkdownIt(PRESET, {"html": False})
    parser.disable(list(DISABLED_RULES))
    parser.core.ruler.push("demote_headings", _demote_headings)
    return parser


_MARKDOWN = _parser()


def markdown_to_html(text: str) -> str:
    """Render contributor Markdown to sanitised HTML, safe to place in any page as it is."""
    return sanitise(_MARKDOWN.render(text))


def markdown_to_text(text: str) -> str:
    """Contributor Markdown as the words a reader sees, without markup: what search indexes and quotes."""
    return html_to_text(_MARKDOWN.render(text))


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment: every tag dropped, scripts and styles with their content, entities
    decoded. Other tags become spaces, so words on either side never run together, and block boundaries
    (a heading and the paragraph after it) become line breaks, so an excerpt can show where one ends."""
    flat = " ".join(fragment.split())  # a line break inside a paragraph is only a space
    spaced = _BLOCK_TAG.sub(lambda tag: "\n" + tag.group(0), flat).replace("<", " <")
    text = nh3.clean(spaced, tags=set(), clean_content_tags={"script", "style"}, strip_comments=True)
    lines = (" ".join(line.split()) for line in html.unescape(text).splitlines())
    return "\n".join(line for line in lines if line)


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

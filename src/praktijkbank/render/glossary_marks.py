"""A term's explanation at its first use on a page: `<abbr title="…" tabindex="0">VVE</abbr>`.

Material's `content.tooltips` feature turns every `abbr[title]` into a tooltip that shows on hover and, as the
abbreviation can take the focus (`tabindex="0"`), on the keyboard and on touch; a screen reader reads the
title. The page's list "Begrippen op deze pagina" (_begrippen.html.j2) gives the same explanations as text,
for whoever misses the tooltip.

The page is marked after it is rendered, so no template needs to know: only in text, never inside a tag, an
entity, a link, a heading, a button, code or the list of terms itself (marked `data-geen-begrippen`), and only
for the terms the page lists, so both always agree. The explanation is escaped for its attribute.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from praktijkbank.common.glossary import Glossary, GlossaryTerm

NO_TERMS = "data-geen-begrippen"
"""An element with this attribute, and everything in it, gets no explanations."""
SKIPPED = frozenset({"a", "abbr", "button", "code", "pre", "script", "style", "svg", "title", "textarea", "label",
                     "h1", "h2", "h3", "h4", "h5", "h6", "dt", "summary", "select", "option"})
_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_TAG_NAME = re.compile(r"^<(/?)([A-Za-z][\w-]*)")
_ENTITY = re.compile(r"(&(?:#\w+|\w+);)")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"})


def abbr(text: str, entry: GlossaryTerm) -> str:
    return f'<abbr title="{html.escape(entry.explanation, quote=True)}" tabindex="0">{text}</abbr>'


def mark_first_uses(page: str, terms: Sequence[GlossaryTerm], glossary: Glossary) -> str:
    """`page` with the first use of each of `terms` explained; everything else byte for byte as it was."""
    waiting = {entry.term for entry in terms}
    skipping: list[list[str | int]] = []  # [tag name, depth] of the element that started a skipped stretch
    pieces = []
    for piece in _TOKENS.split(page):
        if piece.startswith("<"):
            _follow(piece, skipping)
        elif piece and waiting and not skipping:
            piece = _mark(piece, waiting, glossary)
        pieces.append(piece)
    return "".join(pieces)


def _follow(tag: str, skipping: list[list[str | int]]) -> None:
    """Keep track of whether the text after `tag` stands inside an element that gets no explanations."""
    match = _TAG_NAME.match(tag)
    if not match:
        return
    closing, name = match.group(1) == "/", match.group(2).lower()
    if name in _VOID or tag.endswith("/>"):
        return
    if skipping:
        if name == skipping[-1][0]:
            skipping[-1][1] = int(skipping[-1][1]) + (-1 if closing else 1)
            if skipping[-1][1] == 0:
                skipping.pop()
    elif not closing and (name in SKIPPED or NO_TERMS in tag):
        skipping.append([name, 1])


def _mark(text: str, waiting: set[str], glossary: Glossary) -> str:
    """Explain the first use of each waiting term in this stretch of text, leaving entities alone."""
    parts = _ENTITY.split(text)
    for number in range(0, len(parts), 2):  # the odd parts are entities
        marked, position = [], 0
        for use in glossary.uses(parts[number]):
            if use.term.term in waiting:
                waiting.discard(use.term.term)
                marked += [parts[number][position:use.start], abbr(parts[number][use.start:use.end], use.term)]
                position = use.end
        parts[number] = "".join(marked) + parts[number][position:]
    return "".join(parts)

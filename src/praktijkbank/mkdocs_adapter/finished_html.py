"""The HTML of a generated page without Python-Markdown: our templates write raw HTML blocks and `##` headings,
and Python-Markdown's HTML-block parser spent most of MkDocs' own build time re-reading that HTML.

`finished_html` handles exactly that shape and returns what Python-Markdown (with the toc extension) would
return: each raw block verbatim, each heading as `<hN id="...">`, and the same table-of-contents tokens. For
anything else in a page (a paragraph, a list, a comment, a script, Markdown inline syntax) it returns None and
the page goes through Python-Markdown as before, so the site stays byte for byte the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markdown import Markdown
from markdown.extensions.toc import nest_toc_tokens, unique

# A tag as html.parser reads its name (lower-cased); the rest up to `>` (our templates escape `<` and `>` in
# text and attribute values, and a page with a comment or `<?`/`<!` is left to Python-Markdown).
_TAG = re.compile(r"<(/?)([a-zA-Z][^\t\n\r\f />\x00]*)([^<>]*)>")
# A heading of plain words: nothing Python-Markdown's inline patterns or attr_list would change.
_HEADING = re.compile(r"(#{2,6}) ([\w ',.:;?()/\u2013\u2019-]*[\w'.?)\u2019])[ \t]*")
_ID = re.compile(r"""(?:^|\s)(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_BLANK_AFTER = re.compile(r"[ ]*\n[ ]*\n")
# Left to Python-Markdown: what its parser reads otherwise than plain tags (comments, declarations, a script or
# style with a `<` in it; an empty `<script src>` is read like any other element), what its preprocessors change
# in raw HTML too (tabs, carriage returns, its own marker characters, lines of spaces) and code fences.
_SPECIAL = re.compile(r"<[!?]|<(script|style)\b[^>]*>[^<]*<(?!/\1>)|[\t\r\x02\x03]|^ +$|^(?:```|~~~)",
                      re.IGNORECASE | re.MULTILINE)
# The extensions whose effect the short cut reproduces (MkDocs always adds toc, tables and fenced_code): tables
# and admonition act on Markdown text, attr_list on `{...}` and the ways in on Markdown links, none of which a
# short-cut page has. Any other extension (smarty, md_in_html...) sends every page through Python-Markdown.
KNOWN_EXTENSIONS = frozenset({"toc", "tables", "fenced_code", "admonition", "attr_list",
                              "praktijkbank.render.ways_in_markdown"})


@dataclass(frozen=True)
class FinishedPage:
    """A page's body HTML, its table-of-contents tokens (as the toc extension makes them) and its anchors."""

    html: str
    toc_tokens: list[dict[str, Any]]
    anchor_ids: set[str]


class FinishedHtml:
    """Python-Markdown's settings that matter for the short cut, read once from the configured extensions."""

    def __init__(self, extensions: list[Any], configs: dict[str, Any]) -> None:
        md = Markdown(extensions=extensions, extension_configs=configs)
        toc = md.treeprocessors["toc"] if "toc" in md.treeprocessors else None
        self.usable = toc is not None and toc.use_permalinks in (False, None) and not toc.use_anchors \
            and toc.base_level == 0 and all(isinstance(name, str) and name in KNOWN_EXTENSIONS for name in extensions)
        self.slugify: Callable[[str, str], str] = toc.slugify if toc is not None else str
        self.separator: str = toc.sep if toc is not None else "-"
        self.toc_range = (toc.toc_top, toc.toc_bottom) if toc is not None else (1, 6)
        self.block_level = md.is_block_level

    def convert(self, source: str) -> FinishedPage | None:
        """The page as Python-Markdown would render it, or None when the page has anything but raw HTML
        blocks and plain `##` headings."""
        if not self.usable or _SPECIAL.search(source):
            return None
        parts: list[str] = []
        tokens: list[dict[str, Any]] = []
        used_ids: set[str] = set()
        counters: dict[str, int] = {}
        position, end = 0, len(source)
        while position < end:
            line_end = source.find("\n", position)
            line_end = end if line_end == -1 else line_end
            line = source[position:line_end]
            if not line.strip():
                position = line_end + 1
                continue
            if line.startswith("#"):
                heading = _HEADING.fullmatch(line)
                if heading is None or not _blank_or_end(source, line_end) or not _blank_before(parts, source,
                                                                                             position):
                    return None
                level, text = len(heading.group(1)), heading.group(2).strip()
                identifier = unique(self.slugify(text, self.separator), used_ids, counters)
                parts.append(f'<h{level} id="{identifier}">{text}</h{level}>\n')
                if self.toc_range[0] <= level <= self.toc_range[1]:
                    tokens.append({"level": level, "id": identifier, "name": text, "html": text,
                                   "data-toc-label": ""})
                position = line_end + 1
                continue
            block_end = self._raw_block_end(source, position)
            if block_end is None:
                return None
            blank = _BLANK_AFTER.match(source, block_end) is not None
            parts.append(source[position:block_end] + ("\n\n" if blank else "\n"))
            position = block_end + 1
        html = "".join(parts).strip()
        return FinishedPage(html, nest_toc_tokens(tokens), _anchor_ids(source) | used_ids)

    def _raw_block_end(self, source: str, start: int) -> int | None:
        """Where the raw HTML block that starts at `start` ends (just after its closing tag, which must end its
        line), following Python-Markdown's HTMLExtractor: every start tag but `hr` and `<x/>` is stacked,
        an end tag pops down to its own name, and the block ends when the stack is empty."""
        stack: list[str] = []
        for match in _TAG.finditer(source, start):
            if not stack and match.start() != start:
                return None
            closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
            if not stack and (closing or name == "hr" or rest.endswith("/") or not self.block_level(name)):
                return None
            if not closing:
                if name != "hr" and not rest.endswith("/"):
                    stack.append(name)
                continue
            if name in stack:
                while stack.pop() != name:
                    pass
            if not stack:
                after = match.end()
                return after if after == len(source) or source[after] == "\n" else None
        return None


def _blank_or_end(source: str, line_end: int) -> bool:
    """A heading stands on its own: the next line is empty (or the page ends)."""
    next_end = source.find("\n", line_end + 1)
    return line_end >= len(source) or not source[line_end + 1:next_end if next_end != -1 else None].strip()


def _blank_before(parts: list[str], source: str, position: int) -> bool:
    """A heading stands on its own: it opens the page or follows an empty line."""
    if not parts:
        return True
    previous_end = source.rfind("\n", 0, position - 1)
    return not source[previous_end + 1:position - 1].strip()


def _anchor_ids(source: str) -> set[str]:
    """The `id` and `name` values of the page's tags, as MkDocs collects them to check links to a page's
    anchors."""
    return {next(value for value in found.groups() if value is not None)
            for tag in _TAG.finditer(source) if not tag.group(1) for found in _ID.finditer(tag.group(3))}

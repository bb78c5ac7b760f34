"""A text diff by words, as MediaWiki shows a change: removed words in `<del>`, added words in `<ins>`.

Not by colour or line alone: each marked run also carries words for screen readers ("weggehaald:",
"toegevoegd:") that the page hides visually, so every reader learns what changed.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from markupsafe import Markup, escape

_TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_HIDDEN = '<span class="pb-visually-hidden">{}</span>'


def word_diff(old: str, new: str) -> Markup:
    """`new` with the words taken out of `old` and the words put in marked, the rest as it was."""
    before, after = _TOKENS.findall(old), _TOKENS.findall(new)
    parts: list[str] = []
    for operation, old_start, old_end, new_start, new_end in SequenceMatcher(
            None, before, after, autojunk=False).get_opcodes():
        removed, added = "".join(before[old_start:old_end]), "".join(after[new_start:new_end])
        if operation == "equal" or not (removed + added).strip():
            parts.append(str(escape(added)))  # only the spacing moved: nothing a reader would call a change
            continue
        if removed:
            parts.append(_marked("del", "weggehaald", removed))
        if added:
            parts.append(_marked("ins", "toegevoegd", added))
    return Markup("".join(parts))


def _marked(tag: str, word: str, text: str) -> str:
    return f"<{tag}>{_HIDDEN.format(f'[{word}: ')}{escape(text)}{_HIDDEN.format(']')}</{tag}>"

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
    start = _common_length(before, after)
    end = _common_length(before[start:][::-1], after[start:][::-1])
    parts: list[str] = [str(escape("".join(after[:start])))]
    middle_old, middle_new = before[start:len(before) - end], after[start:len(after) - end]
    for operation, old_start, old_end, new_start, new_end in SequenceMatcher(
            None, middle_old, middle_new, autojunk=False).get_opcodes():
        removed, added = "".join(middle_old[old_start:old_end]), "".join(middle_new[new_start:new_end])
        if operation == "equal" or not (removed + added).strip():
            parts.append(str(escape(added)))  # only the spacing moved: nothing a reader would call a change
            continue
        if removed:
            parts.append(_marked("del", "weggehaald", removed))
        if added:
            parts.append(_marked("ins", "toegevoegd", added))
    parts.append(str(escape("".join(after[len(after) - end:]))))
    return Markup("".join(parts))


def _common_length(first: list[str], second: list[str]) -> int:
    """How many tokens two lists share from their start: most edits touch a few words of a long text, and
    the diff then only looks at the part between the shared start and end."""
    length = 0
    for one, other in zip(first, second):
        if one != other:
            break
        length += 1
    return length


def _marked(tag: str, word: str, text: str) -> str:
    return f"<{tag}>{_HIDDEN.format(f'[{word}: ')}{escape(text)}{_HIDDEN.format(']')}</{tag}>"

""""Did you mean …?" hints: the closest allowed value to what a contributor typed."""

from __future__ import annotations

import difflib
import re
import unicodedata

_SEPARATORS = re.compile(r"[\s_]+")


def normalise(text: str) -> str:
    """Fold case, accents and spacing, so 'Werk en inkomen' meets 'werk-en-inkomen'."""
    return _SEPARATORS.sub("-", without_accents(text.strip().lower()))


def without_accents(text: str) -> str:
    """'Financiën' as 'Financien': what people type when they cannot find or do not bother with the accent.
    Only the characters beyond ASCII are looked at (no ASCII character combines): search reads every word of
    every practice through here, and a loop over each character was a tenth of the site build."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed if decomposed.isascii() else _BEYOND_ASCII.sub(_unless_combining, decomposed)


_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


def _unless_combining(match: re.Match[str]) -> str:
    return "" if unicodedata.combining(match.group()) else match.group()


def closest(value: str, candidates: list[str], allowed_keys: list[str] | None = None) -> str | None:
    """The candidate most like `value`, or None; with `allowed_keys`, the key at the same position.

    `allowed_keys` lets a match on a label ('Financiën') answer with the id to write ('financien').
    """
    keys = allowed_keys or candidates
    normalised = [normalise(candidate) for candidate in candidates]
    target = normalise(value)
    if target in normalised:
        return keys[normalised.index(target)]
    matches = difflib.get_close_matches(target, normalised, n=1, cutoff=0.75)
    return keys[normalised.index(matches[0])] if matches else None


SUGGESTION = "bedoelde je '{match}'?"
"""The hint itself, also for the editor on /aanmelden/, which suggests in the browser."""


def suggestion_hint(match: str) -> str:
    return SUGGESTION.format(match=match)

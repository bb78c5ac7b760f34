"""Invisible characters that change how text is shown: refused wherever they stand in a file.

A right-to-left override, a direction isolate or a zero-width space cannot be seen in a pull request, yet it
changes what a title looks like on the site, splits a word so search misses it, or hides text. Dutch text never
needs one. The rule takes every character of Unicode's category Cf ("format"): the direction controls
(U+200E–U+200F, U+202A–U+202E, U+2061–U+2069), the zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and
the rarer ones (tag characters, Arabic number signs). The line and paragraph separators (U+2028, U+2029, categories
Zl and Zp) are refused too: an editor shows them as nothing or as a line break that is none, YAML 1.1 reads them
as a line break, and in a browser's JavaScript they once ended a string. The soft hyphen (U+00AD) is one of them: it is invisible in
review, it breaks a word in two for search, and the site wraps long words itself. A byte order mark at the very
start of a file is not text: the loader drops it when it decodes the file.

The file's own text is searched, not the loaded data, so every problem points at the character itself, in a
plain, quoted or block scalar alike. A character written as a code is refused too: a YAML escape (`"\\u202E"`;
in double quotes YAML turns it into the character) or an HTML reference (`&#x202E;`, `&zwj;`; Markdown turns
it into the character).
"""

from __future__ import annotations

import html
import re
import sys
import unicodedata
from collections.abc import Iterator

from praktijkbank.common.problems import Problem

FORMAT_CATEGORY = "Cf"
SEPARATORS = frozenset({"\u2028", "\u2029"})
RULE = "hidden-character"

NAMES = {
    0x00AD: "zacht afbreekstreepje",
    0x061C: "tekstrichting voor Arabisch",
    0x200B: "onzichtbare spatie",
    0x200C: "onzichtbare scheiding",
    0x200D: "onzichtbare verbinder",
    0x200E: "tekstrichting links naar rechts",
    0x200F: "tekstrichting rechts naar links",
    0x202A: "tekstrichting links naar rechts insluiten",
    0x202B: "tekstrichting rechts naar links insluiten",
    0x202C: "einde van een andere tekstrichting",
    0x202D: "tekstrichting links naar rechts afdwingen",
    0x202E: "tekstrichting omkeren",
    0x2060: "onzichtbare woordverbinder",
    0x2066: "tekstrichting isoleren, links naar rechts",
    0x2067: "tekstrichting isoleren, rechts naar links",
    0x2068: "tekstrichting isoleren",
    0x2069: "einde van tekstrichting isoleren",
    0x2028: "onzichtbaar regeleinde",
    0x2029: "onzichtbaar alinea-einde",
    0xFEFF: "onzichtbaar BOM-teken",
}
OTHER_NAME = "onzichtbaar opmaakteken"
HINT = ("Nederlandse tekst heeft dit teken nooit nodig. Zet de cursor op deze plek en druk één keer op Delete, of typ "
        "het woord opnieuw. Zo'n teken komt vaak mee bij kopiëren uit een pdf, Word of een website.")
MESSAGE = "hier staat een onzichtbaar teken: {character}."
CODE_MESSAGE = "hier staat de code van een onzichtbaar teken: {character}."
CODE_HINT = "Nederlandse tekst heeft dit teken nooit nodig. Haal de code weg, met de \\ of & ervoor."

# Where Unicode puts its format characters and the separators: the soft hyphen, the Arabic blocks, U+180E,
# General Punctuation's invisible ones and U+2028–U+2029 (not its dashes and quotes), U+FEFF, U+FFF9–U+FFFB,
# and everything beyond the first plane (tag characters and others).
# A wide net, caught cheaply: only what it finds is looked up, so letters such as ë and é cost nothing.
# A test proves every hidden character of this Python's Unicode falls in it.
CANDIDATES = re.compile(r"[\u00ad\u0600-\u08ff\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
                        r"\U00010000-\U0010ffff]")
_YAML_ESCAPE = re.compile(r"\\(?:\\|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x([0-9A-Fa-f]{2}))")
_HTML_REFERENCE = re.compile(r"&(?:#[xX][0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")


def is_hidden(character: str) -> bool:
    return unicodedata.category(character) == FORMAT_CATEGORY or character in SEPARATORS


def describe(code_point: int) -> str:
    """`U+202E (tekstrichting omkeren)`: the code to search for, and a Dutch name to understand it by."""
    return f"U+{code_point:04X} ({NAMES.get(code_point, OTHER_NAME)})"


def hidden_character_problems(text: str, file: str) -> list[Problem]:
    """One problem per hidden character, or code of one, at its own line and column."""
    return [_problem(text, file, index, code_point, coded) for index, code_point, coded in _found(text)]


def _found(text: str) -> list[tuple[int, int, bool]]:
    """(index in the text, code point, written as a code) of every hidden character, in file order. Each pattern
    runs only on a text that can hold what it looks for (most are plain text without escapes)."""
    literal = [] if text.isascii() else [(match.start(), ord(match.group()), False)
                                         for match in CANDIDATES.finditer(text) if is_hidden(match.group())]
    codes = [(match.start(), ord(character), True) for match, character in _coded_characters(text)
             if is_hidden(character)]
    return sorted(literal + codes)


def _coded_characters(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Characters written as a code: a YAML escape (in double quotes YAML turns it into the character) or an
    HTML character reference (Markdown turns `&#x202E;` or `&zwj;` into the character)."""
    for match in _YAML_ESCAPE.finditer(text) if "\\" in text else ():
        digits = next((group for group in match.groups() if group), None)
        if digits and int(digits, 16) <= sys.maxunicode:
            yield match, chr(int(digits, 16))
    for match in _HTML_REFERENCE.finditer(text) if "&" in text else ():
        decoded = html.unescape(match.group())
        if len(decoded) == 1:
            yield match, decoded


def _problem(text: str, file: str, index: int, code_point: int, coded: bool) -> Problem:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    if coded:
        return Problem(file, line, column, RULE, CODE_MESSAGE.format(character=describe(code_point)), CODE_HINT)
    return Problem(file, line, column, RULE, MESSAGE.format(character=describe(code_point)), HINT)

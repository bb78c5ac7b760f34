"""Invisible characters that change how text is shown (direction controls, zero-width characters, other
format characters) are refused in every field, at the line and column of the character itself, with a Dutch
name for it and a tip."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from helpers import PROJECT_ROOT, VALID_COLLECTION, VALID_PRACTICE
from praktijkbank.validate.hidden_characters import CANDIDATES, describe, hidden_character_problems, is_hidden

DIRECTION_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
ZERO_WIDTH = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
OTHER_FORMAT = [0x00AD, 0x2062, 0x0600, 0xFFF9, 0xE0001, 0xE0041]
SEPARATORS = [0x2028, 0x2029]
HIDDEN = DIRECTION_CONTROLS + ZERO_WIDTH + OTHER_FORMAT + SEPARATORS

# Where a character placed at ⟨⟩ stands: (line, column) in plain, quoted and block scalars, a list item and a key.
PLACES = {
    "plain": ("title: Voorlees⟨⟩tent\n", 1, 16),
    "double quoted": ('a: 1\ntitle: "Voor: lees⟨⟩tent"\n', 2, 19),
    "single quoted": ("title: 'Voor lees''⟨⟩tent'\n", 1, 20),
    "block": ("title: Voorleestent\ndescription: |\n  Eerste regel.\n  Tweede ⟨⟩regel.\n", 4, 10),
    "folded over lines": ("summary: De bibliotheek\n  en de ⟨⟩welzijnsorganisatie\n", 2, 9),
    "list item": ("themes:\n  - taal\n  - ⟨⟩lezen\n", 3, 5),
    "after an accent": ("title: Café ‘t Hoekje ⟨⟩\n", 1, 23),
    "key": ("ti⟨⟩tle: Voorleestent\n", 1, 3),
}


@pytest.mark.parametrize("code_point", HIDDEN, ids=lambda code_point: f"U+{code_point:04X}")
@pytest.mark.parametrize("place", PLACES)
def test_a_hidden_character_is_reported_at_its_own_line_and_column(code_point: int, place: str) -> None:
    template, line, column = PLACES[place]

    [problem] = hidden_character_problems(template.replace("⟨⟩", chr(code_point)), "practices/x.yml")

    assert (problem.file, problem.line, problem.column, problem.rule) == ("practices/x.yml", line, column,
                                                                          "hidden-character")
    assert f"U+{code_point:04X} (" in problem.message
    assert "Delete" in problem.hint


@pytest.mark.parametrize(("code_point", "name"), [
    (0x202E, "tekstrichting omkeren"), (0x2066, "tekstrichting isoleren"), (0x200B, "onzichtbare spatie"),
    (0x200D, "onzichtbare verbinder"), (0xFEFF, "onzichtbaar BOM-teken"), (0x00AD, "zacht afbreekstreepje"),
    (0x2028, "onzichtbaar regeleinde"), (0x2029, "onzichtbaar alinea-einde"),
    (0xE0041, "onzichtbaar opmaakteken"),
])
def test_each_character_has_a_dutch_name(code_point: int, name: str) -> None:
    assert describe(code_point).startswith(f"U+{code_point:04X} ({name}")


@pytest.mark.parametrize("code", ["\\u202E", "\\u202e", "\\U0000200B", "\\xAD", "&#x202E;", "&#8238;", "&zwj;",
                                  "&shy;", "&ZeroWidthSpace;", "&lrm;", "\\u2028", "&#x2029;"])
def test_the_code_of_a_hidden_character_is_refused_where_it_is_written(code: str) -> None:
    """YAML turns an escape in double quotes into the character, and Markdown an HTML character reference."""
    [problem] = hidden_character_problems(f'title: "Voorlees{code}tent"\n', "practices/x.yml")

    assert (problem.line, problem.column) == (1, 17)
    assert "Haal de code weg" in problem.hint


@pytest.mark.parametrize("text", ['"C:\\\\u202e"', "&amp;zwj", "&#x41;", "&eacute;", "\\u00e9", "&shy"])
def test_other_codes_pass(text: str) -> None:
    """An escaped backslash, visible characters, and what Markdown leaves as typed are not hidden characters."""
    assert hidden_character_problems(f"title: {text}\n", "practices/x.yml") == []


def test_every_hidden_character_in_a_file_is_reported() -> None:
    problems = hidden_character_problems("title: a\u202eb\u202cc\nsummary: d\u200be\n", "practices/x.yml")

    assert [(problem.line, problem.column) for problem in problems] == [(1, 9), (1, 11), (2, 11)]


@pytest.mark.parametrize("visible", ["é", "ë", "’", "–", "€", "\u00a0", "🙂", "\u2009", "👍🏽"])
def test_visible_and_ordinary_characters_pass(visible: str) -> None:
    assert hidden_character_problems(f"title: Voorlees{visible}tent\n", "practices/x.yml") == []


def test_the_rule_takes_every_format_character_of_unicode() -> None:
    format_characters = [code for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cf"]

    assert set(HIDDEN) - set(SEPARATORS) <= set(format_characters)
    assert all(is_hidden(chr(code)) for code in format_characters)
    hidden = format_characters + SEPARATORS
    found = [hidden_character_problems(f"title: é{chr(code)}ë\n", "x.yml") for code in hidden]
    assert [len(problems) for problems in found] == [1] * len(hidden)


def test_only_format_characters_are_looked_up_and_ordinary_letters_are_not() -> None:
    """The search looks up only the characters in the blocks where Unicode puts format characters: that is
    what keeps the pass cheap on Dutch text full of é and ë."""
    assert not CANDIDATES.search("Café ‘t Hoekje – “één” €5, één…")
    assert CANDIDATES.search("\u202e")


def test_a_byte_order_mark_at_the_start_of_a_file_is_not_text(make_repository, run_cli, tmp_path) -> None:
    practice = tmp_path / "voorbeeldstad-voorleestent.yml"
    practice.write_bytes(b"\xef\xbb\xbf" + VALID_PRACTICE.read_bytes())

    result = run_cli("validate", "--root", make_repository(practices=[practice]), "--format", "json")

    assert result.code == 0, result.stdout


@pytest.mark.parametrize(("folder", "source"), [("practices", VALID_PRACTICE), ("collections", VALID_COLLECTION)])
def test_validation_refuses_a_hidden_character_in_any_field(folder: str, source, make_repository, run_cli,
                                                           tmp_path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(number for number, text in enumerate(lines, start=1) if text.startswith("title:"))
    column = len(lines[line - 1])
    lines[line - 1] = lines[line - 1].rstrip("\n") + "\u200b\n"
    changed = tmp_path / source.name
    changed.write_text("".join(lines), encoding="utf-8")
    practices = [VALID_PRACTICE] if folder == "collections" else [changed]
    collections = [changed] if folder == "collections" else []

    result = run_cli("validate", "--root", make_repository(practices=practices, collections=collections),
                     "--format", "json")

    assert result.code == 1
    assert [(problem["file"], problem["line"], problem["column"], problem["rule"]) for problem in result.problems] == [
        (f"{folder}/{source.name}", line, column, "hidden-character")]


def test_the_vocabularies_refuse_hidden_characters(make_repository, run_cli) -> None:
    root = make_repository()
    vocabularies = root / "schemas" / "vocabularies.yml"
    text = vocabularies.read_text(encoding="utf-8")
    vocabularies.write_text(text.replace("\n", "\u202e\n", 1), encoding="utf-8")

    result = run_cli("validate", "--root", root, "--format", "json")

    assert result.code == 1
    assert [(problem["file"], problem["line"], problem["rule"]) for problem in result.problems] == [
        ("schemas/vocabularies.yml", 1, "hidden-character")]


def test_the_repository_has_no_hidden_characters() -> None:
    files = [*PROJECT_ROOT.glob("practices/*.yml"), *PROJECT_ROOT.glob("collections/*.yml"),
             PROJECT_ROOT / "schemas" / "vocabularies.yml"]
    assert [problem for path in files
            for problem in hidden_character_problems(path.read_text(encoding="utf-8"), path.name)] == []

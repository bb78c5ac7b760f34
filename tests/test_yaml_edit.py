"""The minimal edit behind a proposed change (contribute/yaml_edit.py): only the touched fields are written
again; comments, key order, quotes and line breaks of everything else stay byte for byte, in hand-written
files and in the commented files the forms and the template make."""

from __future__ import annotations

import difflib
import json

import yaml

from helpers import PROJECT_ROOT
from praktijkbank.contribute.yaml_edit import YamlEdit, styled

ORDER = list(json.loads((PROJECT_ROOT / "schemas" / "practice.schema.json").read_text("utf-8"))["properties"])
TEMPLATE = (PROJECT_ROOT / "practices" / "_template.yml").read_text(encoding="utf-8")
HAND_WRITTEN = """\
# Een eigen kopregel die moet blijven.
title: 'Voorleestent: in de wijk'
summary: >-
  Een samenvatting die over twee regels is gevouwen, zoals mensen dat met de hand
  doen.
place:
  municipalities:
    - Dalfsen  # de gemeente
  provinces:
    - overijssel
lessons:
  - Eén les.
sources:
  - title: "Een bron"
added: 2026-11-23
"""


def changes(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_untouched_means_the_same_bytes() -> None:
    assert YamlEdit(HAND_WRITTEN, ORDER).text() == HAND_WRITTEN
    assert YamlEdit(TEMPLATE, ORDER).text() == TEMPLATE


def test_a_changed_field_is_the_only_change_and_keeps_its_folded_style() -> None:
    edit = YamlEdit(HAND_WRITTEN, ORDER)
    edit.set("summary", "Een nieuwe samenvatting die lang genoeg is om weer over meer dan één regel te gaan, net "
                        "als de oude.")

    after = edit.text()

    assert changes(HAND_WRITTEN, after) == [
        "-  Een samenvatting die over twee regels is gevouwen, zoals mensen dat met de hand", "-  doen.",
        "+  Een nieuwe samenvatting die lang genoeg is om weer over meer dan één regel te",
        "+  gaan, net als de oude."]
    assert yaml.safe_load(after)["summary"].endswith("net als de oude.")


def test_an_item_added_to_a_nested_list_keeps_the_comments_and_the_indentation_around_it() -> None:
    edit = YamlEdit(HAND_WRITTEN, ORDER)
    edit.get("place")["municipalities"].append("Ommen")
    edit.changed("place")

    assert changes(HAND_WRITTEN, edit.text()) == ["+    - Ommen"]


def test_in_a_commented_file_a_new_source_stays_above_the_next_fields_comment() -> None:
    edit = YamlEdit(TEMPLATE, ORDER)
    edit.get("sources").append(styled({"title": "Nieuw artikel", "url": "https://nieuws.example/"}, None))
    edit.changed("sources")

    after = edit.text()

    assert changes(TEMPLATE, after) == ["+  - title: Nieuw artikel", "+    url: https://nieuws.example/"]
    assert after.index("https://nieuws.example/") < after.index("# Beeld (mag weg)")


def test_a_removed_field_takes_its_own_comment_and_leaves_the_next_ones() -> None:
    edit = YamlEdit(TEMPLATE, ORDER)
    edit.remove("lessons")

    removed = changes(TEMPLATE, edit.text())

    assert all(line.startswith("-") for line in removed)
    assert removed[0].startswith("-# Lessen en tips") and "-lessons:" in removed
    assert "# Kosten (mag weg)" in edit.text()


def test_a_new_field_goes_where_the_schema_puts_it() -> None:
    edit = YamlEdit(HAND_WRITTEN, ORDER)
    edit.set("activities", ["Voorlezen in de tent"])
    edit.set("based_on", "dalfsen-voorleestent")

    after = edit.text()

    assert changes(HAND_WRITTEN, after) == ["+activities:", "+  - Voorlezen in de tent",
                                            "+based_on: dalfsen-voorleestent"]
    keys = list(yaml.safe_load(after))
    assert keys.index("activities") < keys.index("lessons") and keys.index("based_on") < keys.index("added")

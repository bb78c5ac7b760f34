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


# A practice with comments everywhere: above and beside fields, between them, indented inside lists and maps,
# after a list's last item; saved on Windows (CRLF) and without a final line break.
COMMENTED = """\
# Kop van het bestand.
title: Voorleestent in Voorbeeldstad  # de titel
# Tussen titel en samenvatting.
summary: De bibliotheek en de welzijnsorganisatie lezen in de zomer voor in een tent in de wijk.  # kort!

# Na een lege regel, boven de beschrijving.
description: |
  Elke week van de zomervakantie staat de tent in een andere wijk.
  # Dit is tekst, geen commentaar.
place:  # waar
  # ingesprongen, boven de gemeenten
  municipalities:
    - Dalfsen  # de gemeente
    # tussen twee gemeenten
    - Ommen
  provinces:
    - overijssel
organisations:
  - name: Bibliotheek Voorbeeldstad  # de initiatiefnemer
    type: bibliotheek
    role: initiatiefnemer
themes:
  - laaggeletterdheid  # het eerste thema
  # na het laatste thema
target_groups:
  - kinderen
status: lopend  # nog steeds
lessons:
  - Begin klein.  # de eerste les
  - Vraag hulp.
sources:
  - title: Een artikel over de voorleestent
added: 2026-11-23  # de laatste regel, zonder regeleinde"""


def test_a_commented_crlf_file_without_a_final_line_break_changes_only_the_changed_field() -> None:
    before = COMMENTED.replace("\n", "\r\n")
    edit = YamlEdit(before, ORDER)
    edit.set("summary", "Een nieuwe samenvatting.")
    edit.set("themes", ["laaggeletterdheid", "participatie"])

    after = edit.text()

    assert changes(before, after) == [
        "-summary: De bibliotheek en de welzijnsorganisatie lezen in de zomer voor in een tent in de wijk.  # kort!",
        "+summary: Een nieuwe samenvatting.  # kort!",
        "+  - participatie"]
    assert after.count("\r\n") == after.count("\n") and not after.endswith("\n")
    assert edit.lost_comments() == []


def test_a_comment_that_cannot_stay_is_named() -> None:
    edit = YamlEdit(COMMENTED, ORDER)
    edit.remove("lessons")
    edit.set("themes", ["participatie"])

    after = edit.text()

    assert changes(COMMENTED, after) == ["-  - laaggeletterdheid  # het eerste thema", "+  - participatie",
                                         "-lessons:", "-  - Begin klein.  # de eerste les", "-  - Vraag hulp."]
    assert edit.lost_comments() == ["# het eerste thema", "# de eerste les"]
    assert "# Dit is tekst, geen commentaar." in yaml.safe_load(after)["description"]


def change_issue(root, answers: dict[str, str]):
    """A change issue for the commented practice, as GitHub writes it, in `root`."""
    from issue_forms import CHANGE_FORM, issue_body

    path = root / "issue.md"
    path.write_text(issue_body(CHANGE_FORM, {"id": "voorbeeldstad-voorleestent", "remark": "Het klopt niet meer.",
                                             **answers}), encoding="utf-8")
    return path


def test_a_change_issue_on_a_commented_crlf_practice_changes_only_that_fields_line(make_repository,
                                                                                  tmp_path) -> None:
    from test_contribute import run

    commented = tmp_path / "voorbeeldstad-voorleestent.yml"
    commented.write_bytes(COMMENTED.replace("\n", "\r\n").encode("utf-8"))
    root = make_repository(practices=[commented])

    result = run("from-issue", change_issue(root, {"status": "Afgerond"}), "--root", root, "--added", "2026-12-01")

    after = (root / "practices" / commented.name).read_bytes().decode("utf-8")
    assert result.returncode == 3, result.stdout + result.stderr
    assert changes(commented.read_bytes().decode("utf-8"), after) == [
        "-status: lopend  # nog steeds", "+status: afgerond  # nog steeds"]
    assert after.count("\r\n") == after.count("\n") and not after.endswith("\n")

    removed = run("from-issue", change_issue(root, {"lessons": "-"}), "--root", root, "--added", "2026-12-01")

    assert removed.returncode == 3, removed.stdout + removed.stderr
    assert "## Commentaar dat niet kon blijven" in removed.stdout and "> \\# de eerste les" in removed.stdout


def test_a_hash_at_the_end_of_a_text_block_is_text_and_is_replaced_with_it() -> None:
    before = "title: Tent\ndescription: |\n  Tekst.\n\n  # Een kop in Markdown\nstatus: lopend\n"
    edit = YamlEdit(before, ORDER)
    edit.set("description", "Nieuwe tekst.")

    after = edit.text()

    assert yaml.safe_load(after) == {"title": "Tent", "description": "Nieuwe tekst.", "status": "lopend"}
    assert "Een kop" not in after and edit.lost_comments() == []

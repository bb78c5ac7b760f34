"""The contributor template `practices/_template.yml` and new practice files, written from the practice schema.

Every comment is a schema `title`/`description` and every value a schema `examples` entry, so the template
cannot drift from what the validator accepts: one source for the rules, the help texts and the example.
"""

from __future__ import annotations

import textwrap
from typing import Any

import yaml

from praktijkbank.common.schemas import VOCABULARY_KEYWORD, inline_references

_WIDTH = 100
_HEADER = """\
# yaml-language-server: $schema=../schemas/practice.schema.json
#
# Sjabloon voor een nieuwe praktijk in de Praktijkbank Sociaal Domein.
#
# Zo gebruik je het:
# 1. Maak een kopie in de map practices/ en geef die een naam als plaats-onderwerp.yml,
#    bijvoorbeeld dalfsen-voorleestent.yml. Alleen kleine letters, cijfers en streepjes.
#    De bestandsnaam wordt het webadres van de praktijk.
# 2. Vervang de voorbeelden door jouw tekst. Velden met (verplicht) moeten erin;
#    de andere mag je weglaten als je het niet weet. Verzin niets: noem je bron.
# 3. Laat de inspringing (spaties vooraan) staan zoals hij is.
#
# Dit bestand wordt gemaakt met `praktijkbank generate --write`; pas het niet met de hand aan.
"""


class _IndentedDumper(yaml.SafeDumper):
    """Indents lists under their key, as people write them by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_IndentedDumper.add_representer(str, _represent_text)


_DOCUMENT_HEADER = """\
# yaml-language-server: $schema=../schemas/{kind}.schema.json
#
# {what} in de Praktijkbank Sociaal Domein.
# Elk veld heeft een uitleg erboven. Velden met (verplicht) moeten erin; de andere mag je weglaten.
# Controleer het bestand met `praktijkbank validate`.
"""
_DOCUMENT_NAMES = {"practice": "Een praktijk", "collection": "Een collectie"}


# Fields a new practice never has: left in a copied template, `withdrawn` would hide the practice at once.
NOT_IN_TEMPLATE = ("withdrawn",)


def render_template(schema: dict[str, Any]) -> str:
    """The template text for the (vocabulary-completed) practice schema: every field a new practice can
    have, with its example."""
    inlined = inline_references(schema)
    examples = {name: field["examples"][0] for name, field in inlined["properties"].items()
                if name not in NOT_IN_TEMPLATE}
    return _render(inlined, examples, _HEADER)


def render_document(kind: str, schema: dict[str, Any], data: dict[str, Any]) -> str:
    """A contributor's practice or collection file (`kind`): their values in schema order, each under the
    schema's help text (as in the template), so `praktijkbank new` and the issue forms write files that
    explain themselves."""
    inlined = inline_references(schema)
    return _render(inlined, data, _DOCUMENT_HEADER.format(kind=kind, what=_DOCUMENT_NAMES[kind]))


def _render(inlined: dict[str, Any], values: dict[str, Any], header: str) -> str:
    required = set(inlined.get("required", []))
    blocks = [header]
    for name, field in inlined["properties"].items():
        if name in values:
            blocks.append(_field_block(name, field, name in required, values[name]))
    return "\n".join(blocks)


def _items_or_self(field: dict[str, Any]) -> dict[str, Any]:
    """What a field holds: the item schema of a list, else the field itself."""
    return field.get("items", {}) if field.get("type") == "array" else field


def _field_block(name: str, field: dict[str, Any], required: bool, value: Any) -> str:
    comments = [_comment(f"{field['title']} ({'verplicht' if required else 'mag weg'}): {field['description']}")]
    comments += _choices(field, indent="")
    comments += _subfield_comments(field)
    value = yaml.dump({name: value}, Dumper=_IndentedDumper, allow_unicode=True,
                      sort_keys=False, width=_WIDTH)
    return "\n".join(comments) + "\n" + value


def _subfield_comments(field: dict[str, Any]) -> list[str]:
    """For a group of fields or a list of groups, one comment line per field inside it."""
    inner = _items_or_self(field)
    required = set(inner.get("required", []))
    lines = []
    for name, sub in inner.get("properties", {}).items():
        marker = "verplicht" if name in required else "mag weg"
        lines.append(_comment(f"  {name} ({marker}): {sub['description']}", follow="    "))
        lines += _choices(sub, indent="    ")
    return lines


def _choices(field: dict[str, Any], indent: str) -> list[str]:
    """The allowed ids of a vocabulary field (or a list of them), written out for people without an editor."""
    target = _items_or_self(field)
    if VOCABULARY_KEYWORD not in target:
        return []
    return [_comment(f"{indent}Kies uit: " + ", ".join(target["enum"]) + ".", follow=indent + "  ")]


def _comment(text: str, follow: str = "  ") -> str:
    lines = textwrap.wrap(text, width=_WIDTH - 2, subsequent_indent=follow, break_on_hyphens=False,
                          drop_whitespace=True)
    return "\n".join(f"# {line}" for line in lines)

"""The site's templates are compiled once and kept between builds; a cache that cannot be written or read
costs only time, never the build."""

from __future__ import annotations

import jinja2
import pytest

from praktijkbank.render.pages import _environment
from praktijkbank.render.template_cache import compiled_templates

TEMPLATE = "practice.md.j2"


def _refuse_to_compile(*arguments: object, **options: object) -> None:
    raise AssertionError("the template was compiled again")


def test_the_next_build_loads_the_compiled_template(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    _environment(compiled_templates(tmp_path)).get_template(TEMPLATE)
    monkeypatch.setattr(jinja2.Environment, "compile", _refuse_to_compile)

    assert _environment(compiled_templates(tmp_path)).get_template(TEMPLATE).name == TEMPLATE


def test_a_cache_that_cannot_be_written_or_read_only_costs_time(tmp_path) -> None:
    not_a_folder = tmp_path / "bestand"
    not_a_folder.write_text("", encoding="utf-8")
    damaged = tmp_path / "beschadigd"
    damaged.mkdir()
    _environment(compiled_templates(damaged)).get_template(TEMPLATE)
    for entry in damaged.iterdir():
        entry.write_bytes(b"geen bytecode")

    assert _environment(compiled_templates(not_a_folder)).get_template(TEMPLATE).name == TEMPLATE
    assert _environment(compiled_templates(damaged)).get_template(TEMPLATE).name == TEMPLATE

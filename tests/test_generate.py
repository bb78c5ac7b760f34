"""vocabularies.yml is the one source: changing it makes the committed schema and template stale until
`praktijkbank generate --write` is run, and the validator follows it immediately."""

from __future__ import annotations

import json

from helpers import VALID_PRACTICE


def add_theme(root, theme_id: str) -> None:
    path = root / "schemas" / "vocabularies.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(
        "  values:\n    - id: laaggeletterdheid\n",
        f"  values:\n    - id: {theme_id}\n      label: Nieuw thema\n      description: Een thema voor de test.\n"
        "    - id: laaggeletterdheid\n", 1), encoding="utf-8")


def test_a_new_vocabulary_value_makes_generated_files_stale_until_written(make_repository, run_cli) -> None:
    root = make_repository()
    add_theme(root, "nieuw-thema")

    stale = run_cli("generate", "--check", "--root", root)
    assert stale.code == 1
    assert "practice.schema.json" in stale.stdout

    assert run_cli("generate", "--write", "--root", root).code == 0
    assert run_cli("generate", "--check", "--root", root).code == 0
    schema = json.loads((root / "schemas" / "practice.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["theme"]["enum"][0] == "nieuw-thema"
    assert "nieuw-thema" in (root / "practices" / "_template.yml").read_text(encoding="utf-8")


def test_the_validator_uses_vocabularies_yml_not_the_committed_enum(make_repository, run_cli) -> None:
    root = make_repository()
    add_theme(root, "nieuw-thema")
    practice = root / "practices" / VALID_PRACTICE.name
    practice.write_text(practice.read_text().replace("  - laaggeletterdheid\n", "  - nieuw-thema\n"))

    assert run_cli("validate", "--root", root).code == 0


def test_a_broken_vocabulary_file_is_reported_with_its_line(make_repository, run_cli) -> None:
    root = make_repository()
    path = root / "schemas" / "vocabularies.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    - id: eenzaamheid\n", "    - id: laaggeletterdheid\n", 1), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index("    - id: laaggeletterdheid", 20) + 1

    for command in ("validate", "generate"):
        args = ("--check",) if command == "generate" else ("--format", "text")
        result = run_cli(command, "--root", root, *args)
        assert result.code == 1
        assert f"schemas/vocabularies.yml:{line}:11: duplicate-id:" in result.stdout

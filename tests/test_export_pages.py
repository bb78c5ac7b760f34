"""`praktijkbank export-pages`: the same pages as Markdown files, for another engine that reads mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from helpers import PROJECT_ROOT
from praktijkbank.load.repository import Repository
from praktijkbank.publish.site import build_site
from sites import copy_site_repository


def test_exported_pages_are_the_pages_the_plugin_builds(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "export"

    result = run_cli("export-pages", "--root", PROJECT_ROOT, target)

    assert result.code == 0, result.stdout
    site = build_site(Repository(PROJECT_ROOT))
    for page in site.pages:
        assert (target / page.src_uri).read_text(encoding="utf-8") == page.content
    for output in site.files:
        assert (target / output.path).read_bytes() == output.content
    assert (target / "over.md").read_bytes() == (PROJECT_ROOT / "docs" / "over.md").read_bytes()


def test_export_refuses_a_folder_that_is_not_empty(run_cli, tmp_path: Path) -> None:
    (tmp_path / "iets.txt").write_text("bewaren")

    result = run_cli("export-pages", "--root", PROJECT_ROOT, tmp_path)

    assert result.code == 2
    assert "niet leeg" in result.stderr
    assert [path.name for path in tmp_path.iterdir()] == ["iets.txt"]


def test_export_with_bad_input_reports_problems_and_writes_nothing(run_cli, tmp_path: Path) -> None:
    repository = copy_site_repository(tmp_path / "repo")
    (repository / "practices" / "kapot.yml").write_text("title: [\n", encoding="utf-8")
    target = tmp_path / "export"

    result = run_cli("export-pages", "--root", repository, target)

    assert result.code == 1
    assert result.stdout.startswith("practices/kapot.yml:2:1: yaml-syntax: hier ontbreekt een waarde")
    assert not target.exists()

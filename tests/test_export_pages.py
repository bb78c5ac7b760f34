"""`praktijkbank export-pages`: the same pages as Markdown files, for another engine that reads mkdocs.yml."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from helpers import PROJECT_ROOT
from praktijkbank.load.repository import Repository
from praktijkbank.load.site_config import read_settings
from praktijkbank.common.ways_in import WaysIn
from praktijkbank.publish.site import build_site
from praktijkbank.render.ways_in_markdown import resolved_routes
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
    hand_written = (PROJECT_ROOT / "docs" / "over.md").read_text(encoding="utf-8")
    assert (target / "over.md").read_text(encoding="utf-8") == resolved_routes(hand_written, WaysIn())


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


def test_the_exported_tree_is_the_whole_site_with_its_search_index_and_a_configuration(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "export"

    run_cli("export-pages", "--root", PROJECT_ROOT, target)

    manifest = json.loads((target / "zoekindex" / "index.json").read_text(encoding="utf-8"))
    assert (target / "zoekindex" / manifest["folder"] / "filters.zk").is_file()
    config = yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8"))
    assert (config["docs_dir"], config["site_dir"], config["plugins"]) == (".", "site", [])
    assert (target / config["theme"]["custom_dir"] / "main.html").is_file()
    assert config["nav"] == read_settings(PROJECT_ROOT / "mkdocs.yml")["nav"]


def test_export_refuses_when_a_published_address_would_be_lost(run_cli, tmp_path: Path) -> None:
    repository = copy_site_repository(tmp_path / "repo")
    (repository / "published-urls.txt").write_text("praktijken/verdwenen/\n", encoding="utf-8")
    target = tmp_path / "export"

    result = run_cli("export-pages", "--root", repository, target)

    assert result.code == 1
    assert result.stdout.startswith("published-urls.txt:1:1: published-url-lost: Het adres praktijken/verdwenen/")
    assert "Niets geschreven: 1 gepubliceerde adres zou verdwijnen." in result.stderr
    assert not target.exists()



def test_the_exported_pages_have_the_sites_ways_in_written_out_and_need_no_extension_of_ours(run_cli, tmp_path: Path,
                                                                                            monkeypatch) -> None:
    monkeypatch.setenv("PRAKTIJKBANK_REPOSITORY", "https://github.com/voorbeeld/praktijkbank")
    monkeypatch.setenv("PRAKTIJKBANK_CONTACT", "redactie@praktijkbank.example")
    target = tmp_path / "export"

    run_cli("export-pages", "--root", PROJECT_ROOT, target)

    config = yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8"))
    assert not any("praktijkbank" in json.dumps(entry) for entry in config["markdown_extensions"])
    expected = {"repository": "https://github.com/voorbeeld/praktijkbank", "contact": "redactie@praktijkbank.example"}
    assert {key: config["extra"][key] for key in expected} == expected
    page = (target / "bijdragen.md").read_text(encoding="utf-8")
    assert "praktijkbank:" not in page
    assert "(<https://github.com/voorbeeld/praktijkbank/issues/new" in page
    assert "(of [mail " in page and "](<mailto:redactie@praktijkbank.example" in page

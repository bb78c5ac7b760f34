"""The core reads mkdocs.yml itself, by MkDocs' rules, so the site it builds (the hand-written pages' URLs and
search texts, the published addresses) is the site MkDocs builds, and no module but the adapter needs MkDocs."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import PROJECT_ROOT
from praktijkbank.load.docs_files import destination, docs_files, source_url
from praktijkbank.load.site_config import BUILTIN_EXTENSIONS, SiteConfigError, read_site_config
from praktijkbank.render.docs_pages import docs_pages


def config_file(folder: Path, text: str) -> Path:
    path = folder / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_site_address_comes_from_the_environment_when_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = config_file(tmp_path, "site_url: !ENV [EERSTE, TWEEDE, 'http://localhost:8000/']\n")
    monkeypatch.delenv("EERSTE", raising=False)
    monkeypatch.delenv("TWEEDE", raising=False)
    assert read_site_config(path).site_url == "http://localhost:8000/"

    monkeypatch.setenv("TWEEDE", "https://praktijkbank.example/sociaal")
    assert read_site_config(path).site_url == "https://praktijkbank.example/sociaal/"


def test_an_environment_tag_without_default_and_without_the_variable_means_no_address(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRAKTIJKBANK_NIET_GEZET", raising=False)
    assert read_site_config(config_file(tmp_path, "site_url: !ENV PRAKTIJKBANK_NIET_GEZET\n")).site_url is None


def test_mkdocs_defaults_apply_to_what_the_file_leaves_out(tmp_path: Path) -> None:
    config = read_site_config(config_file(tmp_path, "site_name: Test\n"))

    assert (config.docs_dir, config.use_directory_urls, config.site_url) == (tmp_path / "docs", True, None)
    assert config.markdown_extensions == BUILTIN_EXTENSIONS
    assert config.nav == {}


def test_markdown_extensions_follow_the_built_in_ones_with_their_options(tmp_path: Path) -> None:
    config = read_site_config(config_file(tmp_path, "markdown_extensions:\n  - toc:\n      permalink: true\n"
                                                     "  - admonition\n  - tables\n"))

    assert config.markdown_extensions == ("toc", "tables", "fenced_code", "admonition")
    assert config.extension_configs == {"toc": {"permalink": True}}


def test_the_navigation_gives_titles_to_the_pages_it_names(tmp_path: Path) -> None:
    config = read_site_config(config_file(tmp_path, "nav:\n  - index.md\n  - Over:\n      - Over ons: over.md\n"
                                                     "      - hulp.md\n  - Elders: https://example.org/\n"))

    assert config.nav == {"index.md": None, "over.md": "Over ons", "hulp.md": None}


def test_dot_files_templates_and_excluded_folders_are_no_part_of_the_site(tmp_path: Path) -> None:
    for name in ("over.md", ".verborgen.md", "templates/pagina.html", "overrides/main.html", "sub/templates/x.md"):
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text("# x\n", encoding="utf-8")
    config = read_site_config(config_file(tmp_path, "exclude_docs: |\n  overrides/\n"))

    assert [file.src_uri for file in docs_files(config)] == ["over.md", "sub/templates/x.md"]


@pytest.mark.parametrize(("src_uri", "directory_urls", "output", "url"), [
    ("over.md", True, "over/index.html", "over/"),
    ("index.md", True, "index.html", "./"),
    ("hulp/README.md", True, "hulp/index.html", "hulp/"),
    ("praktijken/x/index.md", True, "praktijken/x/index.html", "praktijken/x/"),
    ("over.md", False, "over.html", None),
    ("javascripts/zoeken.js", True, "javascripts/zoeken.js", None),
])
def test_one_place_maps_a_source_file_to_its_output_and_address(src_uri: str, directory_urls: bool, output: str,
                                                                 url: str | None) -> None:
    assert destination(src_uri, directory_urls) == output
    assert source_url(src_uri, directory_urls) == url


def test_a_page_title_comes_from_the_navigation_then_the_front_matter_then_the_first_heading_then_the_name(
        tmp_path: Path) -> None:
    pages = {"in-nav.md": "# Kop\n", "voorwerk.md": "---\ntitle: Uit de kop\n---\n# Kop\n",
             "kop.md": "# Eerste *kop*\n\n# Tweede\n", "zonder-kop.md": "Tekst\n\n# Later\n"}
    for name, text in pages.items():
        (tmp_path / "docs").mkdir(exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    config = read_site_config(config_file(tmp_path, "nav:\n  - Uit het menu: in-nav.md\n"))

    titles = {page.url: page.title for page in docs_pages(config)}

    assert titles == {"in-nav/": "Uit het menu", "voorwerk/": "Uit de kop", "kop/": "Eerste kop",
                      "zonder-kop/": "Zonder kop"}


def test_hand_written_pages_render_with_the_extensions_of_mkdocs_yml() -> None:
    pages = docs_pages(read_site_config(PROJECT_ROOT / "mkdocs.yml"))

    written = (PROJECT_ROOT / "docs").glob("*.md")
    assert sorted(page.url for page in pages) == sorted(f"{path.stem}/" for path in written)
    assert all('<h1 id="' in page.html for page in pages)  # toc gives headings their anchors
    assert not any("¶" in page.html for page in pages)  # permalink: false


def test_a_missing_configuration_is_reported_in_dutch(tmp_path: Path) -> None:
    with pytest.raises(SiteConfigError, match="kan niet gelezen worden"):
        read_site_config(tmp_path / "mkdocs.yml")

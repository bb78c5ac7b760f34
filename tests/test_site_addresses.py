"""The site's ways in as a builder types them: `extra.repository` (PRAKTIJKBANK_REPOSITORY) as `owner/name` or
the whole address, with or without a slash at the end, becomes one address everywhere (the core, MkDocs' own
Markdown, the theme, the exported tree); anything else, and an `extra.contact` that is no e-mail address, stops
the build with a Dutch message showing the expected form, and the previous site stays as it was. The forms
site (conftest.py) is built from `owner/name`: its pages link to the whole address."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import PROJECT_ROOT
from praktijkbank.common.addresses import AddressError, contact_address, repository_address
from praktijkbank.load.site_config import SiteConfigError, read_site_config
from praktijkbank.publish.export_config import export_config
from praktijkbank.render.docs_pages import docs_pages
from sites import FORMS_REPOSITORY, build, copy_site_repository

FULL = "https://github.com/voorbeeld/praktijkbank"


@pytest.mark.parametrize("typed", ["voorbeeld/praktijkbank", FULL, f"{FULL}/", f"{FULL}.git", f"  {FULL}  "])
def test_a_repository_in_either_form_becomes_its_whole_address(typed: str) -> None:
    assert repository_address(typed) == FULL


def test_a_repository_on_another_github_host_keeps_its_host() -> None:
    assert repository_address("https://github.example.nl/team/bank/") == "https://github.example.nl/team/bank"


@pytest.mark.parametrize("typed", ["praktijkbank", "github.com/voorbeeld/praktijkbank", "http://github.com/a/b",
                                   "https://github.com/voorbeeld", "a/b/c", "https://github.com/a/b/tree/main",
                                   "-voorbeeld/praktijkbank", "voorbeeld/praktijk bank"])
def test_a_repository_in_no_usable_form_is_refused_with_the_expected_form(typed: str) -> None:
    with pytest.raises(AddressError, match="Schrijf eigenaar/naam, bijvoorbeeld voorbeeld/praktijkbank, of het hele "
                                           "adres, bijvoorbeeld https://github.com/voorbeeld/praktijkbank"):
        repository_address(typed)


def test_the_contact_is_an_e_mail_address() -> None:
    assert contact_address(" mailto:redactie@bieb.example ") == "redactie@bieb.example"
    assert contact_address("") == ""
    for typed in ("redactie", "redactie@bieb", "Redactie <redactie@bieb.example>", "a b@bieb.example"):
        with pytest.raises(AddressError, match="is geen e-mailadres.*bijvoorbeeld redactie@praktijkbank.example"):
            contact_address(typed)


def test_the_core_and_the_exported_tree_use_the_whole_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRAKTIJKBANK_REPOSITORY", "voorbeeld/praktijkbank/")
    monkeypatch.setenv("PRAKTIJKBANK_CONTACT", "redactie@praktijkbank.example")

    config = read_site_config(PROJECT_ROOT / "mkdocs.yml")

    assert config.repository == FULL
    assert f'href="{FULL}/issues/new?template=' in next(page.html for page in docs_pages(config)
                                                         if page.url == "bijdragen/")
    exported = yaml.safe_load(export_config(config))
    assert exported["extra"]["repository"] == FULL
    assert not any("praktijkbank" in str(entry) for entry in exported["markdown_extensions"]), \
        "the exported pages have their links written out: no extension of ours is needed"


def test_a_setting_in_no_usable_form_names_its_line_in_mkdocs_yml(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Test\nextra:\n  repository: praktijkbank\n", encoding="utf-8")

    with pytest.raises(SiteConfigError, match=r"mkdocs.yml:3: extra.repository .*'praktijkbank'"):
        read_site_config(config)


def test_the_build_stops_on_a_wrong_repository_or_contact_and_keeps_the_previous_site(tmp_path: Path) -> None:
    repository = copy_site_repository(tmp_path / "repo")
    output = tmp_path / "site"
    output.mkdir()
    (output / "index.html").write_text("de vorige site", encoding="utf-8")

    wrong_repository = build(repository, output, PRAKTIJKBANK_REPOSITORY="github.com/voorbeeld/praktijkbank")
    wrong_contact = build(repository, output, PRAKTIJKBANK_CONTACT="de redactie")

    lines = (repository / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    for result, setting in ((wrong_repository, "repository"), (wrong_contact, "contact")):
        line = next(number for number, text in enumerate(lines, start=1) if text.startswith(f"  {setting}: "))
        assert result.returncode == 1
        assert "Traceback" not in result.stderr and f"mkdocs.yml:{line}: extra.{setting}" in result.stderr
    assert "bijvoorbeeld https://github.com/voorbeeld/praktijkbank" in wrong_repository.stderr
    assert "is geen e-mailadres: 'de redactie'" in wrong_contact.stderr
    assert [path.name for path in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text(encoding="utf-8") == "de vorige site"


def test_a_site_built_from_owner_and_name_links_to_the_whole_address(forms_site: tuple[Path, Path]) -> None:
    page = BeautifulSoup((forms_site[1] / "bijdragen" / "index.html").read_text(encoding="utf-8"), "html.parser")

    assert page.select_one('meta[name="praktijkbank:repository"]')["content"] == FORMS_REPOSITORY
    assert any(link["href"].startswith(f"{FORMS_REPOSITORY}/issues/new?") for link in page.select("a[href]"))

"""Improving a practice without YAML: the form "Wijziging voorstellen", filled in from the link on the practice
page, becomes a change of only the fields that differ, and `from-issue` says with its exit code which case it
was. "Wij doen dit ook" starts a practice based on the original; "Pas deze collectie aan" updates a collection. The links are taken from the site built with the GitHub repository set (conftest.py, forms_site); each
test runs the converter on a git copy of that repository, so `git diff` shows what a pull request would.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from issue_forms import CHANGE_FORM, COLLECTION_FORM, PRACTICE_FORM, issue_body, prefilled_answers
from praktijkbank.cli.contribute import EXIT_CHANGED, EXIT_OK, EXIT_PROBLEMS, EXIT_REMARK_ONLY
from praktijkbank.common.form_links import (
    CHANGE_FORM_FILE,
    MAX_FORM_URL_LENGTH,
    PARTNER_NAME_PLACEHOLDER,
    form_url,
)
from praktijkbank.common.urls import collection_url, practice_url
from praktijkbank.contribute.practice_change import FIELD_EDITS
from praktijkbank.contribute.questions import CHANGE_QUESTIONS, QUESTIONS
from praktijkbank.load.repository import Repository
from praktijkbank.model.catalog import build_catalog
from praktijkbank.render.form_links import FormLinks
from praktijkbank.validate.checker import validate_repository
from real_data import A_COLLECTION, A_PRACTICE, CATALOG
from sites import FORMS_REPOSITORY
from test_collections import NEW_ID, RENAMED
from test_contribute import run

REMARK = "De bibliotheek vertelde ons dat dit anders is geworden."
HOSTILE = '@beheerders [klik](https://kwaad.example) <script>alert(1)</script> `code` # kop: "aan" \'uit\''


def form(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def fields(path: Path) -> dict[str, dict]:
    return {element["id"]: element for element in form(path)["body"] if "id" in element}


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True)
    return result.stdout


@pytest.fixture
def work(forms_site: tuple[Path, Path], tmp_path: Path) -> Path:
    """A git copy of the forms site's repository, committed, for one test to change."""
    root = shutil.copytree(forms_site[0], tmp_path / "repository")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "begin")
    return root


def page_link(forms_site: tuple[Path, Path], practice_id: str, kind: str) -> str:
    """The href of a practice page's link "wijzig" (Stel een wijziging voor) or "neem-over" (Wij doen dit ook)."""
    html = (forms_site[1] / practice_url(practice_id) / "index.html").read_text(encoding="utf-8")
    link = BeautifulSoup(html, "html.parser").select_one(f'a[data-aanmelden="{kind}"]')
    assert link["data-praktijk"] == practice_id
    return link["href"]


def convert(root: Path, answers: dict[str, str], form_path: Path = CHANGE_FORM) -> subprocess.CompletedProcess:
    body = root.parent / "issue.md"
    body.write_text(issue_body(form_path, answers), encoding="utf-8")
    return run("from-issue", body, "--root", root, "--added", "2026-12-01")


def changed_lines(root: Path) -> list[str]:
    """The lines `git diff` adds or removes, without its headers."""
    diff = git(root, "diff", "--unified=0")
    return [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def other_status() -> tuple[str, str]:
    """A status A_PRACTICE does not have: its id and its label."""
    term = next(term for term in CATALOG.vocabularies["statuses"].terms if term.id != A_PRACTICE.status)
    return term.id, term.label


def test_the_change_form_asks_the_practice_form_questions_under_their_ids() -> None:
    change, practice = fields(CHANGE_FORM), fields(PRACTICE_FORM)

    assert form(CHANGE_FORM)["labels"] == ["praktijk-wijziging"]
    assert change["id"]["validations"]["required"] is True
    assert change["remark"]["attributes"]["label"] == "Wat wil je veranderen, en waarom?"
    assert change["remark"]["validations"]["required"] is True
    assert {"source_title", "source_url"} <= set(change)
    assert set(practice) <= set(change), "every field of the practice form, under the same id"
    assert [key for key, element in change.items() if element.get("validations", {}).get("required")] == ["id", "remark"]
    assert change["checks"] == practice["checks"]
    intro = form(CHANGE_FORM)["body"][0]["attributes"]["value"]
    assert "Een lege vraag betekent: dit blijft zoals het is." in intro
    assert "Typ dan alleen een - (streepje)" in intro


def test_every_field_of_the_change_form_has_its_way_into_the_file() -> None:
    asked = {question.key for question in CHANGE_QUESTIONS} - {"id", "remark", "source_title", "source_url"}
    assert set(FIELD_EDITS) == asked
    assert asked == {question.key for question in QUESTIONS} - {"id", "source_title", "source_url"}


def test_the_page_link_prefills_the_id_and_the_current_values(forms_site) -> None:
    address = page_link(forms_site, A_PRACTICE.id, "wijzig")
    answers = prefilled_answers(address)

    assert address.startswith(f"{FORMS_REPOSITORY}/issues/new?template={CHANGE_FORM_FILE}&")
    assert len(address) <= MAX_FORM_URL_LENGTH
    assert answers["id"] == A_PRACTICE.id
    assert answers["summary"] == A_PRACTICE.summary
    assert answers["lessons"].split("\n") == list(A_PRACTICE.lessons)
    assert set(answers) <= set(fields(CHANGE_FORM))


def test_a_link_turned_into_an_issue_changes_only_the_lines_of_the_changed_fields(forms_site, work: Path) -> None:
    answers = prefilled_answers(page_link(forms_site, A_PRACTICE.id, "wijzig"))
    status, label = other_status()
    old_lesson = A_PRACTICE.lessons[0]
    answers |= {"remark": REMARK, "status": label,
                "lessons": answers["lessons"].replace(old_lesson, "Begin klein en vraag de school wat zij nodig heeft.")}

    result = convert(work, answers)

    assert result.returncode == EXIT_CHANGED, result.stdout + result.stderr
    lines = changed_lines(work)
    assert lines == [f"-status: {A_PRACTICE.status}", f"+status: {status}",
                     f"-  - {old_lesson}", "+  - Begin klein en vraag de school wat zij nodig heeft."], lines
    assert "### Status" in result.stdout and "### Lessen en tips" in result.stdout
    assert "### Samenvatting" not in result.stdout, "an answer copied from the link is no change"
    assert REMARK in result.stdout
    assert run("validate", "--root", work, "--zonder-waarschuwingen").returncode == 0


def test_a_dash_removes_an_optional_field_and_nothing_else(forms_site, work: Path) -> None:
    answers = prefilled_answers(page_link(forms_site, A_PRACTICE.id, "wijzig")) | {"remark": REMARK, "lessons": "-"}

    result = convert(work, answers)

    assert result.returncode == EXIT_CHANGED, result.stdout + result.stderr
    data = yaml.safe_load((work / "practices" / f"{A_PRACTICE.id}.yml").read_text(encoding="utf-8"))
    assert "lessons" not in data
    assert all(line.startswith("-") for line in changed_lines(work))
    assert "_(weggehaald)_" in result.stdout


def test_a_dash_cannot_remove_a_required_field(forms_site, work: Path) -> None:
    result = convert(work, {"id": A_PRACTICE.id, "remark": REMARK, "summary": "-"})

    assert result.returncode == EXIT_PROBLEMS
    assert "**Samenvatting** kan niet met een - weg." in result.stdout
    assert changed_lines(work) == []


def test_an_old_id_reaches_the_renamed_practice(work: Path) -> None:
    result = convert(work, {"id": RENAMED, "remark": REMARK, "source_title": "Nieuw bericht van de bibliotheek",
                            "source_url": "https://bibliotheek.example/nieuws"})

    assert result.returncode == EXIT_CHANGED, result.stdout + result.stderr
    assert git(work, "diff", "--name-only").split() == [f"practices/{NEW_ID}.yml"]
    assert changed_lines(work) == ["+  - title: Nieuw bericht van de bibliotheek",
                                   "+    url: https://bibliotheek.example/nieuws"]


def test_an_unknown_id_is_named_in_the_comment_and_nothing_is_written(work: Path) -> None:
    result = convert(work, {"id": "bestaat-niet-meer", "remark": REMARK, "status": "Afgerond"})

    assert result.returncode == EXIT_PROBLEMS
    assert "er is geen praktijk met het id 'bestaat-niet-meer'" in result.stdout
    assert git(work, "status", "--porcelain") == ""


def test_a_remark_alone_writes_nothing_and_says_the_editors_will_look(forms_site, work: Path) -> None:
    answers = prefilled_answers(page_link(forms_site, A_PRACTICE.id, "wijzig")) | {"remark": REMARK}

    result = convert(work, answers)

    assert result.returncode == EXIT_REMARK_ONLY, result.stdout + result.stderr
    assert git(work, "status", "--porcelain") == ""
    assert "De redactie leest je toelichting" in result.stdout and REMARK in result.stdout


def test_the_help_documents_every_exit_code() -> None:
    result = run("from-issue", "--help")

    for code in (EXIT_OK, EXIT_PROBLEMS, 2, EXIT_CHANGED, EXIT_REMARK_ONLY):
        assert re.search(rf"^\s+{code}\s+\S", result.stdout, re.MULTILINE), code


def test_hostile_text_in_every_answer_stays_text_in_the_file_and_the_description(work: Path) -> None:
    answers = {"id": A_PRACTICE.id, "remark": f"Waarom: {HOSTILE}", "title": f"Titel {HOSTILE}",
               "summary": f"Samenvatting van de praktijk. {HOSTILE}", "description": f"Eerste alinea.\n\n{HOSTILE}",
               "initiator": f"Bibliotheek {HOSTILE}", "partners": f"Welzijn {HOSTILE}, welzijn",
               "activities": HOSTILE, "results": HOSTILE, "lessons": HOSTILE, "start": "2020",
               "source_title": f"Bron {HOSTILE}", "source_url": "https://bron.example/artikel"}

    result = convert(work, answers)

    assert result.returncode == EXIT_CHANGED, result.stdout + result.stderr
    data = yaml.safe_load((work / "practices" / f"{A_PRACTICE.id}.yml").read_text(encoding="utf-8"))
    assert data["title"] == f"Titel {HOSTILE}" and data["lessons"] == [HOSTILE]
    assert data["description"].rstrip("\n") == f"Eerste alinea.\n\n{HOSTILE}"
    description = result.stdout.replace("\\@", "").replace("\\[", "").replace("\\<", "").replace("\\`", "")
    assert "@beheerders" not in description and "[klik](" not in description and "<script>" not in description
    assert "\\@beheerders" in result.stdout and "\\<script\\>" in result.stdout


def test_hostile_text_in_a_choice_or_the_id_is_escaped_in_the_comment(work: Path) -> None:
    result = convert(work, {"id": A_PRACTICE.id, "remark": REMARK, "themes": HOSTILE})
    unknown = convert(work, {"id": "@beheerders", "remark": REMARK})

    assert (result.returncode, unknown.returncode) == (EXIT_PROBLEMS, EXIT_PROBLEMS)
    for comment in (result.stdout, unknown.stdout):
        assert "@beheerders" not in comment.replace("\\@", "")
    assert "[klik](" not in result.stdout
    assert git(work, "status", "--porcelain") == ""


def test_a_long_practice_whose_link_leaves_fields_empty_keeps_them(work: Path) -> None:
    path = work / "practices" / f"{A_PRACTICE.id}.yml"
    long_text = "\n\n".join(f"Alinea {number}: " + "de bibliotheek en de school praten samen verder. " * 12
                            for number in range(20))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8").replace(
        "description: |\n", "description: |\n" + "".join(f"  {line}\n" if line else "\n"
                                                         for line in (long_text + "\n\n").split("\n")[:-1]), 1),
        encoding="utf-8")
    git(work, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qam", "lang")
    catalog = build_catalog(validate_repository(Repository(work)))
    practice = catalog.practices[A_PRACTICE.id]
    assert practice.description.startswith(long_text) and data["description"] in practice.description

    address = FormLinks(catalog, FORMS_REPOSITORY).change(practice_url(practice.id), practice)
    answers = prefilled_answers(address)
    assert len(address) <= MAX_FORM_URL_LENGTH
    assert "description" not in answers and answers["lessons"], "too long to fit, while what follows still fits"
    status, label = other_status()

    result = convert(work, answers | {"remark": REMARK, "status": label})

    assert result.returncode == EXIT_CHANGED, result.stdout + result.stderr
    assert changed_lines(work) == [f"-status: {A_PRACTICE.status}", f"+status: {status}"]


def test_a_form_address_never_passes_the_limit_and_leaves_githubs_own_parameters_alone() -> None:
    answers = {"id": "een-praktijk", "title": "Nieuwe titel", "summary": "kort", "description": "x" * 9000,
               "lessons": "nog kort"}

    address = form_url(FORMS_REPOSITORY, CHANGE_FORM_FILE, "Wijziging: Een praktijk", answers)

    assert len(address) <= MAX_FORM_URL_LENGTH
    assert prefilled_answers(address) == {"id": "een-praktijk", "summary": "kort", "lessons": "nog kort"}
    assert "title=Wijziging%3A+Een+praktijk" in address


def test_we_do_this_too_prefills_what_another_place_takes_over(forms_site) -> None:
    address = page_link(forms_site, A_PRACTICE.id, "neem-over")
    answers = prefilled_answers(address)
    vocabularies = CATALOG.vocabularies

    assert address.startswith(f"{FORMS_REPOSITORY}/issues/new?template=praktijk-aanmelden.yml&")
    assert answers["based_on"] == A_PRACTICE.id
    assert answers["themes"] == ", ".join(vocabularies["themes"].label(theme) for theme in A_PRACTICE.themes)
    assert answers["target_groups"] == ", ".join(vocabularies["target_groups"].label(group)
                                                 for group in A_PRACTICE.target_groups)
    partner_kinds = dict.fromkeys(organisation.type for organisation in A_PRACTICE.organisations[1:])
    assert answers["partners"].split("\n") == [f"{PARTNER_NAME_PLACEHOLDER}, {kind}" for kind in partner_kinds]
    assert set(answers) <= {"themes", "target_groups", "partners", "activities", "based_on"}
    assert not {"title", "summary", "description", "municipalities", "initiator", "start", "results",
                "source_title"} & set(answers)


def test_an_adoption_from_the_link_becomes_a_practice_based_on_the_original(forms_site, work: Path) -> None:
    answers = prefilled_answers(page_link(forms_site, A_PRACTICE.id, "neem-over"))
    own = {"title": "Samen met kinderopvang en scholen in Ommen", "municipalities": "Ommen",
           "summary": "De bibliotheek in Ommen begint, naar het voorbeeld van Dalfsen, met kinderopvang en scholen.",
           "description": "De bibliotheek in Ommen doet wat de bibliotheek in Dalfsen deed.",
           "initiator": "Bibliotheek Ommen", "initiator_type": "Bibliotheek", "status": "Idee",
           "source_title": "Nieuwsbericht van de bibliotheek"}

    refused = convert(work, answers | own, PRACTICE_FORM)
    named = answers["partners"].replace(PARTNER_NAME_PLACEHOLDER, "Partner in Ommen")
    made = convert(work, answers | own | {"partners": named}, PRACTICE_FORM)

    assert refused.returncode == EXIT_PROBLEMS and PARTNER_NAME_PLACEHOLDER in refused.stdout
    assert made.returncode == EXIT_OK, made.stdout + made.stderr
    data = yaml.safe_load((work / "practices" / "samen-met-kinderopvang-en-scholen-in-ommen.yml").read_text("utf-8"))
    assert data["based_on"] == A_PRACTICE.id and data["themes"] == list(A_PRACTICE.themes)


def adapt_answers(forms_site: tuple[Path, Path], collection_id: str) -> dict[str, str]:
    """The collection page's "Pas deze collectie aan" link, read as Mijn selectie reads it, turned into the
    answers the form "Collectie aanmelden" gets from the selection (selectie-collectie.js)."""
    html = (forms_site[1] / collection_url(collection_id) / "index.html").read_text(encoding="utf-8")
    query = parse_qs(urlsplit(BeautifulSoup(html, "html.parser").select_one("a.pb-adapt__link")["href"]).query)
    notes = query.get("n", [])
    ids = query["p"][0].split(".")
    lines = [f"{practice}: {notes[index]}" if index < len(notes) and notes[index] else practice
             for index, practice in enumerate(ids)]
    return {"collection_title": query["t"][0], "introduction": query["i"][0], "practices": "\n".join(lines),
            "collection_id": query["c"][0]}


def test_the_adapt_link_carries_the_whole_collection_with_its_id(forms_site) -> None:
    answers = adapt_answers(forms_site, A_COLLECTION.id)

    assert answers["collection_id"] == A_COLLECTION.id
    assert answers["collection_title"] == A_COLLECTION.title
    assert answers["introduction"] == A_COLLECTION.description
    assert answers["practices"].split("\n") == [f"{item.practice}: {item.note}" if item.note else item.practice
                                                for item in A_COLLECTION.items]


def test_a_collection_update_keeps_its_address_and_changes_only_its_changed_lines(forms_site, work: Path) -> None:
    answers = adapt_answers(forms_site, A_COLLECTION.id)
    first, second, *rest = answers["practices"].split("\n")
    path = work / "collections" / f"{A_COLLECTION.id}.yml"
    before = yaml.safe_load(path.read_text(encoding="utf-8"))

    result = convert(work, answers | {"practices": "\n".join([second, first, *rest]),
                                      "curator": A_COLLECTION.curator.name}, COLLECTION_FORM)

    assert result.returncode == EXIT_CHANGED, result.stdout + result.stderr
    assert git(work, "status", "--porcelain").split() == ["M", f"collections/{A_COLLECTION.id}.yml"]
    lines = changed_lines(work)
    moved = {f"  - practice: {item.practice}" for item in A_COLLECTION.items[:2]}
    moved |= {f"    note: {item.note}" for item in A_COLLECTION.items[:2]}
    assert lines and {line[1:] for line in lines} <= moved, lines
    assert sorted(line[1:] for line in lines if line[0] == "+") == sorted(line[1:] for line in lines if line[0] == "-")
    after = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (after["added"], after.get("aliases")) == (before["added"], before.get("aliases"))
    catalog = build_catalog(validate_repository(Repository(work)))
    assert [item.practice for item in catalog.collections[A_COLLECTION.id].items][:2] == [
        A_COLLECTION.items[1].practice, A_COLLECTION.items[0].practice]
    assert "### Praktijken in de collectie" in result.stdout


def test_a_collection_form_without_an_existing_id_makes_a_new_collection_beside_it(forms_site, work: Path) -> None:
    answers = adapt_answers(forms_site, A_COLLECTION.id) | {"collection_id": "", "curator": "Iemand anders"}

    result = convert(work, answers, COLLECTION_FORM)

    assert result.returncode == EXIT_OK, result.stdout + result.stderr
    assert changed_lines(work) == [], "the existing collection is left as it is"
    [(status, new_file)] = [line.split() for line in git(work, "status", "--porcelain").splitlines()]
    assert status == "??" and new_file.startswith("collections/") and new_file != f"collections/{A_COLLECTION.id}.yml"

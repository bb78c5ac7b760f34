"""The editor's modules (docs/javascripts/aanmelden/) in headless Chromium, straight from docs/ without a build:
the checks against the Python validator on the bad fixtures, the Dutch messages per rule, the YAML file, the
GitHub address and the draft. The municipality table is the one the build publishes (api/gemeenten.json),
made here by the same function.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from helpers import FIXTURES, PROJECT_ROOT, VALID_PRACTICE, serve
from praktijkbank.common.form_links import MAX_FORM_URL_LENGTH
from praktijkbank.common.municipalities import read_municipalities
from praktijkbank.contribute.questions import MESSAGES
from praktijkbank.load.repository import Repository
from praktijkbank.load.strict_yaml import LoadError, load_file
from praktijkbank.publish.municipality_names import municipality_names_file
from praktijkbank.validate.checker import validate_repository

pytestmark = pytest.mark.browser

# Rules about other files or the file system: a browser editing one practice cannot know them.
BEYOND_THE_BROWSER = {"alias-collision", "invalid-file-name", "wrong-extension", "media-missing", "media-path",
                      "unknown-practice", "related-self", "duplicate-id", "based-on-self"}
BAD_PRACTICES = sorted((FIXTURES / "bad" / "practices").glob("*.yml"))


@pytest.fixture(scope="module")
def editor(browser) -> Iterator[object]:
    """A page on a server of docs/ with the editor's checker (`window.checker`) and modules (`window.m`)."""
    table = json.loads(municipality_names_file(read_municipalities(PROJECT_ROOT / "schemas" / "geo")).content)
    with serve(PROJECT_ROOT / "docs") as base:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(base + "javascripts/vendor/README.txt")
        tab.evaluate("""async (table) => {
            const names = await import("/javascripts/gedeeld/gemeentenamen.js");
            const modules = await Promise.all(["laden.js", "regels.js", "gegevens.js", "versturen.js", "concept.js",
                "voorbeeld.js"].map((name) => import(`/javascripts/aanmelden/${name}`)));
            window.m = Object.assign({}, ...modules);
            window.places = { municipalities: table.municipalities,
                candidates: (text) => table.names[names.nameKey(text)] ?? [] };
            window.definitions = await window.m.loadDefinitions();
            window.checker = window.m.createChecker(window.definitions, window.places, await window.m.loadAjv());
        }""", table)
        yield tab
        context.close()


def browser_problems(editor, data: dict) -> list[dict]:
    return editor.evaluate("(practice) => window.checker.check(practice)", data)


def plain(data: object) -> object:
    """Loaded YAML as the browser gets it: JSON (dates as text)."""
    return json.loads(json.dumps(data, default=str))


def top_field(problem_line: int, document) -> str:
    """The top-level field of the file at a line: the last key that starts at or before it."""
    starts = sorted((document.source_map.key((key,)).line, key) for key in document.data)
    return [key for line, key in starts if line <= problem_line][-1]


def python_field(problem, document) -> str:
    """The top-level field a problem is about: where it stands, or the field it says is missing from the top."""
    missing = re.match(r"het verplichte veld '([a-z_]+)'", problem.message)
    if problem.rule == "missing-field" and missing and missing.group(1) not in document.data and " bij " not in problem.message:
        return missing.group(1)
    return top_field(problem.line, document)


def python_fields(fixture: Path, make_repository) -> set[str]:
    root = make_repository(practices=[VALID_PRACTICE, fixture])
    report = validate_repository(Repository(root))
    document = load_file(root / "practices" / fixture.name)
    return {python_field(problem, document) for problem in report.problems
            if problem.file == f"practices/{fixture.name}" and problem.rule not in BEYOND_THE_BROWSER}


@pytest.mark.parametrize("fixture", BAD_PRACTICES, ids=lambda path: path.name)
def test_the_browser_flags_the_same_fields_as_the_python_validator(editor, fixture: Path, make_repository) -> None:
    try:
        document = load_file(fixture)
    except LoadError:
        pytest.skip("a YAML error: the browser edits data, never YAML text")
    expected = python_fields(fixture, make_repository)

    flagged = {problem["path"][0] for problem in browser_problems(editor, plain(document.data))}

    assert flagged == expected


def valid() -> dict:
    return plain(load_file(VALID_PRACTICE).data)


def messages_at(editor, data: dict, *path: object) -> list[str]:
    return [problem["message"] for problem in browser_problems(editor, data) if problem["path"] == list(path)]


def test_a_valid_practice_has_no_problems(editor) -> None:
    assert browser_problems(editor, valid()) == []


def test_the_messages_are_the_projects_dutch_texts_per_rule(editor) -> None:
    data = valid()
    del data["summary"]
    data["title"] = "T" * 121
    data["place"]["municipalities"] = ["Dalfsenn"]
    data["description"] = "Een beschrijving met een omgekeerde \u202eRICHTING erin."

    assert messages_at(editor, data, "summary") == ["dit is verplicht: vul iets in."]
    assert messages_at(editor, data, "title") == ["dit is te lang: gebruik hoogstens 120 tekens."]
    assert messages_at(editor, data, "place", "municipalities", 0) == ["onbekende gemeente 'Dalfsenn'; bedoelde je 'Dalfsen'?"]
    assert messages_at(editor, data, "description") == [
        "hier staat een onzichtbaar teken: U+202E (tekstrichting omkeren)."]


def test_a_name_people_use_and_a_former_municipality_are_explained(editor) -> None:
    data = valid()
    data["place"]["municipalities"] = ["Den Haag", "Bergen"]
    former = read_municipalities(PROJECT_ROOT / "schemas" / "geo").former
    old = next(iter(former.values()))

    assert editor.evaluate("(name) => window.checker.municipalityName(name)", "Den Haag") == "'s-Gravenhage"
    assert editor.evaluate("(name) => window.checker.municipalityName(name)", "Bergen") is None
    bergen = editor.evaluate("(name) => window.checker.municipalityMessage(name)", "Bergen")
    assert bergen.startswith("'Bergen' kan ") and "Noord-Holland" in bergen and "Limburg" in bergen
    assert editor.evaluate("(name) => window.checker.municipalityMessage(name)", old.name) == (
        f"'{old.name}' is sinds {old.year} geen gemeente meer: noem '{old.merged_into}'.")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd"])
def test_a_link_that_is_no_web_address_is_refused(editor, url: str) -> None:
    data = valid()
    data["sources"][0]["url"] = url

    assert messages_at(editor, data, "sources", 0, "url") == [
        f"'{url}' is geen webadres: alleen https://, http:// en mailto: zijn toegestaan."]


@pytest.mark.parametrize("url", ["https://bieb", "https://www.bieb .nl/taalcafe", "https://www.bieb.nl/taal cafe"])
def test_a_web_address_without_a_dot_in_its_host_or_with_a_space_is_refused_as_from_issue_refuses_it(
        editor, url: str) -> None:
    data = valid()
    data["sources"][0]["url"] = url

    assert messages_at(editor, data, "sources", 0, "url") == [MESSAGES["url"].format(text=url)]


def test_every_hidden_character_in_a_field_is_named(editor) -> None:
    data = valid()
    data["summary"] = "Samen\u200b lezen \u202e in de\u200b bibliotheek\u00ad."

    assert messages_at(editor, data, "summary") == [
        "hier staan 3 verschillende onzichtbare tekens: U+200B (onzichtbare spatie), U+202E (tekstrichting omkeren) "
        "en U+00AD (zacht afbreekstreepje)."]


def test_a_start_year_after_this_year_is_refused(editor) -> None:
    data = valid()
    check = "([practice, year]) => window.checker.check(practice, { thisYear: year })"
    year = 2026
    data["period"] = {"start": year + 1}

    assert [item["message"] for item in editor.evaluate(check, [data, year]) if item["path"] == ["period", "start"]] == [
        f"{year + 1} is na dit jaar ({year}): noem het jaar waarin de praktijk begon."]
    assert editor.evaluate(check, [data, year + 1]) == []


def test_the_id_must_be_well_formed_and_free_unless_it_is_the_practice_being_changed(editor) -> None:
    check = "([practice, id, taken, own]) => window.checker.check(practice, { id, takenIds: new Set(taken), ownId: own })"
    problems = lambda *args: [item["message"] for item in editor.evaluate(check, [valid(), *args])
                              if item["path"] == ["$id"]]

    assert problems("Hoorn Taalcafé", [], None) == [
        "'Hoorn Taalcafé' kan geen bestandsnaam zijn: gebruik kleine letters, cijfers en streepjes, bijvoorbeeld "
        "'hoorn-taalcafe'."]
    assert problems("hoorn-taalcafe", ["hoorn-taalcafe"], None) == [
        "het id 'hoorn-taalcafe' is al in gebruik door een andere praktijk: kies een ander."]
    assert problems("hoorn-taalcafe", ["hoorn-taalcafe"], "hoorn-taalcafe") == []


HOSTILE = '<img src=x onerror="window.pwned=1">\n\nno: yes\n- "lijst" # geen commentaar\n&#x202E; \\u0000 ${x} {{x}}'


def test_the_yaml_file_loads_strictly_as_the_same_data_whatever_the_text(editor, tmp_path: Path) -> None:
    data = valid()
    data["summary"] = "no"
    data["description"] = HOSTILE + "\n\n    ingesprongen\nlaatste regel"
    data["title"] = "2021-01-01"
    data["lessons"] = ["yes", "1:20", "'quoted'", " spatie vooraan", "~"]

    text = editor.evaluate("(practice) => window.m.practiceYaml(window.definitions.schema, practice, ['kop'])", data)
    path = tmp_path / "praktijk.yml"
    path.write_text(text, encoding="utf-8")

    assert text.startswith("# kop\ntitle: ")
    assert plain(load_file(path).data) == data


def test_the_github_address_keeps_to_the_limit_and_leaves_out_what_github_fills_itself(editor) -> None:
    answers = {"title": "Een titel", "summary": "Kort.", "description": "Lang. " * 3000, "lessons": "Een tip"}
    order = ["title", "summary", "description", "lessons"]

    result = editor.evaluate("""([answers, order, limit]) => window.m.issueAddress("https://github.com/o/r/",
        { file: "praktijk-aanmelden.yml", title: "Praktijk: Een titel" }, answers, order,
        { maxLength: limit, reserved: window.definitions.githubParameters })""", [answers, order, MAX_FORM_URL_LENGTH])

    assert result["url"].startswith("https://github.com/o/r/issues/new?template=praktijk-aanmelden.yml&title=Praktijk")
    assert len(result["url"]) <= MAX_FORM_URL_LENGTH
    assert result["leftOut"] == ["title", "description"]
    assert "summary=Kort." in result["url"] and "lessons=Een+tip" in result["url"]


def test_the_limit_and_the_field_ids_come_from_the_forms_source(editor) -> None:
    definitions = editor.evaluate("() => window.definitions")
    form = PROJECT_ROOT / ".github/ISSUE_TEMPLATE/praktijk-aanmelden.yml"
    ids = [element["id"] for element in yaml.safe_load(form.read_text(encoding="utf-8"))["body"] if "id" in element]

    assert definitions["maxUrlLength"] == MAX_FORM_URL_LENGTH
    assert [question["key"] for question in definitions["forms"]["new"]["questions"]] == [i for i in ids if i != "checks"]


@pytest.mark.parametrize("stored", ["{niet json", "null", "[]", '{"answers": 5}', '{"answers": {"title": 5, '
                                    '"themes": "geen lijst", "organisations": [{"name": {"x": 1}}]}}'])
def test_a_corrupt_draft_is_ignored_and_only_well_formed_answers_survive(editor, stored: str) -> None:
    result = editor.evaluate("""(stored) => {
        localStorage.setItem("praktijkbank-aanmelden:nieuw", stored);
        return window.m.readDraft("praktijkbank-aanmelden:nieuw", window.definitions.fields);
    }""", stored)

    if stored.startswith('{"answers": {'):
        assert result == {"answers": {}, "saved": "", "problem": "", "available": True}
    else:
        assert result["answers"] is None
        assert result["problem"] == "Je concept kon niet worden gelezen en is weggegooid. Je begint opnieuw."


def test_the_date_of_sources_reads_as_on_the_page(editor) -> None:
    assert editor.evaluate("() => ['2026-11-23', '2014-05', '2014'].map(window.m.dutchDate)") == [
        "23 november 2026", "mei 2014", "2014"]


def test_the_fields_ask_what_the_issue_form_asks_in_the_same_words(editor) -> None:
    definitions = editor.evaluate("() => window.definitions")
    form = {element["id"]: element["attributes"] for element in
            yaml.safe_load((PROJECT_ROOT / ".github/ISSUE_TEMPLATE/praktijk-aanmelden.yml").read_text(encoding="utf-8"))["body"]
            if "id" in element}

    for field in definitions["fields"]:
        if field["kind"] == "organisations":
            continue
        assert (field["label"], field["help"]) == (form[field["key"]]["label"], form[field["key"]]["description"])
        if "options" in field:
            assert [option["label"] for option in field["options"]] == form[field["key"]]["options"]


def test_only_the_editor_page_loads_the_editor_and_its_libraries(built_site: Path) -> None:
    editor_scripts = ("javascripts/aanmelden/editor.js", "vendor/ajv2020.js", "vendor/markdown-it.js",
                      "vendor/dompurify.js")
    loading = sorted(str(page.relative_to(built_site)) for page in built_site.rglob("*.html")
                     if any(script in page.read_text(encoding="utf-8") for script in editor_scripts))

    assert loading == ["aanmelden/index.html"]
    scripts = PROJECT_ROOT / "docs" / "javascripts"
    shared = [path.name for path in scripts.rglob("*.js") if path.parent.name not in ("aanmelden", "vendor")
              and any(name in path.read_text(encoding="utf-8") for name in ("aanmelden/", *editor_scripts[1:]))]
    assert shared == [], "the modules every page may load stay free of the editor's code"

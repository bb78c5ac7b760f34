"""The three ways in for a contributor: `praktijkbank new` (terminal or flags), the issue form read by
`praktijkbank from-issue`, and the committed form kept in step with the schema. Run as users run them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import FIXTURES, PROJECT_ROOT

ISSUES = FIXTURES / "issues"
ANSWERS = [
    "Taalcafé in de bibliotheek van Voorbeeldstad",  # title
    "",  # id: the suggestion made from the title
    "Elke week praten nieuwkomers in de bibliotheek Nederlands met vrijwilligers.",  # summary
    "Elke dinsdag is er een taalcafé.", "", "Vrijwilligers praten met nieuwkomers.", ".",  # description
    "dalfsen, Zwolle",  # municipalities, as the CBS writes them whatever the case, then the empty line
    "",
    "9",  # provinces, by number: overijssel
    "Bibliotheek Voorbeeldstad",  # initiator
    "1",  # initiator type: bibliotheek
    "Welzijn Voorbeeldstad, welzijn", "",  # partners
    "1, participatie",  # themes: by number and by id
    "Nieuwkomers",  # target groups, by label
    "lopend",  # status
    "",  # activities: none
    "",  # start year: skipped
    "Taalcafé in de bibliotheek",  # source title
    "",  # source url: skipped
    "",  # results: none
    "Begin klein.", "",  # lessons
    "",  # based on: no other practice
]


def run(*args: str | Path, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The installed `praktijkbank` command in a child process, as a contributor or a workflow runs it."""
    command = [str(Path(sys.executable).parent / "praktijkbank"), *map(str, args)]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, env=env, timeout=60)


def test_new_asks_the_questions_through_stdin_and_writes_a_valid_file(make_repository) -> None:
    root = make_repository()

    result = run("new", "--root", root, "--added", "2026-11-23", stdin="\n".join(ANSWERS) + "\n")

    assert result.returncode == 0, result.stdout + result.stderr
    path = root / "practices" / "taalcafe-in-de-bibliotheek-van-voorbeeldstad.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["place"] == {"municipalities": ["Dalfsen", "Zwolle"], "provinces": ["overijssel"]}
    assert data["organisations"][0] == {"name": "Bibliotheek Voorbeeldstad", "type": "bibliotheek",
                                        "role": "initiatiefnemer"}
    assert data["themes"] == ["laaggeletterdheid", "participatie"]
    assert data["description"] == "Elke dinsdag is er een taalcafé.\n\nVrijwilligers praten met nieuwkomers."
    assert data["added"] == "2026-11-23"
    assert "# Samenvatting (verplicht):" in path.read_text(encoding="utf-8")
    assert run("validate", "--root", root, "--zonder-waarschuwingen").returncode == 0


def test_new_explains_a_wrong_answer_and_asks_again(make_repository) -> None:
    root = make_repository()
    answers = ANSWERS.copy()
    answers[answers.index("lopend")] = "loopt nog\nlopend"

    result = run("new", "--root", root, "--added", "2026-11-23", stdin="\n".join(answers) + "\n")

    assert result.returncode == 0, result.stderr
    assert "Dat gaat niet: onbekende status 'loopt nog'" in result.stdout
    assert " 9. Overijssel (overijssel)" in result.stdout


def test_new_with_flags_needs_no_questions(make_repository) -> None:
    root = make_repository()

    result = run("new", "--root", root, "--added", "2026-11-23", "--title", "Taalcafé in Voorbeeldstad",
                 "--id", "voorbeeldstad-taalcafe", "--summary", "Nieuwkomers praten Nederlands in de bibliotheek.",
                 "--description", "Elke week een taalcafé.", "--provinces", "Overijssel",
                 "--initiator", "Bibliotheek Voorbeeldstad", "--initiator-type", "bibliotheek",
                 "--themes", "participatie", "--themes", "laaggeletterdheid", "--target-groups", "nieuwkomers",
                 "--status", "lopend", "--source-title", "Een artikel", "--source-url", "bibliotheek.example/a")

    assert result.returncode == 0, result.stderr
    data = yaml.safe_load((root / "practices" / "voorbeeldstad-taalcafe.yml").read_text(encoding="utf-8"))
    assert data["themes"] == ["participatie", "laaggeletterdheid"]
    assert data["sources"] == [{"title": "Een artikel", "url": "https://bibliotheek.example/a"}]


def test_new_refuses_to_overwrite_a_practice(make_repository) -> None:
    root = make_repository()
    existing = root / "practices" / "voorbeeldstad-voorleestent.yml"
    before = existing.read_bytes()

    result = run("new", "--root", root, "--id", "voorbeeldstad-voorleestent", "--title", "Een andere praktijk",
                 "--summary", "Een samenvatting van meer dan twintig tekens.", "--description", "Een beschrijving van de praktijk.",
                 "--provinces", "utrecht", "--initiator", "Bibliotheek", "--initiator-type", "bibliotheek",
                 "--themes", "participatie", "--target-groups", "ouders", "--status", "idee",
                 "--source-title", "Een bron")

    assert result.returncode == 1
    assert "er is al een praktijk met de bestandsnaam 'voorbeeldstad-voorleestent'" in result.stderr
    assert "Traceback" not in result.stderr
    assert existing.read_bytes() == before


def test_new_reports_every_bad_flag_in_dutch(make_repository) -> None:
    root = make_repository()
    result = run("new", "--root", root, "--title", "Taalcafé", "--themes", "lezen")

    assert result.returncode == 1
    assert "--themes: onbekend thema 'lezen'" in result.stderr
    assert "--summary: dit is verplicht" in result.stderr
    assert not list((root / "practices").glob("taalcafe*.yml"))


@pytest.mark.parametrize(("fixture", "practice_id"), [
    ("goed.md", "voorbeeldstad-taalcafe"),
    ("rare-spaties.md", "voorbeeldstad-taalcafe-spaties"),
    ("lege-velden.md", "taalcafe-in-de-bibliotheek-van-voorbeeldstad"),
    ("url-zonder-https.md", "voorbeeldstad-taalcafe-url"),
])
def test_from_issue_turns_a_filled_in_form_into_a_valid_practice(make_repository, fixture, practice_id) -> None:
    root = make_repository()

    result = run("from-issue", ISSUES / fixture, "--root", root, "--added", "2026-11-20T09:15:00Z")

    assert result.returncode == 0, result.stdout + result.stderr
    data = yaml.safe_load((root / "practices" / f"{practice_id}.yml").read_text(encoding="utf-8"))
    assert data["themes"] == ["laaggeletterdheid", "participatie"]
    assert data["status"] == "lopend"
    assert data["added"] == "2026-11-20"
    assert f"practices/{practice_id}.yml" in result.stdout
    assert run("validate", "--root", root, "--zonder-waarschuwingen").returncode == 0


def test_from_issue_reads_odd_spacing_as_meant(make_repository) -> None:
    root = make_repository()
    run("from-issue", ISSUES / "rare-spaties.md", "--root", root, "--added", "2026-11-20")

    data = yaml.safe_load((root / "practices" / "voorbeeldstad-taalcafe-spaties.yml").read_text(encoding="utf-8"))
    assert data["title"] == "Taalcafé in de bibliotheek van Voorbeeldstad"
    assert data["organisations"][1] == {"name": "Welzijn Voorbeeldstad", "type": "welzijn", "role": "partner"}
    assert data["place"]["provinces"] == ["overijssel"]


def test_from_issue_leaves_out_empty_optional_answers(make_repository) -> None:
    root = make_repository()
    run("from-issue", ISSUES / "lege-velden.md", "--root", root, "--added", "2026-11-20")

    data = yaml.safe_load(
        (root / "practices" / "taalcafe-in-de-bibliotheek-van-voorbeeldstad.yml").read_text(encoding="utf-8"))
    assert not {"period", "lessons", "results"} & set(data)
    assert "municipalities" not in data["place"]
    assert data["sources"] == [{"title": "Taalcafé in de bibliotheek"}]


def test_from_issue_adds_https_and_says_so(make_repository) -> None:
    root = make_repository()
    result = run("from-issue", ISSUES / "url-zonder-https.md", "--root", root, "--added", "2026-11-20")

    data = yaml.safe_load((root / "practices" / "voorbeeldstad-taalcafe-url.yml").read_text(encoding="utf-8"))
    assert data["sources"][0]["url"] == "https://www.bibliotheek.example/taalcafe"
    assert "Voor het webadres is https:// gezet" in result.stdout


def test_from_issue_lists_the_problems_as_a_comment_and_writes_nothing(make_repository) -> None:
    root = make_repository()

    result = run("from-issue", ISSUES / "onbekend-thema.md", "--root", root, "--added", "2026-11-20")

    assert result.returncode == 1
    assert result.stdout.startswith("Bedankt voor je aanmelding!")
    assert "- **Thema's**: onbekend thema 'Lezen'" in result.stdout
    assert "- **Beginjaar**: 'sinds 2022' is geen jaartal." in result.stdout
    assert "- Vink bij **Controle** aan: Mijn tekst mag op de site komen" in result.stdout
    assert sorted(path.name for path in (root / "practices").glob("*.yml")) == ["voorbeeldstad-voorleestent.yml"]


def test_from_issue_takes_the_date_from_the_environment_never_the_clock(make_repository) -> None:
    root = make_repository()
    env = {"PATH": "/usr/bin:/bin", "PRAKTIJKBANK_ADDED": "2025-01-02T03:04:05Z"}

    assert run("from-issue", ISSUES / "goed.md", "--root", root, env=env).returncode == 0
    data = yaml.safe_load((root / "practices" / "voorbeeldstad-taalcafe.yml").read_text(encoding="utf-8"))
    assert data["added"] == "2025-01-02"
    (root / "practices" / "voorbeeldstad-taalcafe.yml").unlink()
    missing = run("from-issue", ISSUES / "goed.md", "--root", root, env={"PATH": "/usr/bin:/bin"})
    assert missing.returncode == 2
    assert "--added" in missing.stderr


def test_from_issue_never_replaces_an_existing_practice(make_repository) -> None:
    root = make_repository()
    body = (ISSUES / "goed.md").read_text(encoding="utf-8").replace(
        "voorbeeldstad-taalcafe\n", "voorbeeldstad-voorleestent\n")
    (root / "issue.md").write_text(body, encoding="utf-8")
    before = (root / "practices" / "voorbeeldstad-voorleestent.yml").read_bytes()

    result = run("from-issue", root / "issue.md", "--root", root, "--added", "2026-11-20")

    assert result.returncode == 1
    assert "er is al een praktijk met de bestandsnaam 'voorbeeldstad-voorleestent'" in result.stdout
    assert (root / "practices" / "voorbeeldstad-voorleestent.yml").read_bytes() == before


def test_the_committed_issue_form_matches_the_schema_and_vocabularies() -> None:
    assert run("generate", "--check", "--root", PROJECT_ROOT).returncode == 0
    form = yaml.safe_load((PROJECT_ROOT / ".github/ISSUE_TEMPLATE/praktijk-aanmelden.yml").read_text("utf-8"))
    elements = {element.get("id"): element for element in form["body"]}
    themes = yaml.safe_load((PROJECT_ROOT / "schemas/vocabularies.yml").read_text("utf-8"))["themes"]["values"]
    assert elements["themes"]["type"] == "dropdown"
    assert elements["themes"]["attributes"]["multiple"] is True
    assert elements["themes"]["attributes"]["options"] == [value["label"] for value in themes]
    assert elements["status"]["attributes"]["multiple"] is False
    assert form["labels"] == ["praktijk-aanmelding"]


def test_the_form_the_converter_reads_is_the_form_github_shows() -> None:
    """Every question of the committed form is a heading the converter understands, in the same order."""
    from praktijkbank.contribute.questions import QUESTIONS

    form = yaml.safe_load((PROJECT_ROOT / ".github/ISSUE_TEMPLATE/praktijk-aanmelden.yml").read_text("utf-8"))
    labels = [element["attributes"]["label"] for element in form["body"] if element["type"] != "markdown"]
    assert labels == [question.label for question in QUESTIONS] + ["Controle"]


def test_the_problem_comment_cannot_mention_people_or_add_links(make_repository) -> None:
    root = make_repository()
    body = (ISSUES / "goed.md").read_text(encoding="utf-8").replace(
        "Laaggeletterdheid, Participatie", "@beheerders [klik](https://kwaad.example)")
    (root / "issue.md").write_text(body, encoding="utf-8")

    result = run("from-issue", root / "issue.md", "--root", root, "--added", "2026-11-20")

    assert result.returncode == 1
    assert "\\@beheerders" in result.stdout and "\\[klik\\]" in result.stdout
    assert "@beheerders" not in result.stdout.replace("\\@", "")


def test_new_dates_a_practice_by_source_date_epoch_when_set(make_repository) -> None:
    root = make_repository()
    env = {"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1700000000"}  # 2023-11-14

    result = run("new", "--root", root, stdin="\n".join(ANSWERS) + "\n", env=env)

    assert result.returncode == 0, result.stderr
    text = (root / "practices" / "taalcafe-in-de-bibliotheek-van-voorbeeldstad.yml").read_text(encoding="utf-8")
    assert "added: '2023-11-14'" in text


def test_new_refuses_an_unknown_or_former_municipality_and_asks_again(make_repository) -> None:
    root = make_repository()
    answers = ANSWERS.copy()
    answers[answers.index("dalfsen, Zwolle")] = "Dalfsenn\n\nWeesp\n\ndalfsen, Zwolle"

    result = run("new", "--root", root, "--added", "2026-11-23", stdin="\n".join(answers) + "\n")

    assert result.returncode == 0, result.stderr
    assert "Dat gaat niet: onbekende gemeente 'Dalfsenn'; bedoelde je 'Dalfsen'?" in result.stdout
    assert "Dat gaat niet: 'Weesp' is sinds 2022 geen gemeente meer: noem 'Amsterdam'." in result.stdout


def test_the_issue_form_offers_every_municipality_and_reads_a_name_with_a_comma(make_repository) -> None:
    form = yaml.safe_load((PROJECT_ROOT / ".github" / "ISSUE_TEMPLATE" / "praktijk-aanmelden.yml").read_text("utf-8"))
    municipalities = next(element for element in form["body"] if element.get("id") == "municipalities")
    names = municipalities["attributes"]["options"]
    csv_names = (PROJECT_ROOT / "schemas" / "geo" / "gemeenten.csv").read_text("utf-8").count("\nGM")
    assert municipalities["type"] == "dropdown" and municipalities["attributes"]["multiple"]
    assert len(names) == csv_names

    root = make_repository()
    issue = (ISSUES / "goed.md").read_text("utf-8").replace("### Gemeenten\n\nDalfsen\n",
                                                           "### Gemeenten\n\nNuenen, Gerwen en Nederwetten, Eindhoven\n")
    issue = issue.replace("### Provincies\n\nOverijssel\n", "### Provincies\n\n_No response_\n")
    (root / "issue.md").write_text(issue, encoding="utf-8")
    result = run("from-issue", root / "issue.md", "--root", root, "--added", "2026-11-20")

    assert result.returncode == 0, result.stdout + result.stderr
    written = next((root / "practices").glob("*taalcafe*.yml"))
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert data["place"] == {"municipalities": ["Nuenen, Gerwen en Nederwetten", "Eindhoven"]}


# The collection form "Collectie aanmelden", which "Mijn selectie" opens filled in.

def collection_answers(**changes: str) -> dict[str, str]:
    """A filled-in collection form, by field id; the practice is the one make_repository copies in."""
    return {
        "collection_title": "Voorbeelden voor de netwerkdag",
        "introduction": "Deze praktijken laten zien hoe de bibliotheek samenwerkt met welzijn.",
        "practices": "voorbeeldstad-voorleestent: Een voorbeeld van voorlezen in de wijk.",
        "curator": "Bibliotheek Voorbeeldstad",
        **changes,
    }


def write_issue(root: Path, answers: dict[str, str]) -> Path:
    from issue_forms import COLLECTION_FORM, issue_body

    path = root / "issue.md"
    path.write_text(issue_body(COLLECTION_FORM, answers), encoding="utf-8")
    return path


def test_from_issue_turns_the_collection_form_into_a_valid_collection(make_repository) -> None:
    root = make_repository()
    answers = collection_answers(event_name="Netwerkdag Voorbeeldstad", event_date="19-6-2027",
                                 event_place="Voorbeeldstad", curator_website="bibliotheek.example")

    result = run("from-issue", write_issue(root, answers), "--root", root, "--added", "2026-11-20T09:15:00Z")

    assert result.returncode == 0, result.stdout + result.stderr
    path = root / "collections" / "voorbeelden-voor-de-netwerkdag.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["items"] == [{"practice": "voorbeeldstad-voorleestent",
                              "note": "Een voorbeeld van voorlezen in de wijk."}]
    assert data["curator"] == {"name": "Bibliotheek Voorbeeldstad", "website": "https://bibliotheek.example"}
    assert data["event"] == {"name": "Netwerkdag Voorbeeldstad", "date": "2027-06-19", "place": "Voorbeeldstad"}
    assert data["added"] == "2026-11-20"
    assert "Deze collectie komt uit het aanmeldformulier: `collections/voorbeelden-voor-de-netwerkdag.yml`" in result.stdout
    assert "# Samensteller (verplicht):" in path.read_text(encoding="utf-8")
    assert run("validate", "--root", root, "--zonder-waarschuwingen").returncode == 0


def test_from_issue_takes_a_practice_by_its_address_and_leaves_out_an_empty_event(make_repository) -> None:
    root = make_repository()
    answers = collection_answers(practices="- https://praktijkbank.example/praktijken/voorbeeldstad-voorleestent/")

    result = run("from-issue", write_issue(root, answers), "--root", root, "--added", "2026-11-20")

    assert result.returncode == 0, result.stdout + result.stderr
    data = yaml.safe_load((root / "collections" / "voorbeelden-voor-de-netwerkdag.yml").read_text(encoding="utf-8"))
    assert data["items"] == [{"practice": "voorbeeldstad-voorleestent"}]
    assert "event" not in data


def test_from_issue_explains_what_to_change_in_a_collection_in_dutch(make_repository) -> None:
    root = make_repository()
    answers = collection_answers(practices="voorbeeldstad-voorleestent: ok\nGeen id @beheerders: [x](https://kwaad.example)",
                                 event_date="volgende week", introduction="Te kort.")

    result = run("from-issue", write_issue(root, answers), "--root", root, "--added", "2026-11-20")

    assert result.returncode == 1
    assert "**Inleiding**: dit is te kort" in result.stdout
    assert "**Datum van de bijeenkomst**: 'volgende week' is geen datum" in result.stdout
    assert "**Praktijken in de collectie**:" in result.stdout and "\\@beheerders" in result.stdout
    assert "@beheerders" not in result.stdout.replace("\\@", "")
    assert not list((root / "collections").glob("*.yml"))


def test_from_issue_reports_an_unknown_practice_and_writes_no_collection(make_repository) -> None:
    root = make_repository()
    answers = collection_answers(practices="bestaat-niet")

    result = run("from-issue", write_issue(root, answers), "--root", root, "--added", "2026-11-20")

    assert result.returncode == 1
    assert "bestaat-niet" in result.stdout
    assert not list((root / "collections").glob("*.yml"))


def test_the_collection_form_asks_the_collection_questions_in_order() -> None:
    from issue_forms import COLLECTION_FORM
    from praktijkbank.contribute.questions import COLLECTION_QUESTIONS

    form = yaml.safe_load(COLLECTION_FORM.read_text("utf-8"))
    labels = [element["attributes"]["label"] for element in form["body"] if element["type"] != "markdown"]
    assert labels == [question.label for question in COLLECTION_QUESTIONS] + ["Controle"]
    assert form["labels"] == ["collectie-aanmelding"]
    ids = {element.get("id") for element in form["body"]}
    # "Mijn selectie" fills the form in by these ids (docs/javascripts/selectie/selectie-collectie.js).
    assert {"collection_title", "introduction", "practices"} <= ids


def test_from_issue_without_any_form_heading_answers_as_for_a_practice(make_repository) -> None:
    root = make_repository()
    (root / "issue.md").write_text("Ik wil graag iets aanmelden.\n", encoding="utf-8")

    result = run("from-issue", root / "issue.md", "--root", root, "--added", "2026-11-20")

    assert result.returncode == 1
    assert "**Titel**: dit is verplicht" in result.stdout and "Traceback" not in result.stderr

"""From a mail to a pull request in one command: `praktijkbank from-mail` reads the answers the site put in a
mail to the editors, after a mail program has done its worst to them (headers, quoted-printable with soft line
breaks, format=flowed, CRLF, non-breaking spaces, `> ` quoting, a signature), and gives the same file and exit
code as `from-issue` gives for the same answers in a GitHub issue.

The answers text is made by the browser's own function (answersText, in docs/javascripts/gedeeld/mailto.js, run
in Node), so a change of the mailed format shows here.
"""

from __future__ import annotations

import json
import os
import quopri
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml

from helpers import PROJECT_ROOT, require_tool
from issue_forms import CHANGE_FORM, COLLECTION_FORM, PRACTICE_FORM, issue_body
from praktijkbank.cli.contribute_parser import EXIT_CHANGED, EXIT_OK, EXIT_PROBLEMS
from praktijkbank.common.ways_in import ROUTES, practice_context
from praktijkbank.contribute import issue_form
from praktijkbank.contribute.mail import clean_body, read_mail
from test_contribute import collection_answers, run

ADDED = "2026-12-01"
BUILD_DAY = "2026-12-07"
BUILD_EPOCH = str(int(datetime.fromisoformat(BUILD_DAY).replace(tzinfo=timezone.utc).timestamp()))
NBSP = "\u00a0"
PRACTICE_ANSWERS = {
    "title": "Taalcafé in de bibliotheek van Voorbeeldstad",
    "id": "voorbeeldstad-taalcafe",
    "summary": "Elke week praten nieuwkomers in de bibliotheek Nederlands met vrijwilligers van de "
               "welzijnsorganisatie, met koffie en thee.",
    "description": "Elke dinsdagochtend is er een taalcafé in de bibliotheek; 1 + 1 = 2 en ’s ochtends "
                   "is het druk.\n\n### Resultaten\n\nVrijwilligers praten met nieuwkomers over het nieuws en over "
                   "de buurt. Een medewerker van de welzijnsorganisatie helpt met vragen over brieven.\n\n"
                   "> Een citaat van een deelnemer.",
    "municipalities": "Dalfsen",
    "provinces": "Overijssel",
    "initiator": "Bibliotheek Voorbeeldstad",
    "initiator_type": "Bibliotheek",
    "partners": "Welzijn Voorbeeldstad, welzijn",
    "themes": "Laaggeletterdheid, Participatie",
    "target_groups": "Nieuwkomers, Volwassenen",
    "status": "Lopend",
    "start": "2022",
    "source_title": "Taalcafé in de bibliotheek",
    "source_url": "https://www.bibliotheek.example/taalcafe?jaar=2022&week=3",
    "lessons": "- Zorg voor vaste vrijwilligers.\n- Begin met een kort praatje over het weer.",
}
CHANGE_ANSWERS = {
    "id": "voorbeeldstad-voorleestent",
    "remark": "De bibliotheek schreef ons dat de samenvatting niet meer klopt.",
    "summary": "Elke zomer leest de bibliotheek voor in een tent in het park, nu ook op zaterdag.",
}


def answers_text(form: issue_form.IssueForm, answers: dict[str, str]) -> str:
    """The answers as the page copies them and puts them in the mail (gedeeld/mailto.js, answersText)."""
    require_tool(shutil.which("node") is not None, "Node.js", "install nodejs (.ci/run does)")
    questions = [{"key": question.key, "label": question.label} for question in form.questions]
    module = (PROJECT_ROOT / "docs/javascripts/gedeeld/mailto.js").as_uri()
    script = (f"const {{ answersText }} = await import({json.dumps(module)});"
              f"process.stdout.write(answersText({json.dumps(questions)}, {json.dumps(answers)}));")
    return subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                          check=True, timeout=60).stdout


def practice_mail_body() -> str:
    """What the site puts in a mail that offers the new practice of PRACTICE_ANSWERS: the request, then the answers."""
    return "\n\n".join([ROUTES["praktijk-aanmelden"].ask, answers_text(issue_form.PRACTICE_FORM, PRACTICE_ANSWERS)])


def mail_program(body: str) -> str:
    """What a mail program and a forwarding editor make of a body: CRLF, non-breaking spaces where people
    see spaces, a reply's `> ` quoting under a line of its own, a signature."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in body.replace("  ", NBSP + " ").split("\n"))
    text = f"Op 1 dec. 2026 om 10:00 schreef Jan <jan@example.org>:\n{quoted.replace('### ', '###' + NBSP)}\n" \
           "\n-- \nJan Jansen\nBibliotheek Voorbeeldstad\n"
    return text.replace("\n", "\r\n")


def saved_mail(subject: str, body: str, encoding: str = "quoted-printable",
               sent: str = "Tue, 01 Dec 2026 10:00:00 +0100") -> bytes:
    """A mail as a mail program saves it (.eml): headers, then the body in its transfer encoding."""
    raw = body.encode("utf-8")
    payload = quopri.encodestring(raw) if encoding == "quoted-printable" else raw
    headers = (f"From: Jan Jansen <jan@example.org>\r\nTo: redactie@example.org\r\nSubject: {subject}\r\n"
               f"Date: {sent}\r\nMIME-Version: 1.0\r\n"
               f"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n")
    return headers.encode("ascii") + payload


def copy_of(template: Path, name: str) -> Path:
    root = template.parent / name
    shutil.copytree(template, root)
    return root


def github_route(template: Path, form_file: Path, answers: dict[str, str]) -> tuple[int, bytes]:
    root = copy_of(template, "github")
    (root / "issue.md").write_text(issue_body(form_file, answers), encoding="utf-8")
    result = run("from-issue", root / "issue.md", "--root", root, "--added", ADDED)
    return result.returncode, written(root)


def written(root: Path) -> bytes:
    """The practice or collection file the command wrote or changed (the newest)."""
    files = [*root.glob("practices/*.yml"), *root.glob("collections/*.yml")]
    return max(files, key=lambda path: path.stat().st_mtime_ns).read_bytes()


@pytest.fixture
def template(make_repository) -> Path:
    return make_repository()


def test_a_saved_mail_gives_the_same_file_and_exit_code_as_the_issue(template: Path) -> None:
    body = practice_mail_body()
    mail = copy_of(template, "mail")
    (mail / "mail.eml").write_bytes(saved_mail("Re: " + ROUTES["praktijk-aanmelden"].subject, mail_program(body)))

    result = run("from-mail", mail / "mail.eml", "--root", mail)

    assert (result.returncode, written(mail)) == github_route(template, PRACTICE_FORM, PRACTICE_ANSWERS)
    assert result.returncode == EXIT_OK, result.stdout + result.stderr
    assert "komt uit een e-mail aan de redactie" in result.stdout and "Ga bij de afzender na" in result.stdout
    assert b"added: '2026-12-01'" in written(mail) or b"added: 2026-12-01" in written(mail), "the mail's date"


@pytest.mark.parametrize(("sent", "added"), [
    ("Sun, 29 Mar 2026 00:30:00 +0100", "2026-03-28"),  # just after midnight in the Netherlands
    ("Tue, 01 Dec 2026 23:30:00 -0500", "2026-12-02"),  # late in the evening in New York
    ("Fri, 01 Jan 2100 10:00:00 +0100", BUILD_DAY),  # a sender's clock set ahead
])
def test_a_mail_is_dated_by_the_day_it_was_sent_in_utc_and_never_after_the_build_day(template: Path, sent: str,
                                                                                      added: str) -> None:
    """The build counts days in UTC (common/clock.py) and refuses a date after its own day: the mail's date
    must be one the build has reached, or the contributor's new practice would fail its first check."""
    body = practice_mail_body()
    mail = copy_of(template, "mail")
    (mail / "mail.eml").write_bytes(saved_mail(ROUTES["praktijk-aanmelden"].subject, body, sent=sent))

    result = run("from-mail", mail / "mail.eml", "--root", mail, env=os.environ | {"SOURCE_DATE_EPOCH": BUILD_EPOCH})

    assert result.returncode == EXIT_OK, result.stdout + result.stderr
    assert str(yaml.safe_load(written(mail))["added"]) == added


def test_a_pasted_body_still_in_quoted_printable_read_from_stdin_gives_the_same_file(template: Path) -> None:
    body = answers_text(issue_form.PRACTICE_FORM, PRACTICE_ANSWERS)
    pasted = quopri.encodestring(mail_program(body).encode("utf-8")).decode("ascii")
    assert "=\r\n" in pasted or "=\n" in pasted, "the test needs soft line breaks"
    mail = copy_of(template, "mail")

    result = run("from-mail", "-", "--root", mail, "--added", ADDED, stdin=pasted)

    assert (result.returncode, written(mail)) == github_route(template, PRACTICE_FORM, PRACTICE_ANSWERS)


def test_a_change_by_mail_changes_the_same_lines_as_by_issue(template: Path) -> None:
    body = "\n\n".join([practice_context("voorbeeldstad-voorleestent", "https://praktijkbank.example/praktijken/"
                                         "voorbeeldstad-voorleestent/"),
                        answers_text(issue_form.CHANGE_FORM, CHANGE_ANSWERS)])
    mail = copy_of(template, "mail")
    (mail / "mail.eml").write_bytes(saved_mail(ROUTES["wijziging-voorstellen"].subject, mail_program(body), "8bit"))

    result = run("from-mail", mail / "mail.eml", "--root", mail, "--added", ADDED)

    assert (result.returncode, written(mail)) == github_route(template, CHANGE_FORM, CHANGE_ANSWERS)
    assert result.returncode == EXIT_CHANGED
    assert "komt uit een e-mail aan de redactie" in result.stdout


def test_a_collection_by_mail_gives_the_same_collection(template: Path) -> None:
    answers = collection_answers()
    mail = copy_of(template, "mail")
    (mail / "mail.eml").write_bytes(saved_mail(ROUTES["collectie-aanmelden"].subject,
                                               mail_program(answers_text(issue_form.COLLECTION_FORM, answers))))

    result = run("from-mail", mail / "mail.eml", "--root", mail, "--added", ADDED)

    assert (result.returncode, written(mail)) == github_route(template, COLLECTION_FORM, answers)
    assert result.returncode == EXIT_OK


def test_a_mail_with_a_wrong_answer_gets_a_reply_to_send_and_nothing_is_written(template: Path) -> None:
    answers = {**PRACTICE_ANSWERS, "status": "Misschien"}
    mail = copy_of(template, "mail")
    (mail / "mail.txt").write_text(mail_program(answers_text(issue_form.PRACTICE_FORM, answers)), encoding="utf-8")

    result = run("from-mail", mail / "mail.txt", "--root", mail, "--added", ADDED)

    assert result.returncode == EXIT_PROBLEMS
    assert "**Status**:" in result.stdout and "beantwoord deze mail" in result.stdout
    assert "Controle" not in result.stdout, "a mail has no boxes to tick"
    assert not (mail / "practices" / "voorbeeldstad-taalcafe.yml").exists()


def test_a_mail_without_answers_says_so_in_dutch(template: Path) -> None:
    mail = copy_of(template, "mail")
    (mail / "mail.eml").write_bytes(saved_mail(ROUTES["praktijk-aanmelden"].subject,
                                               "Hallo, wij doen ook iets moois met de bieb!\r\n"))

    result = run("from-mail", mail / "mail.eml", "--root", mail, "--added", ADDED)

    assert result.returncode == EXIT_PROBLEMS
    assert "in deze mail staan geen antwoorden" in result.stderr and "Traceback" not in result.stderr


def test_a_flowed_mail_is_joined_again_and_an_equals_sign_in_plain_text_stays() -> None:
    flowed = ("Subject: Nieuwe praktijk voor de praktijkbank\r\nContent-Type: text/plain; charset=utf-8; "
              "format=flowed\r\n\r\n### Titel\r\n\r\nEen lange titel die de mail \r\nop twee regels zette\r\n"
              "\r\n### Webadres van de bron\r\n\r\nhttps://bieb.example/?a=1&b=2\r\n").encode("utf-8")

    mail = read_mail(flowed)

    assert mail.subject == "Nieuwe praktijk voor de praktijkbank"
    assert "Een lange titel die de mail op twee regels zette\n" in mail.body
    assert "https://bieb.example/?a=1&b=2" in mail.body
    assert clean_body("### Titel\n\nTekst = meer=\n") == "### Titel\n\nTekst = meer=\n"


def test_the_plain_part_of_a_mail_with_html_beside_it_is_read_and_an_html_only_mail_is_refused() -> None:
    import base64

    from praktijkbank.contribute.mail import NotAMail

    plain = base64.b64encode("### Titel\r\n\r\nTaalcafé\r\n".encode("utf-8")).decode("ascii")
    both = ("Onderwerp: Nieuwe praktijk voor de praktijkbank\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/alternative; boundary="grens"\r\n\r\n--grens\r\n'
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            f"{plain}\r\n--grens\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Taalcaf&eacute;</p>\r\n"
            "--grens--\r\n").encode("ascii")

    mail = read_mail(both)

    assert (mail.subject, mail.body) == ("Nieuwe praktijk voor de praktijkbank", "### Titel\n\nTaalcafé\n")
    with pytest.raises(NotAMail, match="geen tekst zonder opmaak"):
        read_mail(b"Subject: x\r\nContent-Type: text/html\r\n\r\n<p>### Titel</p>\r\n")

"""What `from-issue` says about a proposed change: the pull request's description (each changed field, old
and new, and the contributor's remark) or, when no field changes, the reply that the editors will look.

Every old and new value and the remark are text from the issue or the file: they are shown escaped and
quoted, so they cannot format the description, link anywhere or mention anyone.
"""

from __future__ import annotations

from praktijkbank.contribute.from_issue import ISSUE, Channel, escape_markdown, unticked_boxes
from praktijkbank.contribute.issue_form import IssueForm
from praktijkbank.contribute.practice_change import FieldChange

MAX_SHOWN = 3000  # characters of one value; GitHub refuses descriptions over 65,536


def quoted(text: str) -> str:
    """Text as a Markdown quote, escaped line by line; a long text is cut, since the file shows it whole."""
    shown = text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + " … (ingekort; zie het bestand)"
    return "\n".join(f"> {escape_markdown(line)}".rstrip() for line in shown.split("\n"))


def change_text(form: IssueForm, path: str, changes: list[FieldChange], remark: str,
                channel: Channel = ISSUE, lost_comments: list[str] = ()) -> str:
    """The pull request's description for a change to an existing practice or collection (made with `form`)."""
    origin = "een formulier" if channel is ISSUE else channel.origin
    lines = [f"Deze wijziging van een {form.noun} komt uit {origin}: `{path}`.", "",
             "De redactie leest hem na voordat hij op de site komt."]
    if not channel.ticked_boxes:
        lines += ["", *unticked_boxes(form)]
    if remark:
        lines += ["", "## Toelichting", "", quoted(remark)]
    lines += ["", "## Wat verandert"]
    for change in changes:
        lines += ["", f"### {change.label}", "", "Was:", "", quoted(change.old) if change.old else "_(leeg)_", "",
                  "Wordt:", "", quoted(change.new) if change.new else "_(weggehaald)_"]
    if lost_comments:
        lines += ["", "## Commentaar dat niet kon blijven", "",
                  "Dit commentaar stond in het bestand bij een veld of regel die nu weg is. Zet het zo nodig "
                  "met de hand terug:", "", quoted("\n".join(lost_comments))]
    return "\n".join(lines) + "\n"


def remark_text(practice_id: str, remark: str, channel: Channel = ISSUE) -> str:
    """The reply when an issue asks no field to change: the editors read the remark and act on it."""
    again = ("Wil je zelf iets veranderen? Pas dan je bericht aan: klik bovenaan op de drie puntjes (**...**) en "
             "dan op **Edit**, en vul bij de vragen de nieuwe tekst in." if channel.ticked_boxes else
             "Wil je zelf iets veranderen? Stuur dan je antwoorden opnieuw, met bij de vragen de nieuwe tekst.")
    return "\n".join([
        f"Bedankt voor je bericht over de praktijk `{practice_id}`! Je hebt geen antwoorden veranderd, dus er is "
        "nog geen voorstel gemaakt. De redactie leest je toelichting en past de praktijk zo nodig zelf aan:", "",
        quoted(remark), "", again,
    ]) + "\n"

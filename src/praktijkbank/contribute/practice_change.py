"""The third kind of issue, "Wijziging voorstellen": a proposed change to a practice already in the bank.

An empty answer keeps a field, `-` removes an optional one, and any other answer counts only when it says
something else than the file: the file's current answers (common/form_links.py, the same the page's link
fills in) are read with the same questions, so an answer copied unchanged from the link is no change.
Changes are made in the file through a round-trip edit (yaml_edit.py) and the result goes through the full
validator before it is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from praktijkbank.common.form_links import initiator, practice_answers
from praktijkbank.common.suggest import closest, normalise, suggestion_hint
from praktijkbank.contribute.from_issue import ISSUE, Channel, check_problems, escape_markdown, sections
from praktijkbank.contribute.issue_form import CHANGE_FORM
from praktijkbank.contribute.questions import AnswerError, Question, Questionnaire
from praktijkbank.contribute.yaml_edit import YamlEdit, styled
from praktijkbank.load.repository import PRACTICE
from praktijkbank.validate.rules import Record

REMOVE = "-"
PARTNER_ROLE = "partner"


@dataclass(frozen=True)
class FieldChange:
    """One changed field, for the pull request: the old and the new answer as text ("" when removed)."""

    label: str
    old: str
    new: str


@dataclass
class ProposedChange:
    """What a change issue asks: which practice, why, and the new text of its file when a field changes."""

    practice_id: str = ""
    path: Path | None = None
    remark: str = ""
    changes: list[FieldChange] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    text: str = ""
    lost_comments: list[str] = field(default_factory=list)


def read_change(asking: Questionnaire, body: str, records: list[Record], key_order: list[str],
                channel: Channel = ISSUE) -> ProposedChange:
    """Read the issue and work out the new file; every problem is collected, none stops the others."""
    found = sections(body, CHANGE_FORM)
    raw = {question.key: found.get(normalise(question.label), "").strip() for question in asking.questions}
    result = ProposedChange(problems=check_problems(CHANGE_FORM, found, channel))
    questions = {question.key: question for question in asking.questions}
    result.remark = _parsed(asking, questions["remark"], raw["remark"], result) or ""
    record = _practice(asking, questions["id"], raw["id"], records, result)
    if record is None:
        return result
    result.practice_id, result.path = record.id, record.path
    edit = YamlEdit(record.path.read_bytes().decode("utf-8"), key_order)
    current = practice_answers(record.data or {}, asking.vocabularies)
    current["provinces"] = _labels(asking, questions["provinces"], (record.data or {}).get("place", {}).get("provinces", []))
    for key, apply in FIELD_EDITS.items():
        question = questions[key]
        answer = raw[key]
        if not answer:
            continue
        if answer == REMOVE:
            if not question.removable:
                result.problems.append(f"**{question.label}** kan niet met een - weg. Laat de vraag leeg als het "
                                       "zo kan blijven, of schrijf bij de toelichting wat er anders moet.")
            elif current.get(key):
                apply(edit, None)
                result.changes.append(FieldChange(question.label, current[key], ""))
            continue
        new = _parsed(asking, question, answer, result)
        if new is not None and new != _quiet_parse(asking, question, current.get(key, "")):
            apply(edit, new)
            result.changes.append(FieldChange(question.label, current.get(key, ""), answer))
    _add_source(asking, questions, raw, edit, result)
    if result.changes and not result.problems:
        result.text = edit.text()
        result.lost_comments = edit.lost_comments()
    return result


def _parsed(asking: Questionnaire, question: Question, answer: str, result: ProposedChange) -> Any:
    """The answer as data, or None with a problem when it cannot be used."""
    try:
        parsed = asking.parse(question, answer)
    except AnswerError as error:
        result.problems.append(f"**{question.label}**: {escape_markdown(str(error))}")
        return None
    return parsed.value if parsed else None


def _quiet_parse(asking: Questionnaire, question: Question, text: str) -> Any:
    """The file's current answer read as the form's answer would be; None when the file has none."""
    try:
        parsed = asking.parse(question, text) if text else None
    except AnswerError:
        return None
    return parsed.value if parsed else None


def _labels(asking: Questionnaire, question: Question, ids: list[str]) -> str:
    vocabulary = asking.vocabulary(question)
    return ", ".join(vocabulary.label(term_id) if vocabulary else term_id for term_id in ids)


def _practice(asking: Questionnaire, question: Question, answer: str, records: list[Record],
              result: ProposedChange) -> Record | None:
    """The practice the issue is about, found by its id or by an old id in `aliases`."""
    wanted = _parsed(asking, question, answer, result)
    if wanted is None:
        return None
    practices = {record.id: record for record in records if record.kind == PRACTICE}
    for record in practices.values():
        if wanted in ((record.data or {}).get("aliases") or []):
            return record
    if wanted in practices:
        return practices[wanted]
    match = closest(wanted, sorted(practices))
    hint = suggestion_hint(match) if match else "Kopieer het id uit het webadres van de pagina van de praktijk."
    result.problems.append(f"**{question.label}**: er is geen praktijk met het id '{escape_markdown(wanted)}'. "
                           f"{escape_markdown(hint)}")
    return None


def _add_source(asking: Questionnaire, questions: dict[str, Question], raw: dict[str, str], edit: YamlEdit,
                result: ProposedChange) -> None:
    """A new source goes at the end of `sources`; one the practice already names is not added twice."""
    title = _parsed(asking, questions["source_title"], raw["source_title"], result) if raw["source_title"] else None
    url = _parsed(asking, questions["source_url"], raw["source_url"], result) if raw["source_url"] else None
    if url and not title:
        result.problems.append(f"Geef bij **{questions['source_title'].label}** ook de titel van de bron.")
    if not title:
        return
    sources = edit.get("sources")
    if any(source.get("title") == title or (url and source.get("url") == url) for source in sources):
        return
    sources.append(styled({"title": title} | ({"url": url} if url else {}), None))
    edit.changed("sources")
    result.changes.append(FieldChange("Bronnen", "", f"{title} {url or ''}".strip()))


def _set(key: str) -> Callable[[YamlEdit, Any], None]:
    def apply(edit: YamlEdit, value: Any) -> None:
        if value is None:
            edit.remove(key)
        else:
            edit.set(key, value)
    return apply


def _place(key: str) -> Callable[[YamlEdit, Any], None]:
    def apply(edit: YamlEdit, value: Any) -> None:
        place = edit.get("place")
        if value is None:
            place.pop(key, None)
        else:
            place[key] = styled(value, place.get(key))
        edit.changed("place")
    return apply


def _lead(key: str) -> Callable[[YamlEdit, Any], None]:
    """The initiator's name or type, changed in its own entry."""
    def apply(edit: YamlEdit, value: Any) -> None:
        lead = initiator({"organisations": edit.get("organisations")})
        if lead is not None:
            lead[key] = value
            edit.changed("organisations")
    return apply


def _partners(edit: YamlEdit, value: Any) -> None:
    """The initiator stays first; a partner that was there keeps its entry (role, website), others are new."""
    organisations = edit.get("organisations")
    lead = initiator({"organisations": organisations})
    known = {normalise(item["name"]): item for item in organisations if item is not lead}
    new = []
    for partner in value or []:
        entry = known.get(normalise(partner["name"]))
        if entry is None:
            entry = styled({"name": partner["name"], "type": partner["type"], "role": PARTNER_ROLE}, None)
        else:
            entry["type"] = partner["type"]
        new.append(entry)
    edit.data["organisations"] = styled([], None)
    edit.data["organisations"].extend([lead, *new] if lead is not None else new)
    edit.changed("organisations")


def _start(edit: YamlEdit, value: Any) -> None:
    period = edit.get("period")
    if value is None:
        edit.remove("period")
    elif period is None:
        edit.set("period", {"start": value})
    else:
        period["start"] = value
        edit.changed("period")


def _results(edit: YamlEdit, value: Any) -> None:
    """Results that stay keep their evidence."""
    if value is None:
        edit.remove("results")
        return
    known = {item.get("text"): item for item in edit.get("results") or []}
    edit.data["results"] = styled([], None)
    edit.data["results"].extend(known.get(item["text"]) or styled(item, None) for item in value)
    edit.changed("results")


FIELD_EDITS: dict[str, Callable[[YamlEdit, Any], None]] = {
    "title": _set("title"), "summary": _set("summary"), "description": _set("description"),
    "municipalities": _place("municipalities"), "provinces": _place("provinces"),
    "initiator": _lead("name"), "initiator_type": _lead("type"), "partners": _partners,
    "themes": _set("themes"), "target_groups": _set("target_groups"), "status": _set("status"),
    "activities": _set("activities"), "start": _start, "results": _results, "lessons": _set("lessons"),
    "based_on": _set("based_on"),
}

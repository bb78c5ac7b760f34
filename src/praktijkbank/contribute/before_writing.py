"""What a new practice or collection must be told about the others before its file is written.

The validator checks a new file on its own and passes it when its id is another practice's old id: the file
would be written and the next full build would fail on the redirect both claim. So `new` and `from-issue` ask
this first and write nothing on an error. Naming a withdrawn practice is allowed (the page says it was
withdrawn) but seldom meant, so it is a warning the editors see before they open the pull request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from praktijkbank.common.problems import WARNING, Problem
from praktijkbank.load.repository import PRACTICE
from praktijkbank.validate.rules import Record

ALIAS_TAKEN = "id-is-alias"
WITHDRAWN_ORIGINAL = "based-on-withdrawn"
WITHDRAWN_ITEM = "collection-item-withdrawn"


@dataclass
class Findings:
    """Errors (nothing may be written) and warnings (write, but say so) about a new file."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def check_new(kind: str, document_id: str, data: dict[str, Any], records: list[Record]) -> Findings:
    """Check a new practice or collection (`kind`, with the file name `document_id`) against `records`."""
    findings = Findings()
    for record in records:
        if record.kind != kind:
            continue
        for index, alias in record.strings("aliases"):
            if alias == document_id:
                where = record.problem(("aliases", index), ALIAS_TAKEN, "")
                findings.errors.append(Problem(
                    where.file, where.line, where.column, ALIAS_TAKEN,
                    f"de bestandsnaam (id) '{document_id}' is al een oude id van '{record.id}' ({where.file}, "
                    f"regel {where.line}): dat adres stuurt door naar die pagina. Kies een andere bestandsnaam "
                    "(id)."))
    withdrawn = _withdrawn_practices(records)
    if kind == PRACTICE:
        target = data.get("based_on")
        if isinstance(target, str) and target in withdrawn:
            findings.warnings.append(_withdrawn(withdrawn[target], WITHDRAWN_ORIGINAL, target,
                                                "de praktijk waarop deze praktijk is gebaseerd"))
    else:
        for item in data.get("items") or []:
            target = item.get("practice") if isinstance(item, dict) else None
            if isinstance(target, str) and target in withdrawn:
                findings.warnings.append(_withdrawn(withdrawn[target], WITHDRAWN_ITEM, target,
                                                    "een praktijk in deze collectie"))
    return findings


def _withdrawn_practices(records: list[Record]) -> dict[str, Record]:
    """Every withdrawn practice by its id and by each of its old ids."""
    withdrawn: dict[str, Record] = {}
    for record in records:
        if record.kind == PRACTICE and record.data and record.data.get("withdrawn"):
            withdrawn[record.id] = record
            withdrawn.update((alias, record) for _, alias in record.strings("aliases"))
    return withdrawn


def _withdrawn(record: Record, rule: str, target: str, what: str) -> Problem:
    where = record.problem(("withdrawn",), rule, "", at_key=True)
    return Problem(where.file, where.line, where.column, rule,
                   f"{what}, '{target}', is teruggetrokken ({where.file}, regel {where.line}). De pagina zegt "
                   "dat erbij. Klopt dat zo? Kies anders een praktijk die nog loopt.", severity=WARNING)

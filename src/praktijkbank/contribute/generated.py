"""Files written from the schemas and vocabularies, and the check that the committed copies are current.

They are committed because other tools read them without running praktijkbank (editors read the JSON
Schema, contributors copy the template, GitHub shows the issue form, the editor on /aanmelden/ reads its
fields); `praktijkbank generate --check` keeps them honest in CI.
"""

from __future__ import annotations

import json
from pathlib import Path

from praktijkbank.common.municipalities import read_municipalities
from praktijkbank.common.schemas import SCHEMA_FILES, read_schema, render_schema, with_vocabularies
from praktijkbank.common.vocabularies import Vocabularies
from praktijkbank.contribute.editor_fields import FIELDS_FILE, editor_fields
from praktijkbank.contribute.issue_form import CHANGE_FORM, FORMS, PRACTICE_FORM, render_issue_form
from praktijkbank.contribute.questions import Questionnaire
from praktijkbank.contribute.template import render_template
from praktijkbank.load.repository import Repository

TEMPLATE_NAME = "_template.yml"
FORM_SCHEMAS = ("practice", "collection")


def expected_files(repository: Repository, vocabularies: Vocabularies) -> dict[Path, str]:
    """Each generated file with the text it should have now."""
    files = {}
    for kind in FORM_SCHEMAS:
        files[repository.schemas_dir / SCHEMA_FILES[kind]] = render_schema(
            with_vocabularies(read_schema(repository.schemas_dir, kind), vocabularies)
        )
    schemas = {kind: json.loads(files[repository.schemas_dir / SCHEMA_FILES[kind]]) for kind in FORM_SCHEMAS}
    files[repository.practices_dir / TEMPLATE_NAME] = render_template(schemas["practice"])
    municipalities = read_municipalities(repository.geo_dir)
    asking = {form: Questionnaire(schemas[form.schema], vocabularies, municipalities, form.questions) for form in FORMS}
    for form in FORMS:
        files[repository.root / form.path] = render_issue_form(form, asking[form])
    files[repository.root / FIELDS_FILE] = editor_fields(schemas["practice"], asking[PRACTICE_FORM],
                                                         asking[CHANGE_FORM], municipalities)
    return files


def stale_files(repository: Repository, vocabularies: Vocabularies) -> dict[Path, str]:
    """The generated files whose committed text differs from what they should be, with the new text."""
    return {
        path: text
        for path, text in expected_files(repository, vocabularies).items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    }

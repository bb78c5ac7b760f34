"""The controlled lists hold what the site and the contributors need, each with a Dutch label."""

from __future__ import annotations

from helpers import PROJECT_ROOT
from praktijkbank.load.repository import Repository
from praktijkbank.validate.checker import load_vocabularies

VOCABULARIES, PROBLEMS = load_vocabularies(Repository(PROJECT_ROOT))


def test_the_vocabulary_file_is_valid() -> None:
    assert PROBLEMS == []


def test_there_are_twelve_provinces() -> None:
    assert len(VOCABULARIES["provinces"].terms) == 12


def test_the_themes_and_organisation_types_named_in_the_brief_exist() -> None:
    assert set(VOCABULARIES["themes"].ids) >= {
        "laaggeletterdheid", "digitale-vaardigheden", "eenzaamheid", "participatie", "zelfredzaamheid",
        "werk-en-inkomen", "gezondheid", "opvoeden-en-opgroeien", "mantelzorg", "financien", "mediawijsheid",
        "sociale-cohesie",
    }
    assert set(VOCABULARIES["organisation_types"].ids) >= {
        "bibliotheek", "welzijn", "ggd", "gemeente", "uwv", "zorg", "onderwijs", "kinderopvang",
        "woningcorporatie", "politie", "cultuur", "vrijwilligersorganisatie", "clientenorganisatie",
    }
    assert VOCABULARIES["statuses"].ids == ["idee", "pilot", "lopend", "afgerond"]


def test_labels_are_looked_up_by_id() -> None:
    assert VOCABULARIES["themes"].label("financien") == "Financiën"
    assert VOCABULARIES["themes"].label("onbekend") == "onbekend"

"""Search finds a practice by the words of the glossary's explanations of the terms it uses ('taal' finds a
practice that says 'VVE'), below the practices that have the word in their own text."""

from __future__ import annotations

import pytest

from praktijkbank.common.glossary import Glossary, GlossaryTerm
from praktijkbank.model.glossary_use import practice_terms
from praktijkbank.publish.search_documents import GLOSSARY, practice_document
from praktijkbank.publish.search_index import score_stems
from praktijkbank.publish.search_text import stem, stems
from real_data import A_PRACTICE, CATALOG


def test_a_practice_document_holds_its_terms_explanations_weighted_below_its_own_text() -> None:
    document = practice_document(A_PRACTICE, CATALOG.vocabularies, CATALOG.glossary)
    *own, (explained, weight) = document.fields

    assert weight == GLOSSARY < min(own_weight for _, own_weight in own)
    assert explained == " ".join(entry.explanation for entry in practice_terms(A_PRACTICE, CATALOG.glossary))
    assert explained


def test_a_word_in_the_practice_s_own_text_scores_above_the_same_word_in_an_explanation() -> None:
    glossary = Glossary((GlossaryTerm("VVE", "Extra steun bij taalontwikkeling voor peuters."),))
    own = practice_document(A_PRACTICE, CATALOG.vocabularies, glossary)
    fields = tuple((text.replace("VVE", ""), weight) for text, weight in own.fields[:-1])
    with_word = type(own)(own.url, own.title, own.kind, fields + (("peuters spelen", 1),), own.text)
    with_term = type(own)(own.url, own.title, own.kind, fields + (("VVE", 1), ("peuters", GLOSSARY)), own.text)

    postings = score_stems([with_word, with_term])

    [(_, own_score), (_, explained_score)] = postings[stem("peuters")]
    assert own_score > explained_score > 0


def explanation_only_word() -> tuple[str, set[str]]:
    """A word of some explanation that no practice has in its own text, with the practices whose terms'
    explanations have it."""
    own = set()
    for practice in CATALOG.practices.values():
        own |= {found for text, _ in practice_document(practice, CATALOG.vocabularies).fields for found in stems(text)}
    using: dict[str, set[str]] = {}
    for practice in CATALOG.practices.values():
        for entry in practice_terms(practice, CATALOG.glossary):
            for word in entry.explanation.lower().replace(",", " ").replace(".", " ").split():
                if len(word) >= 6 and word.isalpha() and stem(word) not in own:
                    using.setdefault(word, set()).add(practice.id)
    word = max(sorted(using), key=lambda candidate: len(using[candidate]))
    return word, using[word]


@pytest.mark.browser
def test_search_finds_the_practices_whose_terms_explanations_have_the_word(page, base_url: str) -> None:
    from test_search_browser import found, type_query

    word, practices = explanation_only_word()
    page.goto(base_url + "zoeken/")
    type_query(page, word)

    assert set(found(page)) >= practices
    assert page.problems == []

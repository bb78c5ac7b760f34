"""The glossary as open data (`api/begrippen.json`): for pages the browser fills itself (the comparison), which
explain terms at their first use as the build does on the other pages (docs/javascripts/gedeeld/begrippen.js), and for
anyone who wants the explanations."""

from __future__ import annotations

import json

from praktijkbank.common.glossary import Glossary, sort_key
from praktijkbank.common.urls import GLOSSARY_DATA
from praktijkbank.render.outputs import OutputFile


def glossary_file(glossary: Glossary) -> OutputFile:
    """Every term A to Z with its variants, explanation, the id of its entry on /begrippen/ and its link."""
    terms = [{"term": entry.term, "variants": list(entry.variants), "explanation": entry.explanation,
              "anchor": entry.anchor, **({"link": entry.link} if entry.link else {})}
             for entry in sorted(glossary.terms, key=sort_key)]
    return OutputFile(GLOSSARY_DATA, (json.dumps({"terms": terms}, ensure_ascii=False, indent=1) + "\n").encode())

"""The municipalities and the names people use for them, as the browser reads them (`api/gemeenten.json`).

The editor on /aanmelden/ and any other form that asks for a municipality answer 'Den Haag' with
''s-Gravenhage' and 'Bergen' with both Bergens, exactly as the validator does: the browser folds what was typed
with `nameKey` (docs/javascripts/gedeeld/gemeentenamen.js, the same folding as `name_key` in Python) and looks it up
here, so no rule of how names are written lives twice.
"""

from __future__ import annotations

import json

from praktijkbank.common.municipalities import Municipalities
from praktijkbank.common.urls import MUNICIPALITY_NAMES
from praktijkbank.render.outputs import OutputFile

SOURCE = ("CBS/PDOK 2025 (schemas/geo/gemeenten.csv); namen uit het dagelijks leven uit schemas/geo/gemeentenamen.csv, "
          "elk met een bron.")


def municipality_names_file(municipalities: Municipalities) -> OutputFile:
    """Every current municipality (code, CBS name, province) and every folded name with the CBS names it may mean."""
    data = {
        "source": SOURCE,
        "municipalities": [{"code": municipality.code, "name": municipality.name, "province": municipality.province}
                           for municipality in (municipalities.current[name] for name in municipalities.names())],
        "names": {key: list(names) for key, names in municipalities.by_key.items()},
    }
    return OutputFile(MUNICIPALITY_NAMES, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))

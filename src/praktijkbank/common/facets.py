"""The facets, declared once: the lists a practice is found by (theme, partner type, province, target group,
status), each with its overview folder, its search parameter and its titles.

Overview pages, search filters, the catalog's index, the exports and the contributor questions all read this
declaration, so adding a facet is one entry here. The folders and parameters are in published links and
shared searches: they never change.

It lives in `common` (names and texts only, no model) because URLs need it and `common` imports nothing else
of praktijkbank. How a practice's values are read is therefore named, not coded: `attribute` is a path on the
model's Practice, which `model.catalog.facet_values` follows. A facet whose values need computing gets a
property on Practice and names it here (`organisation_types`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Facet:
    """One facet. `name` is its vocabulary in vocabularies.yml and its key in the catalog's index."""

    name: str
    attribute: str
    """The dotted path on a Practice to its values (a tuple, or one value): `place.provinces`, `status`."""
    folder: str
    """The overview pages: `themas/` and `themas/<value>/`."""
    parameter: str
    """The search page's URL parameter and the filter's name in the search index: `zoeken/?thema=<value>`."""
    title: str
    """What one value is, as a heading: "Thema: Laaggeletterdheid", and the search filter's legend."""
    search_within: str
    """The link from a value's page to the search narrowed to it."""
    all_values: str = ""
    """The link from a value's page back to the overview of all values: "Alle thema's", "Alle statussen"."""

    @property
    def key(self) -> str:
        """The field's own name (the attribute's last part): the CSV column and the contributor question."""
        return self.attribute.rsplit(".", 1)[-1]


FACETS: dict[str, Facet] = {facet.name: facet for facet in (
    Facet("themes", "themes", "themas", "thema", "Thema", "Zoek binnen dit thema", "Alle thema's"),
    Facet("organisation_types", "organisation_types", "partners", "partner", "Soort organisatie",
          "Zoek binnen deze soort organisatie", "Alle soorten organisaties"),
    Facet("provinces", "place.provinces", "provincies", "provincie", "Provincie", "Zoek binnen deze provincie",
          "Alle provincies"),
    Facet("target_groups", "target_groups", "doelgroepen", "doelgroep", "Doelgroep", "Zoek binnen deze doelgroep",
          "Alle doelgroepen"),
    Facet("statuses", "status", "status", "status", "Status", "Zoek binnen deze status", "Alle statussen"),
)}
"""By name, in the order the search page shows its filters."""

MUNICIPALITIES = Facet("municipalities", "place.names", "kaart", "gemeente", "Gemeente",
                       "Zoek binnen deze gemeente")
"""Municipalities are a facet too (the search filter, the map), but no vocabulary: their names come from the
CBS list (schemas/geo/), and the map, not an overview folder of their own, leads to them. So they stand apart
from FACETS, whose every entry has overview pages, a vocabulary, an export column and a contributor question.
The values are all of a place's names (municipalities, localities, region: `Place.names`), so the search finds a
practice by any of them; the map counts only the names on the CBS list."""

INDEXED: dict[str, Facet] = {**FACETS, MUNICIPALITIES.name: MUNICIPALITIES}
"""Every facet the catalog indexes and the search page filters on: the vocabularies, then the municipalities."""

"""The licences practices can carry, described once for the pages, the JSON-LD and the exports."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LICENSE = "CC-BY-4.0"


@dataclass(frozen=True)
class License:
    id: str
    label: str
    name: str
    url: str


KNOWN_LICENSES = {
    "CC-BY-4.0": License("CC-BY-4.0", "CC BY 4.0", "Creative Commons Naamsvermelding 4.0",
                         "https://creativecommons.org/licenses/by/4.0/deed.nl"),
    "CC-BY-SA-4.0": License("CC-BY-SA-4.0", "CC BY-SA 4.0", "Creative Commons Naamsvermelding-GelijkDelen 4.0",
                            "https://creativecommons.org/licenses/by-sa/4.0/deed.nl"),
    "CC0-1.0": License("CC0-1.0", "CC0 1.0", "Creative Commons Zero 1.0 (publiek domein)",
                       "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"),
}


def license_for(license_id: str) -> License:
    """A known licence, or one described only by its SPDX id (no link is made up for it)."""
    return KNOWN_LICENSES.get(license_id) or License(license_id, license_id, license_id, "")

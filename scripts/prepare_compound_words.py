"""Derive the word parts search splits Dutch compounds by (src/praktijkbank/publish/woorddelen.txt) from OpenTaal's word
list, as Debian's package hunspell-nl ships it (/usr/share/hunspell/nl.dic).

Kept: every entry of 3 to 12 lower-case letters (no names, abbreviations, numbers or words with a hyphen),
each once, in sorted order. OpenTaal writes the Dutch ij as one letter, 'ĳ' (nl.aff turns it back into i and j
for output, OCONV): so does this, or every word with an ij ('wijk', 'tijd', 'vrijwilliger') would be missing. The first lines say where the list comes from (package version and SHA-256 of nl.dic); the same
input gives the same bytes. The build reads only the committed file, so neither CI nor a build needs the
package; the licence is in the file's header.

Usage: .venv/bin/python scripts/prepare_compound_words.py [--source /usr/share/hunspell/nl.dic] [--version V]
"""

from __future__ import annotations

import argparse
import hashlib
import re
from pathlib import Path

from praktijkbank.publish.search_compounds import PARTS_FILE

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = Path("/usr/share/hunspell/nl.dic")
ENTRY = re.compile(r"[a-zà-öø-ÿ]{3,12}")
OUTPUT_LETTERS = str.maketrans({"ĳ": "ij", "Ĳ": "IJ"})  # nl.aff's OCONV


def derive(dictionary: bytes, version: str) -> str:
    """The file's text: a header naming the source, then one word per line."""
    entries = dictionary.decode("utf-8").splitlines()[1:]  # the first line of a .dic is the number of entries
    words = {entry.split("/")[0].strip().translate(OUTPUT_LETTERS) for entry in entries}
    kept = sorted(word for word in words if ENTRY.fullmatch(word))
    digest = hashlib.sha256(dictionary).hexdigest()
    header = [f"# bron: OpenTaal, Debian-pakket hunspell-nl {version}, nl.dic (sha256 {digest})",
              "# licentie: OpenTaal geeft de woordenlijst uit onder BSD of CC BY 3.0 (naar keuze); (c) OpenTaal e.a.",
              "# afgeleid met scripts/prepare_compound_words.py: woorden van 3 tot 12 kleine letters"]
    return "\n".join(header + kept) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--version", default="2:2.20.19-2", help="the hunspell-nl package version read")
    parser.add_argument("--target", type=Path, default=PROJECT_ROOT / "src" / "praktijkbank" / "publish" / PARTS_FILE)
    arguments = parser.parse_args()
    arguments.target.write_text(derive(arguments.source.read_bytes(), arguments.version), encoding="utf-8")


if __name__ == "__main__":
    main()

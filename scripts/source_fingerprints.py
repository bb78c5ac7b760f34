"""Fingerprints of the source articles, so a test can find text copied from them without the repository
holding the articles themselves.

The practices are written in our own words from published articles. The articles are not ours to republish,
so the repository keeps each article only as the sequence of its words, each normalised and hashed
(`tests/fixtures/source-fingerprints.json`). `tests/test_own_words.py` normalises and hashes the practices'
texts the same way and looks for long runs shared with an article.

Regenerate after adding a source article:

    python -m scripts.source_fingerprints ../shared/seeds
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import unicodedata
from pathlib import Path

FINGERPRINTS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "source-fingerprints.json"
_WORD = re.compile(r"[^\W_]+")
_NUMBER_WORDS = dict(enumerate(
    "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien "
    "achttien negentien twintig".split()))
_NUMBER_WORDS.update({30: "dertig", 40: "veertig", 50: "vijftig", 60: "zestig", 70: "zeventig", 80: "tachtig",
                      90: "negentig", 100: "honderd", 1000: "duizend"})


def normalised_words(text: str) -> list[str]:
    """The words of `text` as a reader compares them: lower case, without accents or punctuation, a number
    written in figures read as the word ("5" is "vijf"), an apostrophe inside a word ignored ("zo'n")."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(character for character in text if not unicodedata.combining(character))
    text = re.sub(r"(?<=\w)['’](?=\w)", "", text)
    return [_number_as_word(word) for word in _WORD.findall(text)]


def _number_as_word(word: str) -> str:
    return _NUMBER_WORDS.get(int(word), word) if word.isdigit() else word


def fingerprint(word: str) -> str:
    """A short hash of one normalised word: enough to tell words apart, not to read the article."""
    return hashlib.blake2b(word.encode("utf-8"), digest_size=4).hexdigest()


def article_fingerprints(seeds: Path) -> dict[str, str]:
    """Each article (by file name) as the fingerprints of its words in reading order, separated by spaces."""
    return {path.name: " ".join(fingerprint(word) for word in normalised_words(path.read_text(encoding="utf-8")))
            for path in sorted(seeds.glob("*.txt"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", type=Path, help="the folder with the source articles (*.txt)")
    arguments = parser.parse_args()
    FINGERPRINTS.write_text(json.dumps(article_fingerprints(arguments.seeds), indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Broken versions of real files, made the same way wherever they are needed: the fuzz tests check that
validation survives them, and the benchmark (scripts/bench/robustness.py) how long it takes on them.

Plain standard-library code, so both the tests (`from mutants import ...`) and the benchmark
(`from tests.mutants import ...`) can import it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Invisible format characters: direction controls, zero-width characters, the soft hyphen, a tag character.
HIDDEN_CHARACTERS = ["\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u200d", "\u200e", "\u2060", "\ufeff",
                     "\u00ad", "\U000e0041"]
# Pieces of YAML and characters that upset parsers, from which noise that looks like YAML is put together.
YAML_TOKENS = [":", ": ", "-", "- ", " ", "  ", "\n", "\n  ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!x ",
               "'", '"', "#", "|", ">", "?", "---", "...", "%YAML 1.1", "\t", "\\", "title", "themes", "no", "010",
               "1:20", "2024-01-01", "é", "’", "\x00", "\x85", "\ufeff", "@", "`", "%", "~", "null", "0x1F",
               *HIDDEN_CHARACTERS, "\\u202E", "&#x202E;", "&zwj;"]
MUTANTS_PER_FILE = 25  # per real practice: the fuzz test's and the benchmark's share of broken files
INSERTS = [b"\t", b":", b": ", b"- ", b"&a ", b"*a", b"!!python/object:os.system ", b"'", b'"', b"#", b"\n", b"\n  ",
           b"[", b"{", b"|", b">", b"\x00", b"\xff", b"\xc3", b"\xef\xbb\xbf", b"\r", b"%YAML 1.1\n", b"---\n", b"<<: ",
           # invisible format characters (U+202E, U+2066, U+200B, U+200D, U+00AD, U+E0041) and their codes
           *(character.encode() for character in "\u202e\u2066\u200b\u200d\u00ad\U000e0041"), b"\\u202E", b"&#x202E;"]


def real_practices(root: Path) -> list[Path]:
    """The practice files of a repository, without the ones skipped by rule (`_template.yml`)."""
    return sorted((root / "practices").glob("[!_]*.yml"))


def paths_in(value: Any, path: tuple = ()) -> list[tuple]:
    """Every place in loaded data, as the path of keys and indexes that leads to it, the whole document first."""
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths_in(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths_in(child, (*path, index))
    return found


def mutate(raw: bytes, seed: str) -> bytes:
    """One to four flips, deletions or insertions at random places."""
    chance = random.Random(seed)
    data = bytearray(raw)
    for _ in range(chance.randint(1, 4)):
        position = chance.randrange(len(data) or 1)
        action = chance.choice(["flip", "delete", "insert", "random-byte"])
        if action == "flip" and data:
            data[position] ^= 1 << chance.randrange(8)
        elif action == "delete":
            del data[position:position + chance.randint(1, 8)]
        elif action == "insert":
            data[position:position] = chance.choice(INSERTS)
        else:
            data[position:position] = bytes([chance.randrange(256)])
    return bytes(data)


def seeded_mutants(original: Path, count: int) -> Iterator[tuple[str, bytes]]:
    """`count` mutants of one file with their seeds (`<file stem>-<number>`), the same on every run, so a
    failure or a slow case can be replayed."""
    raw = original.read_bytes()
    for number in range(count):
        seed = f"{original.stem}-{number}"
        yield seed, mutate(raw, seed)


def yaml_noise(seed: str, most_tokens: int = 200) -> bytes:
    """Up to `most_tokens` random YAML_TOKENS in a row, as UTF-8 (a lone surrogate would not encode otherwise)."""
    chance = random.Random(seed)
    text = "".join(chance.choice(YAML_TOKENS) for _ in range(chance.randint(0, most_tokens)))
    return text.encode("utf-8", "surrogatepass")

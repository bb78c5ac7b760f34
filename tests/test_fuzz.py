"""Hostile and broken files never crash the validator: random bytes, YAML-shaped noise, byte-by-byte
mutations of the real practices, and valid YAML with every field swapped for a value of the wrong shape.
Each must end in problems (or a clean result), never an exception. An invisible format character put anywhere
in a real practice is reported where it stands. (How fast validation is, is the benchmark's business.)
"""

from __future__ import annotations

import copy
import shutil

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from helpers import PROJECT_ROOT
from mutants import HIDDEN_CHARACTERS, YAML_TOKENS, paths_in, real_practices
from praktijkbank.common.problems import Problem
from praktijkbank.load.strict_yaml import LoadError, load_bytes
from praktijkbank.load.repository import Repository
from praktijkbank.validate.checker import validate_repository

REAL_PRACTICES = real_practices(PROJECT_ROOT)
REAL_COLLECTIONS = sorted((PROJECT_ROOT / "collections").glob("*.yml"))
FUZZ_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def fuzz_repository(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    """A copy of the real repository; each example overwrites one practice in it."""
    root = tmp_path_factory.mktemp("fuzz")
    for folder in ("schemas", "practices", "collections"):
        shutil.copytree(PROJECT_ROOT / folder, root / folder)
    return Repository(root)


def validate_with(repository: Repository, name: str, raw: bytes, folder: str = "practices") -> list[Problem]:
    """Validate with one file replaced by `raw`: every problem is located and explained."""
    target = repository.root / folder / name
    target.write_bytes(raw)
    report = validate_repository(repository)
    assert all(problem.line >= 1 and problem.column >= 1 and problem.message for problem in report.problems)
    return report.problems


@FUZZ_SETTINGS
@given(raw=st.binary(max_size=3000))
def test_random_bytes_only_ever_raise_load_errors(raw: bytes) -> None:
    try:
        load_bytes(raw)
    except LoadError as error:
        assert error.position.line >= 1


@FUZZ_SETTINGS
@given(text=st.lists(st.sampled_from(YAML_TOKENS), max_size=200).map("".join))
def test_yaml_shaped_noise_never_crashes_validation(text: str, fuzz_repository: Repository) -> None:
    validate_with(fuzz_repository, "fuzz.yml", text.encode("utf-8", "surrogatepass"))


@st.composite
def mutated_practice(draw: st.DrawFn) -> bytes:
    """A real practice with a few bytes flipped, inserted, deleted or lines shuffled."""
    raw = bytearray(draw(st.sampled_from(REAL_PRACTICES)).read_bytes())
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(raw) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete", "duplicate-line"]))
        if action == "flip":
            raw[position] ^= 1 << draw(st.integers(0, 7))
        elif action == "insert":
            raw[position:position] = draw(st.sampled_from([b"\t", b":", b"- ", b"&x ", b"*x", b"!!", b"'", b"\xff",
                                                           b"\n  ", b"[", b"{"]))
        elif action == "delete":
            del raw[position:position + draw(st.integers(1, 20))]
        else:
            lines = bytes(raw).split(b"\n")
            index = draw(st.integers(0, len(lines) - 1))
            lines.insert(index, lines[index])
            raw = bytearray(b"\n".join(lines))
    return bytes(raw)


@FUZZ_SETTINGS
@given(raw=mutated_practice())
def test_mutated_real_practices_never_crash_validation(raw: bytes, fuzz_repository: Repository) -> None:
    validate_with(fuzz_repository, "mutant.yml", raw)


ODD_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


@FUZZ_SETTINGS
@given(data=st.data())
def test_values_of_the_wrong_shape_anywhere_never_crash_validation(data: st.DataObject,
                                                                   fuzz_repository: Repository) -> None:
    source = data.draw(st.sampled_from(REAL_PRACTICES + REAL_COLLECTIONS))
    mutant = copy.deepcopy(yaml.safe_load(source.read_text(encoding="utf-8")))
    for _ in range(data.draw(st.integers(1, 4))):
        path = data.draw(st.sampled_from([path for path in paths_in(mutant) if path]))
        parent = mutant
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = data.draw(ODD_VALUES)
    validate_with(fuzz_repository, "wrong-shapes.yml", yaml.safe_dump(mutant, allow_unicode=True).encode(),
                     folder=source.parent.name)


@FUZZ_SETTINGS
@given(data=st.data())
def test_a_hidden_character_anywhere_in_a_practice_is_reported_where_it_stands(data: st.DataObject,
                                                                               fuzz_repository: Repository) -> None:
    """Unless it breaks the YAML itself (then that is reported), or is a byte order mark opening the file."""
    text = data.draw(st.sampled_from(REAL_PRACTICES)).read_text(encoding="utf-8")
    index = data.draw(st.integers(0, len(text)))
    character = data.draw(st.sampled_from(HIDDEN_CHARACTERS))
    assume(not (index == 0 and character == "\ufeff"))
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1

    problems = validate_with(fuzz_repository, "hidden.yml", (text[:index] + character + text[index:]).encode())

    mine = [problem for problem in problems if problem.file == "practices/hidden.yml"]
    assert ((line, column) in [(problem.line, problem.column) for problem in mine if problem.rule == "hidden-character"]
            or any(problem.rule.startswith("yaml-") for problem in mine)), (line, column, character, mine)

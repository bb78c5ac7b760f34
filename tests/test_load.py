"""The strict loader: what YAML would silently change or allow is kept as typed, or refused with a line."""

from __future__ import annotations

from pathlib import Path

import pytest

from praktijkbank.load.strict_yaml import MAX_FILE_BYTES, LoadError, Position, load_bytes, load_file


@pytest.mark.parametrize("typed", ["no", "No", "yes", "on", "off", "y", "n", "1:20", "010", "0o17", "0x1F",
                                   "2024-05-01", "2024-05-01 10:00:00", ".inf", "-.inf", ".nan", "1_000"])
def test_yaml_1_1_surprises_keep_the_text_that_was_typed(typed: str) -> None:
    data, _ = load_bytes(f"value: {typed}\n".encode())
    assert data == {"value": typed}


@pytest.mark.parametrize(("typed", "value"), [
    ("12", 12), ("-3", -3), ("0", 0), ("2.5", 2.5), ("true", True), ("false", False), ("null", None), ("~", None),
    ("", None),
])
def test_plain_values_get_their_yaml_1_2_core_type(typed: str, value: object) -> None:
    data, _ = load_bytes(f"value: {typed}\n".encode())
    assert data["value"] == value and type(data["value"]) is type(value)


@pytest.mark.parametrize("quoted", ["'12'", '"true"', "'no'", '"010"'])
def test_quoted_values_stay_text(quoted: str) -> None:
    data, _ = load_bytes(f"value: {quoted}\n".encode())
    assert data["value"] == quoted.strip("'\"")


def test_source_map_points_at_keys_and_values() -> None:
    text = b"title: Titel\norganisations:\n  - name: Bibliotheek\n    type: bibliotheek\n"
    _, source_map = load_bytes(text)
    assert source_map.value(("title",)) == Position(1, 8)
    assert source_map.key(("organisations",)) == Position(2, 1)
    assert source_map.value(("organisations", 0, "type")) == Position(4, 11)
    assert source_map.key(("organisations", 0, "type")) == Position(4, 5)


def test_unknown_path_falls_back_to_the_nearest_parent() -> None:
    _, source_map = load_bytes(b"a: 1\nplace:\n  provinces: []\n")
    assert source_map.value(("place", "provinces", 3)) == Position(3, 14)


def test_byte_order_mark_is_accepted() -> None:
    data, _ = load_bytes("\ufefftitle: Café\n".encode())
    assert data == {"title": "Café"}


def test_a_file_over_one_megabyte_is_refused_without_parsing(tmp_path: Path) -> None:
    path = tmp_path / "groot.yml"
    path.write_bytes(b"description: " + b"a" * MAX_FILE_BYTES)
    with pytest.raises(LoadError) as error:
        load_file(path)
    assert error.value.rule == "yaml-too-large"


def test_a_file_without_a_size_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    """A link to a device that never ends (or a pipe) says its size is 0; it is refused, not read forever."""
    path = tmp_path / "eindeloos.yml"
    path.symlink_to("/dev/zero")
    with pytest.raises(LoadError) as error:
        load_file(path)
    assert error.value.rule == "yaml-too-large"


def test_a_nesting_bomb_is_refused() -> None:
    with pytest.raises(LoadError) as error:
        load_bytes(b"a: " + b"[" * (MAX_FILE_BYTES - 10))
    assert error.value.rule == "yaml-too-deep"


def test_billion_laughs_stops_at_the_first_anchor() -> None:
    laughs = b'a: &a ["lol","lol"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n'
    with pytest.raises(LoadError) as error:
        load_bytes(laughs)
    assert (error.value.rule, error.value.position) == ("yaml-anchor", Position(1, 4))


def test_python_tags_never_construct_objects() -> None:
    with pytest.raises(LoadError) as error:
        load_bytes(b"a: !!python/object/new:os.system [echo hacked]\n")
    assert error.value.rule == "yaml-tag"


def test_an_unreadable_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as error:
        load_file(tmp_path)
    assert error.value.rule == "file-unreadable"


def test_only_comments_is_an_empty_file() -> None:
    with pytest.raises(LoadError) as error:
        load_bytes(b"# alleen commentaar\n")
    assert error.value.rule == "yaml-empty"

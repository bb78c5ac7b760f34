"""Related practices: the contributor's own choice first, then the most alike by themes, then by partners."""

from __future__ import annotations

from praktijkbank.model.catalog import Organisation, Place, Practice, Source
from praktijkbank.model.related import related_practices


def practice(practice_id: str, themes: tuple[str, ...], types: tuple[str, ...] = ("bibliotheek",),
             related: tuple[str, ...] = ()) -> Practice:
    return Practice(
        id=practice_id, title=practice_id.upper(), summary="s", description="d", place=Place(("utrecht",)),
        organisations=tuple(Organisation(f"{practice_id} {kind}", kind, "partner") for kind in types),
        themes=themes, target_groups=("ouders",), status="lopend", sources=(Source("bron"),), added="2026-01-01",
        related=related,
    )


def test_explicit_related_come_first_then_the_most_alike() -> None:
    practices = {p.id: p for p in [
        practice("a", ("lezen", "taal"), ("bibliotheek", "ggd"), related=("z",)),
        practice("b", ("lezen", "taal"), ("bibliotheek",)),
        practice("c", ("lezen", "taal"), ("bibliotheek", "ggd")),
        practice("d", ("lezen",), ("bibliotheek", "ggd")),
        practice("e", ("geld",), ("bibliotheek", "ggd")),
        practice("z", ("geld",)),
    ]}

    related = related_practices(practices, limit=4)

    assert related["a"] == ("z", "c", "b", "d")


def test_practices_without_a_shared_theme_are_never_related() -> None:
    practices = {p.id: p for p in [practice("a", ("lezen",)), practice("b", ("geld",))]}
    assert related_practices(practices) == {"a": (), "b": ()}


def test_a_practice_is_never_related_to_itself_and_explicit_choices_are_kept_whole() -> None:
    practices = {p.id: p for p in [practice("a", ("lezen",), related=("b", "c")), practice("b", ("lezen",)),
                                   practice("c", ("geld",))]}
    assert related_practices(practices, limit=1)["a"] == ("b", "c")
    assert "b" not in related_practices(practices)["b"]

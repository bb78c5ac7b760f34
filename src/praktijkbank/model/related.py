"""Related practices: the ones a contributor named first, then the practice it is based on and those based on
it (adoptions), then the most alike by themes and partner types.

Comparing every practice with every other is quadratic (25 million pairs at 5,000 practices). Practices are
grouped by their exact set of themes instead; the overlap between groups is computed once, and for each
practice only the groups with the largest theme overlap are scored further by shared organisation types.
"""

from __future__ import annotations

from collections import defaultdict

from praktijkbank.model.catalog import Practice, adoptions_by_practice

MAX_RELATED = 4


def related_practices(practices: dict[str, Practice], limit: int = MAX_RELATED,
                      also: dict[str, Practice] | None = None) -> dict[str, tuple[str, ...]]:
    """For each practice id, and for each of `also` (withdrawn practices, whose page still leads on), the ids
    to show as related: explicit `related` first, then computed ones; only ids of `practices` are shown."""
    groups: dict[frozenset[str], list[Practice]] = defaultdict(list)
    for practice in practices.values():
        groups[frozenset(practice.themes)].append(practice)
    overlaps = {themes: _sharing(themes, groups) for themes in groups}
    everything = [*practices.values(), *(also or {}).values()]
    types = {practice.id: frozenset(practice.organisation_types) for practice in everything}
    adoptions = adoptions_by_practice(practices)
    return {
        practice.id: _related_to(practice, [*practice.related, *([practice.based_on] if practice.based_on else []),
                                            *(adoption.id for adoption in adoptions.get(practice.id, ()))],
                                 groups, overlaps.get(frozenset(practice.themes))
                                 or _sharing(frozenset(practice.themes), groups), types, limit, practices)
        for practice in everything
    }


def _sharing(themes: frozenset[str], groups: dict[frozenset[str], list[Practice]]) -> list[tuple[int, frozenset[str]]]:
    """The theme groups sharing themes with `themes`, most shared first."""
    return sorted(((len(themes & other), other) for other in groups if themes & other), key=lambda pair: -pair[0])


def _related_to(practice: Practice, named: list[str], groups: dict[frozenset[str], list[Practice]],
                overlaps: list[tuple[int, frozenset[str]]], types_of: dict[str, frozenset[str]],
                limit: int, listed: dict[str, Practice]) -> tuple[str, ...]:
    """`named` (given or adopted, each once, if still listed) first, then the most alike up to `limit`."""
    chosen = [practice_id for practice_id in dict.fromkeys(named) if practice_id in listed]
    excluded = {practice.id, *chosen}
    types = types_of[practice.id]
    index = 0
    while len(chosen) < limit and index < len(overlaps):
        level = overlaps[index][0]
        candidates = []
        while index < len(overlaps) and overlaps[index][0] == level:
            candidates += [other for other in groups[overlaps[index][1]] if other.id not in excluded]
            index += 1
        candidates.sort(key=lambda other: (-len(types & types_of[other.id]), other.title, other.id))
        chosen += [other.id for other in candidates[: limit - len(chosen)]]
    return tuple(chosen)

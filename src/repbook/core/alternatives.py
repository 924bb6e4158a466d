"""Computed alternatives: exercises that train the same way with the equipment a user has."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from repbook.core.equipment import can_do

LEVEL_ORDER = {"beginner": 0, "intermediate": 1, "advanced": 2}


@dataclass(frozen=True, slots=True)
class ExerciseFacts:
    """What matching and listing need to know of an exercise."""

    slug: str
    name: str
    pattern: str
    level: str
    primary: frozenset[str]
    secondary: frozenset[str]
    equipment: frozenset[str]
    category: str = "strength"


def computed_alternatives(
    target: ExerciseFacts,
    candidates: Iterable[ExerciseFacts],
    owned_equipment: frozenset[str] | None = None,
    exclude: frozenset[str] = frozenset(),
    limit: int = 6,
) -> list[ExerciseFacts]:
    """Same movement pattern and at least one shared primary muscle, doable with `owned_equipment`.

    Cardio suggests cardio and lifts suggest lifts: a stair climber and a clean share the legs and
    the "full body" pattern, but neither stands in for the other.

    `owned_equipment=None` means no filter (the user has not said what they own). Closest first:
    more shared primary muscles, then shared secondary ones, then a similar level.
    """
    scored = []
    for other in candidates:
        if other.slug == target.slug or other.slug in exclude or other.pattern != target.pattern:
            continue
        if (other.category == "cardio") != (target.category == "cardio"):
            continue
        shared_primary = len(target.primary & other.primary)
        if not shared_primary:
            continue
        if owned_equipment is not None and not can_do(other.equipment, owned_equipment):
            continue
        level_gap = abs(LEVEL_ORDER.get(other.level, 1) - LEVEL_ORDER.get(target.level, 1))
        shared_secondary = len((target.primary | target.secondary) & other.secondary)
        scored.append((-shared_primary, -shared_secondary, level_gap, other.name, other))
    scored.sort(key=lambda row: row[:4])
    return [row[4] for row in scored[:limit]]

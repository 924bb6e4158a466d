"""Equipment an exercise needs and a user may have."""

from __future__ import annotations

from typing import Final

#: slug -> display name.
EQUIPMENT: Final[dict[str, str]] = {
    "bodyweight": "Bodyweight",
    "barbell": "Barbell",
    "ez_bar": "EZ bar",
    "trap_bar": "Trap bar",
    "dumbbell": "Dumbbell",
    "kettlebell": "Kettlebell",
    "plate": "Weight plate",
    "cable": "Cable",
    "machine": "Machine",
    "smith_machine": "Smith machine",
    "band": "Resistance band",
    "bench": "Bench",
    "pull_up_bar": "Pull-up bar",
    "dip_station": "Dip station",
    "back_extension_bench": "Back extension bench",
    "landmine": "Landmine",
    "medicine_ball": "Medicine ball",
    "ab_wheel": "Ab wheel",
    "rings": "Rings or suspension trainer",
    "box": "Box or step",
    "sled": "Sled",
    "rower": "Rowing machine",
    "bike": "Exercise bike",
    "air_bike": "Air bike",
    "stair_climber": "Stair climber",
    "elliptical": "Elliptical trainer",
    "jump_rope": "Jump rope",
}

#: What everyone has: an exercise needing only these is possible anywhere.
ALWAYS_AVAILABLE: Final[frozenset[str]] = frozenset({"bodyweight"})


#: Ways of loading a movement that stand in for each other: a page listing several ("Standing calf
#: raise" on a machine, with a barbell or with dumbbells) needs any one of them, not all.
LOADS: Final[frozenset[str]] = frozenset(
    {"barbell", "ez_bar", "dumbbell", "kettlebell", "plate", "band", "cable", "machine", "smith_machine"}
)

#: Loads a bodyweight exercise may add but does not need (a split squat holding dumbbells).
OPTIONAL_WITH_BODYWEIGHT: Final[frozenset[str]] = frozenset(
    {"barbell", "ez_bar", "dumbbell", "kettlebell", "plate", "band"}
)


def can_do(needed: frozenset[str] | set[str], owned: frozenset[str] | set[str]) -> bool:
    """Whether `owned` is enough for an exercise listing `needed` (bodyweight is always owned).

    Fixtures (a bench, a box, a pull-up bar, a landmine) are all needed; of the loads listed, one
    is enough, and none when the exercise can be done with the body's weight alone.
    """
    have = set(owned) | ALWAYS_AVAILABLE
    fixtures = set(needed) - LOADS
    loads = set(needed) & LOADS
    if "bodyweight" in needed:
        loads -= OPTIONAL_WITH_BODYWEIGHT
    return fixtures <= have and (not loads or bool(loads & have))

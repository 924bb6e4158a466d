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
}

#: What everyone has: an exercise needing only these is possible anywhere.
ALWAYS_AVAILABLE: Final[frozenset[str]] = frozenset({"bodyweight"})


def can_do(needed: frozenset[str] | set[str], owned: frozenset[str] | set[str]) -> bool:
    """True when every piece of equipment in `needed` is owned (bodyweight is always owned)."""
    return set(needed) <= set(owned) | ALWAYS_AVAILABLE

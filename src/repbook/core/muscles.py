"""The canonical muscle groups used for data, statistics and the body map."""

from __future__ import annotations

from typing import Final

#: slug -> display name, in head-to-toe order (the order lists and tables use).
MUSCLES: Final[dict[str, str]] = {
    "neck": "Neck",
    "traps": "Traps",
    "front_delts": "Front delts",
    "side_delts": "Side delts",
    "rear_delts": "Rear delts",
    "rotator_cuff": "Rotator cuff",
    "chest": "Chest",
    "upper_back": "Upper back",
    "lats": "Lats",
    "lower_back": "Lower back",
    "biceps": "Biceps",
    "triceps": "Triceps",
    "forearms": "Forearms",
    "abs": "Abs",
    "obliques": "Obliques",
    "glutes": "Glutes",
    "abductors": "Abductors",
    "adductors": "Adductors",
    "quads": "Quads",
    "hamstrings": "Hamstrings",
    "calves": "Calves",
    "tibialis": "Shins",
}

#: Longer descriptions shown where a name alone would be unclear.
MUSCLE_NOTES: Final[dict[str, str]] = {
    "upper_back": "rhomboids and middle trapezius",
    "lower_back": "erector spinae",
    "traps": "upper trapezius",
    "abductors": "outer hip: gluteus medius and minimus",
    "adductors": "inner thigh",
    "rotator_cuff": "infraspinatus, teres minor and the small muscles that turn and steady the upper arm",
    "tibialis": "tibialis anterior, front of the shin",
}


def muscle_label(slug: str) -> str:
    """Display name with its anatomy where a name alone is unclear: "Lower back (erector spinae)"."""
    note = MUSCLE_NOTES.get(slug)
    return f"{MUSCLES[slug]} ({note})" if note else MUSCLES[slug]

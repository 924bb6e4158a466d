"""What the generated lifters train: catalog exercises, how strong one can get, and weekly splits.

Pure data. Strength ceilings are one-rep maxes as a share of body weight for a trained man after
years of lifting (dumbbells: one dumbbell; bodyweight lifts: the whole load, body share included).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Gear = Literal["barbell", "dumbbell", "machine", "cable", "bodyweight", "timed"]
Role = Literal["main", "secondary", "accessory"]


@dataclass(frozen=True, slots=True)
class Lift:
    slug: str  # a catalog exercise
    gear: Gear
    reps: tuple[int, int]  # the rep range trained
    ceiling: float  # 1RM a trained man reaches, × body weight (timed: seconds held)
    upper: bool = False  # upper-body lifts: women reach a smaller share of a man's ceiling
    bodyweight: float = 0.0  # the catalog's bodyweight_fraction (checked by a test)
    loadable: bool = True  # a bodyweight lift that takes a belt or dumbbell once reps run out


def _lifts(*lifts: Lift) -> dict[str, Lift]:
    return {lift.slug: lift for lift in lifts}


LIFTS: dict[str, Lift] = _lifts(
    Lift("back-squat", "barbell", (5, 8), 1.9),
    Lift("front-squat", "barbell", (5, 8), 1.5),
    Lift("deadlift", "barbell", (3, 5), 2.2),
    Lift("romanian-deadlift", "barbell", (6, 10), 1.5),
    Lift("hip-thrust", "barbell", (8, 12), 2.2),
    Lift("bench-press", "barbell", (5, 8), 1.4, upper=True),
    Lift("overhead-press", "barbell", (5, 8), 0.9, upper=True),
    Lift("barbell-row", "barbell", (6, 10), 1.15, upper=True),
    Lift("barbell-curl", "barbell", (8, 12), 0.6, upper=True),
    Lift("skull-crusher", "barbell", (8, 12), 0.5, upper=True),
    Lift("dumbbell-row", "dumbbell", (8, 12), 0.6, upper=True),
    Lift("dumbbell-bench-press", "dumbbell", (8, 12), 0.55, upper=True),
    Lift("incline-dumbbell-bench-press", "dumbbell", (8, 12), 0.5, upper=True),
    Lift("seated-dumbbell-shoulder-press", "dumbbell", (8, 12), 0.4, upper=True),
    Lift("dumbbell-curl", "dumbbell", (8, 12), 0.27, upper=True),
    Lift("hammer-curl", "dumbbell", (8, 12), 0.3, upper=True),
    Lift("dumbbell-lateral-raise", "dumbbell", (10, 15), 0.16, upper=True),
    Lift("reverse-dumbbell-fly", "dumbbell", (12, 15), 0.14, upper=True),
    Lift("leg-press", "machine", (8, 12), 3.2),
    Lift("lying-leg-curl", "machine", (8, 12), 0.75),
    Lift("seated-leg-curl", "machine", (8, 12), 0.8),
    Lift("leg-extension", "machine", (10, 15), 1.0),
    Lift("standing-calf-raise", "machine", (10, 15), 1.8),
    Lift("lat-pulldown", "cable", (8, 12), 1.1, upper=True),
    Lift("seated-cable-row", "cable", (8, 12), 1.1, upper=True),
    Lift("triceps-pushdown", "cable", (10, 15), 0.6, upper=True),
    Lift("face-pull", "cable", (12, 15), 0.45, upper=True),
    Lift("cable-crunch", "cable", (10, 15), 0.8),
    Lift("pull-up", "bodyweight", (5, 10), 1.55, upper=True, bodyweight=0.95),
    Lift("chin-up", "bodyweight", (5, 10), 1.6, upper=True, bodyweight=0.95),
    Lift("dip", "bodyweight", (6, 12), 1.7, upper=True, bodyweight=1.0),
    Lift("back-extension", "bodyweight", (10, 15), 0.9, bodyweight=0.5),
    Lift("bulgarian-split-squat", "bodyweight", (8, 12), 1.5, bodyweight=0.8),
    Lift("hanging-leg-raise", "bodyweight", (8, 15), 0.7, bodyweight=0.35, loadable=False),
    Lift("plank", "timed", (30, 120), 180.0),
)


@dataclass(frozen=True, slots=True)
class Slot:
    """A place in a training day: its role and the exercises a lifter rotates through."""

    role: Role
    choices: tuple[str, ...]


def _day(*slots: tuple[Role, str]) -> tuple[Slot, ...]:
    return tuple(Slot(role, tuple(choices.split())) for role, choices in slots)


@dataclass(frozen=True, slots=True)
class Style:
    name: str
    sessions_per_week: int
    days: tuple[tuple[str, tuple[Slot, ...]], ...]  # (workout name, slots), done in rotation
    weekdays: tuple[tuple[int, ...], ...]  # Monday = 0; a lifter keeps one pattern


FULL_BODY = Style(
    "full body",
    3,
    (
        (
            "Full body A",
            _day(
                ("main", "back-squat"),
                ("main", "bench-press"),
                ("secondary", "barbell-row"),
                ("secondary", "romanian-deadlift hip-thrust"),
                ("accessory", "lat-pulldown pull-up chin-up"),
                ("accessory", "dumbbell-lateral-raise"),
                ("accessory", "dumbbell-curl hammer-curl barbell-curl"),
                ("accessory", "triceps-pushdown skull-crusher"),
                ("accessory", "plank hanging-leg-raise"),
                ("accessory", "standing-calf-raise"),
            ),
        ),
        (
            "Full body B",
            _day(
                ("main", "deadlift"),
                ("main", "overhead-press"),
                ("secondary", "front-squat leg-press bulgarian-split-squat"),
                ("accessory", "pull-up chin-up lat-pulldown"),
                ("accessory", "incline-dumbbell-bench-press dumbbell-bench-press dip"),
                ("accessory", "dumbbell-row seated-cable-row"),
                ("accessory", "face-pull reverse-dumbbell-fly"),
                ("accessory", "hammer-curl dumbbell-curl"),
                ("accessory", "back-extension"),
                ("accessory", "cable-crunch plank"),
            ),
        ),
    ),
    ((0, 2, 4), (1, 3, 5), (0, 2, 5)),
)

UPPER_LOWER = Style(
    "upper/lower",
    4,
    (
        (
            "Upper A",
            _day(
                ("main", "bench-press"),
                ("secondary", "barbell-row"),
                ("accessory", "lat-pulldown pull-up"),
                ("accessory", "seated-dumbbell-shoulder-press"),
                ("accessory", "dumbbell-lateral-raise"),
                ("accessory", "dumbbell-curl barbell-curl"),
                ("accessory", "triceps-pushdown skull-crusher"),
            ),
        ),
        (
            "Lower A",
            _day(
                ("main", "back-squat"),
                ("secondary", "romanian-deadlift"),
                ("accessory", "leg-press bulgarian-split-squat"),
                ("accessory", "lying-leg-curl seated-leg-curl"),
                ("accessory", "hip-thrust back-extension"),
                ("accessory", "standing-calf-raise"),
                ("accessory", "plank cable-crunch"),
            ),
        ),
        (
            "Upper B",
            _day(
                ("main", "overhead-press"),
                ("accessory", "pull-up chin-up"),
                ("accessory", "incline-dumbbell-bench-press dumbbell-bench-press dip"),
                ("accessory", "dumbbell-row seated-cable-row"),
                ("accessory", "reverse-dumbbell-fly face-pull"),
                ("accessory", "hammer-curl dumbbell-curl"),
                ("accessory", "skull-crusher triceps-pushdown"),
            ),
        ),
        (
            "Lower B",
            _day(
                ("main", "deadlift"),
                ("secondary", "front-squat hip-thrust"),
                ("accessory", "leg-extension"),
                ("accessory", "seated-leg-curl lying-leg-curl"),
                ("accessory", "standing-calf-raise"),
                ("accessory", "hanging-leg-raise plank"),
                ("accessory", "back-extension"),
            ),
        ),
    ),
    ((0, 1, 3, 4), (0, 1, 3, 5), (0, 2, 4, 5)),
)

PUSH_PULL_LEGS = Style(
    "push/pull/legs",
    5,
    (
        (
            "Push",
            _day(
                ("main", "bench-press"),
                ("secondary", "overhead-press"),
                ("accessory", "incline-dumbbell-bench-press dip"),
                ("accessory", "dumbbell-lateral-raise"),
                ("accessory", "triceps-pushdown skull-crusher"),
            ),
        ),
        (
            "Pull",
            _day(
                ("main", "deadlift"),
                ("accessory", "pull-up lat-pulldown"),
                ("accessory", "seated-cable-row dumbbell-row"),
                ("accessory", "face-pull reverse-dumbbell-fly"),
                ("accessory", "dumbbell-curl hammer-curl barbell-curl"),
            ),
        ),
        (
            "Legs",
            _day(
                ("main", "back-squat"),
                ("secondary", "romanian-deadlift"),
                ("accessory", "leg-press front-squat bulgarian-split-squat"),
                ("accessory", "lying-leg-curl leg-extension"),
                ("accessory", "standing-calf-raise"),
                ("accessory", "plank hanging-leg-raise"),
            ),
        ),
    ),
    ((0, 1, 2, 3, 4), (0, 1, 2, 4, 5), (0, 1, 3, 4, 5)),
)

STYLES: tuple[Style, ...] = (FULL_BODY, UPPER_LOWER, PUSH_PULL_LEGS)


def slugs_used() -> set[str]:
    """Every exercise some style may train."""
    return {slug for style in STYLES for _, slots in style.days for slot in slots for slug in slot.choices}

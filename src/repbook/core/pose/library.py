"""Named base poses: a new exercise's positions start from one of these and change a few joints.

Each base gives joint angles (see `body` for their meaning), how the figure is placed (`anchor`),
and what it rests on (`rests`: parts that must touch the floor or the kit). An ankle left out
keeps the foot flat on the ground.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final


@dataclass(frozen=True, slots=True)
class Base:
    angles: dict[str, float]
    rests: tuple[str, ...] = ("feet",)
    anchor: str = "floor"
    note: str = ""
    flat_feet: bool = True
    level: tuple[str, str] | None = None
    #: Default reach targets, as in a catalog file: `{"feet": ("floor", 40.0, 0.0)}`.
    targets: dict[str, tuple[str, float, float]] = field(default_factory=dict)
    at: tuple[float, float] = (0.0, 0.0)


_UPRIGHT: Final = {"torso": 0.0, "neck": 0.0, "shoulder": 4.0, "elbow": 8.0, "hip": 0.0, "knee": 0.0}

BASES: Final[dict[str, Base]] = {
    "standing": Base(_UPRIGHT, note="standing tall, arms by the sides"),
    "hinge": Base(
        {**_UPRIGHT, "torso": 72.0, "hip": 82.0, "knee": 18.0, "shoulder": 72.0, "elbow": 0.0},
        note="hips pushed back, back flat, knees soft, arms hanging",
    ),
    "deadlift": Base(
        {
            **_UPRIGHT,
            "torso": 70.0,
            "hip": 128.0,
            "knee": 60.0,
            "shoulder": 58.0,
            "elbow": 0.0,
            "neck": -20.0,
        },
        note="set up over a bar on the floor: hips above knees, arms straight",
    ),
    "quarter_squat": Base(
        {**_UPRIGHT, "torso": 18.0, "hip": 60.0, "knee": 70.0}, note="knees and hips partly bent"
    ),
    "squat": Base(
        {**_UPRIGHT, "torso": 38.0, "hip": 125.0, "knee": 128.0, "neck": -20.0},
        note="the bottom of a squat: thighs at or below level",
    ),
    "lunge": Base(
        {**_UPRIGHT, "hip": 88.0, "knee": 92.0, "far_hip": -12.0, "far_knee": 100.0, "far_ankle": 35.0},
        rests=("foot", "far_toe"),
        targets={"far_foot": ("floor", -38.0, 9.0)},
        note="front knee over the foot, back knee just above the floor",
    ),
    "split_stance": Base(
        {**_UPRIGHT, "hip": 28.0, "knee": 8.0, "far_hip": -22.0, "far_knee": 10.0, "far_ankle": 0.0},
        rests=("foot", "far_toe"),
        targets={"far_foot": ("floor", -40.0, 15.0)},
        note="standing tall, one foot forward and one back",
    ),
    "seated": Base(
        {**_UPRIGHT, "hip": 88.0, "knee": 88.0},
        rests=("hip", "feet"),
        anchor="hip",
        targets={"feet": ("floor", 40.0, 0.0)},
        note="sitting upright on a bench or seat, feet on the floor",
    ),
    "seated_floor": Base(
        {**_UPRIGHT, "torso": -10.0, "hip": 100.0, "knee": 95.0, "shoulder": 50.0, "elbow": 40.0},
        rests=("hip", "feet"),
        note="sitting on the floor, knees bent",
    ),
    "supine": Base(
        {**_UPRIGHT, "torso": -90.0, "shoulder": 10.0, "elbow": 0.0, "ankle": 60.0},
        rests=("back",),
        flat_feet=False,
        note="lying on the back, legs long",
    ),
    "hook_lying": Base(
        {**_UPRIGHT, "torso": -90.0, "shoulder": 10.0, "elbow": 0.0, "hip": 50.0, "knee": 100.0},
        rests=("back", "feet"),
        anchor="hip",
        at=(0.0, 7.0),
        targets={"feet": ("floor", 38.0, 0.0)},
        note="lying on the back, knees bent, feet flat",
    ),
    "bench_supine": Base(
        {**_UPRIGHT, "torso": -90.0, "shoulder": 90.0, "elbow": 0.0, "hip": -5.0, "knee": 100.0},
        rests=("back", "feet"),
        anchor="hip",
        note="lying on a flat bench, feet on the floor",
    ),
    "prone": Base(
        {**_UPRIGHT, "torso": 90.0, "shoulder": 0.0, "elbow": 0.0, "ankle": 75.0, "neck": -10.0},
        rests=("front",),
        flat_feet=False,
        anchor="hip",
        at=(0.0, 7.0),
        note="lying face down",
    ),
    "plank": Base(
        {**_UPRIGHT, "torso": 80.0, "shoulder": 80.0, "elbow": 90.0, "ankle": -10.0, "neck": -10.0},
        rests=("toe", "forearm"),
        flat_feet=False,
        level=("toe", "elbow"),
        note="a straight line from head to heels on the forearms and toes",
    ),
    "push_up": Base(
        {**_UPRIGHT, "torso": 66.0, "shoulder": 72.0, "elbow": 0.0, "ankle": 0.0, "neck": -10.0},
        rests=("toe", "hands"),
        flat_feet=False,
        level=("toe", "hand"),
        note="the top of a push-up: straight arms under the shoulders",
    ),
    "quadruped": Base(
        {
            **_UPRIGHT,
            "torso": 70.0,
            "shoulder": 70.0,
            "elbow": 0.0,
            "hip": 70.0,
            "knee": 90.0,
            "ankle": 75.0,
            "neck": -10.0,
        },
        rests=("knee", "hands"),
        flat_feet=False,
        level=("knee", "hand"),
        note="on hands and knees",
    ),
    "kneeling": Base(
        {**_UPRIGHT, "knee": 90.0, "ankle": 75.0},
        rests=("knee", "toe"),
        flat_feet=False,
        level=("knee", "toe"),
        note="kneeling upright",
    ),
    "hanging": Base(
        {**_UPRIGHT, "shoulder": 175.0, "elbow": 0.0, "knee": 12.0, "ankle": 25.0},
        rests=("hands",),
        anchor="hand",
        flat_feet=False,
        note="hanging from a bar at arm's length",
    ),
    "hyper_top": Base(
        {**_UPRIGHT, "torso": 45.0, "shoulder": 25.0, "elbow": 135.0, "ankle": 0.0},
        rests=("feet",),
        anchor="ankle",
        flat_feet=False,
        note="on a 45° back extension bench, body in one line",
    ),
    "hyper_bottom": Base(
        {**_UPRIGHT, "torso": 160.0, "hip": 115.0, "shoulder": 25.0, "elbow": 135.0, "ankle": 0.0},
        rests=("feet",),
        anchor="ankle",
        flat_feet=False,
        note="on a 45° back extension bench, folded forward at the hips",
    ),
}

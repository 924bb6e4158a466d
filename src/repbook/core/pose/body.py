"""The figure: segment lengths, joints and their anatomical ranges, and kinematics.

The figure faces right (+x) and is seen from its near side; y points up and the floor is y = 0.
Units are roughly centimetres of a 175 cm person. Directions are degrees measured clockwise
from straight up: 0 is up, 90 is forward (+x), 180 is down, -90 is backward.

Joint angles are anatomical, so limits read like a physiotherapy table:
`torso` is the trunk's lean (0 upright, 90 lying face down with the head forward, -90 lying on
the back with the head behind); `neck` tilts the head forward; `shoulder` and `hip` are flexion
(arm or thigh swung forward, 180 is arms overhead); `elbow` and `knee` are flexion (0 straight);
`ankle` is plantar flexion (toes pointed; negative is the shin leaning over the foot).
Each limb joint has a `far_` twin for the limb on the other side, which copies the near one
unless set.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

Point = tuple[float, float]

TORSO: Final = 50.0
NECK: Final = 4.0
HEAD_R: Final = 10.5
UPPER_ARM: Final = 30.0
FOREARM: Final = 32.0
THIGH: Final = 43.0
SHIN: Final = 42.0
FOOT: Final = 17.0
HEEL: Final = 4.0

#: Half the drawn thickness of each part: what touches a surface is the outline, not the bone.
RADIUS: Final[dict[str, float]] = {
    "torso": 7.0, "upper_arm": 4.0, "forearm": 3.5, "thigh": 5.5, "shin": 4.0, "foot": 3.0,
    "head": HEAD_R,
}  # fmt: skip

LIMB_JOINTS: Final = (
    "shoulder", "elbow", "hip", "knee", "ankle", "shoulder_depth", "hip_depth", "forearm_turn",
)  # fmt: skip
JOINTS: Final = ("torso", "neck", "torso_depth", *LIMB_JOINTS, *(f"far_{j}" for j in LIMB_JOINTS))

#: Anatomical ranges in degrees (low, high); the torso is a direction and may point anywhere.
LIMITS: Final[dict[str, tuple[float, float]]] = {
    "torso": (-180.0, 180.0),
    "neck": (-45.0, 50.0),
    # Front view only: how far the trunk leans towards the viewer (bent over) or away from them
    # (lying, seen from the head end); 90 points it straight along the line of sight.
    "torso_depth": (0.0, 90.0),
    # Front view only: how far the upper arm or thigh points at the viewer (90: straight at them).
    "shoulder_depth": (0.0, 90.0),
    "hip_depth": (0.0, 90.0),
    # Front view only: a bent forearm turned about the upper arm, from out to the side (0)
    # through pointing at the viewer (90) to across the body (180).
    "forearm_turn": (0.0, 180.0),
    "shoulder": (-60.0, 185.0),
    "elbow": (0.0, 150.0),
    "hip": (-35.0, 145.0),
    "knee": (0.0, 155.0),
    "ankle": (-50.0, 75.0),
}


#: Seen from the front, `shoulder` and `hip` are directions on the picture as much as joint
#: angles: an arm raised past overhead crosses above the head to the other side (both hands over
#: the opposite shoulder), an arm swung forward and across reaches down to the other hip, and a
#: thigh held towards the viewer (`hip_depth`) may point almost straight up (seated with the
#: knees up and pointing at the viewer, not splayed out).
FRONT_LIMITS: Final[dict[str, tuple[float, float]]] = {"shoulder": (-80.0, 230.0), "hip": (-35.0, 175.0)}


def limit_of(joint: str, view: str = "side") -> tuple[float, float]:
    """The allowed range of a joint in a view, far limbs sharing the near limb's."""
    name = joint.removeprefix("far_")
    if view == "front" and name in FRONT_LIMITS:
        return FRONT_LIMITS[name]
    return LIMITS[name]


def direction(angle: float) -> Point:
    """Unit vector for a direction in degrees clockwise from up."""
    rad = math.radians(angle)
    return (math.sin(rad), math.cos(rad))


def heading(vector: Point) -> float:
    """The direction (degrees clockwise from up) of a vector."""
    return math.degrees(math.atan2(vector[0], vector[1]))


def step(origin: Point, angle: float, length: float) -> Point:
    dx, dy = direction(angle)
    return (origin[0] + dx * length, origin[1] + dy * length)


def wrap(angle: float, low: float = -90.0) -> float:
    """`angle` moved by whole turns into [low, low + 360)."""
    return (angle - low) % 360.0 + low


@dataclass(frozen=True, slots=True)
class Figure:
    """Every point of a posed figure, in one coordinate frame."""

    points: dict[str, Point]

    def moved(self, dx: float, dy: float) -> Figure:
        return Figure({k: (x + dx, y + dy) for k, (x, y) in self.points.items()})


#: Segments as (name, from point, to point, radius key), drawn far side first. Limbs start at
#: their roots, which are the hip and shoulder in a side view and either side of them in a front view.
SEGMENTS: Final = (
    ("far_thigh", "far_leg_root", "far_knee", "thigh"),
    ("far_shin", "far_knee", "far_ankle", "shin"),
    ("far_foot", "far_heel", "far_toe", "foot"),
    ("far_upper_arm", "far_arm_root", "far_elbow", "upper_arm"),
    ("far_forearm", "far_elbow", "far_hand", "forearm"),
    ("thigh", "leg_root", "knee", "thigh"),
    ("shin", "knee", "ankle", "shin"),
    ("foot", "heel", "toe", "foot"),
    ("torso", "hip", "shoulder", "torso"),
    ("shoulders", "arm_root", "far_arm_root", "upper_arm"),
    ("pelvis", "leg_root", "far_leg_root", "thigh"),
    ("upper_arm", "arm_root", "elbow", "upper_arm"),
    ("forearm", "elbow", "hand", "forearm"),
)

#: Half the distance between the shoulders and between the hips, seen from the front.
SHOULDER_HALF: Final = 16.0
HIP_HALF: Final = 8.0
#: A foot seen from the front points mostly at the viewer: only a short stub shows.
FRONT_FOOT: Final = 8.0

VIEWS: Final = ("side", "front")


def _turn(direction_: float, trunk: float, mirror: bool) -> float:
    """A limb direction, mirrored across the trunk's axis for the near limbs of a front view."""
    return 2.0 * trunk - direction_ if mirror else direction_


def _foreshortened(depth: float, bend: float) -> float:
    """How much of a forearm or shin shows when the segment above points `depth` degrees at the
    viewer: all of it when bent square to that segment, as little as it when straight."""
    reach = math.sin(math.radians(depth)) * math.cos(math.radians(bend))
    return math.sqrt(max(0.0, 1.0 - reach * reach))


def arm_points(
    shoulder: Point,
    trunk: float,
    flexion: float,
    elbow: float,
    mirror: bool = False,
    depth: float = 0.0,
    turn: float = 0.0,
) -> tuple[Point, Point]:
    upper = trunk + 180.0 - flexion
    joint = step(shoulder, _turn(upper, trunk, mirror), UPPER_ARM * math.cos(math.radians(depth)))
    hand = step(joint, _turn(upper - elbow, trunk, mirror), FOREARM * _foreshortened(depth, elbow))
    if not turn:
        return joint, hand
    # Turning the forearm about the upper arm keeps its part along the upper arm and swings the
    # part across it out of the picture (90: at the viewer) and back in on the other side (180).
    ux, uy = direction(_turn(upper, trunk, mirror))
    vx, vy = hand[0] - joint[0], hand[1] - joint[1]
    along = vx * ux + vy * uy
    across = math.cos(math.radians(turn))
    return joint, (
        joint[0] + along * ux + (vx - along * ux) * across,
        joint[1] + along * uy + (vy - along * uy) * across,
    )


def leg_points(
    hip: Point,
    trunk: float,
    flexion: float,
    knee: float,
    ankle: float,
    mirror: bool = False,
    foot_len: float = FOOT,
    depth: float = 0.0,
) -> dict[str, Point]:
    thigh = trunk + 180.0 - flexion
    knee_at = step(hip, _turn(thigh, trunk, mirror), THIGH * math.cos(math.radians(depth)))
    shin = thigh + knee
    ankle_at = step(knee_at, _turn(shin, trunk, mirror), SHIN * _foreshortened(depth, knee))
    foot = _turn(shin - 90.0 + ankle, trunk, mirror)
    return {
        "knee": knee_at,
        "ankle": ankle_at,
        "heel": step(ankle_at, foot, -HEEL),
        "toe": step(ankle_at, foot, foot_len),
    }


def limb_roots(hip: Point, shoulder: Point, trunk: float, view: str) -> dict[str, Point]:
    """Where the arms and legs start: at the hip and shoulder from the side, either side of them
    from the front (the near side, the figure's right, on the viewer's left)."""
    if view == "side":
        return {"arm_root": shoulder, "far_arm_root": shoulder, "leg_root": hip, "far_leg_root": hip}
    return {
        "arm_root": step(shoulder, trunk - 90.0, SHOULDER_HALF),
        "far_arm_root": step(shoulder, trunk + 90.0, SHOULDER_HALF),
        "leg_root": step(hip, trunk - 90.0, HIP_HALF),
        "far_leg_root": step(hip, trunk + 90.0, HIP_HALF),
    }


def pose_figure(angles: Mapping[str, float], hip: Point = (0.0, 0.0), view: str = "side") -> Figure:
    """Forward kinematics: every point of the figure from its joint angles, the hip at `hip`.

    From the front, `shoulder` and `hip` mean abduction (the limb swung out to its side) and the
    near limbs mirror the far ones across the trunk.
    """
    trunk = angles["torso"]
    # A trunk leaning towards or away from the viewer (front view only) shows shortened, and so
    # does the neck that carries on from it: bent over, the head sits between the shoulders.
    shown = math.cos(math.radians(angles.get("torso_depth", 0.0))) if view == "front" else 1.0
    shoulder = step(hip, trunk, TORSO * shown)
    points: dict[str, Point] = {
        "hip": hip,
        "shoulder": shoulder,
        "head": step(shoulder, trunk + angles["neck"], (NECK + HEAD_R) * shown),
        **limb_roots(hip, shoulder, trunk, view),
    }
    foot_len = FOOT if view == "side" else FRONT_FOOT
    for side in ("", "far_"):
        mirror = view == "front" and side == ""
        # Depth (an arm or thigh pointing at the viewer) only shows from the front.
        arm_depth = angles.get(f"{side}shoulder_depth", 0.0) if view == "front" else 0.0
        leg_depth = angles.get(f"{side}hip_depth", 0.0) if view == "front" else 0.0
        elbow, hand = arm_points(
            points[f"{side}arm_root"],
            trunk,
            angles[f"{side}shoulder"],
            angles[f"{side}elbow"],
            mirror,
            arm_depth,
            angles.get(f"{side}forearm_turn", 0.0) if view == "front" else 0.0,
        )
        points[f"{side}elbow"] = elbow
        points[f"{side}hand"] = hand
        leg = leg_points(
            points[f"{side}leg_root"], trunk, angles[f"{side}hip"], angles[f"{side}knee"],
            angles[f"{side}ankle"], mirror, foot_len, leg_depth,
        )  # fmt: skip
        points.update({f"{side}{k}": v for k, v in leg.items()})
    return Figure(points)


def mirrored(point: Point, root: Point, trunk: float) -> Point:
    """`point` reflected across the line through `root` along the trunk (for a near limb seen
    from the front, whose angles mean the same as the far limb's)."""
    ux, uy = direction(trunk)
    vx, vy = point[0] - root[0], point[1] - root[1]
    dot = vx * ux + vy * uy
    return (root[0] + 2 * dot * ux - vx, root[1] + 2 * dot * uy - vy)


def two_link(root: Point, target: Point, first: float, second: float, bend: int) -> tuple[float, float]:
    """Directions of two links from `root` reaching `target` (straight at it when too far).

    `bend` +1 puts the middle joint clockwise of the line to the target (an elbow bending
    forward), -1 anticlockwise (a knee). Returns (first direction, second direction).
    """
    dx, dy = target[0] - root[0], target[1] - root[1]
    dist = math.hypot(dx, dy)
    aim = heading((dx, dy)) if dist > 1e-9 else 180.0
    if dist >= first + second or dist < 1e-9:
        return aim, aim
    cos_a = (first * first + dist * dist - second * second) / (2 * first * dist)
    offset = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    upper = aim + bend * offset
    middle = step(root, upper, first)
    lower = heading((target[0] - middle[0], target[1] - middle[1]))
    return upper, lower


def reach_arm(trunk: float, shoulder: Point, target: Point) -> tuple[float, float]:
    """Shoulder flexion and elbow flexion that put the hand on `target`."""
    upper, lower = two_link(shoulder, target, UPPER_ARM, FOREARM, bend=1)
    return wrap(trunk + 180.0 - upper), wrap(upper - lower)


def reach_leg(trunk: float, hip: Point, target: Point) -> tuple[float, float]:
    """Hip flexion and knee flexion that put the ankle on `target`."""
    upper, lower = two_link(hip, target, THIGH, SHIN, bend=-1)
    return wrap(trunk + 180.0 - upper), wrap(lower - upper)

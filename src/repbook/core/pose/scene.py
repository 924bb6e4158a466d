"""Place a pose and its kit in the world: joint angles, anchor, reaching for targets."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from repbook.core.pose.body import (
    JOINTS,
    LIMB_JOINTS,
    RADIUS,
    TORSO,
    Figure,
    Point,
    heading,
    mirrored,
    pose_figure,
    reach_arm,
    reach_leg,
    step,
    wrap,
)  # fmt: skip
from repbook.core.pose.kit import KINDS, Item, Kit
from repbook.core.pose.library import BASES
from repbook.core.pose.spec import ItemSpec, Place, PosePair, PoseSpec, PoseSpecError, Target

#: Which points each target moves, and which limb reaches for it.
_TARGET_LIMBS = {
    "hands": ("hand", "far_hand"), "hand": ("hand",), "far_hand": ("far_hand",),
    "feet": ("ankle", "far_ankle"), "foot": ("ankle",), "far_foot": ("far_ankle",),
}  # fmt: skip
_LIMB_POINTS = {
    "hand": ("elbow", "hand"), "far_hand": ("far_elbow", "far_hand"),
    "ankle": ("knee", "ankle", "heel", "toe"), "far_ankle": ("far_knee", "far_ankle", "far_heel", "far_toe"),
}  # fmt: skip
_POINT_RADIUS = {
    "hip": RADIUS["torso"], "shoulder": RADIUS["torso"], "head": RADIUS["head"], "elbow": RADIUS["upper_arm"],
    "hand": RADIUS["forearm"], "knee": RADIUS["thigh"], "ankle": RADIUS["shin"], "heel": RADIUS["foot"],
    "toe": RADIUS["foot"], "arm_root": RADIUS["upper_arm"], "leg_root": RADIUS["thigh"],
}  # fmt: skip


def radius_of(point: str) -> float:
    return _POINT_RADIUS[point.removeprefix("far_")]


@dataclass(slots=True)
class Scene:
    """A solved pose: the figure, its angles, the kit, and each target with the point meant to reach it."""

    label: str
    angles: dict[str, float]
    figure: Figure
    items: list[tuple[ItemSpec, Item, Kit]] = field(default_factory=list)
    reaches: list[tuple[str, Point, Point]] = field(default_factory=list)
    rests: tuple[str, ...] = ()
    view: str = "side"


def _angles(spec: PoseSpec) -> tuple[dict[str, float], set[str]]:
    """Base angles with the overrides; far limbs copy near ones; returns ankles left to keep flat."""
    base = BASES[spec.base]
    angles = {**base.angles, **spec.angles}
    angles.setdefault("neck", 0.0)
    angles.setdefault("torso_depth", 0.0)
    flat: set[str] = set()
    for joint in LIMB_JOINTS:
        if joint not in angles:
            angles[joint] = 0.0
            if joint == "ankle" and base.flat_feet:
                flat.add("ankle")
        if f"far_{joint}" not in angles:
            angles[f"far_{joint}"] = angles[joint]
            if joint == "ankle" and "ankle" in flat:
                flat.add("far_ankle")
    for joint in spec.flat:
        angles[joint] = 0.0
        flat.add(joint)
    return angles, flat


def _flatten(angles: dict[str, float], flat: set[str]) -> None:
    """Set each flat ankle so its foot points straight ahead along the floor."""
    for joint in flat:
        side = joint.removesuffix("ankle")
        thigh = angles["torso"] + 180.0 - angles[f"{side}hip"]
        shin = thigh + angles[f"{side}knee"]
        angles[joint] = wrap(90.0 - (shin - 90.0), -180.0)


def _lowest(figure: Figure, skip: set[str]) -> float:
    return min(y - radius_of(name) for name, (x, y) in figure.points.items() if name not in skip)


def _body_place(figure: Figure, place: tuple[str, float, float]) -> Point:
    name, dx, dy = place
    p = figure.points
    if name == "hands":
        base = _mid(p["hand"], p["far_hand"])
    elif name == "feet":
        base = _mid(p["ankle"], p["far_ankle"])
    elif name in ("chest", "back"):
        trunk = heading((p["shoulder"][0] - p["hip"][0], p["shoulder"][1] - p["hip"][1]))
        side = 90.0 if name == "chest" else -90.0
        # Two thirds of the way up the trunk as drawn: shorter when it leans towards the viewer.
        up = 34.0 * math.dist(p["hip"], p["shoulder"]) / TORSO
        base = step(step(p["hip"], trunk, up), trunk + side, 9.0)
    else:
        base = p[name]
    return (base[0] + dx, base[1] + dy)


def _mid(a: Point, b: Point) -> Point:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _resolve(place: Place | None, figure: Figure | None) -> Point | None:
    if place is None:
        return None
    if isinstance(place[0], str):
        if figure is None:
            return None
        return _body_place(figure, place)
    return place


def _target_point(target: Target, limb: str, figure: Figure, fixed: dict[str, Point], where: str) -> Point:
    if isinstance(target, str):
        if target not in fixed:
            raise PoseSpecError(where, f"{target!r} moves with the body, so the body cannot reach for it")
        return fixed[target]
    if isinstance(target[0], str):
        _, dx, up = target
        root = figure.points["shoulder" if "hand" in limb else "hip"]
        return (root[0] + float(dx), radius_of(limb) + float(up))
    return target


#: The body points each named place hangs from, to know whether reaching moves it.
_PLACE_POINTS = {
    "hands": ("hand", "far_hand"),
    "feet": ("ankle", "far_ankle"),
    "chest": ("hip",),
    "back": ("hip",),
}


def _fixed_items(kit: tuple[ItemSpec, ...], phase: str, figure: Figure, moving: set[str]) -> dict[str, Point]:
    """Items that stay put while the hands and feet reach: placed in the world or on a part that
    does not move when they reach (a bar over the feet, a bar on the chest)."""
    fixed = {}
    for item in kit:
        place = item.places[phase]
        if isinstance(place[0], str):
            name = str(place[0])
            if set(_PLACE_POINTS.get(name, (name,))) & moving:
                continue
        point = _resolve(place, figure)
        assert point is not None
        fixed[item.name] = point
    return fixed


def _level(angles: dict[str, float], pair: tuple[str, str], view: str) -> None:
    """Turn the whole figure so both named points touch the floor (a plank on toes and forearms)."""
    figure = pose_figure(angles, view=view)
    (a, b) = pair
    pa, pb = figure.points[a], figure.points[b]
    vx, vy = pb[0] - pa[0], pb[1] - pa[1]
    length = math.hypot(vx, vy)
    rise = radius_of(b) - radius_of(a)
    if length <= abs(rise):
        return
    now = heading((vx, vy))
    options = (math.degrees(math.acos(rise / length)), -math.degrees(math.acos(rise / length)))
    best = min(options, key=lambda h: abs(wrap(h - now, -180.0)))
    angles["torso"] = wrap(angles["torso"] + wrap(best - now, -180.0), -180.0)


def solve(spec: PoseSpec, kit: tuple[ItemSpec, ...], phase: str) -> Scene:
    """The world picture of one pose: placed, with hands and feet on their targets and kit built."""
    angles, flat = _angles(spec)
    _flatten(angles, flat)
    if spec.level:
        _level(angles, spec.level, spec.view)
    figure = pose_figure(angles, view=spec.view)
    moving = {p for t in spec.targets for limb in _TARGET_LIMBS[t] for p in _LIMB_POINTS[limb]}
    if spec.anchor == "floor":
        # A levelled figure stands on its two named points; anything else may hang lower only
        # if the checks allow it (a foot tucked under).
        skip = moving | (set(figure.points) - set(spec.level)) if spec.level else moving
        figure = figure.moved(spec.at[0], spec.at[1] - _lowest(figure, skip))
    else:
        here = figure.points[spec.anchor]
        figure = figure.moved(spec.at[0] - here[0], spec.at[1] - here[1])
    fixed = _fixed_items(kit, phase, figure, moving)
    reaches: list[tuple[str, Point, Point]] = []
    hip = figure.points["hip"]
    for name, target in spec.targets.items():
        for limb in _TARGET_LIMBS[name]:
            goal = _target_point(target, limb, figure, fixed, f"poses.{phase}.{name}")
            side = "far_" if limb.startswith("far_") else ""
            root = figure.points[f"{side}{'arm' if 'hand' in limb else 'leg'}_root"]
            # Seen from the front, a near limb mirrors a far one: reach for the mirrored goal.
            aim = mirrored(goal, root, angles["torso"]) if spec.view == "front" and not side else goal
            if "hand" in limb:
                flex, bend = reach_arm(angles["torso"], root, aim)
                angles[f"{side}shoulder"], angles[f"{side}elbow"] = flex, bend
            else:
                flex, bend = reach_leg(angles["torso"], root, aim)
                angles[f"{side}hip"], angles[f"{side}knee"] = flex, bend
                if f"{side}ankle" in flat:
                    _flatten(angles, {f"{side}ankle"})
            reaches.append((limb, goal, (0.0, 0.0)))
    figure = pose_figure(angles, hip, spec.view)
    reaches = [(limb, goal, figure.points[limb]) for limb, goal, _ in reaches]
    scene = Scene(
        spec.label, {j: angles[j] for j in JOINTS}, figure, reaches=reaches, rests=spec.rests, view=spec.view
    )
    for item in kit:
        at = _resolve(item.places[phase], figure)
        assert at is not None
        built = Item(item.kind, at, _resolve(item.to, figure), item.angle, item.length, item.size, item.mount)
        scene.items.append((item, built, KINDS[item.kind](built)))
    return scene


def solve_pair(pair: PosePair) -> tuple[Scene, Scene]:
    """Both positions of an exercise."""
    return solve(pair.start, pair.kit, "start"), solve(pair.end, pair.kit, "end")


def bounds(scenes: tuple[Scene, ...]) -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y) of everything drawn in the scenes, outlines included."""
    xs: list[float] = []
    ys: list[float] = []
    for scene in scenes:
        for name, (x, y) in scene.figure.points.items():
            r = radius_of(name)
            xs += [x - r, x + r]
            ys += [y - r, y + r]
        for _, _, kit in scene.items:
            for shape in kit.shapes:
                for x, y in shape.points:
                    xs += [x - shape.radius, x + shape.radius]
                    ys += [y - shape.radius, y + shape.radius]
    return min(xs), min(ys), max(xs), max(ys)


def distance(a: Point, b: Point) -> float:
    return math.dist(a, b)

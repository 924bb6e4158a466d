"""What would make a position picture wrong: joints past their range, a hand that misses the bar,
a foot floating above the floor, a limb through a bench, a figure outside its frame."""

from __future__ import annotations

import math

from repbook.core.pose.body import JOINTS, RADIUS, SEGMENTS, Point, limit_of
from repbook.core.pose.scene import Scene, radius_of
from repbook.core.pose.svg import fits

#: How far (beyond its outline) a resting part may be from its surface, and how deep it may sink.
GAP = 4.0
SINK = 3.5
REACH = 2.0

_CONTACT_POINTS = {
    "feet": ("heel", "toe", "far_heel", "far_toe"), "foot": ("heel", "toe"),
    "far_foot": ("far_heel", "far_toe"), "toe": ("toe", "far_toe"), "near_toe": ("toe",),
    "far_toe": ("far_toe",), "hands": ("hand", "far_hand"), "hand": ("hand",), "far_hand": ("far_hand",),
    "forearm": ("elbow", "hand"), "knee": ("knee", "far_knee"), "near_knee": ("knee",),
    "far_knee": ("far_knee",), "hip": ("hip",), "back": ("hip", "shoulder"), "front": ("hip", "shoulder"),
    "head": ("head",), "shin": ("knee", "ankle"), "heel": ("heel", "far_heel"),
}  # fmt: skip


def _to_segment(p: Point, a: Point, b: Point) -> float:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return math.dist(p, (ax + t * dx, ay + t * dy))


def _inside(p: Point, polygon: tuple[Point, ...]) -> bool:
    inside = False
    for i, a in enumerate(polygon):
        b = polygon[i - 1]
        if (a[1] > p[1]) != (b[1] > p[1]):
            x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
            if p[0] < x:
                inside = not inside
    return inside


def _rests_on(scene: Scene, name: str) -> bool:
    point, r = scene.figure.points[name], radius_of(name)
    if name in ("hip", "shoulder"):
        r = RADIUS["torso"]
    if abs(point[1] - r) <= GAP and point[1] - r >= -SINK:
        return True
    for _, _, kit in scene.items:
        if any(math.dist(point, g) <= r + GAP for g in kit.grips):
            return True
        for a, b in kit.surfaces:
            gap = _to_segment(point, a, b) - r
            if -SINK <= gap <= GAP:
                return True
    return False


def problems(scene: Scene) -> list[str]:
    """Everything wrong with one solved position, as sentences (empty when it looks right)."""
    found = []
    for joint in JOINTS:
        low, high = limit_of(joint, scene.view)
        value = scene.angles[joint]
        if not low <= value <= high:
            found.append(f"{joint} at {value:.0f}° is outside {low:.0f}..{high:.0f}")
    for limb, goal, actual in scene.reaches:
        if math.dist(goal, actual) > REACH:
            found.append(f"{limb} misses its target by {math.dist(goal, actual):.0f}")
    for name, (_, y) in scene.figure.points.items():
        if y - radius_of(name) < -SINK:
            found.append(f"{name} is below the floor")
    for part in scene.rests:
        for name in _CONTACT_POINTS[part]:
            if not _rests_on(scene, name):
                found.append(f"{name} should rest on the floor or the kit but does not")
    # From the front the kit stands behind the body (a seat behind the shins), so overlapping
    # it says nothing; only a side view can show a limb through a bench.
    solids = [s for _, _, kit in scene.items for s in kit.solids] if scene.view == "side" else []
    for seg, a, b, _ in SEGMENTS:
        if "arm" in seg:
            continue  # arms pass beside a bench or pad, never through it in a side view
        p, q = scene.figure.points[a], scene.figure.points[b]
        if p == q:
            continue
        for i in range(1, 10):
            t = i / 10
            point = (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)
            if any(_inside(point, solid) for solid in solids):
                found.append(f"{seg} passes through the kit")
                break
    return found


def pair_problems(scenes: tuple[Scene, Scene]) -> list[str]:
    """Problems of both positions, prefixed with their label, plus the shared frame."""
    found = [f"{s.label}: {p}" for s in scenes for p in problems(s)]
    if not fits(scenes):
        found.append("the figures do not fit in the frame")
    return found

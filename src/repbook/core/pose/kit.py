"""Equipment shapes: what each kind of kit looks like from the side, what it offers to stand,
lie or sit on (surfaces), what the body must not pass through (solids) and where it is held.

Every shape is built from an `Item` whose points are already in world coordinates (the scene
resolves "hands" or "hip" to points first). Sizes are in the figure's centimetres.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from repbook.core.pose.body import Point, direction, heading, step

FLOOR_TOP: Final = 0.0
FRAME_TOP: Final = 240.0


@dataclass(frozen=True, slots=True)
class Shape:
    """One drawn primitive: a polyline, a closed polygon or a circle."""

    kind: str  # "line", "poly" or "circle"
    points: tuple[Point, ...]
    radius: float = 0.0
    width: float = 2.0
    fill: bool = False


@dataclass(frozen=True, slots=True)
class Item:
    """A piece of kit placed in the world."""

    kind: str
    at: Point
    to: Point | None = None
    angle: float = 0.0
    length: float = 0.0
    size: float = 0.0
    mount: str = ""


@dataclass(slots=True)
class Kit:
    """What an item adds to a scene."""

    shapes: list[Shape] = field(default_factory=list)
    surfaces: list[tuple[Point, Point]] = field(default_factory=list)
    solids: list[tuple[Point, ...]] = field(default_factory=list)
    grips: list[Point] = field(default_factory=list)


def _slab(a: Point, b: Point, thick: float) -> tuple[Point, ...]:
    """A rectangle whose top edge runs from a to b, `thick` deep below it (to the right of a→b)."""
    along = heading((b[0] - a[0], b[1] - a[1]))
    down = direction(along + 90.0)
    return (
        a,
        b,
        (b[0] + down[0] * thick, b[1] + down[1] * thick),
        (a[0] + down[0] * thick, a[1] + down[1] * thick),
    )


def _leg(top: Point) -> Shape:
    return Shape("line", (top, (top[0], FLOOR_TOP)), width=3.0)


def _pad(kit: Kit, a: Point, b: Point, thick: float = 7.0) -> None:
    slab = _slab(a, b, thick)
    kit.shapes.append(Shape("poly", slab, fill=True, width=1.5))
    kit.surfaces.append((a, b))
    kit.surfaces.append((slab[3], slab[2]))
    kit.solids.append(slab)


def bench(item: Item) -> Kit:
    """A flat (or tilted, `angle` rising forward) bench; `at` is the middle of the pad's top."""
    half = (item.length or 110.0) / 2
    a, b = step(item.at, item.angle - 90.0, half), step(item.at, item.angle + 90.0, half)
    kit = Kit()
    _pad(kit, a, b)
    low = min(a[1], b[1]) - 7.0
    for end in (a, b):
        inset = step(end, heading((item.at[0] - end[0], item.at[1] - end[1])), 12.0)
        kit.shapes.append(_leg((inset[0], min(inset[1] - 7.0, low))))
    return kit


def incline_bench(item: Item) -> Kit:
    """A seat and a back pad rising behind it at `angle` degrees; `at` is where they meet, on top."""
    back_end = step(item.at, -90.0 + item.angle, item.length or 95.0)
    seat_end = step(item.at, 90.0, 32.0)
    kit = Kit()
    _pad(kit, back_end, item.at)
    _pad(kit, item.at, seat_end)
    kit.shapes.append(_leg((item.at[0], item.at[1] - 7.0)))
    brace = step(back_end, 180.0, 0.0)
    kit.shapes.append(Shape("line", ((brace[0] + 10, brace[1] - 8), (brace[0] + 10, FLOOR_TOP)), width=3.0))
    return kit


def pad(item: Item) -> Kit:
    """A machine pad (seat, back rest, foot plate); `angle` is the pad's direction, `mount` "post"
    draws a stand to the floor."""
    half = (item.length or 40.0) / 2
    a, b = step(item.at, item.angle - 90.0, half), step(item.at, item.angle + 90.0, half)
    kit = Kit()
    _pad(kit, a, b, item.size or 7.0)
    if item.mount == "post":
        kit.shapes.append(_leg((item.at[0], min(a[1], b[1]) - 5.0)))
    return kit


def roller(item: Item) -> Kit:
    r = item.size or 6.0
    # A roller is foam that hooks a limb, so it counts as a surface and never as a solid.
    kit = Kit(
        shapes=[Shape("circle", (item.at,), radius=r, fill=True, width=1.5)], surfaces=[(item.at, item.at)]
    )
    if item.to is not None:
        kit.shapes.insert(0, Shape("line", (item.at, item.to), width=3.0))
    return kit


def box(item: Item) -> Kit:
    half = (item.length or 50.0) / 2
    x, top = item.at
    corners = ((x - half, top), (x + half, top), (x + half, FLOOR_TOP), (x - half, FLOOR_TOP))
    return Kit([Shape("poly", corners, fill=True, width=1.5)], [(corners[0], corners[1])], [corners])


def mat(item: Item) -> Kit:
    half = (item.length or 160.0) / 2
    x = item.at[0]
    corners = ((x - half, 1.5), (x + half, 1.5), (x + half, 0.0), (x - half, 0.0))
    return Kit([Shape("poly", corners, fill=True, width=1.0)], [(corners[0], corners[1])])


def _disc(at: Point, r: float, hub: float = 2.5) -> list[Shape]:
    return [
        Shape("circle", (at,), radius=r, fill=True, width=1.5),
        Shape("circle", (at,), radius=hub, width=1.5),
    ]


def barbell(item: Item) -> Kit:
    """A bar seen end-on: the near plate, or only the sleeve when `size` is 0 and `mount` "bare"."""
    r = 2.5 if item.mount == "bare" else (item.size or 22.5)
    return Kit(_disc(item.at, r), grips=[item.at])


def dumbbell(item: Item) -> Kit:
    return Kit(_disc(item.at, item.size or 8.0, 2.0), grips=[item.at])


def kettlebell(item: Item) -> Kit:
    r = item.size or 10.0
    centre = (item.at[0], item.at[1] - r - 3.0)
    handle = tuple(step(centre, a, r + 3.5) for a in range(-50, 51, 10))
    return Kit(
        [Shape("line", handle, width=2.5), Shape("circle", (centre,), radius=r, fill=True, width=1.5)],
        grips=[item.at],
    )


def plate(item: Item) -> Kit:
    return Kit(_disc(item.at, item.size or 16.0, 3.0), grips=[item.at])


def ball(item: Item) -> Kit:
    return Kit([Shape("circle", (item.at,), radius=item.size or 12.0, fill=True, width=1.5)], grips=[item.at])


def wheel(item: Item) -> Kit:
    r = item.size or 9.0
    centre = (item.at[0], r)
    return Kit(_disc(centre, r, 2.0), surfaces=[((centre[0] - 3, r), (centre[0] + 3, r))], grips=[centre])


def fixed_bar(item: Item) -> Kit:
    """A fixed bar (pull-up bar, dip handle, low bar) with its bracket up or down to the floor."""
    end = (item.at[0], FRAME_TOP) if item.mount == "up" else (item.at[0], FLOOR_TOP)
    shapes = [Shape("line", (item.at, end), width=3.0)] if item.mount in ("up", "down") else []
    shapes.append(Shape("circle", (item.at,), radius=item.size or 3.5, fill=True, width=1.5))
    return Kit(shapes, surfaces=[(item.at, item.at)], grips=[item.at])


def cable(item: Item) -> Kit:
    """A cable stack: tower, weight stack, a pulley at `at` and the cable to a handle at `to`."""
    px, py = item.at
    tower_x = px + (6.0 if item.mount == "right" else -6.0 if item.mount == "left" else 0.0)
    top = max(py + 12.0, 190.0)
    shapes = [
        Shape(
            "poly",
            ((tower_x - 7, top), (tower_x + 7, top), (tower_x + 7, 0.0), (tower_x - 7, 0.0)),
            width=1.5,
        ),
        Shape(
            "poly",
            ((tower_x - 5, 40), (tower_x + 5, 40), (tower_x + 5, 4), (tower_x - 5, 4)),
            fill=True,
            width=1.0,
        ),
        Shape("circle", ((px, py),), radius=3.5, fill=True, width=1.5),
    ]
    grips = []
    if item.to is not None:
        shapes.append(Shape("line", ((px, py), item.to), width=1.2))
        shapes.append(Shape("circle", (item.to,), radius=3.0, fill=True, width=1.5))
        grips.append(item.to)
    return Kit(shapes, grips=grips)


def band(item: Item) -> Kit:
    """An elastic band from `at` to `to`, drawn as a gentle wave."""
    end = item.to or item.at
    length = math.dist(item.at, end)
    along = heading((end[0] - item.at[0], end[1] - item.at[1])) if length else 0.0
    side = direction(along + 90.0)
    count = max(2, int(length / 4))
    pts = []
    for i in range(count + 1):
        t = i / count
        wave = math.sin(t * math.pi * max(2, round(length / 22))) * 1.6
        base = step(item.at, along, length * t)
        pts.append((base[0] + side[0] * wave, base[1] + side[1] * wave))
    return Kit([Shape("line", tuple(pts), width=2.2)], grips=[end])


def landmine(item: Item) -> Kit:
    """A bar pivoting on the floor at `at`, its loaded end in the hands at `to`."""
    end = item.to or item.at
    along = heading((end[0] - item.at[0], end[1] - item.at[1]))
    tip = step(end, along, 14.0)
    return Kit([Shape("line", (item.at, tip), width=3.0), *_disc(step(end, along, 8.0), 20.0)], grips=[end])


def hyper_bench(item: Item) -> Kit:
    """A 45° back extension bench built around the ankle at `at`: foot plate under the sole, roller
    behind the heel, and the thigh pad `length` up the body line (the body leans `angle`)."""
    ang = item.angle or 45.0
    kit = Kit()
    sole = step(item.at, ang + 180.0, 3.5)
    _pad(kit, step(sole, ang + 90.0, -7.0), step(sole, ang + 90.0, 20.0), 4.0)
    roll = step(step(item.at, ang, 9.0), ang - 90.0, 9.0)
    kit.shapes.append(Shape("circle", (roll,), radius=5.0, fill=True, width=1.5))
    kit.surfaces.append((roll, roll))
    mid = step(step(item.at, ang, item.length or 62.0), ang + 90.0, 5.5)
    _pad(kit, step(mid, ang, -16.0), step(mid, ang, 12.0), 9.0)
    under = step(mid, ang + 90.0, 9.0)
    foot = step(step(sole, ang + 90.0, 8.0), ang + 180.0, 4.0)
    base_y = FLOOR_TOP + 2.0
    kit.shapes[0:0] = [
        Shape("line", (under, (under[0] + 6.0, base_y), (foot[0] - 14.0, base_y)), width=3.5),
        Shape("line", (foot, (foot[0], base_y)), width=3.5),
    ]
    return kit


def rower(item: Item) -> Kit:
    """A rowing machine: a rail on the floor from `at` (the flywheel) back `length`, seat at `to`."""
    x = item.at[0]
    back = x - (item.length or 170.0)
    shapes = [
        Shape("line", ((back, 12.0), (x - 20.0, 12.0)), width=3.5),
        Shape("line", ((back, 12.0), (back, FLOOR_TOP)), width=3.0),
        Shape("circle", ((x, 30.0),), radius=18.0, fill=True, width=1.5),
        Shape("line", ((x - 30.0, 12.0), (x - 30.0, 32.0)), width=3.0),
    ]
    kit = Kit(shapes)
    kit.surfaces.append(((x - 36.0, 34.0), (x - 24.0, 30.0)))
    if item.to is not None:
        seat = ((item.to[0] - 12, item.to[1]), (item.to[0] + 12, item.to[1]))
        _pad(kit, seat[0], seat[1], 5.0)
    return kit


def sled(item: Item) -> Kit:
    """A push sled: a low sledge at `at` with its upright handle reaching `to`."""
    x = item.at[0]
    shapes = [
        Shape("poly", ((x - 30, 14), (x + 30, 14), (x + 36, 0), (x - 36, 0)), fill=True, width=1.5),
        Shape("circle", ((x + 10, 30),), radius=16, fill=True, width=1.5),
    ]
    grips = []
    if item.to is not None:
        shapes.insert(0, Shape("line", ((x - 26, 14), item.to), width=3.5))
        grips.append(item.to)
    return Kit(shapes, grips=grips)


def wall(item: Item) -> Kit:
    x = item.at[0]
    return Kit([Shape("line", ((x, FLOOR_TOP), (x, 200.0)), width=4.0)], surfaces=[((x, 0.0), (x, 200.0))])


def frame(item: Item) -> Kit:
    """A plain line of a machine frame from `at` to `to` (or down to the floor)."""
    end = item.to or (item.at[0], FLOOR_TOP)
    return Kit([Shape("line", (item.at, end), width=item.size or 3.5)])


def smith(item: Item) -> Kit:
    """A Smith machine: the bar at `at` running in its vertical rail."""
    x = item.at[0]
    rail = Shape("line", ((x - 9.0, FLOOR_TOP), (x - 9.0, FRAME_TOP)), width=3.0)
    return Kit([rail, *_disc(item.at, item.size or 20.0)], grips=[item.at])


KINDS: Final[dict[str, Callable[[Item], Kit]]] = {
    "bench": bench, "incline_bench": incline_bench, "pad": pad, "roller": roller, "box": box,
    "mat": mat, "barbell": barbell, "dumbbell": dumbbell, "kettlebell": kettlebell, "plate": plate,
    "ball": ball,
    "wheel": wheel, "bar": fixed_bar, "cable": cable, "band": band, "landmine": landmine,
    "hyper_bench": hyper_bench, "rower": rower, "sled": sled, "wall": wall, "frame": frame,
    "smith": smith,
}  # fmt: skip

#: Kinds drawn in front of the figure (a bar the hands wrap around).
FRONT: Final = frozenset({"bar", "wheel"})

#: Kinds that are held: the hand must be on their grip point when the pose says so.
HELD: Final = frozenset(
    {
        "barbell",
        "dumbbell",
        "kettlebell",
        "ball",
        "cable",
        "bar",
        "landmine",
        "smith",
        "sled",
        "band",
        "wheel",
    }
)

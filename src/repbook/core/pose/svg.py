"""Draw a solved pair of positions as two SVG pictures sharing one frame.

The markup colours everything with `currentColor`, so the pictures follow the page's text
colour (dark mode, print); classes let a stylesheet tone the kit and the far limbs down.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Final

from repbook.core.pose.body import RADIUS, SEGMENTS, Figure
from repbook.core.pose.kit import FRONT, Shape
from repbook.core.pose.library import BASES
from repbook.core.pose.scene import Scene, bounds, solve_pair
from repbook.core.pose.spec import PosePair

FRAME_W: Final = 260.0
FRAME_H: Final = 256.0
MIN_H: Final = 120.0
MARGIN: Final = 6.0
KIT_NAMES: Final = {
    "bench": "bench", "incline_bench": "adjustable bench", "pad": "pad", "roller": "roller pad",
    "box": "box", "mat": "mat", "barbell": "barbell", "dumbbell": "dumbbell", "kettlebell": "kettlebell",
    "plate": "weight plate",
    "ball": "medicine ball", "wheel": "ab wheel", "bar": "bar", "cable": "cable pulley", "band": "band",
    "landmine": "landmine", "hyper_bench": "back extension bench", "rower": "rowing machine",
    "sled": "sled", "wall": "wall", "frame": "machine frame", "smith": "Smith machine",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Picture:
    label: str
    svg: str


def frame_of(scenes: tuple[Scene, ...]) -> tuple[float, float, float]:
    """The frame both pictures share: world (left, bottom) and height. Centred on the drawing,
    the floor near the bottom, and only as tall as the drawing needs (the width stays fixed)."""
    x0, y0, x1, y1 = bounds(scenes)
    bottom = min(-MARGIN, y0 - MARGIN)
    return ((x0 + x1) / 2 - FRAME_W / 2, bottom, max(MIN_H, y1 + MARGIN - bottom))


def fits(scenes: tuple[Scene, ...]) -> bool:
    """Whether everything drawn fits inside the largest frame."""
    x0, _, x1, _ = bounds(scenes)
    return x1 - x0 <= FRAME_W and frame_of(scenes)[2] <= FRAME_H


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _xy(point: tuple[float, float]) -> str:
    return f"{_n(point[0])},{_n(-point[1])}"


def _shape(shape: Shape) -> str:
    fill = ' fill="currentColor" fill-opacity=".14"' if shape.fill else ' fill="none"'
    width = f' stroke-width="{_n(shape.width)}"'
    if shape.kind == "circle":
        (x, y) = shape.points[0]
        return f'<circle cx="{_n(x)}" cy="{_n(-y)}" r="{_n(shape.radius)}"{fill}{width}/>'
    points = " ".join(_xy(p) for p in shape.points)
    tag = "polygon" if shape.kind == "poly" else "polyline"
    return f'<{tag} points="{points}"{fill}{width}/>'


def _segments(figure: Figure, far: bool) -> str:
    parts = []
    for name, a, b, radius in SEGMENTS:
        if name.startswith("far_") != far:
            continue
        p, q = figure.points[a], figure.points[b]
        if p == q:
            continue  # the shoulder and hip lines have no length in a side view
        parts.append(
            f'<line x1="{_n(p[0])}" y1="{_n(-p[1])}" x2="{_n(q[0])}" y2="{_n(-q[1])}" '
            f'stroke-width="{_n(RADIUS[radius] * 2)}"/>'
        )
    return "".join(parts)


def describe(scene: Scene, base: str) -> str:
    kit = sorted({KIT_NAMES[item.kind] for item, _, _ in scene.items})
    words = BASES[base].note if scene.view == "side" else f"seen from the front, {BASES[base].note}"
    return f"{words.capitalize()}{'; with ' + ', '.join(kit) if kit else ''}."


def draw(scene: Scene, title: str, desc: str, ident: str, frame: tuple[float, float, float]) -> str:
    """One position as an accessible SVG element."""
    left, bottom, height = frame
    view = f"{_n(left)} {_n(-(bottom + height))} {_n(FRAME_W)} {_n(height)}"
    head = scene.figure.points["head"]
    kit = "".join(_shape(s) for i, _, k in scene.items if i.kind not in FRONT for s in k.shapes)
    front = "".join(_shape(s) for i, _, k in scene.items if i.kind in FRONT for s in k.shapes)
    # From the side the far limbs are behind the body and drawn pale, the kit between them and
    # the near side; from the front both sides show, in front of the kit.
    kit_group = (
        '<g class="pose-kit" stroke="currentColor" stroke-linecap="round" stroke-linejoin="round" '
        f'opacity=".75">{kit}</g>'
    )
    far_opacity = ".4" if scene.view == "side" else "1"
    return (
        f'<svg class="pose" viewBox="{view}" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(desc)}</desc>'
        f'<line class="pose-floor" x1="{_n(left)}" y1="0" x2="{_n(left + FRAME_W)}" y2="0" '
        f'stroke="currentColor" stroke-width="1.5"/>'
        f"{kit_group if scene.view == 'front' else ''}"
        f'<g class="pose-far" stroke="currentColor" stroke-linecap="round" opacity="{far_opacity}">'
        f"{_segments(scene.figure, far=True)}</g>"
        f"{kit_group if scene.view == 'side' else ''}"
        f'<g class="pose-body" stroke="currentColor" stroke-linecap="round">'
        f"{_segments(scene.figure, far=False)}"
        f'<circle cx="{_n(head[0])}" cy="{_n(-head[1])}" r="{_n(RADIUS["head"])}" fill="currentColor" '
        f'stroke="none"/></g><g class="pose-kit" stroke="currentColor">{front}</g></svg>'
    )


def draw_pair(
    scenes: tuple[Scene, Scene], bases: tuple[str, str], name: str, ident: str
) -> tuple[Picture, Picture]:
    """The start and end pictures of an exercise, in the same frame so they line up."""
    frame = frame_of(scenes)
    pictures = []
    for scene, base, phase in zip(scenes, bases, ("start", "end"), strict=True):
        title = f"{name}: {scene.label.lower()} position"
        svg = draw(scene, title, describe(scene, base), f"{ident}-{phase}", frame)
        pictures.append(Picture(scene.label, svg))
    return pictures[0], pictures[1]


def position_pictures(name: str, slug: str, pair: PosePair) -> dict[str, object]:
    """What an exercise page stores about its positions: both pictures and whether they differ."""
    scenes = solve_pair(pair)
    start, end = draw_pair(scenes, (pair.start.base, pair.end.base), name, f"pose-{slug}")
    moves = scenes[0].angles != scenes[1].angles
    return {
        "start": {"label": start.label, "svg": start.svg},
        "end": {"label": end.label, "svg": end.svg},
        "moves": moves,
    }

"""The front/back body map: an SVG drawn from simple shapes, one or more per muscle group.

`body_map_svg(classes)` colours each muscle by a CSS class (e.g. "primary", "secondary", or a
heat level "heat-3"); the colours live in app.css, so the SVG carries no inline style.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from repbook.core.muscles import MUSCLES

BACK_OFFSET = 170  # the back view is drawn beside the front view


@dataclass(frozen=True)
class Shape:
    muscle: str
    tag: str  # "ellipse", "rect" or "polygon"
    attrs: tuple[tuple[str, str], ...]


def _ellipse(muscle: str, cx: float, cy: float, rx: float, ry: float, mirror: bool = True) -> list[Shape]:
    shapes = [
        Shape(
            muscle,
            "ellipse",
            (("cx", f"{cx:g}"), ("cy", f"{cy:g}"), ("rx", f"{rx:g}"), ("ry", f"{ry:g}")),
        )
    ]
    if mirror:
        shapes += _ellipse(muscle, 160 - cx, cy, rx, ry, mirror=False)
    return shapes


def _rect(muscle: str, x: float, y: float, w: float, h: float, r: float = 4) -> list[Shape]:
    return [
        Shape(
            muscle,
            "rect",
            (
                ("x", f"{x:g}"),
                ("y", f"{y:g}"),
                ("width", f"{w:g}"),
                ("height", f"{h:g}"),
                ("rx", f"{r:g}"),
            ),
        )
    ]


def _polygon(muscle: str, points: list[tuple[float, float]], mirror: bool = True) -> list[Shape]:
    shapes = [Shape(muscle, "polygon", (("points", " ".join(f"{x:g},{y:g}" for x, y in points)),))]
    if mirror:
        shapes += _polygon(muscle, [(160 - x, y) for x, y in points], mirror=False)
    return shapes


FRONT: list[Shape] = [
    *_rect("neck", 72, 44, 16, 12, 3),
    *_polygon("traps", [(64, 58), (73, 52), (73, 60)]),
    *_ellipse("side_delts", 41, 74, 6, 11),
    *_ellipse("front_delts", 51, 71, 9, 12),
    *_rect("chest", 57, 62, 22, 30, 8),
    *_rect("chest", 81, 62, 22, 30, 8),
    *_ellipse("biceps", 43, 106, 8, 17),
    *_ellipse("forearms", 37, 148, 7, 21),
    *_rect("abs", 69, 95, 22, 58, 6),
    *_rect("obliques", 58, 97, 10, 50, 5),
    *_rect("obliques", 92, 97, 10, 50, 5),
    *_ellipse("abductors", 56, 166, 6, 11),
    *_ellipse("quads", 67, 212, 11, 38),
    *_ellipse("adductors", 77, 190, 4, 20),
    *_ellipse("calves", 64, 282, 6, 20),
    *_ellipse("tibialis", 60, 280, 3, 17),  # the outer front of the shin, over the calf shape
]
BACK: list[Shape] = [
    *_rect("neck", 72, 44, 16, 12, 3),
    *_rect("upper_back", 62, 66, 36, 30, 6),
    *_polygon("traps", [(80, 46), (100, 62), (80, 102), (60, 62)], mirror=False),
    *_ellipse("side_delts", 41, 74, 6, 11),
    *_ellipse("rear_delts", 51, 71, 9, 11),
    *_ellipse("rotator_cuff", 64, 80, 6, 7),  # over the shoulder blade, drawn above the upper back
    *_polygon("lats", [(58, 86), (68, 90), (74, 134), (61, 124)]),
    *_rect("lower_back", 70, 116, 20, 38, 5),
    *_ellipse("triceps", 43, 106, 8, 17),
    *_ellipse("forearms", 37, 148, 7, 21),
    *_ellipse("abductors", 56, 160, 6, 10),
    *_ellipse("glutes", 68, 172, 12, 14),
    *_ellipse("hamstrings", 67, 220, 10, 30),
    *_ellipse("adductors", 78, 204, 3.5, 16),
    *_ellipse("calves", 67, 278, 9, 22),
]

SILHOUETTE = (
    '<circle cx="80" cy="26" r="17"/>'
    '<rect x="54" y="54" width="52" height="110" rx="20"/>'
    '<rect x="30" y="60" width="22" height="112" rx="10"/>'
    '<rect x="108" y="60" width="22" height="112" rx="10"/>'
    '<rect x="54" y="150" width="52" height="34" rx="12"/>'
    '<rect x="54" y="170" width="24" height="140" rx="10"/>'
    '<rect x="82" y="170" width="24" height="140" rx="10"/>'
)


def _draw(shapes: list[Shape], classes: Mapping[str, str], labels: Mapping[str, str]) -> str:
    parts = []
    for shape in shapes:
        state = classes.get(shape.muscle, "idle")
        attrs = " ".join(f'{k}="{v}"' for k, v in shape.attrs)
        title = escape(f"{MUSCLES[shape.muscle]}{labels.get(shape.muscle, '')}")
        parts.append(
            f'<{shape.tag} class="m m-{escape(state)}" data-muscle="{shape.muscle}" {attrs}>'
            f"<title>{title}</title></{shape.tag}>"
        )
    return "".join(parts)


def body_map_svg(
    classes: Mapping[str, str],
    labels: Mapping[str, str] | None = None,
    title: str = "Muscles worked",
) -> SafeString:
    """An accessible SVG of the body, front and back; `classes` maps muscle slug -> CSS state."""
    labels = labels or {}
    worked = ", ".join(f"{MUSCLES[m]} ({c})" for m, c in classes.items() if m in MUSCLES)
    svg = (
        f'<svg class="bodymap" viewBox="0 0 {BACK_OFFSET + 160} 320" role="img" '
        f'aria-label="{escape(title)}: {escape(worked) or "none"}" xmlns="http://www.w3.org/2000/svg">'
        f'<g class="view front"><g class="silhouette">{SILHOUETTE}</g>{_draw(FRONT, classes, labels)}'
        f'<text x="80" y="318" text-anchor="middle" class="bodymap-label">Front</text></g>'
        f'<g class="view back" transform="translate({BACK_OFFSET} 0)"><g class="silhouette">{SILHOUETTE}</g>'
        f"{_draw(BACK, classes, labels)}"
        f'<text x="80" y="318" text-anchor="middle" class="bodymap-label">Back</text></g>'
        "</svg>"
    )
    return mark_safe(svg)


def muscles_drawn() -> set[str]:
    """Every muscle group that has at least one shape (a test checks this is all of them)."""
    return {s.muscle for s in FRONT + BACK}

"""Read the `[poses]` table of a catalog file into a `PosePair`, with errors naming the field.

The format (documented for authors in docs/poses.md):

    [poses]
    kit = [{ kind = "barbell", name = "bar", start = [20, 22.5], end = "hands" }]
    start = { base = "deadlift", hands = "bar" }
    end = { base = "standing", shoulder = 0, elbow = 0 }

A pose names a base from `library.BASES` and overrides joints by name (`hip = 95`), where the
figure is placed (`anchor` and `at`), where the hands or feet must be (`hands`, `hand`,
`far_hand`, `feet`, `foot`, `far_foot`: a kit item's name, a point `[x, y]`, or
`{ floor = dx }` for the floor `dx` ahead of the shoulder or hip) and what it rests on (`rests`).
A kit item's place is `at` (or `start` / `end` for one pose): a point, or a body part with
`dx` and `dy` offsets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from repbook.core.pose.body import JOINTS, VIEWS, Point
from repbook.core.pose.kit import KINDS
from repbook.core.pose.library import BASES

BODY_PLACES: Final = (
    "hands", "hand", "far_hand", "feet", "ankle", "far_ankle", "toe", "heel", "hip", "shoulder", "head",
    "knee", "far_knee", "chest", "back", "elbow",
)  # fmt: skip
CONTACTS: Final = (
    "feet", "foot", "far_foot", "toe", "near_toe", "far_toe", "near_knee", "hands", "hand", "far_hand",
    "forearm", "knee",
    "far_knee", "hip", "back", "front", "head", "shin", "heel",
)  # fmt: skip
LEVEL_POINTS: Final = (
    "toe",
    "heel",
    "knee",
    "hand",
    "elbow",
    "hip",
    "shoulder",
    "head",
    "ankle",
    "far_toe",
    "far_knee",
    "far_hand",
)
TARGETS: Final = ("hands", "hand", "far_hand", "feet", "foot", "far_foot")
ANCHORS: Final = ("floor", "hip", "shoulder", "hand", "ankle", "far_ankle", "knee", "toe", "head")
PHASES: Final = ("start", "end")
_ITEM_KEYS: Final = {
    "kind", "name", "at", "start", "end", "to", "dx", "dy", "start_dx", "start_dy", "end_dx", "end_dy",
    "angle", "length", "size", "mount",
}  # fmt: skip
_POSE_KEYS: Final = {"base", "anchor", "at", "rests", "label", "level", *JOINTS, *TARGETS}


class PoseSpecError(ValueError):
    """A `[poses]` table that does not fit the format; `field` names the offending key."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


#: A place: a world point, a body part with offsets, or the floor ahead of a body part.
Place = Point | tuple[str, float, float]
Target = Point | str | tuple[str, float, float]


@dataclass(frozen=True, slots=True)
class ItemSpec:
    name: str
    kind: str
    places: dict[str, Place]
    to: Place | None
    angle: float
    length: float
    size: float
    mount: str


@dataclass(frozen=True, slots=True)
class PoseSpec:
    base: str
    label: str
    angles: dict[str, float]
    anchor: str
    at: Point
    targets: dict[str, Target]
    rests: tuple[str, ...]
    level: tuple[str, str] | None = None
    #: Ankles written `"flat"`: set so the foot lies flat, whatever the leg does.
    flat: tuple[str, ...] = ()
    #: "side" (the default) or "front", for movements across the body.
    view: str = "side"


@dataclass(frozen=True, slots=True)
class PosePair:
    start: PoseSpec
    end: PoseSpec
    kit: tuple[ItemSpec, ...]


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > 1000:
        raise PoseSpecError(where, "must be a number from -1000 to 1000")
    return float(value)


def _point(value: object, where: str) -> Point:
    if not isinstance(value, list) or len(value) != 2:
        raise PoseSpecError(where, "must be a point [x, y]")
    return (_number(value[0], f"{where}[0]"), _number(value[1], f"{where}[1]"))


def _place(value: object, offsets: Mapping[str, Any], where: str, phase: str = "") -> Place:
    if isinstance(value, str):
        if value not in BODY_PLACES:
            raise PoseSpecError(where, f"{value!r} is not one of {', '.join(BODY_PLACES)}")
        # `start_dx` or `end_dy` move one position's place only; `dx` and `dy` move both.
        dx = _number(offsets.get(f"{phase}_dx", offsets.get("dx", 0)), f"{where}.dx")
        dy = _number(offsets.get(f"{phase}_dy", offsets.get("dy", 0)), f"{where}.dy")
        return (value, dx, dy)
    return _point(value, where)


def _item(data: object, index: int) -> ItemSpec:
    where = f"poses.kit[{index}]"
    if not isinstance(data, Mapping):
        raise PoseSpecError(where, "must be a table")
    unknown = sorted(set(data) - _ITEM_KEYS)
    if unknown:
        raise PoseSpecError(f"{where}.{unknown[0]}", "unknown field")
    kind = data.get("kind")
    if kind not in KINDS:
        raise PoseSpecError(f"{where}.kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    places: dict[str, Place] = {}
    for phase in PHASES:
        raw = data.get(phase, data.get("at"))
        if raw is None:
            raise PoseSpecError(f"{where}.at", f"needs a place for the {phase} position")
        places[phase] = _place(raw, data, f"{where}.{phase if phase in data else 'at'}", phase)
    mount = data.get("mount", "")
    name = data.get("name", kind)
    if not isinstance(mount, str) or not isinstance(name, str):
        raise PoseSpecError(where, "name and mount must be text")
    return ItemSpec(
        name=name,
        kind=kind,
        places=places,
        to=_place(data["to"], {}, f"{where}.to") if "to" in data else None,
        angle=_number(data.get("angle", 0), f"{where}.angle"),
        length=_number(data.get("length", 0), f"{where}.length"),
        size=_number(data.get("size", 0), f"{where}.size"),
        mount=mount,
    )


def _target(value: object, names: set[str], where: str) -> Target:
    if isinstance(value, str):
        if value not in names:
            raise PoseSpecError(where, f"{value!r} is not the name of a kit item")
        return value
    if isinstance(value, Mapping):
        if "floor" not in value or not set(value) <= {"floor", "up"}:
            raise PoseSpecError(where, "a floor target is written { floor = dx } or { floor = dx, up = dy }")
        return (
            "floor",
            _number(value["floor"], f"{where}.floor"),
            _number(value.get("up", 0), f"{where}.up"),
        )
    return _point(value, where)


def _pose(data: object, phase: str, names: set[str], view: str) -> PoseSpec:
    where = f"poses.{phase}"
    if not isinstance(data, Mapping):
        raise PoseSpecError(where, "missing: a table with at least a base")
    unknown = sorted(set(data) - _POSE_KEYS)
    if unknown:
        raise PoseSpecError(f"{where}.{unknown[0]}", "unknown field")
    base_name = data.get("base")
    if base_name not in BASES:
        raise PoseSpecError(f"{where}.base", f"{base_name!r} is not one of {', '.join(BASES)}")
    base = BASES[base_name]
    flat = tuple(j for j in ("ankle", "far_ankle") if data.get(j) == "flat")
    angles = {j: _number(data[j], f"{where}.{j}") for j in JOINTS if j in data and j not in flat}
    anchor = data.get("anchor", base.anchor)
    if anchor not in ANCHORS:
        raise PoseSpecError(f"{where}.anchor", f"{anchor!r} is not one of {', '.join(ANCHORS)}")
    rests = data.get("rests", list(base.rests))
    if not isinstance(rests, list) or not all(r in CONTACTS for r in rests):
        raise PoseSpecError(f"{where}.rests", f"must list parts among {', '.join(CONTACTS)}")
    label = data.get("label", "Start" if phase == "start" else "End")
    if not isinstance(label, str) or not 1 <= len(label) <= 30:
        raise PoseSpecError(f"{where}.label", "must be a short text")
    return PoseSpec(
        base=base_name,
        label=label,
        angles=angles,
        anchor=anchor,
        at=_point(data["at"], f"{where}.at") if "at" in data else base.at,
        targets=_targets(data, base.targets, names, where),
        rests=tuple(rests),
        level=_level(data.get("level", base.level), f"{where}.level"),
        flat=flat,
        view=view,
    )


def _targets(
    data: Mapping[str, Any], defaults: Mapping[str, Target], names: set[str], where: str
) -> dict[str, Target]:
    """The pose's reach targets; a base's default for a limb gives way to any target on it."""
    # `feet = false` drops a base's default target without setting another.
    mine = {t: _target(data[t], names, f"{where}.{t}") for t in TARGETS if t in data and data[t] is not False}
    dropped = {t for t in TARGETS if data.get(t) is False}
    legs, arms = {"feet", "foot", "far_foot"}, {"hands", "hand", "far_hand"}
    kept = {
        t: v for t, v in defaults.items()
        if not ((mine.keys() | dropped) & (legs if t in legs else arms))
        and not any(f"{t.removeprefix('feet').removesuffix('foot')}{j}" in data for j in ("hip", "knee"))
    }  # fmt: skip
    return {**kept, **mine}


def _level(value: object, where: str) -> tuple[str, str] | None:
    if value is None or value == []:
        return None
    if not isinstance(value, list | tuple) or len(value) != 2 or not all(v in LEVEL_POINTS for v in value):
        raise PoseSpecError(where, f"must name two points among {', '.join(LEVEL_POINTS)} (or [] for none)")
    return (str(value[0]), str(value[1]))


def parse_poses(data: object) -> PosePair:
    """Validate a `[poses]` table (shape only; `check` judges whether the pictures make sense)."""
    if not isinstance(data, Mapping):
        raise PoseSpecError("poses", "must be a table with start, end and kit")
    unknown = sorted(set(data) - {"start", "end", "kit", "view"})
    if unknown:
        raise PoseSpecError(f"poses.{unknown[0]}", "unknown field")
    raw_kit = data.get("kit", [])
    if not isinstance(raw_kit, list) or len(raw_kit) > 12:
        raise PoseSpecError("poses.kit", "must be a list of at most 12 items")
    kit = tuple(_item(item, i) for i, item in enumerate(raw_kit))
    names = {item.name for item in kit}
    if len(names) != len(kit):
        raise PoseSpecError("poses.kit", "two items share a name; give one a `name`")
    view = data.get("view", "side")
    if view not in VIEWS:
        raise PoseSpecError("poses.view", f"{view!r} is not one of {', '.join(VIEWS)}")
    return PosePair(
        _pose(data.get("start"), "start", names, view), _pose(data.get("end"), "end", names, view), kit
    )

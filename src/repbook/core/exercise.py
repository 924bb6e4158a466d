"""The schema of an exercise page, and its validation.

A catalog file (TOML) is read by the catalog loader into a plain mapping and handed to
`parse_exercise`, which returns a frozen `ExerciseSpec` or raises `ExerciseSpecError`
naming the field and what is wrong with it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from repbook.core.equipment import EQUIPMENT
from repbook.core.muscles import MUSCLES
from repbook.core.pose.spec import PosePair, PoseSpecError, parse_poses

CATEGORIES: Final = ("strength", "plyometric", "cardio", "mobility")
LEVELS: Final = ("beginner", "intermediate", "advanced")
MECHANICS: Final = ("compound", "isolation")
FORCES: Final = ("push", "pull", "static")
MEASURES: Final = ("reps", "time", "distance")
PATTERNS: Final = (
    "hinge", "squat", "lunge", "hip_thrust",
    "horizontal_push", "vertical_push", "horizontal_pull", "vertical_pull",
    "fly", "raise", "shrug", "elbow_flexion", "elbow_extension",
    "knee_extension", "knee_flexion", "hip_abduction", "hip_adduction",
    "calf_raise", "carry", "core", "rotation", "wrist", "neck", "full_body",
)  # fmt: skip
VARIATION_KINDS: Final = (
    "equipment", "arm_position", "added_resistance", "tempo", "technique", "stance", "grip",
)  # fmt: skip
VARIATION_KIND_LABELS: Final = {
    "equipment": "Equipment",
    "arm_position": "Arm position",
    "added_resistance": "Added resistance",
    "tempo": "Tempo",
    "technique": "Technique",
    "stance": "Stance",
    "grip": "Grip",
}
PROGRESSIONS: Final = ("double", "linear", "time", "distance")
SLUG_RE: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: The longest slug an exercise or a program may have (the column holds 80 characters).
MAX_SLUG: Final = 80


def is_slug(value: object) -> bool:
    """Whether `value` can name an exercise or a program in a URL: lowercase words joined by '-'."""
    return isinstance(value, str) and len(value) <= MAX_SLUG and SLUG_RE.match(value) is not None


class ExerciseSpecError(ValueError):
    """A catalog entry that does not fit the schema; `field` names the offending key."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class Benefit:
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class Variation:
    kind: str
    name: str
    text: str
    slug: str | None = None


@dataclass(frozen=True, slots=True)
class Alternative:
    """Another exercise to do instead; `reason` says why one sharing no primary muscle still fits."""

    slug: str
    why: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Recommendation:
    sets: tuple[int, int]
    reps: tuple[int, int] | None
    seconds: tuple[int, int] | None
    meters: tuple[int, int] | None
    per_week: tuple[int, int]
    progression: str
    note: str
    #: For a bodyweight exercise: the first load to add once body weight alone is too easy (kg).
    first_added_kg: float | None = None


@dataclass(frozen=True, slots=True)
class Faq:
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class ExerciseSpec:
    slug: str
    name: str
    aliases: tuple[str, ...]
    category: str
    equipment: tuple[str, ...]
    level: str
    mechanics: str
    pattern: str
    force: str
    primary_muscles: tuple[str, ...]
    secondary_muscles: tuple[str, ...]
    bodyweight_fraction: float
    measure: str
    unilateral: bool
    rest_s: int
    introduction: str
    steps: tuple[str, ...]
    benefits: tuple[Benefit, ...]
    variations: tuple[Variation, ...]
    alternatives: tuple[Alternative, ...]
    recommendation: Recommendation
    faq: tuple[Faq, ...]
    #: The start and end position pictures; None until the file has a `[poses]` table.
    poses: PosePair | None = None

    @property
    def linked_slugs(self) -> set[str]:
        """Every other exercise this page links to (variations and alternatives)."""
        linked = {v.slug for v in self.variations if v.slug}
        return linked | {a.slug for a in self.alternatives}


_TOP_KEYS: Final = frozenset(
    {
        "slug", "name", "aliases", "category", "equipment", "level", "mechanics", "pattern",
        "force", "primary_muscles", "secondary_muscles", "bodyweight_fraction", "measure",
        "unilateral", "rest_s", "introduction", "steps", "benefits", "variations",
        "alternatives", "recommendations", "faq", "poses",
    }
)  # fmt: skip


def parse_exercise(data: Mapping[str, Any]) -> ExerciseSpec:
    """Validate one catalog entry and return it as an `ExerciseSpec`."""
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ExerciseSpecError(unknown[0], "unknown field")
    slug = _text(data, "slug", min_len=2)
    if not SLUG_RE.match(slug):
        raise ExerciseSpecError("slug", f"{slug!r} must be lowercase words joined by hyphens")
    primary = _choices(data, "primary_muscles", MUSCLES, min_items=1)
    secondary = _choices(data, "secondary_muscles", MUSCLES, min_items=0)
    both = set(primary) & set(secondary)
    if both:
        raise ExerciseSpecError("secondary_muscles", f"{sorted(both)} also listed as primary")
    measure = _choice(data, "measure", MEASURES, default="reps")
    alternatives = tuple(_alternative(a, i) for i, a in enumerate(_tables(data, "alternatives", min_items=2)))
    if slug in {a.slug for a in alternatives}:
        raise ExerciseSpecError("alternatives", "an exercise cannot be its own alternative")
    return ExerciseSpec(
        slug=slug,
        name=_text(data, "name", min_len=2),
        aliases=tuple(_strings(data, "aliases", min_items=0)),
        category=_choice(data, "category", CATEGORIES, default="strength"),
        equipment=_choices(data, "equipment", EQUIPMENT, min_items=1),
        level=_choice(data, "level", LEVELS),
        mechanics=_choice(data, "mechanics", MECHANICS),
        pattern=_choice(data, "pattern", PATTERNS),
        force=_choice(data, "force", FORCES),
        primary_muscles=primary,
        secondary_muscles=secondary,
        bodyweight_fraction=_fraction(data),
        measure=measure,
        unilateral=_bool(data, "unilateral", default=False),
        rest_s=_int(data, "rest_s", 15, 600, default=90),
        introduction=_text(data, "introduction", min_len=80),
        steps=tuple(_strings(data, "steps", min_items=3, min_len=15)),
        benefits=tuple(
            Benefit(
                title=_text(b, "title", 3, f"benefits[{i}]"),
                text=_text(b, "text", 30, f"benefits[{i}]"),
            )
            for i, b in enumerate(_tables(data, "benefits", min_items=2))
        ),
        variations=tuple(_variation(v, i) for i, v in enumerate(_tables(data, "variations", 3))),
        alternatives=alternatives,
        recommendation=_recommendation(data.get("recommendations"), measure),
        faq=tuple(
            Faq(
                question=_text(f, "question", 8, f"faq[{i}]"),
                answer=_text(f, "answer", 30, f"faq[{i}]"),
            )
            for i, f in enumerate(_tables(data, "faq", min_items=3, max_items=6))
        ),
        poses=_poses(data),
    )


def _poses(data: Mapping[str, Any]) -> PosePair | None:
    if "poses" not in data:
        return None
    try:
        return parse_poses(data["poses"])
    except PoseSpecError as exc:
        raise ExerciseSpecError(exc.field, exc.message) from exc


def _alternative(data: Mapping[str, Any], index: int) -> Alternative:
    where = f"alternatives[{index}]"
    _no_unknown(data, {"slug", "why", "reason"}, where)
    return Alternative(
        slug=_text(data, "slug", where=where),
        why=_text(data, "why", 20, where),
        reason=_text(data, "reason", 15, where) if "reason" in data else "",
    )


def _variation(data: Mapping[str, Any], index: int) -> Variation:
    where = f"variations[{index}]"
    _no_unknown(data, {"kind", "name", "text", "slug"}, where)
    link = data.get("slug")
    if link is not None and (not isinstance(link, str) or not SLUG_RE.match(link)):
        raise ExerciseSpecError(f"{where}.slug", "must be an exercise slug")
    return Variation(
        kind=_choice(data, "kind", VARIATION_KINDS, where=where),
        name=_text(data, "name", 3, where),
        text=_text(data, "text", 20, where),
        slug=link,
    )


def _recommendation(data: object, measure: str) -> Recommendation:
    where = "recommendations"
    if not isinstance(data, Mapping):
        raise ExerciseSpecError(where, "missing: a table with sets, reps (or seconds/meters), per_week")
    allowed = {"sets", "reps", "seconds", "meters", "per_week", "progression", "note", "first_added_kg"}
    _no_unknown(data, allowed, where)
    needed = {"reps": "reps", "time": "seconds", "distance": "meters"}[measure]
    ranges = {key: _range(data, key, where) if key in data else None for key in ("reps", "seconds", "meters")}
    if ranges[needed] is None:
        raise ExerciseSpecError(f"{where}.{needed}", f"required for an exercise measured in {measure}")
    return Recommendation(
        sets=_range(data, "sets", where, upper=10),
        reps=ranges["reps"],
        seconds=ranges["seconds"],
        meters=ranges["meters"],
        per_week=_range(data, "per_week", where, upper=7),
        progression=_choice(data, "progression", PROGRESSIONS, where=where),
        note=_text(data, "note", 20, where),
        first_added_kg=_first_added(data, where),
    )


def _first_added(data: Mapping[str, Any], where: str) -> float | None:
    value = data.get("first_added_kg")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 50:
        raise ExerciseSpecError(
            f"{where}.first_added_kg", "must be a number of kilograms above 0, at most 50"
        )
    return float(value)


def _path(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _no_unknown(data: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ExerciseSpecError(_path(where, unknown[0]), "unknown field")


def _text(data: Mapping[str, Any], key: str, min_len: int = 1, where: str = "") -> str:
    value = data.get(key)
    if not isinstance(value, str) or len(value.strip()) < min_len:
        raise ExerciseSpecError(_path(where, key), f"must be text of at least {min_len} characters")
    return value.strip()


def _strings(data: Mapping[str, Any], key: str, min_items: int, min_len: int = 1) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(
        isinstance(s, str) and len(s.strip()) >= min_len for s in value
    ):
        raise ExerciseSpecError(key, f"must be a list of texts of at least {min_len} characters")
    if len(value) < min_items:
        raise ExerciseSpecError(key, f"needs at least {min_items} entries")
    return [s.strip() for s in value]


def _tables(
    data: Mapping[str, Any], key: str, min_items: int, max_items: int = 50
) -> Sequence[Mapping[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(t, Mapping) for t in value):
        raise ExerciseSpecError(key, "must be a list of tables")
    if not min_items <= len(value) <= max_items:
        raise ExerciseSpecError(key, f"needs {min_items} to {max_items} entries, has {len(value)}")
    return value


def _choice(
    data: Mapping[str, Any], key: str, allowed: Sequence[str] | Mapping[str, str],
    default: str | None = None, where: str = "",
) -> str:  # fmt: skip
    value = data.get(key, default)
    if value not in allowed:
        raise ExerciseSpecError(_path(where, key), f"{value!r} is not one of {', '.join(allowed)}")
    assert isinstance(value, str)
    return value


def _choices(
    data: Mapping[str, Any], key: str, allowed: Mapping[str, str], min_items: int
) -> tuple[str, ...]:
    values = _strings(data, key, min_items)
    for value in values:
        if value not in allowed:
            raise ExerciseSpecError(key, f"{value!r} is not one of {', '.join(allowed)}")
    if len(set(values)) != len(values):
        raise ExerciseSpecError(key, "lists an entry twice")
    return tuple(values)


def _bool(data: Mapping[str, Any], key: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ExerciseSpecError(key, "must be true or false")
    return value


def _int(data: Mapping[str, Any], key: str, low: int, high: int, default: int) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ExerciseSpecError(key, f"must be a whole number from {low} to {high}")
    return value


def _fraction(data: Mapping[str, Any]) -> float:
    value = data.get("bodyweight_fraction", 0.0)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1.2:
        raise ExerciseSpecError("bodyweight_fraction", "must be a number from 0 to 1.2")
    return float(value)


def _range(data: Mapping[str, Any], key: str, where: str, upper: int = 10_000) -> tuple[int, int]:
    value = data.get(key)
    ok = (
        isinstance(value, list) and len(value) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in value)
        and 1 <= value[0] <= value[1] <= upper
    )  # fmt: skip
    if not ok:
        raise ExerciseSpecError(
            _path(where, key), f"must be [low, high] whole numbers, 1 ≤ low ≤ high ≤ {upper}"
        )
    assert isinstance(value, list)
    return (value[0], value[1])

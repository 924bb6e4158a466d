"""JSON values Repbook keeps in its rows and reads back: a workout exercise's target (what the
program prescribed), a logged set's target, a load set by hand, and the user's equipment steps.

Each has one reader that checks every value against the bounds the program format and the set
log use, and names a bad value by its path (`target.groups[0].sets: must be from 1 to 20`). A
backup import reads them with these before storing anything; pages read stored values with them
too (`or None`), so a count that drives work (sets per group) is always bounded.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Final

from repbook.core.errors import FieldError
from repbook.core.loadable import DEFAULT_STEPS
from repbook.core.program import GROUP_TYPE_WORDS
from repbook.core.program_text import MAX_REPS, MAX_SECONDS, MAX_SETS
from repbook.core.sets import MAX_WEIGHT_KG, SET_TYPES
from repbook.core.text import MAX_TARGET_WORDS, TextError, text_value
from repbook.core.units import KG_QUANTUM

#: A day holds at most this many groups per exercise (warm-ups, work, back-off... with room to spare).
MAX_GROUPS: Final = 20
#: A load set by hand applies after this many sessions at most (decades of training).
MAX_SESSIONS: Final = 100_000
#: The user's own smallest step per kind of equipment, in kg.
MIN_STEP_KG: Final = Decimal("0.05")
MAX_STEP_KG: Final = Decimal(50)
LOADING_KINDS: Final = tuple(DEFAULT_STEPS["kg"])


class StoredValueError(FieldError):
    """A stored (or imported) JSON value Repbook cannot use; `field` is its path."""


def _object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise StoredValueError(path, "must be an object")
    return value


def _whole(value: Any, path: str, low: int, high: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise StoredValueError(path, "must be a whole number")
    if not low <= value <= high:
        raise StoredValueError(path, f"must be from {low} to {high}")
    return value


def number(value: Any, path: str, low: Decimal, high: Decimal) -> Decimal | None:
    """A JSON number or numeric string from `low` to `high`, to the gram (None stays None)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise StoredValueError(path, "must be a number")
    try:
        parsed = Decimal(str(value).strip()) if len(str(value)) <= 40 else Decimal("NaN")
    except InvalidOperation:
        parsed = Decimal("NaN")
    if not parsed.is_finite():
        raise StoredValueError(path, "must be a number")
    if not low <= parsed <= high:
        raise StoredValueError(path, f"must be from {low} to {high}")
    rounded = parsed.quantize(KG_QUANTUM)
    return parsed if parsed == rounded else rounded  # "1e-999999" is 0.000, as every weight is stored


def _text(value: Any, path: str) -> str:
    try:
        return text_value(value, path, MAX_TARGET_WORDS)
    except TextError as exc:
        raise StoredValueError(path, exc.message) from exc


def _choice(value: Any, path: str, allowed: tuple[str, ...], default: str) -> str:
    if value is None or value == "":
        return default
    if value not in allowed:
        raise StoredValueError(path, f"must be one of {', '.join(allowed)}")
    return str(value)


def _weight(value: Any, path: str) -> str | None:
    kg = number(value, path, -MAX_WEIGHT_KG, MAX_WEIGHT_KG)
    return None if kg is None else str(kg)


def _rpe(value: Any, path: str) -> str | None:
    rpe = number(value, path, Decimal(1), Decimal(10))
    return None if rpe is None else str(rpe)


def _group(value: Any, path: str) -> dict[str, Any]:
    data = _object(value, path)
    sets = _whole(data.get("sets"), f"{path}.sets", 1, MAX_SETS)
    if sets is None:
        raise StoredValueError(f"{path}.sets", f"must be from 1 to {MAX_SETS}")
    return {
        "sets": sets,
        "reps_min": _whole(data.get("reps_min"), f"{path}.reps_min", 0, MAX_REPS),
        "reps_max": _whole(data.get("reps_max"), f"{path}.reps_max", 0, MAX_REPS),
        "seconds": _whole(data.get("seconds"), f"{path}.seconds", 1, MAX_SECONDS),
        "amrap": data.get("amrap") is True,
        "set_type": _choice(data.get("set_type"), f"{path}.set_type", tuple(GROUP_TYPE_WORDS), "working"),
        "weight_kg": _weight(data.get("weight_kg"), f"{path}.weight_kg"),
        "rpe": _rpe(data.get("rpe"), f"{path}.rpe"),
        "reason": _text(data.get("reason"), f"{path}.reason"),
    }


def read_target(value: Any, path: str = "target") -> dict[str, Any] | None:
    """A workout exercise's target (see services.program.programs.target_json), checked; None for none."""
    if value is None:
        return None
    data = _object(value, path)
    groups = data.get("groups", [])
    if not isinstance(groups, list):
        raise StoredValueError(f"{path}.groups", "must be a list")
    if len(groups) > MAX_GROUPS:
        raise StoredValueError(f"{path}.groups", f"must hold at most {MAX_GROUPS} groups")
    return {
        "reason": _text(data.get("reason"), f"{path}.reason"),
        "caution": _text(data.get("caution"), f"{path}.caution"),
        "rule": _text(data.get("rule"), f"{path}.rule"),
        "groups": [_group(g, f"{path}.groups[{i}]") for i, g in enumerate(groups)],
    }


def read_set_target(value: Any, path: str = "target") -> dict[str, Any] | None:
    """A logged set's target (see services.workout.workout_targets.TargetSet.as_json), checked."""
    if value is None:
        return None
    data = _object(value, path)
    return {
        "set_type": _choice(data.get("set_type"), f"{path}.set_type", SET_TYPES, "working"),
        "reps": _whole(data.get("reps"), f"{path}.reps", 0, MAX_REPS),
        "reps_max": _whole(data.get("reps_max"), f"{path}.reps_max", 0, MAX_REPS),
        "seconds": _whole(data.get("seconds"), f"{path}.seconds", 1, MAX_SECONDS),
        "weight_kg": _weight(data.get("weight_kg"), f"{path}.weight_kg"),
        "rpe": _rpe(data.get("rpe"), f"{path}.rpe"),
        "amrap": data.get("amrap") is True,
    }


def read_override(value: Any, path: str = "override") -> dict[str, Any]:
    """A load or training max set by hand: {"after": sessions, "load_kg" or "training_max_kg"}."""
    data = _object(value, path)
    after = _whole(data.get("after", 0), f"{path}.after", 0, MAX_SESSIONS)
    out: dict[str, Any] = {"after": after or 0}
    for key in ("load_kg", "training_max_kg"):
        kg = number(data.get(key), f"{path}.{key}", Decimal(0), MAX_WEIGHT_KG)
        if kg is not None:
            out[key] = str(kg)
    if len(out) != 2:
        raise StoredValueError(path, "give either load_kg or training_max_kg")
    return out


def read_increments(value: Any, path: str = "increments_kg") -> dict[str, str]:
    """The user's own smallest step per kind of equipment, in kg: {"barbell": "2.5", ...}."""
    data = _object(value, path)
    out: dict[str, str] = {}
    for kind, step in data.items():
        if kind not in LOADING_KINDS:
            raise StoredValueError(f"{path}.{kind[:20]}", f"is not one of {', '.join(LOADING_KINDS)}")
        kg = number(step, f"{path}.{kind}", MIN_STEP_KG, MAX_STEP_KG)
        if kg is None:
            raise StoredValueError(f"{path}.{kind}", "must be a number")
        out[kind] = str(kg)
    return out

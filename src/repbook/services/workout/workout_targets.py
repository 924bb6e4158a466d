"""A program workout's targets, one per set: what the logging page prefills and each set records."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from repbook.core.progression.sessions import reps_words
from repbook.core.stored import StoredValueError, read_set_target, read_target
from repbook.core.units import format_load

#: Program group types as the log's set types (a back-off set is a working set).
_SET_TYPES = {
    "warmup": "warmup",
    "working": "working",
    "backoff": "working",
    "drop": "drop",
    "failure": "failure",
}


@dataclass(frozen=True)
class TargetSet:
    set_type: str
    reps: int | None
    reps_max: int | None
    seconds: int | None
    weight_kg: Decimal | None
    rpe: Decimal | None
    amrap: bool

    def describe(self, unit: str, bodyweight: bool) -> str:
        """'10–12 @ 12.5 kg', '5+ @ 90 kg', '60 s', '8 @ RPE 8', '10 @ body weight'."""
        amount = reps_words(self.reps, self.reps_max, self.seconds, self.amrap)
        if self.weight_kg is not None:
            return f"{amount} @ {format_load(self.weight_kg, unit, bodyweight)}"
        return f"{amount} @ RPE {self.rpe}" if self.rpe is not None else amount

    def as_json(self) -> dict[str, Any]:
        return {
            "set_type": self.set_type,
            "reps": self.reps,
            "reps_max": self.reps_max,
            "seconds": self.seconds,
            "weight_kg": str(self.weight_kg) if self.weight_kg is not None else None,
            "rpe": str(self.rpe) if self.rpe is not None else None,
            "amrap": self.amrap,
        }


def _decimal(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def from_json(stored: Any) -> TargetSet | None:
    """A set's stored target (as `TargetSet.as_json` wrote it); None when it holds none it can use."""
    try:
        data = read_set_target(stored)
    except StoredValueError:
        return None
    if data is None:
        return None
    return TargetSet(
        set_type=data["set_type"],
        reps=data["reps"],
        reps_max=data["reps_max"],
        seconds=data["seconds"],
        weight_kg=_decimal(data["weight_kg"]),
        rpe=_decimal(data["rpe"]),
        amrap=data["amrap"],
    )


def grouped(texts: list[str]) -> list[str]:
    """Runs of the same target as one: ['10–12 @ 20 kg'] * 3 -> ['3 × 10–12 @ 20 kg']."""
    out: list[tuple[int, str]] = []
    for text in texts:
        if out and out[-1][1] == text:
            out[-1] = (out[-1][0] + 1, text)
        else:
            out.append((1, text))
    return [f"{n} × {text}" for n, text in out]


def target_sets(stored: Any) -> list[TargetSet]:
    """Every prescribed set of a workout exercise, in order (warm-ups included).

    The stored target is read with its bounds (at most 20 sets a group); one it cannot use,
    however it got there, prescribes nothing.
    """
    try:
        target = read_target(stored)
    except StoredValueError:
        return []
    if not target:
        return []
    out = []
    for group in target["groups"]:
        count = group["sets"]
        for index in range(count):
            amrap = group["amrap"] and index == count - 1
            out.append(
                TargetSet(
                    set_type="amrap" if amrap else _SET_TYPES[group["set_type"]],
                    reps=group["reps_min"],
                    reps_max=group["reps_max"],
                    seconds=group["seconds"],
                    weight_kg=_decimal(group["weight_kg"]),
                    rpe=_decimal(group["rpe"]),
                    amrap=amrap,
                )
            )
    return out

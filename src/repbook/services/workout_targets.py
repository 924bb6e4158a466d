"""A program workout's targets, one per set: what the logging page prefills and each set records."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from repbook.core.progression.sessions import reps_words
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


def from_json(data: dict[str, Any]) -> TargetSet:
    """A set's stored target (as `TargetSet.as_json` wrote it)."""
    return TargetSet(
        set_type=data.get("set_type", "working"),
        reps=data.get("reps"),
        reps_max=data.get("reps_max"),
        seconds=data.get("seconds"),
        weight_kg=Decimal(data["weight_kg"]) if data.get("weight_kg") is not None else None,
        rpe=Decimal(data["rpe"]) if data.get("rpe") is not None else None,
        amrap=bool(data.get("amrap")),
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


def target_sets(target: dict[str, Any] | None) -> list[TargetSet]:
    """Every prescribed set of a workout exercise, in order (warm-ups included)."""
    if not target:
        return []
    out = []
    for group in target.get("groups", []):
        count = int(group.get("sets") or 0)
        for index in range(count):
            amrap = bool(group.get("amrap")) and index == count - 1
            out.append(
                TargetSet(
                    set_type="amrap" if amrap else _SET_TYPES.get(group.get("set_type", ""), "working"),
                    reps=group.get("reps_min"),
                    reps_max=group.get("reps_max"),
                    seconds=group.get("seconds"),
                    weight_kg=Decimal(group["weight_kg"]) if group.get("weight_kg") is not None else None,
                    rpe=Decimal(group["rpe"]) if group.get("rpe") is not None else None,
                    amrap=amrap,
                )
            )
    return out

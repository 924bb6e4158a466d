"""Warm-up ramps before a working weight: bar × 10, 40 % × 5, 60 % × 3, 80 % × 1."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Final

#: (share of the working weight, reps); the first step is the empty bar.
DEFAULT_RAMP: Final = ((Decimal("0.4"), 5), (Decimal("0.6"), 3), (Decimal("0.8"), 1))
BAR_REPS: Final = 10


@dataclass(frozen=True, slots=True)
class WarmupSet:
    weight: Decimal
    reps: int
    percent: int  # of the working weight, for display


def round_down(weight: Decimal, step: Decimal) -> Decimal:
    """Down to a multiple of `step` (a loadable jump), never below zero."""
    if step <= 0:
        return weight
    return max(Decimal(0), (weight / step).to_integral_value(ROUND_FLOOR) * step)


def warmup_ramp(working: Decimal, bar: Decimal, step: Decimal) -> list[WarmupSet]:
    """Warm-up sets before `working`; steps at or below the bar or repeating a weight are left out."""
    if working <= bar:
        return []
    ramp = [WarmupSet(bar, BAR_REPS, int(bar * 100 / working))]
    for share, reps in DEFAULT_RAMP:
        weight = round_down(working * share, step)
        if weight > ramp[-1].weight and weight < working:
            ramp.append(WarmupSet(weight, reps, int(share * 100)))
    return ramp

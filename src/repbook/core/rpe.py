"""The RPE/RIR chart (RTS): share of 1RM for reps done at an effort. RIR = 10 − RPE."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

#: %1RM by "reps to failure" = reps + (10 − RPE), in half steps from 1 to 15.5.
_WHOLE: Final = (100, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6, 59.9)
_HALF: Final = (97.8, 93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0, 61.3, 58.6)
CHART: Final[dict[Decimal, float]] = {
    **{Decimal(i + 1): pct for i, pct in enumerate(_WHOLE)},
    **{Decimal(i + 1) + Decimal("0.5"): pct for i, pct in enumerate(_HALF)},
}


def percent_of_1rm(reps: int, rpe: Decimal) -> float | None:
    """%1RM for `reps` at `rpe` (RPE 6.5–10 in half steps is what the chart covers well)."""
    key = Decimal(reps) + Decimal(10) - rpe
    return CHART.get(key)


def e1rm_from_rpe(weight: float, reps: int, rpe: Decimal) -> float | None:
    """1RM estimated from a set and its RPE: weight ÷ chart share; None off the chart."""
    pct = percent_of_1rm(reps, rpe)
    return weight / (pct / 100) if pct else None


def load_for(e1rm: float, reps: int, rpe: Decimal) -> float | None:
    """The load for `reps` at `rpe` given an e1RM: e1RM × chart share; None off the chart."""
    pct = percent_of_1rm(reps, rpe)
    return e1rm * pct / 100 if pct else None

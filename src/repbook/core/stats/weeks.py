"""Per-week training totals, and this week against the average of the four before it.

The comparison is descriptive: the acute:chronic ratio's injury-prediction claims have been
strongly criticised (Impellizzeri et al. 2021), so Repbook shows it as a plain comparison.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from repbook.core.stats.volume import week_start

#: How many earlier weeks "your average" means.
BASELINE_WEEKS: Final = 4


@dataclass(frozen=True, slots=True)
class DaySets:
    """The counted sets of one workout: its day, how many, and the tonnage (kg × reps)."""

    day: date
    workout_id: int
    sets: int
    tonnage_kg: Decimal


@dataclass(frozen=True, slots=True)
class WeekTotals:
    start: date  # Monday
    sessions: int
    sets: int
    tonnage_kg: Decimal
    training_days: int


def weekly_totals(workouts: Iterable[DaySets], weeks: Sequence[date]) -> list[WeekTotals]:
    """Sessions, sets, tonnage and distinct training days for each week in `weeks` (Mondays)."""
    rows: dict[date, list[DaySets]] = {start: [] for start in weeks}
    for w in workouts:
        bucket = rows.get(week_start(w.day))
        if bucket is not None:
            bucket.append(w)
    return [
        WeekTotals(
            start,
            sessions=len(items),
            sets=sum(w.sets for w in items),
            tonnage_kg=sum((w.tonnage_kg for w in items), Decimal(0)),
            training_days=len({w.day for w in items}),
        )
        for start, items in rows.items()
    ]


@dataclass(frozen=True, slots=True)
class Comparison:
    this_week: float
    average: float  # over the BASELINE_WEEKS weeks before

    @property
    def percent(self) -> int | None:
        """This week as a percentage of the average; None without a baseline."""
        return round(100 * self.this_week / self.average) if self.average else None


def compare_to_baseline(values: Sequence[float]) -> Comparison:
    """The last value against the mean of up to BASELINE_WEEKS values before it.

    Empty weeks before the first non-empty one are left out: they are from before the user began
    logging, not weeks off. With no earlier week left, the average is 0 (no baseline yet).
    """
    if not values:
        return Comparison(0.0, 0.0)
    earlier = list(values[-1 - BASELINE_WEEKS : -1])
    while earlier and not earlier[0]:
        earlier.pop(0)
    return Comparison(values[-1], sum(earlier) / len(earlier) if earlier else 0.0)

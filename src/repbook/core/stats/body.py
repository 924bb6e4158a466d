"""Body weight: a smoothed trend through noisy daily readings, and strength scores from best lifts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from repbook.core import scores

#: Each day moves the trend 10 % of the way to the reading (an exponential moving average), so one
#: salty dinner barely shows while a real change appears within a couple of weeks.
DAILY_SMOOTHING: Final = 0.1

#: The competition lifts a total is made of, by catalog slug.
TOTAL_LIFTS: Final = ("back-squat", "bench-press", "deadlift")
BENCH: Final = "bench-press"


def trend(readings: Sequence[tuple[date, Decimal]]) -> list[tuple[date, float]]:
    """The smoothed weight at each reading (sorted by date); gaps of several days move it further."""
    out: list[tuple[date, float]] = []
    for day, weight in readings:
        if not out:
            out.append((day, float(weight)))
            continue
        last_day, last = out[-1]
        gap = max((day - last_day).days, 1)
        share = 1 - (1 - DAILY_SMOOTHING) ** gap
        out.append((day, last + share * (float(weight) - last)))
    return out


@dataclass(frozen=True, slots=True)
class StrengthScores:
    total_kg: float  # squat + bench + deadlift e1RMs
    bodyweight_kg: float
    sex: str
    wilks: float
    wilks2020: float
    dots: float
    gl: float
    bench_gl: float | None  # IPF GL for the bench press alone (event "bench")


def strength_scores(
    best_kg: Mapping[str, float], bodyweight_kg: float | None, sex: str
) -> StrengthScores | None:
    """Scores of the three lifts' best estimates; None without sex, body weight or all three lifts."""
    if sex not in ("m", "f") or not bodyweight_kg or any(lift not in best_kg for lift in TOTAL_LIFTS):
        return None
    total = sum(best_kg[lift] for lift in TOTAL_LIFTS)
    bench = best_kg.get(BENCH)
    return StrengthScores(
        total,
        bodyweight_kg,
        sex,
        scores.wilks(total, bodyweight_kg, sex),
        scores.wilks2020(total, bodyweight_kg, sex),
        scores.dots(total, bodyweight_kg, sex),
        scores.ipf_gl(total, bodyweight_kg, sex),
        scores.ipf_gl(bench, bodyweight_kg, sex, event="bench") if bench else None,
    )

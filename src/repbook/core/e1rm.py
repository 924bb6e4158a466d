"""Estimated one-rep max: every formula once (weights in any one unit, reps whole)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Final

from repbook.core.rpe import e1rm_from_rpe


def epley(w: float, r: int) -> float:
    return w * (1 + r / 30)


def brzycki(w: float, r: int) -> float:
    return w * 36 / (37 - r)


def lander(w: float, r: int) -> float:
    return 100 * w / (101.3 - 2.67123 * r)


def lombardi(w: float, r: int) -> float:
    return float(w * r**0.10)


def mayhew(w: float, r: int) -> float:
    return 100 * w / (52.2 + 41.9 * math.exp(-0.055 * r))


def oconner(w: float, r: int) -> float:
    return w * (1 + 0.025 * r)


def wathan(w: float, r: int) -> float:
    return 100 * w / (48.8 + 53.8 * math.exp(-0.075 * r))


FORMULAS: Final[dict[str, Callable[[float, int], float]]] = {
    "epley": epley,
    "brzycki": brzycki,
    "lander": lander,
    "lombardi": lombardi,
    "mayhew": mayhew,
    "oconner": oconner,
    "wathan": wathan,
}
#: Brzycki reaches zero at 37 reps and Lander near 38: cap every formula well before.
MAX_REPS: Final = 30
#: Above this many reps an estimate is too loose to steer loads by (shown, but not relied on).
RELIABLE_REPS: Final = 12


#: Names shown to people, in FORMULAS order.
FORMULA_NAMES: Final = {
    "epley": "Epley",
    "brzycki": "Brzycki",
    "lander": "Lander",
    "lombardi": "Lombardi",
    "mayhew": "Mayhew et al.",
    "oconner": "O'Conner et al.",
    "wathan": "Wathan",
}


def estimate_1rm(weight: float, reps: int, formula: str = "epley") -> float | None:
    """The estimated 1RM; the weight itself at 1 rep; None for 0 reps, no load or reps past 30."""
    if formula not in FORMULAS:
        raise ValueError(f"unknown formula {formula!r}: one of {', '.join(FORMULAS)}")
    if reps < 1 or weight <= 0 or reps > MAX_REPS:
        return None
    if reps == 1:
        return weight
    return FORMULAS[formula](weight, reps)


@dataclass(frozen=True, slots=True)
class Estimate:
    """A 1RM estimated from one set: how, and whether it is tight enough to rely on."""

    kg: float
    reliable: bool  # False above RELIABLE_REPS: shown with a mark, never steers loads
    from_rpe: bool  # read from the RPE chart rather than a rep formula


#: Kept per argument types too: a set's estimate is asked for again and again (each formula's
#: best set of every session, a history's records), mostly for the same few hundred loads and reps.
@lru_cache(maxsize=8192, typed=True)
def estimate_set(
    weight: float, reps: int, rpe: Decimal | None = None, rir: int | None = None, formula: str = "epley"
) -> Estimate | None:
    """The e1RM of a set: from the RPE chart when RPE or RIR was logged and the chart covers it,
    else from `formula`; None without load or reps, or past MAX_REPS."""
    if rpe is None and rir is not None:
        rpe = Decimal(10 - rir)
    if weight <= 0 or reps < 1 or reps > MAX_REPS:
        return None
    reliable = reps <= RELIABLE_REPS
    if rpe is not None:
        from_chart = e1rm_from_rpe(weight, reps, rpe)
        if from_chart is not None:
            return Estimate(from_chart, reliable, True)
    value = estimate_1rm(weight, reps, formula)
    return Estimate(value, reliable, False) if value is not None else None

"""Estimated one-rep max: every formula once (weights in any one unit, reps whole)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final


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


def estimate_1rm(weight: float, reps: int, formula: str = "epley") -> float | None:
    """The estimated 1RM; the weight itself at 1 rep; None for 0 reps, no load or reps past 30."""
    if reps < 1 or weight <= 0 or reps > MAX_REPS:
        return None
    if reps == 1:
        return weight
    try:
        return FORMULAS[formula](weight, reps)
    except KeyError:
        raise ValueError(f"unknown formula {formula!r}: one of {', '.join(FORMULAS)}") from None

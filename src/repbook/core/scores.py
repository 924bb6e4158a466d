"""Strength scores from a total and body weight (kg): Wilks, Wilks 2020, DOTS, IPF GL points.

Coefficients as OpenPowerlifting uses them; body weight clamped to each formula's range.
"""

from __future__ import annotations

import math
from typing import Final

_WILKS: Final = {
    "m": ((-216.0475144, 16.2606339, -0.002388645, -0.00113732, 7.01863e-06, -1.291e-08), 40.0, 201.9),
    "f": (
        (594.31747775582, -27.23842536447, 0.82112226871, -0.00930733913, 0.00004731582, -0.00000009054),
        26.51,
        154.53,
    ),
}  # fmt: skip
_WILKS2020: Final = {
    "m": (
        (47.4617885411949, 8.47206137941125, 0.073694103462609, -0.00139583381094385,
         0.00000707665973070743, -0.0000000120804336482315),
        40.0,
        200.95,
    ),
    "f": (
        (-125.425539779509, 13.7121941940668, -0.0330725063103405, -0.0010504000506583,
         0.00000938773881462799, -0.000000023334613884954),
        40.0,
        150.95,
    ),
}  # fmt: skip
_DOTS: Final = {
    "m": ((-0.0000010930, 0.0007391293, -0.1918759221, 24.0900756, -307.75076), 40.0, 210.0),
    "f": ((-0.0000010706, 0.0005158568, -0.1126655495, 13.6175032, -57.96288), 40.0, 150.0),
}  # fmt: skip
#: (event, sex, equipped) -> (A, B, C)
_GL: Final = {
    ("sbd", "m", False): (1199.72839, 1025.18162, 0.009210),
    ("sbd", "m", True): (1236.25115, 1449.21864, 0.01644),
    ("sbd", "f", False): (610.32796, 1045.59282, 0.03048),
    ("sbd", "f", True): (758.63878, 949.31382, 0.02435),
    ("bench", "m", False): (320.98041, 281.40258, 0.01008),
    ("bench", "m", True): (381.22073, 733.79378, 0.02398),
    ("bench", "f", False): (142.40398, 442.52671, 0.04724),
    ("bench", "f", True): (221.82209, 357.00377, 0.02937),
}
FORMULAS: Final = ("wilks", "wilks2020", "dots", "gl")


def _polynomial(coefficients: tuple[float, ...], x: float) -> float:
    return sum(c * x**i for i, c in enumerate(coefficients))


def _clamp(x: float, low: float, high: float) -> float:
    return min(max(x, low), high)


def _sex(sex: str) -> str:
    if sex not in ("m", "f"):
        raise ValueError(f"sex must be m or f, not {sex!r}")
    return sex


def wilks(total: float, bodyweight: float, sex: str) -> float:
    coefficients, low, high = _WILKS[_sex(sex)]
    return total * 500 / _polynomial(coefficients, _clamp(bodyweight, low, high))


def wilks2020(total: float, bodyweight: float, sex: str) -> float:
    coefficients, low, high = _WILKS2020[_sex(sex)]
    return total * 600 / _polynomial(coefficients, _clamp(bodyweight, low, high))


def dots(total: float, bodyweight: float, sex: str) -> float:
    (a, b, c, d, e), low, high = _DOTS[_sex(sex)]
    x = _clamp(bodyweight, low, high)
    return total * 500 / (a * x**4 + b * x**3 + c * x**2 + d * x + e)


def ipf_gl(total: float, bodyweight: float, sex: str, event: str = "sbd", equipped: bool = False) -> float:
    """IPF GL points; 0 below 35 kg body weight."""
    if event not in ("sbd", "bench"):
        raise ValueError(f"event must be sbd or bench, not {event!r}")
    if bodyweight < 35:
        return 0.0
    a, b, c = _GL[(event, _sex(sex), equipped)]
    return total * 100 / (a - b * math.exp(-c * bodyweight))

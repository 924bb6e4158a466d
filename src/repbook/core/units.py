"""Kilograms and pounds: exact conversion and one way to show a weight.

Weights are stored in kilograms as Decimal; the value and unit the user typed are kept beside
them, so a weight typed in pounds is shown again exactly as typed.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Final, Literal

Unit = Literal["kg", "lb"]
UNITS: Final = ("kg", "lb")
#: The international avoirdupois pound, exactly.
KG_PER_LB: Final = Decimal("0.45359237")
#: Stored kilograms keep three decimals (grams).
KG_QUANTUM: Final = Decimal("0.001")


def to_kg(value: Decimal, unit: str) -> Decimal:
    """`value` in `unit` as kilograms, rounded to the gram."""
    if unit == "kg":
        return value.quantize(KG_QUANTUM, ROUND_HALF_UP)
    if unit == "lb":
        return (value * KG_PER_LB).quantize(KG_QUANTUM, ROUND_HALF_UP)
    raise ValueError(f"unknown unit {unit!r}: expected kg or lb")


def has_places(value: Decimal, places: int) -> bool:
    """Whether `value` is finite and needs at most `places` decimals (1e-999999 needs a million)."""
    if not value.is_finite():
        return False
    exponent = value.normalize().as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -places


def from_kg(kg: Decimal, unit: str, places: int = 2) -> Decimal:
    """Kilograms shown in `unit`, rounded to `places` decimals (half up)."""
    quantum = Decimal(1).scaleb(-places)
    if unit == "kg":
        return kg.quantize(quantum, ROUND_HALF_UP)
    if unit == "lb":
        return (kg / KG_PER_LB).quantize(quantum, ROUND_HALF_UP)
    raise ValueError(f"unknown unit {unit!r}: expected kg or lb")


def plain(value: Decimal) -> str:
    """A decimal without trailing zeros or exponent: 96.7500 -> "96.75", 100.0 -> "100"."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_load(kg: Decimal, unit: str, bodyweight: bool = False) -> str:
    """A load in words: "12.5 kg"; on a bodyweight exercise "body weight" or "body weight + 5 kg"."""
    if not bodyweight:
        return format_weight(kg, unit)
    if not kg:
        return "body weight"
    return f"body weight {'+' if kg > 0 else '−'} {format_weight(abs(kg), unit)}"


def format_weight(
    kg: Decimal | None, unit: str, typed: Decimal | None = None, typed_unit: str | None = None
) -> str:
    """A weight for display in `unit`: what the user typed if they typed in that unit."""
    if kg is None:
        return ""
    if typed is not None and typed_unit == unit:
        return f"{plain(typed)} {unit}"
    return f"{plain(from_kg(kg, unit, places=1 if unit == 'lb' else 2))} {unit}"


#: Apps convert with rounded factors (Strong uses 0.453592, 8e-7 off), so allow that much relative error
#: and a little more; wider, and a converted 238.2492 kg would pass for a typed 238.25 kg.
_RELATIVE_SLACK: Final = Decimal("0.000002")
_LOADABLE_STEP: Final = Decimal("0.25")
_FINE_STEP: Final = Decimal("0.05")


def _near_step(value: Decimal, step: Decimal, tolerance: Decimal) -> Decimal | None:
    nearest = (value / step).quantize(Decimal(1), ROUND_HALF_UP) * step
    return nearest if abs(value - nearest) <= tolerance else None


def _clean(value: Decimal) -> Decimal:
    """Rounded to the gram (or 0.001 lb), without trailing zeros: 60.000 -> 60."""
    return Decimal(plain(value.quantize(KG_QUANTUM, ROUND_HALF_UP)))


def other_unit_value(value: Decimal, unit: str) -> Decimal:
    """`value` in `unit` written in the other unit, unrounded."""
    return value * KG_PER_LB if unit == "lb" else value / KG_PER_LB


def recover_typed(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """The weight a user typed, read back from another app's converted number, and its unit.

    61.23492 kg (Strong stores kilograms) -> 135 lb; 22.05 lb (Hevy rounds to 2 decimals) -> 10 kg;
    74.99999999999999 kg -> 75 kg. A value on a loadable step (0.25) of its own unit stays as is;
    one with 2+ decimals on the other unit's step is a conversion; otherwise it is kept to the gram.
    Worked out once per value as written (its digits count: "60.00" is read as "60" is not): an
    export repeats the same few hundred weights across 100,000 sets.
    """
    if not value.is_finite():
        return _recover_typed(value, unit)
    return _recovered(str(value), unit)


@lru_cache(maxsize=4096)
def _recovered(text: str, unit: str) -> tuple[Decimal, str]:
    return _recover_typed(Decimal(text), unit)


def _recover_typed(value: Decimal, unit: str) -> tuple[Decimal, str]:
    places = max(-int(value.as_tuple().exponent), 0)
    half_ulp = Decimal(5).scaleb(-places - 1)
    slack = abs(value) * _RELATIVE_SLACK
    own = _near_step(value, _LOADABLE_STEP, min(half_ulp, _LOADABLE_STEP / 10) + slack)
    if own is not None:
        return _clean(own), unit
    if places >= 2:
        other = "lb" if unit == "kg" else "kg"
        converted = other_unit_value(value, unit)
        factor = KG_PER_LB if other == "kg" else 1 / KG_PER_LB
        found = _near_step(converted, _LOADABLE_STEP, half_ulp * factor + abs(converted) * _RELATIVE_SLACK)
        if found is not None:
            return _clean(found), other
    fine = _near_step(value, _FINE_STEP, min(half_ulp, _FINE_STEP / 10) + slack)
    if fine is not None:
        return _clean(fine), unit
    return _clean(value), unit

"""Kilograms and pounds: exact conversion and one way to show a weight.

Weights are stored in kilograms as Decimal; the value and unit the user typed are kept beside
them, so a weight typed in pounds is shown again exactly as typed.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
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

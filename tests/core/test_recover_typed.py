"""Reading back the weight a user typed from another app's converted number, and guessing the
muscles of an exercise known only by name."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repbook.core.muscle_guess import FALLBACK, guess_muscles
from repbook.core.units import recover_typed

STRONG_FACTOR = Decimal("0.453592")  # Strong converts with a rounded factor


@pytest.mark.parametrize(
    ("written", "unit", "typed"),
    [
        ("61.23492", "kg", (Decimal(135), "lb")),  # Strong 6 stores kilograms
        ("22.05", "lb", (Decimal(10), "kg")),  # Hevy rounds to 2 decimals after converting
        ("74.99999999999999", "kg", (Decimal(75), "kg")),
        ("60.0", "kg", (Decimal(60), "kg")),
        ("2.3", "kg", (Decimal("2.3"), "kg")),  # one decimal: typed, not converted
        ("2.35", "kg", (Decimal("2.35"), "kg")),
        ("12.3456", "kg", (Decimal("12.346"), "kg")),  # neither unit's step: kept to the gram
        ("-10", "kg", (Decimal(-10), "kg")),
        ("0", "lb", (Decimal(0), "lb")),
    ],
)
def test_examples(written: str, unit: str, typed: tuple[Decimal, str]) -> None:
    assert recover_typed(Decimal(written), unit) == typed


@given(quarters=st.integers(min_value=1, max_value=4000))
def test_pounds_stored_as_strong_kilograms_come_back(quarters: int) -> None:
    pounds = Decimal(quarters) / 4
    stored = (pounds * STRONG_FACTOR).quantize(Decimal("0.00001"))
    off_step = stored % Decimal("0.25")
    if min(off_step, Decimal("0.25") - off_step) < Decimal("0.001"):
        return  # as stored, also (within a gram) a round number of kilograms: either reading is right
    assert recover_typed(stored, "kg") == (pounds.normalize() if pounds % 1 else pounds.quantize(1), "lb")


@given(quarters=st.integers(min_value=0, max_value=4000), unit=st.sampled_from(["kg", "lb"]))
def test_a_loadable_weight_stays_as_written(quarters: int, unit: str) -> None:
    value = Decimal(quarters) / 4
    typed, typed_unit = recover_typed(value, unit)
    assert (typed, typed_unit) == (value, unit)


@pytest.mark.parametrize(
    ("name", "category", "primary"),
    [
        ("Reverse Dumbbell Flyes", "", ("rear_delts",)),
        ("Leg Curl (Machine)", "", ("hamstrings",)),
        ("Preacher Curl", "", ("biceps",)),
        ("Pull Up (Weighted)", "", ("lats",)),
        ("Zercher Squat", "", ("quads", "glutes")),
        ("Sled push", "Legs", ("quads", "hamstrings", "glutes")),
        ("Something odd", "", FALLBACK),
    ],
)
def test_muscle_guess(name: str, category: str, primary: tuple[str, ...]) -> None:
    assert guess_muscles(name, category)[0] == primary

"""The set limits every entry path shares: hard limits that refuse, soft ones that make the web ask."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from repbook.core.sets import SetValueError, SetValues, check_set_values, unusual_set_values

D = Decimal
TODAY = date(2026, 12, 6)


def _check(values: SetValues, bodyweight: bool = False) -> None:
    check_set_values(values, measure="reps", bodyweight=bodyweight, performed_on=TODAY, today=TODAY)


def test_a_loaded_set_of_500_reps_is_refused_naming_the_field_and_the_limit() -> None:
    with pytest.raises(SetValueError) as caught:
        _check(SetValues(weight_kg=D(100), reps=500))
    assert str(caught.value) == "reps: must be from 0 to 100 in a set with a load"
    _check(SetValues(weight_kg=D(100), reps=100))


def test_long_unloaded_bodyweight_sets_have_more_room() -> None:
    _check(SetValues(reps=150), bodyweight=True)
    with pytest.raises(SetValueError, match=r"reps: must be from 0 to 300$"):
        _check(SetValues(reps=301), bodyweight=True)
    with pytest.raises(SetValueError, match="in a set with a load"):
        _check(SetValues(weight_kg=D(10), reps=150), bodyweight=True)


@pytest.mark.parametrize(
    ("values", "fields"),
    [
        (SetValues(weight_kg=D(100), reps=5), []),
        (SetValues(weight_kg=D(100), reps=30), []),
        (SetValues(weight_kg=D(100), reps=31), ["reps"]),
        (SetValues(reps=80), []),
        (SetValues(reps=120), ["reps"]),
        (SetValues(weight_kg=D(350), reps=45), ["reps", "weight"]),
        (SetValues(duration_s=3600), ["duration_s"]),
        (SetValues(distance_m=D(20_000)), ["distance_m"]),
    ],
)
def test_unusual_values_are_named(values: SetValues, fields: list[str]) -> None:
    assert [u.field for u in unusual_set_values(values)] == fields


def test_an_unusual_value_says_what_is_unusual() -> None:
    (unusual,) = unusual_set_values(SetValues(weight_kg=D(100), reps=45))
    assert unusual.message == "45 reps with a load is unusual (more than 30)"

"""Formulas against the numbers in DOMAIN.md, cell by cell and at several points."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from repbook.core.e1rm import FORMULAS, Estimate, estimate_1rm, estimate_set
from repbook.core.rpe import e1rm_from_rpe, load_for, percent_of_1rm
from repbook.core.scores import dots, ipf_gl, wilks, wilks2020

WHOLE = [100, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6, 59.9]
HALF = [97.8, 93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0, 61.3, 58.6]


@pytest.mark.parametrize(
    "rpe",
    [
        Decimal(10),
        Decimal("9.5"),
        Decimal(9),
        Decimal("8.5"),
        Decimal(8),
        Decimal("7.5"),
        Decimal(7),
        Decimal("6.5"),
        Decimal(6),
    ],
)
@pytest.mark.parametrize("reps", range(1, 11))
def test_rpe_chart_cell_by_cell(reps: int, rpe: Decimal) -> None:
    position = Decimal(reps) + 10 - rpe
    whole = int(position)
    expected = WHOLE[whole - 1] if position == whole else HALF[whole - 1]
    assert percent_of_1rm(reps, rpe) == expected


def test_five_at_rpe_8() -> None:
    assert percent_of_1rm(5, Decimal(8)) == 81.1
    assert e1rm_from_rpe(100, 5, Decimal(8)) == pytest.approx(100 / 0.811)
    assert load_for(200, 5, Decimal(8)) == pytest.approx(162.2)
    assert percent_of_1rm(14, Decimal(6)) is None


@pytest.mark.parametrize(
    ("formula", "expected"),
    [("epley", 116.667), ("brzycki", 112.5), ("lander", 113.71), ("lombardi", 117.46), ("mayhew", 119.04),
     ("oconner", 112.5), ("wathan", 116.62)],
)  # fmt: skip
def test_e1rm_formulas_at_100kg_for_5(formula: str, expected: float) -> None:
    assert estimate_1rm(100, 5, formula) == pytest.approx(expected, abs=0.05)


@given(st.floats(1, 500), st.sampled_from(sorted(FORMULAS)))
def test_one_rep_estimates_the_weight_itself(weight: float, formula: str) -> None:
    assert estimate_1rm(weight, 1, formula) == weight


@given(st.floats(1, 500), st.integers(1, 29), st.sampled_from(sorted(FORMULAS)))
def test_more_reps_at_the_same_weight_never_lower_the_estimate(
    weight: float, reps: int, formula: str
) -> None:
    lower = estimate_1rm(weight, reps, formula)
    higher = estimate_1rm(weight, reps + 1, formula)
    assert lower is not None and higher is not None and higher >= lower


def test_domain_guards() -> None:
    assert estimate_1rm(100, 0) is None and estimate_1rm(0, 5) is None
    assert estimate_1rm(100, 37, "brzycki") is None
    with pytest.raises(ValueError, match="unknown formula"):
        estimate_1rm(100, 5, "guess")


def test_strength_scores_at_known_points() -> None:
    # Reference values computed by hand from DOMAIN.md (Horner form, written out separately):
    # a 90 kg man totalling 600 kg and a 60 kg woman totalling 350 kg.
    assert wilks(600, 90, "m") == pytest.approx(383.04, abs=0.05)  # coefficient 0.6384
    assert wilks2020(600, 90, "m") == pytest.approx(460.20, abs=0.05)
    assert dots(600, 90, "m") == pytest.approx(387.96, abs=0.05)
    assert ipf_gl(600, 90, "m") == pytest.approx(79.77, abs=0.05)
    assert dots(350, 60, "f") == pytest.approx(387.99, abs=0.05)
    assert ipf_gl(600, 30, "m") == 0.0
    assert wilks(600, 300, "m") == wilks(600, 201.9, "m"), "body weight is clamped"
    with pytest.raises(ValueError):
        wilks(600, 90, "x")


@given(
    st.floats(1, 500),
    st.integers(1, 14),
    st.sampled_from([Decimal(x) / 2 for x in range(13, 21)]),
)
def test_set_estimates_from_rpe_rise_with_reps_and_fall_with_effort(
    weight: float, reps: int, rpe: Decimal
) -> None:
    assume(reps + 1 + 10 - rpe <= Decimal("15.5"))  # inside the chart; past it the formula takes over
    base = estimate_set(weight, reps, rpe)
    assert base is not None and base.from_rpe
    more_reps = estimate_set(weight, reps + 1, rpe)
    assert more_reps is not None and more_reps.kg >= base.kg
    if rpe < 10:
        harder = estimate_set(weight, reps, rpe + Decimal("0.5"))
        assert harder is not None and harder.kg <= base.kg
    assert base.reliable == (reps <= 12)


def test_set_estimate_edges() -> None:
    assert estimate_set(100, 1) == Estimate(100, True, False)
    assert estimate_set(100, 1, rir=0) == Estimate(100, True, True)
    assert estimate_set(0, 5) is None and estimate_set(100, 0) is None and estimate_set(100, 31) is None
    off_chart = estimate_set(100, 20, Decimal(6))  # 24 reps to failure: past the chart, so the formula
    assert off_chart is not None and not off_chart.from_rpe and not off_chart.reliable
    with pytest.raises(ValueError, match="unknown formula"):
        estimate_set(100, 5, formula="guess")

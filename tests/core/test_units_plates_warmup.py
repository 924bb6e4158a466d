from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from repbook.core.plates import STANDARD_SETUPS, barbell_setup, plates_per_side
from repbook.core.units import KG_PER_LB, format_weight, from_kg, plain, to_kg
from repbook.core.warmup import round_down, warmup_ramp

D = Decimal
KG_PLATES = [D(p) for p in ("25", "20", "15", "10", "5", "2.5", "1.25")]


def test_pound_is_exact() -> None:
    assert D("0.45359237") == KG_PER_LB
    assert to_kg(D(135), "lb") == D("61.235")
    assert from_kg(D("61.23492"), "lb") == D("135.00")


@given(st.decimals(min_value=0, max_value=2000, places=1))
def test_pounds_survive_the_round_trip_to_stored_kilograms(lb: Decimal) -> None:
    assert from_kg(to_kg(lb, "lb"), "lb", places=1) == lb


def test_format_weight_shows_what_was_typed() -> None:
    assert format_weight(D("61.235"), "lb", D(135), "lb") == "135 lb"
    assert format_weight(D("96.7500"), "kg") == "96.75 kg"
    assert format_weight(D("100.000"), "kg") == "100 kg"
    assert format_weight(D("61.235"), "kg", D(135), "lb") == "61.24 kg"
    assert plain(D("-0.000")) == "0"


def test_plates_for_100kg_on_a_20kg_bar() -> None:
    load = plates_per_side(D(100), D(20), KG_PLATES)
    assert load.per_side == (D(25), D(15))
    assert load.exact


def test_plates_never_exceed_the_target_and_report_the_shortfall() -> None:
    load = plates_per_side(D("101"), D(20), KG_PLATES)
    assert load.total == D("100") and load.short_by == D(1)
    assert plates_per_side(D(15), D(20), KG_PLATES).per_side == ()


def test_plates_respect_the_inventory() -> None:
    # 60 kg a side with one pair of 25s: the rest must come from smaller plates.
    load = plates_per_side(D(140), D(20), KG_PLATES, {D(25): 1, D(20): 1, D(15): 1, D(10): 2})
    assert load.per_side == (D(25), D(20), D(15))
    short = plates_per_side(D(140), D(20), KG_PLATES, {D(25): 1, D(10): 1})
    assert short.per_side == (D(25), D(10)) and short.short_by == D(50)


def test_standard_barbell_follows_the_unit() -> None:
    assert barbell_setup("lb") == STANDARD_SETUPS["lb"]
    assert STANDARD_SETUPS["lb"].bar == D(45) and STANDARD_SETUPS["lb"].plates[0] == D(45)
    assert plates_per_side(D(225), D(45), STANDARD_SETUPS["lb"].plates).per_side == (D(45), D(45))
    own = barbell_setup("kg", bar_kg=D(15), plates_kg=[D(10), D(5)], step_kg=D(1))
    assert (own.bar, own.plates, own.step) == (D(15), (D(10), D(5)), D(1))
    assert barbell_setup("lb", bar_kg=D("20.412")).bar == D(45)


def test_warmup_ramp_before_100kg() -> None:
    ramp = warmup_ramp(D(100), D(20), D("2.5"))
    assert [(s.weight, s.reps) for s in ramp] == [(D(20), 10), (D(40), 5), (D(60), 3), (D(80), 1)]


def test_warmup_skips_steps_below_the_bar() -> None:
    ramp = warmup_ramp(D(40), D(20), D("2.5"))
    assert [(s.weight, s.reps) for s in ramp] == [(D(20), 10), (D(22.5), 3), (D(30), 1)]
    assert warmup_ramp(D(20), D(20), D("2.5")) == []


@given(st.decimals(min_value=0, max_value=500, places=2), st.sampled_from([D("2.5"), D(5), D(1)]))
def test_round_down_is_a_loadable_multiple_never_above(weight: Decimal, step: Decimal) -> None:
    rounded = round_down(weight, step)
    assert rounded <= weight and rounded % step == 0 and weight - rounded < step


def test_a_bodyweight_exercise_that_may_hold_free_weights_is_loaded_as_added_weight() -> None:
    from repbook.core.loadable import loading_kind

    lunge = frozenset({"bodyweight", "dumbbell", "barbell"})
    assert loading_kind(lunge, 0.8) == "added"  # starts at body weight; dumbbells or a bar add to it
    assert loading_kind(frozenset({"barbell"}), 0.0) == "barbell"  # the barbell lunge
    assert loading_kind(frozenset({"bodyweight", "machine"}), 1.0) == "machine"  # an assisting stack
    assert loading_kind(frozenset({"bodyweight", "pull_up_bar"}), 0.95) == "added"

"""What a user's equipment lets them do: fixtures all needed, one of the listed loads enough."""

from __future__ import annotations

from repbook.core.equipment import can_do


def test_bodyweight_is_always_owned() -> None:
    assert can_do({"bodyweight"}, set())


def test_one_of_several_loads_is_enough() -> None:
    calf_raise = {"machine", "barbell", "dumbbell", "smith_machine"}
    assert can_do(calf_raise, {"dumbbell"})
    assert not can_do(calf_raise, {"kettlebell"})


def test_every_fixture_is_needed() -> None:
    landmine_press = {"barbell", "landmine"}
    assert not can_do(landmine_press, {"barbell"})
    assert can_do(landmine_press, {"barbell", "landmine"})
    assert not can_do({"dumbbell", "bench"}, {"dumbbell"})


def test_a_bodyweight_exercise_may_add_free_weights_it_does_not_need() -> None:
    assert can_do({"bodyweight", "dumbbell", "barbell"}, set())


def test_bodyweight_does_not_stand_in_for_a_machine() -> None:
    assisted_pull_up = {"machine", "bodyweight"}
    assert not can_do(assisted_pull_up, set())
    assert can_do(assisted_pull_up, {"machine"})

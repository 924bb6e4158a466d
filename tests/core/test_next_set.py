"""The next-set rule: what follows the set just done, and which program target a set fills."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from repbook.core.next_set import PlannedSet, SetAmounts, next_set, target_slot

D = Decimal


def _done(weight: str, reps: int, set_type: str = "working") -> SetAmounts:
    return SetAmounts(set_type, D(weight), reps)


def test_the_set_just_done_is_repeated_not_last_times_same_number() -> None:
    last = [_done("30", 10), _done("30", 8), _done("30", 8)]
    chosen = next_set([_done("30", 10)], last, [])
    assert chosen.values == _done("30", 10) and chosen.last_time == 1


def test_added_load_on_a_bodyweight_exercise_is_kept_over_a_zero_target() -> None:
    targets = [PlannedSet("working", D(0), 12)] * 3
    assert next_set([_done("10", 12)], [], targets).values == _done("10", 12)


def test_a_new_prescription_wins_over_the_set_just_done() -> None:
    targets = [
        PlannedSet("working", D(65), 5),
        PlannedSet("working", D(75), 5),
        PlannedSet("amrap", D(85), 5),
    ]
    assert next_set([_done("65", 5)], [], targets).values == _done("75", 5)
    assert next_set([_done("65", 5), _done("75", 5)], [], targets).values == SetAmounts("amrap", D(85), 5)


def test_the_first_set_is_last_times_first_working_set() -> None:
    last = [_done("60", 5, "warmup"), _done("100", 5), _done("100", 4)]
    chosen = next_set([], last, [])
    assert chosen.values == _done("100", 5) and chosen.last_time == 1


def test_the_target_wins_for_the_first_working_set_and_fills_what_it_leaves_out() -> None:
    last = [_done("16", 10)]
    assert next_set([], last, [PlannedSet("working", D(18), 8)]).values == _done("18", 8)
    assert next_set([], last, [PlannedSet("working", None, 8)]).values == _done("16", 8)


def test_program_warm_ups_first_then_working_targets_whole() -> None:
    targets = [
        PlannedSet("warmup", D(40), 5),
        PlannedSet("working", D(100), 5),
        PlannedSet("working", D(100), 5),
    ]
    first = next_set([], [], targets)
    assert first.values == _done("40", 5, "warmup") and first.target == 0
    second = next_set([_done("40", 5, "warmup")], [], targets)
    assert second.values == _done("100", 5) and second.target == 1


def test_a_warm_up_is_only_prefilled_as_a_warm_up() -> None:
    assert next_set([_done("40", 5, "warmup")], [], []).values == _done("40", 5, "warmup")
    assert next_set([], [_done("40", 5, "warmup")], []).values == SetAmounts()


def test_an_amrap_set_is_not_repeated_as_amrap() -> None:
    assert next_set([_done("85", 8, "amrap")], [], []).values == _done("85", 8)


def test_warm_ups_never_take_working_targets() -> None:
    types = ["working", "working"]
    assert target_slot("warmup", [], types) is None
    assert target_slot("working", ["warmup", "warmup"], types) == 0
    assert target_slot("working", ["warmup", "working"], types) == 1
    assert target_slot("working", ["working", "working"], types) is None
    assert target_slot("warmup", ["working"], ["warmup", "working", "working"]) == 0


@given(st.lists(st.sampled_from(["warmup", "working", "amrap", "drop"]), max_size=8))
def test_each_target_is_filled_at_most_once_and_only_by_its_kind(done: list[str]) -> None:
    targets = ["warmup", "working", "working", "amrap"]
    slots = [target_slot(t, done[:i], targets) for i, t in enumerate(done)]
    filled = [s for s in slots if s is not None]
    assert len(filled) == len(set(filled))
    for set_type, slot in zip(done, slots, strict=True):
        if slot is not None:
            assert (targets[slot] == "warmup") == (set_type == "warmup")

"""Supersets: their labels (never run out) and where a lifter goes after each set (A1 → A2 → rest → A1)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from repbook.core.supersets import MAX_LABEL, Member, group_label, step_after


def test_labels_go_on_past_z() -> None:
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    assert group_label([]) == "A"
    assert group_label(["A", "C"]) == "B"
    assert group_label(letters) == "AA"
    assert group_label([*letters, "AA"]) == "AB"
    assert group_label(["a"]) == "B", "labels compare without case (program text upper-cases them)"


@given(st.integers(min_value=0, max_value=800))
def test_a_new_label_is_always_free_and_fits_the_column(count: int) -> None:
    used: list[str] = []
    for _ in range(count):
        used.append(group_label(used))
    label = group_label(used)
    assert label not in used and 0 < len(label) <= MAX_LABEL and label.isalpha()


def test_after_the_first_exercise_go_to_the_second_without_rest_then_rest_after_the_round() -> None:
    a1, a2 = Member(1, done=1), Member(2, done=0)
    step = step_after([a1, a2], 1)
    assert (step.go_to, step.rest) == (2, False)
    step = step_after([Member(1, done=1), Member(2, done=1)], 2)
    assert (step.go_to, step.rest) == (1, True)


def test_a_tri_set_rests_only_after_the_third() -> None:
    assert (step_after([Member(1, 2), Member(2, 1), Member(3, 1)], 1).go_to) == 2
    assert step_after([Member(1, 2), Member(2, 2), Member(3, 1)], 2).rest is False
    step = step_after([Member(1, 2), Member(2, 2), Member(3, 2)], 3)
    assert (step.go_to, step.rest) == (1, True)


def test_an_exercise_whose_planned_sets_are_done_is_skipped() -> None:
    # A2 has its 3 sets; A1 has a fourth: stay on A1, resting between its sets.
    members = [Member(1, done=3, planned=4), Member(2, done=3, planned=3)]
    step = step_after(members, 1)
    assert (step.go_to, step.rest) == (1, True)
    # Everything done: rest, and stay where you are.
    done = [Member(1, done=3, planned=3), Member(2, done=3, planned=3)]
    assert (step_after(done, 2).go_to, step_after(done, 2).rest) == (2, True)

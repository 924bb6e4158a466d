"""The rules where Repbook once differed from the canonical programs: first sessions, deloads,
GZCLP starting loads, the 5/3/1 training max and the first load added to a bodyweight exercise."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.core.progression.helpers import D, Walk, best, context, line, loads, sets

FIRST_TIME_LINES = [
    ("Squat: 5x3+; gzclp t1 +5kg", ("20", 3, 2)),
    ("Bench: 3x10; gzclp t2 +2.5kg", ("20", 10, 8)),
    ("Squat: 5x5; linear +2.5kg", ("20", 5, 4)),
    ("Squat: 3x5+; amrap +2.5kg", ("20", 5, 3)),
    ("Row: 3x8-12; double", ("20", 6, 6)),
]


@pytest.mark.parametrize(("text", "done"), FIRST_TIME_LINES)
def test_a_short_first_session_is_never_a_failure(text: str, done: tuple[str, int, int]) -> None:
    walk = Walk(line(text), context(new_exercise=True))
    first = walk.plan()
    assert first.groups[0].sets == 2 and "first time: 2 sets" in first.reason
    walk.did(sets(*done))
    state, plan = walk.state_and_plan()
    assert (state.stage, state.failures, state.direction) == (0, 0, 0)
    assert plan.groups[0].sets == line(text).groups[0].sets
    assert loads(plan)[0] == D(20) and "first session done: this time every set" in plan.reason


def test_gzclp_first_session_of_two_full_sets_moves_on_at_the_first_stage() -> None:
    walk = Walk(line("Squat: 5x3+; gzclp t1 +5kg"), context(new_exercise=True))
    plan = walk.did(sets("20", 3, 5))
    assert [(g.sets, g.reps_min, g.load_kg) for g in plan.groups] == [(5, 3, D(25))]
    plan = Walk(line("Bench: 3x10; gzclp t2 +2.5kg"), context(new_exercise=True)).did(sets("20", 10, 10))
    assert [(g.sets, g.reps_min, g.load_kg) for g in plan.groups] == [(3, 10, D("22.5"))]


def test_531_first_session_short_of_a_plus_set_does_not_cut_the_training_max() -> None:
    text = "Squat: 1x5 @ 65% TM, 1x5 @ 75% TM, 1x5+ @ 85% TM; 531 +5kg"
    walk = Walk(line(text), context(new_exercise=True))
    walk.did(sets("60", 5, 5, 3), last_week=True)  # no TM yet: it comes from these sets
    state, _ = walk.state_and_plan()
    assert state.missed_amrap is False and state.training_max_kg is not None


def test_a_first_session_at_the_top_of_the_range_progresses() -> None:
    ctx = context("added", step="2.5", base="0", new_exercise=True, bodyweight=True)
    walk = Walk(line("Back extension: 3x10-12 @ +10kg; double"), ctx)
    plan = walk.did(sets("10", 12, 12, 12))  # judged against the two sets shown the first time
    assert (plan.groups[0].sets, loads(plan)[0]) == (3, D("12.5"))
    assert plan.reason == (
        "last time 2 × 12 at body weight + 10 kg, the top of 10–12 on every set → body weight + 12.5 kg × 10"
    )
    plan = walk.did(sets("12.5", 12, 12, 12))
    assert plan.reason == (
        "last time 3 × 12 at body weight + 12.5 kg, the top of 10–12 on every set → body weight + 15 kg × 10"
    )


def test_linear_deloads_from_the_weight_lifted_the_same_way_every_time() -> None:
    walk = Walk(line("Squat: 5x5 @ 40kg; linear +2.5kg"), context())
    deloads = []
    for _ in range(3):
        for _ in range(3):
            plan = walk.did(sets("40", 5, 5, 5, 5, 3))
        deloads.append((loads(plan)[0], plan.reason))
        for load in ("35", "37.5"):
            walk.did(sets(load, 5, 5, 5, 5, 5))
    assert deloads == [(D(35), "3 failed sessions at 40 kg: deload 10 % → 35 kg × 5")] * 3


def test_double_cut_after_two_sessions_below_the_range_is_from_the_weight_lifted() -> None:
    walk = Walk(line("Row: 3x8-12 @ 52.5kg; double"), context())
    walk.did(sets("52.5", 6, 6, 6))
    assert loads(walk.did(sets("52.5", 6, 6, 5)))[0] == D("47.5")  # 47.25 → 47.5


@pytest.mark.parametrize(("tier", "expected"), [(1, "50"), (2, "40")])
def test_gzclp_starts_at_85_and_65_percent_of_the_5_rep_max(tier: int, expected: str) -> None:
    text = "Squat: 5x3+; gzclp t1 +5kg" if tier == 1 else "Squat: 3x10; gzclp t2 +5kg"
    walk = Walk(line(text), context(best=best("60", 5, "70")))
    plan = walk.plan()
    assert loads(plan)[0] == D(expected)
    assert f"T{tier} starts at {85 if tier == 1 else 65} % of it" in plan.reason


def test_531_training_max_rounds_down() -> None:
    walk = Walk(line("Squat: 1x5+ @ 85% TM; 531 +5kg"), context(best=best("80", 5, "93.333")))
    state, plan = walk.state_and_plan()
    assert state.training_max_kg == D("82.5")  # 90 % of 93.3 = 84 → 82.5, not 85
    assert loads(plan)[0] == D(70)


def test_the_first_load_added_to_a_bodyweight_exercise_comes_from_the_exercise() -> None:
    ctx = context("added", step="1.25", base="0", bodyweight=True, first_added_kg=Decimal(5))
    walk = Walk(line("Back extension: 3x10-12; double"), ctx)
    plan = walk.did(sets(None, 12, 12, 12))
    assert loads(plan)[0] == D(5) and "5 kg to start as the exercise's page suggests" in plan.reason
    assert loads(walk.did(sets("5", 12, 12, 12)))[0] == D("6.25")  # then the usual step


def test_the_readme_example_is_what_repbook_says() -> None:
    walk = Walk(line("Cable row: 3x10-12 @ 10kg; double"), context("machine", step="2.5", base="0"))
    plan = walk.did(sets("10", 12, 12, 12))
    assert plan.reason == "last time 3 × 12 at 10 kg, the top of 10–12 on every set → 12.5 kg × 10"


def test_a_short_session_back_after_pain_is_not_a_failure_either() -> None:
    walk = Walk(line("Squat: 5x5 @ 50kg; linear +2.5kg"), context())
    walk.did(sets("50", 5, 5, 5, 5, 3))  # one failure at 50 kg
    walk.did(sets("50", 5, 5, 5, 5, 5, pain=True))
    light = walk.plan()
    assert (light.groups[0].sets, loads(light)[0]) == (4, D(40))  # 20 % lighter, a set fewer
    walk.did(sets("40", 5, 5, 5, 3))
    state, plan = walk.state_and_plan()
    assert (state.failures, state.direction, loads(plan)[0]) == (1, 0, D(40))
    assert plan.reason.startswith("back after pain: this time every set, still at 40 kg")


def test_gzclp_t2_at_its_last_stage_does_not_reset_on_a_short_session_after_pain() -> None:
    walk = Walk(line("Bench: 3x10 @ 50kg; gzclp t2"), context())
    walk.did(sets("50", 10, 10, 8))
    walk.did(sets("50", 8, 8, 6))
    walk.did(sets("50", 6, 6, 6, pain=True))
    walk.did(sets("40", 6, 4))
    state, plan = walk.state_and_plan()
    assert (state.stage, plan.groups[0].sets, plan.groups[0].reps_min) == (2, 3, 6)

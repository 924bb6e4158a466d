"""Double, linear and AMRAP progression walked through weeks of sessions: loads and their reasons."""

from __future__ import annotations

from repbook.core.progression import Override
from tests.core.progression.helpers import D, Walk, best, context, line, loads, sets


def test_double_progression_adds_reps_then_load_and_restarts_at_the_bottom() -> None:
    walk = Walk(line("Dumbbell row: 3x8-10 @ 20kg; double"), context("dumbbell", step="2"))
    assert loads(walk.plan()) == [D(20)]
    plan = walk.did(sets("20", 9, 8, 8))
    assert loads(plan) == [D(20)]
    assert (
        plan.reason
        == "last time 9, 8, 8 at 20 kg: stay at 20 kg and add reps until every set reaches 10 → 20 kg × 8–10"
    )
    plan = walk.did(sets("20", 10, 10, 9))  # partial: one set short of the top
    assert loads(plan) == [D(20)]
    plan = walk.did(sets("20", 10, 10, 10))
    assert loads(plan) == [D(22)]
    assert plan.reason == "last time 3 × 10 at 20 kg, the top of 8–10 on every set → 22 kg × 8"
    assert (plan.groups[0].reps_min, plan.groups[0].reps_max) == (8, 10)


def test_double_progression_below_the_range_twice_takes_ten_percent_off() -> None:
    walk = Walk(line("Curl: 3x10-12 @ 20kg; double"), context("dumbbell", step="2"))
    plan = walk.did(sets("20", 8, 7, 6))
    assert loads(plan) == [D(20)] and "if it happens again, 10 % lighter" in plan.reason
    plan = walk.did(sets("20", 8, 8, 7))
    assert loads(plan) == [D(18)] and "below 10 reps two sessions running" in plan.reason


def test_the_seed_example_back_extension_with_a_plate() -> None:
    walk = Walk(line("Back extension: 3x10-12 @ 10kg; double"), context("free", step="2.5"))
    plan = walk.did(sets("10", 12, 12, 12))
    assert plan.reason == "last time 3 × 12 at 10 kg, the top of 10–12 on every set → 12.5 kg × 10"


def test_bodyweight_exercise_adds_the_smallest_step_once_the_top_is_reached() -> None:
    ctx = context("added", step="1.25", bodyweight=True)
    walk = Walk(line("Back extension: 3x10-12; double"), ctx)
    plan = walk.plan()
    assert loads(plan) == [D(0)] and plan.reason == "start with body weight alone → body weight × 10–12"
    plan = walk.did(sets(None, 12, 12, 11))
    assert loads(plan) == [D(0)]
    plan = walk.did(sets(None, 12, 12, 12))
    assert loads(plan) == [D("1.25")]
    assert "the top of 10–12 on every set: time to add weight (hold a plate" in plan.reason
    assert plan.reason.endswith("→ body weight + 1.25 kg × 10")


def test_linear_adds_the_increment_and_deloads_after_three_failures() -> None:
    walk = Walk(line("Squat: 3x5 @ 100kg; linear"), context())
    assert loads(walk.did(sets("100", 5, 5, 5))) == [D("102.5")]
    plan = walk.did(sets("102.5", 5, 5, 3))
    assert loads(plan) == [D("102.5")]
    assert "1 failed session at 102.5 kg; 2 more and the weight drops 10 %" in plan.reason
    plan = walk.did(sets("102.5", 5, 4, 3))
    assert plan.reason.startswith("last time 5, 4, 3 at 102.5 kg, short of 3 × 5: 2 failed sessions")
    assert "one more and the weight drops 10 %" in plan.reason
    plan = walk.did(sets("102.5", 5, 5))  # only two of three sets: a failure too
    assert loads(plan) == [D("92.5")]  # 102.5 × 0.9 = 92.25, shown as the nearest lower load
    assert plan.reason == "3 failed sessions at 102.5 kg: deload 10 % → 92.5 kg × 5"
    assert loads(walk.did(sets("92.5", 5, 5, 5))) == [D(95)]


def test_linear_deadlift_uses_its_own_increment() -> None:
    walk = Walk(line("Deadlift: 1x5 @ 140kg; linear +5kg"), context())
    assert loads(walk.did(sets("140", 5))) == [D(145)]


def test_rounding_never_stalls_a_small_increment() -> None:
    """+1 kg a session on dumbbells that go up in 2 kg: every success still raises the load."""
    walk = Walk(line("Curl: 3x12 @ 10kg; linear +1kg"), context("dumbbell", step="2"))
    shown = []
    for _ in range(4):
        load = walk.plan().groups[0].load_kg
        shown.append(load)
        walk.did(sets(str(load), 12, 12, 12))
    assert shown == [D(10), D(12), D(14), D(16)]


def test_rounding_keeps_the_exact_target_for_pounds() -> None:
    """A 2.5 kg rule for a pound user: loads stay on 5 lb steps of a 45 lb bar and keep rising."""
    walk = Walk(line("Bench: 3x5 @ 135lb; linear +2.5kg"), context(unit="lb", step="5", base="45"))
    shown = []
    for _ in range(3):
        load = walk.plan().groups[0].load_kg
        shown.append(load)
        walk.did(sets(str(load), 5, 5, 5))
    assert shown == [D("61.235"), D("63.503"), D("65.771")]  # 135, 140, 145 lb


def test_a_load_set_by_hand_is_used_and_the_rule_goes_on_from_it() -> None:
    walk = Walk(line("Deadlift: 3x5; linear +5kg"), context(), Override(after=1, load_kg=D(100)))
    plan = walk.did(sets("60", 5, 5, 5))
    assert loads(plan) == [D(100)] and plan.reason == "100 kg, set by hand → 100 kg × 5"
    plan = walk.did(sets("100", 5, 5, 5))
    assert loads(plan) == [D(105)] and plan.reason.startswith("last time 3 × 5 at 100 kg, every rep")


def test_amrap_sizes_the_jump_by_the_reps_over_target() -> None:
    walk = Walk(line("Bench: 3x5+ @ 60kg; amrap +2.5kg"), context())
    plan = walk.did(sets("60", 5, 5, 6))
    assert loads(plan) == [D("62.5")] and "went 1 rep past 5, so 1 × 2.5 kg" in plan.reason
    assert loads(walk.did(sets("62.5", 5, 5, 9))) == [D("67.5")]
    assert loads(walk.did(sets("67.5", 5, 5, 12))) == [D(75)]
    plan = walk.did(sets("75", 5, 5, 4))
    assert loads(plan) == [D(75)] and "1 failed session at 75 kg" in plan.reason


def test_new_exercise_starts_light_from_history_with_few_sets() -> None:
    ctx = context(best=best("100", 5, "116.7"), new_exercise=True)
    plan = Walk(line("Squat: 3x5; linear"), ctx).plan()
    assert plan.groups[0].sets == 2  # never done in Repbook: fewer sets, even with a light start
    ctx = context(new_exercise=True)
    plan = Walk(line("Squat: 3x5; linear"), ctx).plan()
    assert plan.groups[0].sets == 2 and loads(plan) == [D(20)]
    assert plan.reason.startswith(
        "first time: 2 sets to learn the movement; new exercise: start with the empty bar"
    )


def test_history_gives_a_light_start() -> None:
    plan = Walk(line("Squat: 3x5; linear"), context(best=best("100", 5, "116.7"))).plan()
    assert loads(plan) == [D("92.5")]  # 5 reps at RPE 7 is 78.6 % of 116.7 = 91.7
    assert "your best recent set, 100 kg × 5, estimates a 1RM of 116.7 kg" in plan.reason


def test_pain_backs_off_then_the_rule_resumes() -> None:
    walk = Walk(line("Back extension: 3x10-12 @ 10kg; double"), context("free", step="2.5"))
    plan = walk.did(sets("10", 12, 12, 12, pain=True))
    assert loads(plan) == [D("7.5")] and plan.groups[0].sets == 2
    assert "one to two weeks off" in plan.caution
    assert plan.reason.startswith("you reported pain: 20 % lighter and one set fewer")
    plan = walk.did(sets("7.5", 12, 12))  # both sets asked for, at the top: volume comes back first
    assert loads(plan) == [D("7.5")] and plan.groups[0].sets == 3 and plan.caution == ""
    assert plan.reason.startswith("back after pain: this time every set, still at 7.5 kg")
    assert loads(walk.did(sets("7.5", 12, 12, 12))) == [D(10)]

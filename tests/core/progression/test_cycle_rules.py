"""GZCLP tiers, 5/3/1 waves with their training max, RPE loads and fixed lines, over several weeks."""

from __future__ import annotations

from repbook.core.program_text import parse_program
from repbook.core.progression import Override
from tests.core.progression.helpers import D, Walk, best, context, line, loads, sets


def _scheme(plan):  # type: ignore[no-untyped-def]
    return [(g.sets, g.reps_min, g.amrap, g.load_kg) for g in plan.groups]


def test_gzclp_t1_moves_through_the_stages_and_restarts() -> None:
    walk = Walk(line("Squat: 5x3+ @ 80kg; gzclp t1 +5kg"), context())
    assert _scheme(walk.plan()) == [(5, 3, True, D(80))]
    assert _scheme(walk.did(sets("80", 3, 3, 3, 3, 6))) == [(5, 3, True, D(85))]
    plan = walk.did(sets("85", 3, 3, 3, 3, 2))
    assert _scheme(plan) == [(6, 2, True, D(85))]
    assert "short of 5 × 3: next stage, 6 × 2 at the same 85 kg" in plan.reason
    assert _scheme(walk.did(sets("85", 2, 2, 2, 2, 2, 4))) == [(6, 2, True, D(90))]
    assert _scheme(walk.did(sets("90", 2, 2, 2, 1, 1, 1))) == [(10, 1, True, D(90))]
    plan = walk.did(sets("90", *[1] * 9))  # nine singles of ten: the next session tests a 5-rep max
    assert _scheme(plan) == [(1, 5, False, None)]
    assert "test a new 5-rep max" in plan.reason and "5 × 3 at 85 % of it" in plan.reason
    plan = walk.did(sets("95", 5))
    assert _scheme(plan) == [(5, 3, True, D("80"))]  # 85 % of 95 = 80.75 → 80
    assert "new 5-rep max 95 kg: 5 × 3 again at 85 % of it" in plan.reason
    assert _scheme(walk.did(sets("80", 3, 3, 3, 3, 5))) == [(5, 3, True, D(85))]


def test_gzclp_t2_stages() -> None:
    walk = Walk(line("Bench: 3x10 @ 50kg; gzclp t2"), context())
    assert _scheme(walk.did(sets("50", 10, 10, 10))) == [(3, 10, False, D("52.5"))]
    assert _scheme(walk.did(sets("52.5", 10, 9, 8))) == [(3, 8, False, D("52.5"))]
    assert _scheme(walk.did(sets("52.5", 8, 7, 7))) == [(3, 6, False, D("52.5"))]
    plan = walk.did(sets("52.5", 6, 5, 5))  # back to 3 × 10 at the last 3 × 10 load + 7.5 kg
    assert _scheme(plan) == [(3, 10, False, D(60))]
    assert "back to 3 × 10 at your last 3 × 10 weight, 52.5 kg, + 7.5 kg" in plan.reason


def test_gzclp_t2_reset_on_a_lower_body_lift_adds_10_kg() -> None:
    walk = Walk(line("Squat: 3x6 @ 60kg; gzclp t2 +5kg"), context())
    walk.did(sets("60", 10, 9, 9))
    walk.did(sets("60", 8, 8, 6))
    assert _scheme(walk.did(sets("60", 6, 6, 4))) == [(3, 10, False, D(70))]


def test_gzclp_t3_adds_load_when_the_last_set_reaches_25() -> None:
    walk = Walk(line("Lat pulldown: 3x15+ @ 30kg; gzclp t3"), context("machine", step="5", base="0"))
    plan = walk.did(sets("30", 15, 15, 20))
    assert loads(plan) == [D(30)] and "add weight once the last set reaches 25 reps" in plan.reason
    assert loads(walk.did(sets("30", 15, 15, 25))) == [D(35)]


FIVE_THREE_ONE = """\
Program: 531
Week 1
Day: Squat
Squat: warm-up 1x5 @ 40% TM, 1x5 @ 65% TM, 1x5 @ 75% TM, 1x5+ @ 85% TM; 531 +5kg
Week 2
Day: Squat
Squat: 1x3 @ 70% TM, 1x3 @ 80% TM, 1x3+ @ 90% TM; 531 +5kg
Week 3
Day: Squat
Squat: 1x5 @ 75% TM, 1x3 @ 85% TM, 1x1+ @ 95% TM; 531 +5kg
Week 4
Day: Squat
Squat: 1x5 @ 40% TM, 1x5 @ 50% TM, 1x5 @ 60% TM; 531 +5kg
"""


def _weeks():  # type: ignore[no-untyped-def]
    return [day.prescriptions[0] for day in parse_program(FIVE_THREE_ONE).days]


def test_531_loads_follow_the_training_max_and_it_rises_each_cycle() -> None:
    weeks = _weeks()
    walk = Walk(weeks[0], context(best=best("100", 5, "116.7")))
    plan = walk.plan()
    assert loads(plan) == [D("42.5"), D("67.5"), D(80), D(90)]  # TM 105 (90 % of 116.7, rounded)
    assert plan.reason == "training max 105 kg: 90 % of your estimated 1RM 116.7 kg (100 kg × 5)"
    assert plan.groups[-1].reason == "85 % of your training max, 105 kg"
    done = [
        sets("67.5", 5) + sets("80", 5) + sets("90", 8),
        sets("75", 3, 3, 6),
        sets("80", 5, 3, 3),
        sets("42.5", 5, 5, 5),
    ]
    for week, (prescription, logged) in enumerate(zip(weeks, done, strict=True), start=1):
        walk.prescription = weeks[week % 4]
        plan = walk.did(logged, week=week, last_week=week == 4, groups=prescription.groups)
    assert plan.reason == "cycle done, every + set made its reps: training max 105 kg → 110 kg"
    assert loads(plan) == [D(45), D("72.5"), D("82.5"), D("92.5")]


def test_531_a_missed_plus_set_lowers_the_training_max() -> None:
    weeks = _weeks()
    walk = Walk(weeks[0], context(), Override(after=0, training_max_kg=D(100)))
    assert walk.plan().reason == "training max 100 kg, set by hand"
    logged = [sets("65", 5, 5, 7), sets("70", 3, 3, 2), sets("75", 5, 3, 1), sets("40", 5, 5, 5)]
    for week, done in enumerate(logged, start=1):
        walk.prescription = weeks[week % 4]
        plan = walk.did(done, week=week, last_week=week == 4, groups=weeks[week - 1].groups)
        if week == 2:
            assert "a + set fell short this cycle" in plan.reason
    assert (
        plan.reason == "cycle done, but a + set fell short of its reps: training max 100 kg → 90 kg (−10 %)"
    )


def test_531_without_any_history_asks_for_weights_then_estimates() -> None:
    weeks = _weeks()
    walk = Walk(weeks[0], context())
    plan = walk.plan()
    assert loads(plan) == [None] * 4 and "no training max yet" in plan.reason
    walk.prescription = weeks[1]
    plan = walk.did(sets("60", 5, 5, 5), groups=weeks[0].groups)
    # 60 kg × 5 estimates a 1RM of 70 kg; 90 % of it is 63 kg, loadable as 62.5 kg
    assert plan.reason == "training max 62.5 kg: 90 % of the 1RM your sets estimate"
    assert loads(plan) == [D(45), D(50), D("57.5")]


def test_rpe_loads_come_from_the_estimated_1rm_and_follow_it() -> None:
    walk = Walk(line("Bench: 1x5 @ RPE 8, 3x5 @ RPE 7"), context(best=best("100", 5, "116.7")))
    plan = walk.plan()
    assert loads(plan) == [D(95), D("92.5")]  # 81.1 % and 78.6 % of 116.7
    assert plan.groups[0].reason == "5 reps at RPE 8 is 81.1 % of your estimated 1RM, 116.7 kg"
    plan = walk.did(sets("100", 5, rpe="8") + sets("92.5", 5, 5, 5))
    assert plan.reason == "estimated 1RM 123.31 kg from 100 kg × 5 @ RPE 8 last time"
    assert loads(plan) == [D(100), D("97.5")]


def test_fixed_lines_repeat_and_holds_stay() -> None:
    walk = Walk(line("Plank: 3x60s"), context("added", step="1.25", bodyweight=True))
    plan = walk.did(sets(None, 1, 1, 1))
    assert [(g.sets, g.seconds, g.load_kg) for g in plan.groups] == [(3, 60, D(0))]
    assert plan.reason == "the same as last time: this exercise does not progress → body weight × 60 s"
    walk = Walk(line("Curl: 3x10 @ 12kg; fixed"), context("dumbbell", step="2"))
    assert loads(walk.did(sets("12", 10, 10, 10))) == [D(12)]

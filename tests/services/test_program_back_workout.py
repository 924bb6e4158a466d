"""Six weeks of the back workout, logged set by set: the loads and reasons Repbook gives each week."""

from __future__ import annotations

from decimal import Decimal

from repbook.services.program.program_plan import NextWorkout, next_workout
from repbook.services.program.programs import start_next_workout, start_program
from repbook.services.workout.workout_entries import finish_workout
from repbook.services.workout.workouts import SetInput, log_set
from repbook.storage.models import User

D = Decimal


def _plan(user: User) -> dict[str, tuple[int, Decimal | None, str]]:
    """exercise slug -> (working sets, load in kg, reason)."""
    upcoming = next_workout(user)
    assert isinstance(upcoming, NextWorkout)
    out = {}
    for item in upcoming.exercises:
        working = [g for g in item.plan.groups if g.set_type == "working"]
        out[item.exercise.slug] = (sum(g.sets for g in working), working[0].load_kg, item.plan.reason)
    return out


def _train(user: User, sets: dict[str, tuple[str | None, list[int]]], pain: str = "") -> None:
    workout = start_next_workout(user)
    for slug, (weight, reps_list) in sets.items():
        for number, reps in enumerate(reps_list, start=1):
            hurt = slug == pain and number == len(reps_list)
            log_set(
                user,
                SetInput(slug, D(weight) if weight else None, reps=reps, workout=workout.pk, felt_pain=hurt),
            )
    finish_workout(user, workout.pk)


def test_six_weeks_of_the_back_workout(alice: User) -> None:
    start_program(alice, "back-workout")

    plan = _plan(alice)  # week 1: everything is new, so two light sets each
    assert plan["deadlift"][:2] == (2, D(20))
    assert "first time: 2 sets to learn the movement" in plan["deadlift"][2]
    assert plan["pull-up"][:2] == (2, D(0)) and plan["back-extension"][:2] == (2, D(0))
    assert plan["dumbbell-row"][:2] == (2, None)
    assert "pick a light weight you could lift 11 times" in plan["dumbbell-row"][2]
    _train(alice, {
        "deadlift": ("60", [5, 5]), "pull-up": (None, [8, 7]), "dumbbell-row": ("16", [10, 10]),
        "back-extension": (None, [12, 12]), "reverse-dumbbell-fly": ("6", [15, 15]),
    })  # fmt: skip

    plan = _plan(alice)  # week 2: every set; what reached its target moves on already
    assert plan["deadlift"] == (3, D(65), "last time 2 × 5 at 60 kg, every rep → 65 kg × 5")
    assert plan["pull-up"][:2] == (3, D(0))
    assert "last time 8, 7 with body weight alone: stay at body weight" in plan["pull-up"][2]
    assert plan["dumbbell-row"][:2] == (3, D(18)) and plan["reverse-dumbbell-fly"][:2] == (3, D(8))
    assert plan["back-extension"][:2] == (3, D(5))  # the exercise's own first added load
    assert "5 kg to start as the exercise's page suggests" in plan["back-extension"][2]
    _train(alice, {
        "deadlift": ("65", [5, 5, 5]), "pull-up": (None, [8, 8, 8]), "dumbbell-row": ("18", [8, 8, 8]),
        "back-extension": ("5", [10, 10, 10]), "reverse-dumbbell-fly": ("8", [12, 12, 10]),
    })  # fmt: skip

    plan = _plan(alice)  # week 3: every top reached → more weight
    assert plan["deadlift"] == (3, D(70), "last time 3 × 5 at 65 kg, every rep → 70 kg × 5")
    assert plan["pull-up"][1] == D("1.25")
    assert (
        "time to add weight (hold a plate or wear a belt) → body weight + 1.25 kg × 6" in plan["pull-up"][2]
    )
    assert plan["dumbbell-row"][1] == D(18) and plan["back-extension"][1] == D(5)
    _train(alice, {
        "deadlift": ("70", [5, 5, 4]), "pull-up": ("1.25", [6, 6, 6]), "dumbbell-row": ("18", [10, 10, 10]),
        "back-extension": ("5", [12, 12, 12]), "reverse-dumbbell-fly": ("8", [15, 15, 15]),
    })  # fmt: skip

    plan = _plan(alice)  # week 4: a missed rep holds the deadlift and counts a failure
    assert plan["deadlift"][1] == D(70)
    assert "1 failed session at 70 kg; 2 more and the weight drops 10 %" in plan["deadlift"][2]
    assert plan["dumbbell-row"] == (
        3, D(20), "last time 3 × 10 at 18 kg, the top of 8–10 on every set → 20 kg × 8"
    )  # fmt: skip
    assert plan["back-extension"][1] == D("6.25") and plan["reverse-dumbbell-fly"][1] == D(10)
    _train(alice, {
        "deadlift": ("70", [5, 4, 4]), "pull-up": ("1.25", [8, 8, 8]), "dumbbell-row": ("20", [8, 8, 8]),
        "back-extension": ("6.25", [12, 12, 12]), "reverse-dumbbell-fly": ("10", [12, 12, 12]),
    }, pain="back-extension")  # fmt: skip

    plan = _plan(alice)  # week 5: pain in the back extension backs it off
    assert "2 failed sessions at 70 kg; one more and the weight drops 10 %" in plan["deadlift"][2]
    assert plan["pull-up"][1] == D("2.5")
    sets, load, reason = plan["back-extension"]
    assert (sets, load) == (2, D(5)) and reason.startswith("you reported pain on ")
    upcoming = next_workout(alice)
    assert upcoming is not None
    caution = next(i.plan.caution for i in upcoming.exercises if i.exercise.slug == "back-extension")
    assert "take one to two weeks off it" in caution
    _train(alice, {
        "deadlift": ("70", [4, 4, 4]), "pull-up": ("2.5", [6, 6, 6]), "dumbbell-row": ("20", [8, 8, 8]),
        "back-extension": ("5", [12, 12]), "reverse-dumbbell-fly": ("10", [12, 12, 12]),
    })  # fmt: skip

    plan = _plan(alice)  # week 6: the deadlift deloads from 70 kg; the back extension gets its sets back
    assert plan["deadlift"] == (3, D("62.5"), "3 failed sessions at 70 kg: deload 10 % → 62.5 kg × 5")
    assert plan["back-extension"] == (
        3,
        D(5),
        "back after pain: this time every set, still at body weight + 5 kg → body weight + 5 kg × 10–12",
    )

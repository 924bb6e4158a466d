"""The program library, following a program, your own programs, by-hand loads and targets."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from repbook.programs.files import read_programs
from repbook.services.account.accounts import settings_for
from repbook.services.program.program_plan import next_workout
from repbook.services.program.programs import (
    ProgramError,
    delete_user_program,
    program_for,
    save_user_program,
    set_by_hand,
    start_next_workout,
    start_program,
    visible_programs,
)
from repbook.services.workout.workout_entries import finish_workout
from repbook.services.workout.workouts import SetInput, log_set
from repbook.storage.models import Program, User

D = Decimal
BUILT_IN = {
    "back-workout",
    "beginner-full-body",
    "5x5-linear",
    "gzclp",
    "531",
    "push-pull-legs",
    "bodyweight",
}


def test_every_built_in_program_is_loaded(db: None) -> None:
    assert set(Program.objects.filter(owner__isnull=True).values_list("slug", flat=True)) == BUILT_IN
    files = {f.slug: f for f in read_programs()}
    five_three_one = Program.objects.get(slug="531", owner__isnull=True)
    assert five_three_one.weeks == 4 and five_three_one.days.count() == len(files["531"].program.days) == 16
    assert "Week 4" in five_three_one.source


def test_next_day_follows_the_order_of_days_whatever_the_calendar(alice: User) -> None:
    start_program(alice, "5x5-linear")
    first = next_workout(alice)
    assert first is not None and (first.day.name, first.number, first.days) == ("Workout A", 1, 2)
    finish_workout(alice, start_next_workout(alice).pk)
    second = next_workout(alice)
    assert second is not None and second.day.name == "Workout B"
    # Training day B again, out of turn, makes A the next one.
    finish_workout(alice, start_next_workout(alice, day_id=second.day.pk).pk)
    third = next_workout(alice)
    assert third is not None and third.day.name == "Workout A"


def test_gzclp_keeps_t1_and_t2_squat_apart(alice: User) -> None:
    start_program(alice, "gzclp")
    workout = start_next_workout(alice)  # A1: squat T1
    for reps in (3, 3, 3, 3, 3):
        log_set(alice, SetInput("back-squat", D(60), reps=reps, workout=workout.pk))
    finish_workout(alice, workout.pk)
    for _ in range(1):  # B1; then A2 has squat as T2
        finish_workout(alice, start_next_workout(alice).pk)
    upcoming = next_workout(alice)
    assert upcoming is not None and upcoming.day.name.startswith("A2")
    squat = next(i for i in upcoming.exercises if i.exercise.slug == "back-squat")
    assert squat.slot == "gzclp2" and squat.sessions == 0  # T1's session does not count for T2


def test_pound_users_get_pound_loads(alice: User) -> None:
    prefs = settings_for(alice)
    prefs.unit = "lb"
    prefs.save()
    start_program(alice, "5x5-linear")
    for _ in range(2):  # the first session settles in at 135 lb, the second earns the next step
        workout = start_next_workout(alice)
        for _ in range(5):
            log_set(alice, SetInput("back-squat", D(135), unit="lb", reps=5, workout=workout.pk))
        finish_workout(alice, workout.pk)
    upcoming = next_workout(alice)
    assert upcoming is not None
    squat = next(i for i in upcoming.exercises if i.exercise.slug == "back-squat")
    assert squat.load_words(squat.plan.groups[0].load_kg) == "140 lb"  # +2.5 kg is the next 5 lb step
    assert squat.plan.reason.endswith("→ 140 lb × 5")


def test_without_a_pull_up_bar_the_alternative_is_chosen(alice: User) -> None:
    prefs = settings_for(alice)
    prefs.equipment = ["barbell", "dumbbell", "cable", "machine", "bench", "back_extension_bench"]
    prefs.save()
    start_program(alice, "back-workout")
    upcoming = next_workout(alice)
    assert upcoming is not None
    slugs = [i.exercise.slug for i in upcoming.exercises]
    assert "lat-pulldown" in slugs and "pull-up" not in slugs
    assert next(i for i in upcoming.exercises if i.exercise.slug == "lat-pulldown").swapped


def test_a_load_set_by_hand_applies_once_then_the_rule_goes_on(alice: User) -> None:
    start_program(alice, "back-workout")
    set_by_hand(alice, "deadlift", load=D(100))
    upcoming = next_workout(alice)
    assert upcoming is not None
    deadlift = upcoming.exercises[0]
    assert deadlift.plan.groups[0].load_kg == D(100) and "100 kg, set by hand" in deadlift.plan.reason
    workout = start_next_workout(alice)
    for _ in range(2):
        log_set(alice, SetInput("deadlift", D(100), reps=5, workout=workout.pk))
    finish_workout(alice, workout.pk)
    upcoming = next_workout(alice)
    assert upcoming is not None and upcoming.exercises[0].plan.groups[0].load_kg == D(105)
    with pytest.raises(ProgramError, match="not in your next workout"):
        set_by_hand(alice, "bench-press", load=D(50))
    with pytest.raises(ProgramError, match="from 0 to 1000"):
        set_by_hand(alice, "deadlift", load=D(5000))


def test_logged_sets_keep_their_target_and_the_page_prefills_it(alice: User) -> None:
    start_program(alice, "back-workout")
    workout = start_next_workout(alice)
    entry = workout.entries.get(exercise__slug="deadlift")
    assert entry.target["reason"].startswith("first time")
    row = log_set(alice, SetInput("deadlift", D(20), reps=5, workout=workout.pk))
    assert row.target == {
        "set_type": "working", "reps": 5, "reps_max": 5, "seconds": None, "weight_kg": "20.000",
        "rpe": None, "amrap": False,
    }  # fmt: skip


def test_next_workout_reads_a_fixed_number_of_queries(alice: User) -> None:
    start_program(alice, "back-workout")
    counts = []
    for _ in range(3):
        workout = start_next_workout(alice)
        for slug in ("deadlift", "dumbbell-row", "back-extension"):
            for _ in range(3):
                log_set(alice, SetInput(slug, D(20), reps=8, workout=workout.pk))
        finish_workout(alice, workout.pk)
        with CaptureQueriesContext(connection) as queries:
            next_workout(alice)
        counts.append(len(queries))
    assert counts[0] == counts[-1] <= 14, counts


MINE = """Program: My back day
Days per week: 2

Day: Back
Deadlift: 3x5; linear +5kg
Back extensoin: 3x10-12
"""


def test_your_own_program_resolves_names_and_stays_yours(alice: User, bob: User) -> None:
    saved = save_user_program(alice, MINE)
    assert saved.created and saved.program.slug == "my-back-day"
    lines = list(saved.program.days.get().prescriptions.values_list("exercise__slug", flat=True))
    assert lines == ["deadlift", "back-extension"]  # the typo still finds the back extension
    assert program_for(alice, "my-back-day").pk == saved.program.pk
    with pytest.raises(ProgramError) as caught:
        program_for(bob, "my-back-day")
    assert caught.value.missing
    assert "my-back-day" not in set(visible_programs(bob).values_list("slug", flat=True))
    with pytest.raises(ProgramError):
        delete_user_program(bob, "my-back-day")
    with pytest.raises(ProgramError):
        delete_user_program(alice, "back-workout")  # built in
    updated = save_user_program(alice, MINE.replace("3x5", "5x5"), "my-back-day")
    assert not updated.created and "5x5" in updated.program.source
    delete_user_program(alice, "my-back-day")
    assert not Program.objects.filter(slug="my-back-day").exists()


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Program: P\nDay: A\nFlibbertigibbet: 3x5\n", 3, "no exercise called 'Flibbertigibbet'"),
        ("Program: P\nDay: A\nCurl: 3x5\n", 3, "could mean several exercises"),
        ("Program: P\nDay: A\nSquat: 3xx5\n", 3, "could not read '3xx5'"),
    ],
)
def test_your_own_program_errors_name_the_line(alice: User, text: str, line: int, message: str) -> None:
    with pytest.raises(ProgramError) as caught:
        save_user_program(alice, text)
    assert caught.value.line == line and message in caught.value.message
    assert not Program.objects.filter(owner=alice).exists()


def test_built_in_names_are_not_taken_by_your_programs(alice: User) -> None:
    saved = save_user_program(alice, MINE.replace("My back day", "Back workout"))
    assert saved.program.slug == "back-workout-2"
    assert program_for(alice, "back-workout").owner_id is None  # the built-in one still answers

"""Export everything and get it back: the JSON backup restores exactly, the CSV round-trips the log,
and nobody's export holds another user's rows."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from repbook.services.account.accounts import settings_for
from repbook.services.exercise import custom_exercises
from repbook.services.program import programs
from repbook.services.transfer import export
from repbook.services.transfer.export import backup_text, csv_lines
from repbook.services.transfer.imports import import_file
from repbook.services.workout.body_weight import log_body_weight
from repbook.services.workout.workouts import SetInput, log_set, update_workout
from repbook.storage.models import ExerciseMapping, Set, Workout

PROGRAM = """Program: Pull day

Day: Pull
Deadlift: 3x5; linear +2.5kg
Curl machine of mine: 3x10-12; double
"""


def rich_history(user):
    """A little of everything a user can own."""
    prefs = settings_for(user)
    prefs.unit, prefs.e1rm_formula, prefs.bar_kg = "lb", "brzycki", Decimal("15")
    prefs.muscle_targets = {"lats": [8, 16]}
    prefs.save()
    custom_exercises.create(
        user,
        custom_exercises.CustomExerciseInput(
            name="Curl machine of mine",
            primary_muscles=("biceps",),
            secondary_muscles=("forearms",),
            equipment=("machine",),
            steps=("Sit.", "Curl."),
        ),
    )
    programs.save_user_program(user, PROGRAM)
    programs.start_program(user, "back-workout")
    start = timezone.now() - timedelta(days=3)
    log_set(user, SetInput("deadlift", Decimal("135"), "lb", reps=5, rpe=Decimal("8.5"), performed_at=start))
    log_set(
        user,
        SetInput("deadlift", Decimal("62.5"), "kg", reps=3, rir=2, set_type="failure", performed_at=start),
    )
    log_set(
        user, SetInput("pull-up", Decimal("-10"), "kg", reps=8, side="both", notes='a "note", with comma')
    )
    log_set(user, SetInput("plank", duration_s=75, performed_at=start))
    log_set(
        user,
        SetInput("curl-machine-of-mine", Decimal("20"), "kg", reps=12, felt_pain=True, performed_at=start),
    )
    workout = Workout.objects.filter(owner=user).order_by("started_at").first()
    update_workout(
        user, workout.pk, {"name": "Heavy, pull", "notes": "line one\nline two", "felt_pain": True}
    )
    log_body_weight(user, Decimal("180.2"), "lb", date.today() - timedelta(days=1))
    log_body_weight(user, Decimal("81.5"), "kg", date.today())
    ExerciseMapping.objects.create(
        owner=user,
        foreign_name="Deadlift (Trap bar)",
        exercise=Set.objects.filter(owner=user).first().exercise,
    )


def test_json_backup_restores_exactly(alice, bob):
    rich_history(alice)
    first = backup_text(alice)
    report = import_file(bob, first.encode())
    assert report.sets == 5 and report.body_weights == 2
    assert backup_text(bob) == first
    data = json.loads(first)
    assert data["settings"]["unit"] == "lb" and data["active_program"]["program"] == "back-workout"
    assert [p["slug"] for p in data["programs"]] == ["pull-day"]
    assert data["custom_exercises"][0]["primary_muscles"] == ["biceps"]


def test_restoring_a_backup_twice_adds_nothing(alice):
    rich_history(alice)
    text = backup_text(alice)
    again = import_file(alice, text.encode())
    assert (again.workouts, again.body_weights) == (0, 0)
    assert backup_text(alice) == text


def test_csv_lists_every_set_with_the_typed_unit_and_kilograms(alice):
    rich_history(alice)
    rows = list(csv.DictReader(io.StringIO("".join(csv_lines(alice)))))
    assert len(rows) == 5
    deadlift = next(r for r in rows if r["exercise_slug"] == "deadlift" and r["unit"] == "lb")
    assert (deadlift["weight"], deadlift["weight_kg"], deadlift["weight_lb"], deadlift["rpe"]) == (
        "135",
        "61.235",
        "135",
        "8.5",
    )
    pull_up = next(r for r in rows if r["exercise_slug"] == "pull-up")
    assert (pull_up["weight"], pull_up["notes"]) == ("-10", 'a "note", with comma')
    plank = next(r for r in rows if r["exercise_slug"] == "plank")
    assert (plank["duration_s"], plank["weight"], plank["unit"]) == ("75", "", "")


def test_csv_round_trips_the_log(alice, bob):
    rich_history(alice)
    custom_exercises.create(
        bob,
        custom_exercises.CustomExerciseInput(name="Curl machine of mine", primary_muscles=("biceps",)),
    )
    text = "".join(csv_lines(alice))
    report = import_file(bob, text.encode())
    assert report.sets == 5
    assert "".join(csv_lines(bob)) == text


def test_exports_hold_only_their_owners_rows(alice, bob):
    rich_history(alice)
    log_set(bob, SetInput("deadlift", Decimal("50"), "kg", reps=5))
    data = json.loads(backup_text(bob))
    assert len(data["workouts"]) == 1 and data["custom_exercises"] == [] and data["programs"] == []
    assert data["body_weights"] == [] and data["exercise_mappings"] == []
    assert len(list(csv_lines(bob))) == 2


def test_a_set_logged_while_an_export_runs_waits_for_the_next_one(alice, monkeypatch):
    """An export is the log as it stood when it began: a set logged after its workouts were read,
    in a workout it never read, neither breaks the download (it did: a KeyError mid-stream) nor
    appears in it."""
    rich_history(alice)
    read_sets = export._Log.sets

    def sets_after_a_new_workout(log):
        workout = Workout.objects.create(owner=alice, started_at=timezone.now() - timedelta(days=400))
        log_set(alice, SetInput("back-squat", Decimal("100"), reps=5, workout=workout.pk))
        return read_sets(log)

    monkeypatch.setattr(export._Log, "sets", sets_after_a_new_workout)
    rows = list(csv.DictReader(io.StringIO("".join(csv_lines(alice)))))
    assert len(rows) == 5 and "back-squat" not in {r["exercise_slug"] for r in rows}
    backup = json.loads(backup_text(alice))
    assert sum(len(e["sets"]) for w in backup["workouts"] for e in w["exercises"]) == 6  # one more
    monkeypatch.undo()
    assert "back-squat" in "".join(csv_lines(alice))

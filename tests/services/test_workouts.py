"""Logging sets: cheap, validated, owner-scoped, all or nothing."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from repbook.services.workout.workouts import (
    LogError,
    SetInput,
    delete_set,
    delete_workout,
    log_set,
    log_sets,
    start_workout,
    update_set,
    update_workout,
)
from repbook.storage.models import Set, Workout

pytestmark = pytest.mark.django_db
D = Decimal


def test_first_set_opens_todays_workout_and_later_sets_join_it(alice) -> None:
    first = log_set(alice, SetInput("back-extension", reps=12))
    second = log_set(alice, SetInput("back-extension", reps=12, weight=D(10)))
    third = log_set(alice, SetInput("deadlift", reps=5, weight=D(140)))
    assert first.workout_id == second.workout_id == third.workout_id
    assert (first.order, second.order) == (1, 2)
    assert third.workout_exercise.order == 2 and third.order == 1
    assert Workout.objects.filter(owner=alice).count() == 1


def test_logging_a_set_costs_a_handful_of_queries(alice) -> None:
    log_set(alice, SetInput("back-extension", reps=12))
    with CaptureQueriesContext(connection) as queries:
        log_set(alice, SetInput("back-extension", reps=12, weight=D(10)))
    # 7 for the set itself, then its session's summary: the session's sets, the body weight of
    # the day (a bodyweight exercise), the summary row replaced, the exercise's bests read.
    assert len(queries) <= 11, "\n".join(q["sql"] for q in queries)


def test_pounds_are_kept_as_typed_and_stored_exactly(alice) -> None:
    row = log_set(alice, SetInput("deadlift", reps=5, weight=D(135), unit="lb"))
    assert row.typed_weight == D(135) and row.typed_unit == "lb"
    assert row.weight_kg == D("61.235")


def test_assistance_is_a_negative_load_only_for_bodyweight_exercises(alice) -> None:
    assert log_set(alice, SetInput("pull-up", reps=8, weight=D(-20))).weight_kg == D(-20)
    with pytest.raises(LogError, match="weight: cannot be negative"):
        log_set(alice, SetInput("deadlift", reps=5, weight=D(-20)))


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (SetInput("deadlift", reps=5, weight=D(5000)), "weight"),
        (SetInput("deadlift", reps=-1, weight=D(100)), "reps"),
        (SetInput("deadlift", reps=5000, weight=D(100)), "reps"),
        (SetInput("deadlift", reps=5), "weight"),
        (SetInput("deadlift", reps=5, weight=D(100), rpe=D(11)), "rpe"),
        (SetInput("deadlift", reps=5, weight=D(100), rpe=D("7.3")), "rpe"),
        (SetInput("deadlift", reps=5, weight=D(100), rpe=D(8), rir=2), "rir"),
        (SetInput("deadlift", reps=5, weight=D(100), set_type="heroic"), "set_type"),
        (SetInput("deadlift", reps=5, weight=D(100), unit="stone"), "unit"),
        (SetInput("no-such-lift", reps=5, weight=D(100)), "exercise"),
        (SetInput("plank"), "duration_s"),
        (
            SetInput("deadlift", reps=5, weight=D(100), performed_at=timezone.now() + timedelta(days=2)),
            "performed_at",
        ),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(alice, data: SetInput, field: str) -> None:
    with pytest.raises(LogError) as caught:
        log_set(alice, data)
    assert caught.value.field == field
    assert not Set.objects.exists() and not Workout.objects.exists()


def test_a_set_for_another_users_workout_is_refused(alice, bob) -> None:
    theirs = log_set(bob, SetInput("deadlift", reps=5, weight=D(100))).workout_id
    with pytest.raises(LogError, match="you have no workout"):
        log_set(alice, SetInput("deadlift", reps=5, weight=D(100), workout=theirs))
    assert Set.objects.filter(owner=alice).count() == 0


def test_log_sets_is_all_or_nothing(alice) -> None:
    good = SetInput("deadlift", reps=5, weight=D(100))
    with pytest.raises(LogError):
        log_sets(alice, [good, good, SetInput("deadlift", reps=5, weight=D(-1))])
    assert not Set.objects.exists()
    assert len({s.workout_id for s in log_sets(alice, [good, good])}) == 1


def test_update_and_delete_only_own_sets(alice, bob) -> None:
    row = log_set(alice, SetInput("deadlift", reps=5, weight=D(100)))
    updated = update_set(alice, row.pk, {"reps": 6, "weight": D(225), "unit": "lb"})
    assert updated.reps == 6 and updated.weight_kg == D("102.058")
    with pytest.raises(LogError, match="reps"):
        update_set(alice, row.pk, {"reps": -3})
    with pytest.raises(Set.DoesNotExist):
        update_set(bob, row.pk, {"reps": 1})
    with pytest.raises(Set.DoesNotExist):
        delete_set(bob, row.pk)
    delete_set(alice, row.pk)
    assert not Set.objects.exists()


def test_update_and_delete_workouts(alice, bob) -> None:
    workout = log_set(alice, SetInput("deadlift", reps=5, weight=D(100))).workout
    with pytest.raises(LogError, match="finished_at"):
        update_workout(alice, workout.pk, {"finished_at": workout.started_at - timedelta(hours=1)})
    update_workout(alice, workout.pk, {"name": "Pull day", "finished_at": timezone.now()})
    with pytest.raises(Workout.DoesNotExist):
        delete_workout(bob, workout.pk)
    delete_workout(alice, workout.pk)
    assert not Set.objects.exists()


@pytest.mark.parametrize(
    ("weight", "unit", "message"),
    [
        ("NaN", "kg", "must be a number"),
        ("Infinity", "lb", "must be a number"),
        ("-Infinity", "kg", "must be a number"),
        ("3.4e38", "kg", "must be at most"),
        ("3.4e38", "lb", "must be at most"),
    ],
)
def test_a_weight_that_is_not_a_liftable_number_is_refused_by_name(
    alice, weight: str, unit: str, message: str
) -> None:
    with pytest.raises(LogError) as refused:
        log_set(alice, SetInput("deadlift", reps=5, weight=D(weight), unit=unit))
    assert refused.value.field == "weight" and refused.value.message.startswith(message)
    assert not Set.objects.filter(owner=alice).exists()


def test_more_than_26_supersets_get_labels_past_z(alice) -> None:
    from repbook.services.workout.workout_entries import toggle_superset_with_next
    from repbook.storage.models import Exercise, WorkoutExercise

    workout = start_workout(alice)
    deadlift = Exercise.objects.get(slug="deadlift")
    entries = WorkoutExercise.objects.bulk_create(
        WorkoutExercise(owner=alice, workout=workout, exercise=deadlift, order=n) for n in range(1, 55)
    )
    for first in entries[::2]:
        toggle_superset_with_next(alice, first.pk)
    labels = list(workout.entries.order_by("order").values_list("superset_group", flat=True))
    assert labels[52:] == ["AA", "AA"]
    assert len(set(labels)) == 27

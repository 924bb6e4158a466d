"""One open workout at a time: starting resumes it; an idle one closes by itself at
its last set, lazily, when someone looks for the open workout; nothing is deleted."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from repbook.services.program.programs import start_next_workout, start_program
from repbook.services.workout.open_workouts import open_workout, open_workout_so_far
from repbook.services.workout.quicklog import log_line
from repbook.services.workout.workout_entries import finish_workout, repeat_workout
from repbook.services.workout.workouts import SetInput, log_set, start_workout
from repbook.storage import summaries
from repbook.storage.models import Set, User, Workout

pytestmark = pytest.mark.django_db
D = Decimal


def _age(workout: Workout, hours: float) -> None:
    """Move a workout and its sets `hours` into the past, as if that time had gone by."""
    shift = timedelta(hours=hours)
    Workout.objects.filter(pk=workout.pk).update(started_at=workout.started_at - shift)
    for row in Set.objects.filter(workout=workout):
        Set.objects.filter(pk=row.pk).update(performed_at=row.performed_at - shift)
    summaries.refresh(workout.owner_id, [workout.pk], lowered=True)  # its days may have changed


def test_starting_while_a_workout_is_open_resumes_it(alice: User) -> None:
    first = start_workout(alice)
    assert start_workout(alice).pk == first.pk
    assert start_workout(alice, name="Legs").pk == first.pk
    start_program(alice, "back-workout")
    assert start_next_workout(alice).pk == first.pk
    assert repeat_workout(alice, first.pk).pk == first.pk
    assert Workout.objects.filter(owner=alice).count() == 1
    finish_workout(alice, first.pk)
    assert start_next_workout(alice).pk != first.pk


def test_a_quick_logged_workout_closes_by_itself_at_its_last_set(alice: User) -> None:
    logged = log_line(alice, "Deadlift 3x5 @ 100kg").sets
    workout = logged[0].workout
    assert open_workout(alice) == workout
    _age(workout, 7)
    last_set = Set.objects.filter(workout=workout).latest("performed_at").performed_at

    assert open_workout(alice) is None
    workout.refresh_from_db()
    assert workout.finished_at == last_set, "closed with its real end time"
    assert Set.objects.filter(workout=workout).count() == 3, "never deleted"
    later = log_line(alice, "Back extension 3x12").sets[0].workout
    assert later.pk != workout.pk and later.is_open


def test_an_empty_idle_workout_closes_at_its_start(alice: User) -> None:
    workout = start_workout(alice)
    _age(workout, 6.5)
    assert start_workout(alice).pk != workout.pk
    workout.refresh_from_db()
    assert workout.finished_at == workout.started_at


def test_a_workout_with_a_recent_set_stays_open(alice: User) -> None:
    workout = start_workout(alice)
    _age(workout, 5)
    log_set(alice, SetInput("deadlift", D(100), reps=5, workout=workout.pk))
    _age(workout, 5)  # started 10 h ago, last set 5 h ago
    assert open_workout(alice) == workout


def test_the_idle_time_is_a_setting(alice: User, settings) -> None:
    settings.WORKOUT_IDLE_HOURS = 1
    workout = log_set(alice, SetInput("deadlift", D(100), reps=5)).workout
    _age(workout, 1.5)
    assert open_workout(alice) is None


def test_what_is_done_so_far(alice: User) -> None:
    assert open_workout_so_far(alice) is None
    log_line(alice, "Deadlift 3x5 @ 100kg")
    log_line(alice, "Back extension 2x12")
    so_far = open_workout_so_far(alice)
    assert so_far is not None
    assert so_far.done == [("Deadlift", 3), ("Back Extension", 2)] and so_far.set_count == 5


def test_a_set_for_a_past_day_joins_that_days_workout_not_todays(alice: User) -> None:
    today = start_workout(alice)
    day = timezone.localdate() - timedelta(days=3)
    first = log_line(alice, "Deadlift 3x5 @ 100kg", day).sets[0].workout
    second = log_line(alice, "Back extension 3x12", day).sets[0].workout
    assert first.pk == second.pk != today.pk
    assert not first.is_open
    assert open_workout(alice) == today


def test_the_logging_page_of_an_idle_workout_shows_it_closed(alice: User) -> None:
    from repbook.services.workout.workout_page import logging_page

    workout = log_set(alice, SetInput("deadlift", D(100), reps=5)).workout
    _age(workout, 8)
    page = logging_page(alice, workout.pk)
    assert not page.workout.is_open
    assert Workout.objects.get(pk=workout.pk).finished_at == Set.objects.get(workout=workout).performed_at

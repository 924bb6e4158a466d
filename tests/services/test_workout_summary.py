"""The finish summary: records from core's record code, the next workout with its
reasons, and reopening a workout finished by mistake."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from repbook.services.program.programs import start_next_workout, start_program
from repbook.services.workout.body_weight import log_body_weight
from repbook.services.workout.workout_entries import ReopenError, finish_workout, reopen_workout
from repbook.services.workout.workout_summary import workout_summary
from repbook.services.workout.workouts import SetInput, log_set, start_workout
from repbook.storage.models import User, Workout
from repbook.storage.queries import latest_workouts

D = Decimal


def _past(user: User, days_ago: int, sets: list[tuple[str, str, int]]) -> Workout:
    """A finished workout `days_ago` days ago with these (slug, kg, reps) sets."""
    when = timezone.now() - timedelta(days=days_ago)
    workout = Workout.objects.create(owner=user, started_at=when, finished_at=when + timedelta(hours=1))
    for slug, kg, reps in sets:
        log_set(user, SetInput(slug, D(kg), reps=reps, workout=workout.pk, performed_at=when))
    return workout


def test_the_summary_names_the_records_this_workout_broke(alice: User) -> None:
    _past(alice, 7, [("deadlift", "100", 5), ("deadlift", "100", 5), ("bench-press", "80", 5)])
    today = start_workout(alice)
    for kg, reps in (("60", 5), ("105", 5), ("105", 5)):
        log_set(alice, SetInput("deadlift", D(kg), reps=reps, workout=today.pk))
    log_set(alice, SetInput("bench-press", D("70"), reps=5, workout=today.pk))
    finish_workout(alice, today.pk)

    summary = workout_summary(alice, today.pk)
    records = dict(summary.records)
    assert "Bench Press" not in records, "a lighter bench press breaks nothing"
    deadlift = records["Deadlift"]
    assert "heaviest weight 105 kg (was 100 kg)" in deadlift
    assert "best estimated 1RM 122.5 kg (was 117.5 kg)" in deadlift
    assert "5-rep max 105 kg (was 100 kg)" in deadlift
    assert summary.set_count == 4
    assert summary.volume_kg == D(60 * 5 + 105 * 10 + 70 * 5)


def test_the_volume_counts_body_weight_as_the_records_beside_it_do(alice: User) -> None:
    _past(alice, 7, [("pull-up", "0", 7), ("deadlift", "60", 5)])
    log_body_weight(alice, D(80), "kg", timezone.localdate() - timedelta(days=7))
    today = start_workout(alice)
    log_set(alice, SetInput("pull-up", D(0), reps=8, workout=today.pk))
    log_set(alice, SetInput("pull-up", D(10), reps=5, workout=today.pk))
    log_set(alice, SetInput("deadlift", D(60), reps=5, workout=today.pk))
    finish_workout(alice, today.pk)

    summary = workout_summary(alice, today.pk)
    pull_ups = D(76) * 8 + D(86) * 5  # 95 % of 80 kg, then 10 kg more
    assert summary.volume_kg == pull_ups + 60 * 5
    assert f"most volume in a session, {pull_ups:,.0f} kg (was 532 kg)" in dict(summary.records)["Pull-Up"]
    # The history list, the API's workouts and the summary count a workout's volume by one rule.
    listed = {w.pk: w for w in latest_workouts(Workout.objects.filter(owner=alice), 10)}
    assert listed[today.pk].volume_kg == summary.volume_kg and listed[today.pk].set_count == 3


def test_without_a_body_weight_a_bodyweight_exercise_counts_its_added_load(alice: User) -> None:
    today = start_workout(alice)
    log_set(alice, SetInput("pull-up", D(0), reps=8, workout=today.pk))
    log_set(alice, SetInput("pull-up", D(10), reps=5, workout=today.pk))
    assert workout_summary(alice, today.pk).volume_kg == D(50)


def test_a_first_workout_breaks_no_records(alice: User) -> None:
    today = start_workout(alice)
    log_set(alice, SetInput("deadlift", D("100"), reps=5, workout=today.pk))
    assert workout_summary(alice, today.pk).records == []


def test_the_summary_says_what_the_program_does_next_time_and_why(alice: User) -> None:
    start_program(alice, "back-workout")
    workout = start_next_workout(alice)
    for reps in (5, 5):
        log_set(alice, SetInput("deadlift", D(20), reps=reps, workout=workout.pk))
    finish_workout(alice, workout.pk)

    upcoming = workout_summary(alice, workout.pk).next_workout
    assert upcoming is not None
    deadlift = next(item for item in upcoming.exercises if item.exercise.slug == "deadlift")
    assert deadlift.plan.reason, "each planned exercise carries its reason"


def test_the_summary_costs_the_same_queries_however_long_the_history(alice: User) -> None:
    start_program(alice, "back-workout")

    def counted() -> int:
        workout = start_next_workout(alice)
        log_set(alice, SetInput("deadlift", D(60), reps=5, workout=workout.pk))
        log_set(alice, SetInput("pull-up", None, reps=8, workout=workout.pk))
        finish_workout(alice, workout.pk)
        with CaptureQueriesContext(connection) as queries:
            workout_summary(alice, workout.pk)
        return len(queries)

    first = counted()
    for days_ago in range(30, 2, -3):
        _past(alice, days_ago, [("deadlift", "80", 5), ("dumbbell-row", "30", 10)])
    assert counted() == first


def test_a_workout_finished_by_mistake_is_reopened(alice: User) -> None:
    workout = start_workout(alice)
    log_set(alice, SetInput("deadlift", D(100), reps=5, workout=workout.pk))
    finish_workout(alice, workout.pk)
    assert workout_summary(alice, workout.pk).can_reopen

    reopened = reopen_workout(alice, workout.pk)
    assert reopened.finished_at is None
    assert Workout.objects.get(pk=workout.pk).is_open
    assert start_workout(alice).pk == workout.pk, "it is the open workout again"


def test_reopening_while_another_workout_is_open_says_so(alice: User) -> None:
    first = start_workout(alice)
    log_set(alice, SetInput("deadlift", D(100), reps=5, workout=first.pk))
    finish_workout(alice, first.pk)
    second = start_workout(alice, name="Evening")
    assert workout_summary(alice, first.pk).open_elsewhere == second

    with pytest.raises(ReopenError, match="another workout is open") as caught:
        reopen_workout(alice, first.pk)
    assert caught.value.open_workout == second
    assert Workout.objects.get(pk=first.pk).finished_at is not None


def test_a_workout_that_ended_long_ago_is_not_reopened(alice: User) -> None:
    old = _past(alice, 3, [("deadlift", "100", 5)])
    assert not workout_summary(alice, old.pk).can_reopen
    with pytest.raises(ReopenError, match="more than 6 hours ago"):
        reopen_workout(alice, old.pk)
    assert Workout.objects.get(pk=old.pk).finished_at is not None


def test_the_records_from_summaries_equal_those_from_every_set(alice: User) -> None:
    """The summary reads one row per session; the records must be what core's rules give from
    every set of the history (e1RM, weight, reps at a load, volume, rep maxes)."""
    from repbook.core.stats.lifts import records, rep_max_records, sessions
    from repbook.services.exercise.exercise_stats import logged_sets_of
    from repbook.services.progress.stats_words import record_words
    from repbook.services.workout import workout_summary as summary_module

    log_body_weight(alice, D(80), "kg", timezone.localdate() - timedelta(days=40))
    plan = [
        (30, [("deadlift", "100", 5), ("pull-up", "0", 6), ("bench-press", "60", 10)]),
        (20, [("deadlift", "105", 3), ("pull-up", "5", 5), ("bench-press", "62.5", 8)]),
        (10, [("deadlift", "100", 6), ("pull-up", "0", 9), ("bench-press", "60", 12)]),
        (5, [("deadlift", "110", 2), ("deadlift", "90", 8), ("pull-up", "10", 3)]),
    ]
    workouts = [_past(alice, days, sets) for days, sets in plan]
    exercises = {e.exercise.pk: e.exercise for w in workouts for e in w.entries.all()}
    broke_any = False
    for workout in workouts:
        done, _ = logged_sets_of(alice, list(exercises.values()), until=workout.started_at)
        expected = {}
        for exercise_id, history in done.items():
            broken = [r for r in records(sessions(history, "epley"), history) if r.workout_id == workout.pk]
            broken += rep_max_records(history, workout.pk)
            if broken:
                exercise = exercises[exercise_id]
                expected[exercise.name] = [record_words(r, "kg", exercise.is_bodyweight) for r in broken]
        got = summary_module._records(alice, Workout.objects.get(pk=workout.pk), "epley", "kg")
        assert dict(got) == expected, (workout.pk, got, expected)
        broke_any = broke_any or bool(got)
    assert broke_any


def test_an_empty_workout_has_a_summary_with_no_records(alice: User) -> None:
    empty = start_workout(alice)
    finish_workout(alice, empty.pk)
    summary = workout_summary(alice, empty.pk)
    assert summary.records == [] and summary.set_count == 0 and summary.volume_kg == 0

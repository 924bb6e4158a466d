"""Shaping a workout: add exercises, reorder them, group supersets, finish, repeat."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from repbook.core.supersets import group_label
from repbook.services.workout.open_workouts import idle_limit, is_idle, lock_user_workouts, open_workout
from repbook.services.workout.workouts import LogError, exercise_for, start_workout
from repbook.storage.models import Set, Workout, WorkoutExercise, owned
from repbook.storage.queries import exercise_by_slug


@transaction.atomic
def add_to_open_workout(user: Any, slug: str) -> WorkoutExercise:
    """The exercise's place in the user's open workout: added at the end (the workout started
    when none is open), or where it already is. Exercise.DoesNotExist for a slug the user cannot see."""
    exercise = exercise_by_slug(user, slug, with_facts=False)
    workout = start_workout(user)
    entry = WorkoutExercise.objects.filter(workout=workout, exercise=exercise).order_by("order").first()
    return entry or add_exercise(user, workout.pk, exercise.slug)


@transaction.atomic
def add_exercise(user: Any, workout_id: int, slug: str) -> WorkoutExercise:
    """Append an exercise to one of the user's workouts."""
    # The user's row first, as every write adding entries or sets (workouts._workout_for).
    exercise = exercise_for(user, slug, lock_user=True)
    workout = owned(Workout, user).select_for_update().get(pk=workout_id)
    last = WorkoutExercise.objects.filter(workout=workout).aggregate(n=Max("order"))["n"] or 0
    return WorkoutExercise.objects.create(owner=user, workout=workout, exercise=exercise, order=last + 1)


@transaction.atomic
def move_entry(user: Any, entry_id: int, step: int) -> None:
    """Move an exercise up (step -1) or down (+1) in its workout."""
    entry = owned(WorkoutExercise, user).select_related("workout").get(pk=entry_id)
    entries = list(WorkoutExercise.objects.filter(workout_id=entry.workout_id).order_by("order", "id"))
    index = next(i for i, e in enumerate(entries) if e.pk == entry.pk)
    target = index + step
    if not 0 <= target < len(entries):
        return
    entries[index], entries[target] = entries[target], entries[index]
    for order, row in enumerate(entries, start=1):
        if row.order != order:
            row.order = order
            row.save(update_fields=["order"])


@transaction.atomic
def toggle_superset_with_next(user: Any, entry_id: int) -> None:
    """Group an exercise with the next one as a superset, or take it out of its group."""
    entry = owned(WorkoutExercise, user).get(pk=entry_id)
    entries = list(WorkoutExercise.objects.filter(workout_id=entry.workout_id).order_by("order", "id"))
    index = next(i for i, e in enumerate(entries) if e.pk == entry.pk)
    if (
        entry.superset_group
        and index + 1 < len(entries)
        and entries[index + 1].superset_group == entry.superset_group
    ):
        entry.superset_group = ""
        entry.save(update_fields=["superset_group"])
        return
    if index + 1 >= len(entries):
        raise LogError("superset", "the last exercise has nothing after it to pair with")
    following = entries[index + 1]
    group = (
        entry.superset_group
        or following.superset_group
        or group_label(e.superset_group for e in entries if e.superset_group)
    )
    for row in (entry, following):
        row.superset_group = group
        row.save(update_fields=["superset_group"])


def finish_workout(user: Any, workout_id: int) -> Workout:
    """Finish one of the user's workouts now (a finished one stays as it was)."""
    workout = owned(Workout, user).get(pk=workout_id)
    if workout.finished_at is None:
        workout.finished_at = max(timezone.now(), workout.started_at)
        workout.save(update_fields=["finished_at"])
    return workout


class ReopenError(LogError):
    """A finished workout that cannot be the open one again; `open_workout` is the one in the way."""

    def __init__(self, message: str, open_workout: Workout | None = None) -> None:
        super().__init__("finished_at", message)
        self.open_workout = open_workout


@transaction.atomic
def reopen_workout(user: Any, workout_id: int) -> Workout:
    """Make a workout finished by mistake the open one again.

    ReopenError while another workout is open (one at a time), and for one that ended longer ago
    than the idle limit: it would only be closed again by itself at once.
    """
    lock_user_workouts(user)
    workout = owned(Workout, user).select_for_update().get(pk=workout_id)
    if workout.is_open:
        return workout
    current = open_workout(user, lock=True)
    if current is not None:
        raise ReopenError("another workout is open: finish it first", current)
    last_set_at = Set.objects.filter(workout=workout).aggregate(at=Max("performed_at"))["at"]
    if is_idle(workout, last_set_at, timezone.now()):
        hours = int(idle_limit().total_seconds() // 3600)
        raise ReopenError(f"it ended more than {hours} hours ago; edit its sets instead")
    workout.finished_at = None
    workout.save(update_fields=["finished_at"])
    return workout


@transaction.atomic
def repeat_workout(user: Any, workout_id: int) -> Workout:
    """Start a new workout with the same exercises, order and supersets as a past one; while a
    workout is open, resume it unchanged instead (one open workout at a time)."""
    source = owned(Workout, user).get(pk=workout_id)
    lock_user_workouts(user)
    current = open_workout(user, lock=True)
    if current is not None:
        return current
    copy = start_workout(user, name=source.name)
    WorkoutExercise.objects.bulk_create(
        WorkoutExercise(
            owner=user,
            workout=copy,
            exercise_id=entry.exercise_id,
            order=entry.order,
            superset_group=entry.superset_group,
            rest_s=entry.rest_s,
        )
        for entry in WorkoutExercise.objects.filter(workout=source).order_by("order")
    )
    return copy

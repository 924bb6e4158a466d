"""The user's open workout: one at a time, closed by itself once it saw no set for a while.

Closing is lazy: whoever looks for the open workout (the Today and Log pages, a set logged without
a workout, starting a workout, the CLI) first closes every open workout idle for longer than
`settings.WORKOUT_IDLE_HOURS` (REPBOOK_WORKOUT_IDLE_HOURS, default 6), with its real end time: the
last set's time, or its start when it has no set. Nothing is deleted, and no background job runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from repbook.storage import hot_path
from repbook.storage.models import Workout, WorkoutExercise


def idle_limit() -> timedelta:
    """How long an open workout may go without a set before it is closed."""
    return timedelta(hours=settings.WORKOUT_IDLE_HOURS)


def is_idle(workout: Workout, last_set_at: datetime | None, now: datetime) -> bool:
    """True when an open workout saw nothing (no set, no start) for longer than the idle limit."""
    return max(workout.started_at, last_set_at or workout.started_at) < now - idle_limit()


def close_idle(workout: Workout, last_set_at: datetime | None) -> None:
    """Close an idle workout at its real end: its last set, or its start when it has none."""
    workout.finished_at = last_set_at or workout.started_at
    workout.save(update_fields=["finished_at"])


def lock_user_workouts(user: Any) -> None:
    """Hold the user's row until the transaction ends, so two requests cannot each open a workout:
    while there is no open workout, locking it (select_for_update) locks nothing. Logging a set and
    adding an exercise take it too, in their first statement (workouts.exercise_for), so a workout
    and what a set reads in it can be read in one statement (workouts._workout_for).

    SQLite needs nothing: its one write lock (BEGIN IMMEDIATE) already orders the transactions.
    """
    # FOR NO KEY UPDATE, not FOR UPDATE: a set logged into a locked workout checks its owner key
    # (FOR KEY SHARE) while this waits for that workout; FOR UPDATE would deadlock them.
    hot_path.lock_user(user.pk)


def open_workout(user: Any, now: datetime | None = None, *, lock: bool = False) -> Workout | None:
    """The user's open workout (the latest started), after closing the idle ones; one query when
    none is idle. `lock` locks the open rows until the transaction ends."""
    found = pick_open(hot_path.unfinished_workouts(user.pk, lock=lock), now or timezone.now())
    return None if found is None else found[0]


Row = TypeVar("Row", bound=tuple[Any, ...])


def pick_open(unfinished: Iterable[Row], now: datetime) -> Row | None:
    """The open workout's row among the user's unfinished workouts, latest first (each row the
    workout, its last set's moment, then whatever the caller read with them), after closing the
    idle ones."""
    current = None
    for row in unfinished:
        workout, last_set_at = row[0], row[1]
        if is_idle(workout, last_set_at, now):
            close_idle(workout, last_set_at)
        elif current is None:
            current = row
    return current


def was_resumed(workout: Workout, asked_at: datetime) -> bool:
    """True when a start asked for at `asked_at` gave back a workout that was already open."""
    return workout.started_at < asked_at


@dataclass(frozen=True)
class OpenWorkout:
    """The open workout and what is done so far: each exercise with its number of sets."""

    workout: Workout
    done: list[tuple[str, int]]

    @property
    def set_count(self) -> int:
        return sum(n for _, n in self.done)


def open_workout_so_far(user: Any) -> OpenWorkout | None:
    """The open workout with its exercises and set counts, for a Resume button; None if none."""
    workout = open_workout(user)
    if workout is None:
        return None
    entries = (
        WorkoutExercise.objects.filter(workout=workout)
        .select_related("exercise")
        .annotate(set_count=Count("sets"))
        .order_by("order")
    )
    return OpenWorkout(workout, [(e.exercise.name, e.set_count) for e in entries if e.set_count])

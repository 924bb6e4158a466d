"""The finish summary: duration, sets, volume, the records broken, what comes next, reopening.

A bounded number of queries whatever the history's length: the workout (3), the settings, the
session summaries of its exercises up to it (1), the volume (1), the next workout of the program,
the open workout.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone

from repbook.core.stats.lifts import beaten_rep_maxes, records_of
from repbook.core.stats.session_summary import merged_rep_maxes
from repbook.services.account.accounts import settings_for
from repbook.services.program.program_plan import NextWorkout, next_workout
from repbook.services.progress.stats_words import record_words
from repbook.services.workout.open_workouts import is_idle, open_workout
from repbook.storage.models import ExerciseSession, Workout, owned
from repbook.storage.queries import workout_volume, workout_with_sets
from repbook.storage.summaries import read_summaries_by_exercise


@dataclass(frozen=True)
class Summary:
    workout: Workout
    duration_s: int | None
    set_count: int
    volume_kg: Decimal  # working sets, lifted load × reps (see `storage.queries.workout_volume`)
    records: list[tuple[str, list[str]]]  # (exercise name, each record in words), workout order
    next_workout: NextWorkout | None  # the active program's next day with its reasons
    can_reopen: bool  # finished, recently enough to be the open workout again
    open_elsewhere: Workout | None  # another workout that is open (reopening waits for it)
    unit: str


def workout_summary(user: Any, workout_id: int) -> Summary:
    """The summary of one of the user's workouts; DoesNotExist for anyone else's."""
    workout = workout_with_sets(user, workout_id)
    prefs = settings_for(user)
    sets = [s for e in workout.entries.all() for s in e.sets.all() if s.completed]
    last_set = max((s.performed_at for s in sets), default=None)
    end = workout.finished_at or last_set
    duration = int((end - workout.started_at).total_seconds()) if end else None
    current = open_workout(user) if not workout.is_open else workout
    return Summary(
        workout,
        duration,
        len(sets),
        workout_volume(workout),
        _records(user, workout, prefs.e1rm_formula, prefs.unit),
        next_workout(user),
        not workout.is_open and not is_idle(workout, last_set, timezone.now()),
        current if current is not None and current.pk != workout.pk else None,
        prefs.unit,
    )


def _records(user: Any, workout: Workout, formula: str, unit: str) -> list[tuple[str, list[str]]]:
    """Each exercise's records broken in this workout, from core's record rules: e1RM, heaviest
    weight, reps at a load, volume, hold, and the rep maxes beaten. Read from the session
    summaries of its exercises up to it (one row per session, not per set: one query)."""
    exercises = {e.exercise.pk: e.exercise for e in workout.entries.all()}
    upto = owned(ExerciseSession, user).filter(
        exercise_id__in=list(exercises), workout__started_at__lte=workout.started_at
    )
    history = read_summaries_by_exercise(upto.order_by("exercise_id", "day", "workout_id"))
    out = []
    for exercise_id, exercise in exercises.items():
        summaries = history.get(exercise_id, [])
        stats = [s.stats(formula) for s in summaries if s.sets]
        broken = [
            r
            for r in records_of(stats, {s.workout_id: s.marks() for s in summaries})
            if r.workout_id == workout.pk
        ]
        here = next((s for s in summaries if s.workout_id == workout.pk), None)
        if here is not None:
            before = merged_rep_maxes(
                s for s in summaries if (s.day, s.workout_id) < (here.day, here.workout_id)
            )
            broken += beaten_rep_maxes(before, here.rep_maxes(), workout.pk)
        if broken:
            out.append((exercise.name, [record_words(r, unit, exercise.is_bodyweight) for r in broken]))
    return out

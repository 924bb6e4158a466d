"""One exercise's progress for its owner: e1RM per session, rep maxes, records. Two queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone

from repbook.core.stats.lifts import (
    LoggedSet,
    Record,
    RepMax,
    SessionStats,
    body_weight_on,
    lifted_load,
    records,
    records_of,
    rep_maxes,
    sessions,
)
from repbook.core.stats.session_summary import merged_rep_maxes
from repbook.services.account.accounts import settings_for
from repbook.services.workout import body_weight
from repbook.storage.models import BodyWeight, Exercise, ExerciseSession, Set, UserSettings, Workout, owned
from repbook.storage.queries import exercise_by_slug
from repbook.storage.summaries import read_summaries


@dataclass(frozen=True)
class ExerciseStats:
    exercise: Exercise
    formula: str
    unit: str
    sessions: list[SessionStats]  # oldest first
    rep_maxes: list[RepMax]
    records: list[Record]  # oldest first
    needs_body_weight: bool  # a bodyweight exercise while no body weight is logged
    logged: int  # every completed set, warm-ups included

    @property
    def best(self) -> SessionStats | None:
        """The session with the best estimate (reliable ones first)."""
        rated = [s for s in self.sessions if s.e1rm is not None]
        return max(
            rated, key=lambda s: (s.e1rm.reliable, s.e1rm.kg) if s.e1rm else (False, 0.0), default=None
        )

    @property
    def total_sets(self) -> int:
        return sum(s.sets for s in self.sessions)


def logged_sets(user: Any, exercise: Exercise) -> tuple[list[LoggedSet], bool]:
    """The user's completed sets of `exercise` with lifted loads, and whether body weight was missing."""
    done, missing = logged_sets_of(user, [exercise])
    return done.get(exercise.pk, []), missing


def logged_sets_of(
    user: Any, exercises: list[Exercise], until: datetime | None = None
) -> tuple[dict[int, list[LoggedSet]], bool]:
    """The user's completed sets of each exercise (by id) with lifted loads, in workouts started
    up to `until` (all when None), and whether a bodyweight exercise's body weight was missing.

    Two queries, three with a bodyweight exercise, however many exercises. A set's day is its
    workout's day, worked out once per workout: converting every set's timestamp to a local date
    was most of the cost for a long history.
    """
    done = Set.objects.filter(owner=user, exercise__in=[e.pk for e in exercises], completed=True)
    if until is not None:
        done = done.filter(workout__started_at__lte=until)
    rows = done.order_by("performed_at", "order").values_list(
        "exercise_id", "workout_id", "weight_kg", "reps", "rpe", "rir", "set_type", "duration_s"
    )
    starts = owned(Workout, user).filter(pk__in=done.values("workout_id")).values_list("pk", "started_at")
    days = {pk: timezone.localdate(started) for pk, started in starts}
    fractions = {e.pk: e.bodyweight_fraction for e in exercises}
    weights = body_weight.readings(user) if any(fractions.values()) else []
    out: dict[int, list[LoggedSet]] = {e.pk: [] for e in exercises}
    for exercise_id, workout_id, weight, reps, rpe, rir, set_type, duration in rows:
        day = days[workout_id]
        fraction = fractions[exercise_id]
        load = lifted_load(weight, fraction, body_weight_on(weights, day)) if fraction else weight
        out[exercise_id].append(LoggedSet(day, workout_id, load, reps, rpe, rir, set_type, duration))
    return out, any(fractions.values()) and not weights


def exercise_stats(user: Any, exercise: Exercise, prefs: UserSettings | None = None) -> ExerciseStats:
    """Statistics of `exercise` for `user`, with the user's e1RM formula (from `prefs` if given).

    Read from the session summaries (storage.summaries): one row per session, not per set.
    """
    prefs = prefs or settings_for(user)
    rows = owned(ExerciseSession, user).filter(exercise=exercise).order_by("day", "workout_id")
    summaries = read_summaries(rows)
    per_session = [s.stats(prefs.e1rm_formula) for s in summaries if s.sets]
    missing = bool(exercise.bodyweight_fraction) and not owned(BodyWeight, user).exists()
    return ExerciseStats(
        exercise,
        prefs.e1rm_formula,
        prefs.unit,
        per_session,
        merged_rep_maxes(summaries),
        records_of(per_session, {s.workout_id: s.marks() for s in summaries}),
        missing,
        sum(s.logged for s in summaries),
    )


def exercise_stats_from_sets(
    user: Any, exercise: Exercise, prefs: UserSettings | None = None
) -> ExerciseStats:
    """As `exercise_stats`, computed from every set: the full recomputation the summaries must equal."""
    prefs = prefs or settings_for(user)
    done, missing = logged_sets(user, exercise)
    per_session = sessions(done, prefs.e1rm_formula)
    return ExerciseStats(
        exercise,
        prefs.e1rm_formula,
        prefs.unit,
        per_session,
        rep_maxes(done),
        records(per_session, done),
        missing,
        len(done),
    )


def exercise_stats_by_slug(user: Any, slug: str) -> ExerciseStats:
    """As `exercise_stats`, for a catalog or own exercise by slug; raises Exercise.DoesNotExist."""
    return exercise_stats(user, exercise_by_slug(user, slug, with_facts=False))

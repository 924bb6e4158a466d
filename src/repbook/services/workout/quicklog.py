"""Log a quick-log line ("Deadlift 140kg x 5,5,4") for a user: parse, find the exercise, log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from uuid import UUID

from django.db import IntegrityError
from django.utils import timezone

from repbook.core.quicklog import QuickLog, QuickLogError, parse_quicklog
from repbook.services.account.accounts import settings_for
from repbook.services.exercise.exercise_names import ExerciseIndex, NamedExercise
from repbook.services.workout.sent_sets import line_keys, stored_sets
from repbook.services.workout.workouts import LogError, SetInput, log_sets
from repbook.storage.models import Exercise, Set

#: Candidates scoring this well are real readings of the name; below, only suggestions.
CLOSE_MATCH = 85.0


def exercise_index(user: Any) -> ExerciseIndex:
    """Names and aliases of the catalog plus the user's custom exercises (1 query)."""
    rows = Exercise.objects.visible_to(user).values_list("pk", "slug", "name", "aliases")
    return ExerciseIndex(NamedExercise(pk, slug, name, tuple(aliases)) for pk, slug, name, aliases in rows)


def resolve_exercise(user: Any, name: str) -> NamedExercise:
    """The exercise a typed name means; LogError listing candidates when unclear."""
    resolution = exercise_index(user).resolve(name)
    if resolution.exercise is not None:
        return resolution.exercise
    options = ", ".join(f"{m.exercise.name} ({m.exercise.slug})" for m in resolution.candidates[:5])
    if resolution.candidates and resolution.candidates[0].score >= CLOSE_MATCH:
        raise LogError("exercise", f"{name!r} could mean several exercises: {options}; be more specific")
    hint = f"; closest: {options}" if options else "; search with `repbook exercises -q`"
    raise LogError("exercise", f"no exercise called {name!r}{hint}")


@dataclass(frozen=True)
class LoggedLine:
    parsed: QuickLog
    exercise: NamedExercise
    sets: list[Set]


def performed_at_for(day: date | None) -> datetime:
    """Now for today (or no date); midday of a past day, so its sets share one workout."""
    now = timezone.now()
    if day is None or day == timezone.localdate(now):
        return now
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def log_line(
    user: Any,
    text: str,
    day: date | None = None,
    workout_id: int | None = None,
    client_id: UUID | None = None,
) -> LoggedLine:
    """Parse and log one line, all or nothing; raises LogError (field "text" for grammar errors).

    A line sent again with the same `client_id` returns the sets its first send logged."""
    try:
        parsed = parse_quicklog(text)
    except QuickLogError as exc:
        raise LogError("text", str(exc)) from exc
    exercise = resolve_exercise(user, parsed.exercise)
    unit = settings_for(user).unit
    when = performed_at_for(day)
    keys = line_keys(client_id, len(parsed.sets))
    if stored := stored_sets(user, keys):
        return LoggedLine(parsed, exercise, stored)
    inputs = [
        SetInput(
            exercise=exercise.slug,
            weight=one.weight,
            unit=one.unit or unit,
            reps=one.reps,
            rpe=one.rpe,
            rir=one.rir,
            duration_s=one.duration_s,
            distance_m=one.distance_m,
            notes=parsed.note,
            performed_at=when,
            workout=workout_id,
            client_id=key,
        )
        for one, key in zip(parsed.sets, keys, strict=True)
    ]
    try:
        return LoggedLine(parsed, exercise, log_sets(user, inputs))
    except IntegrityError:
        # The same line, sent twice at once, was logged by the other request first.
        if stored := stored_sets(user, keys):
            return LoggedLine(parsed, exercise, stored)
        raise

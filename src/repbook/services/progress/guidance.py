"""The coaching rules applied to a user's own log: pain, new exercises, volume jumps, frequency."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any, Final

from django.db.models import Max, Q
from django.utils import timezone

from repbook.core.guidance import (
    Advice,
    frequency_advice,
    new_exercise_advice,
    pain_advice,
    volume_ramp_advice,
)
from repbook.core.muscles import MUSCLES
from repbook.core.stats.weeks import compare_to_baseline
from repbook.services.progress.training_stats import TrainingWeeks, days_before
from repbook.storage.models import Exercise, ExerciseSession, Set, owned

#: Pain older than this no longer produces advice (two weeks off, then a few sessions back).
PAIN_LOOKBACK_DAYS: Final = 42
#: Exercises first done within this many days count as new.
NEW_LOOKBACK_DAYS: Final = 21


def guidance(user: Any, training: TrainingWeeks, today: date | None = None) -> list[Advice]:
    """Every piece of advice for the user now, cautions first: up to 6 queries."""
    today = today or timezone.localdate()
    found = pain_guidance(user, today) + new_exercise_guidance(user, today) + muscle_guidance(training)
    return sorted(found, key=lambda a: a.level != "caution")


def muscle_guidance(training: TrainingWeeks) -> list[Advice]:
    """Volume jumps this week, and muscles trained on too few days (no queries)."""
    found = []
    for row in training.muscles:
        name = MUSCLES[row.muscle]
        for advice in (
            volume_ramp_advice(name, *_against_baseline(row.sets)),
            frequency_advice(name, row.frequency, row.average),
        ):
            if advice is not None:
                found.append(advice)
    return found


def _against_baseline(weekly_sets: tuple[float, ...]) -> tuple[float, float]:
    comparison = compare_to_baseline(weekly_sets)
    return comparison.this_week, comparison.average


def pain_guidance(user: Any, today: date, exercise: Exercise | None = None) -> list[Advice]:
    """For each exercise (or just `exercise`) with pain reported lately on a set or its session:
    time off, then care."""
    recent = Set.objects.filter(owner=user, performed_at__gte=days_before(today, PAIN_LOOKBACK_DAYS))
    if exercise is not None:
        recent = recent.filter(exercise=exercise)
    painful = (
        recent.filter(Q(felt_pain=True) | Q(workout__felt_pain=True))
        .values("exercise_id")
        .annotate(last=Max("performed_at"))
        .order_by()
    )
    last_pain = {row["exercise_id"]: row["last"] for row in painful}
    if not last_pain:
        return []
    names = dict(Exercise.objects.filter(pk__in=last_pain).values_list("pk", "name"))
    since: dict[int, set[int]] = defaultdict(set)
    later = Set.objects.filter(
        owner=user, exercise_id__in=last_pain, performed_at__gt=min(last_pain.values())
    )
    for exercise_id, workout_id, when in later.values_list("exercise_id", "workout_id", "performed_at"):
        if timezone.localdate(when) > timezone.localdate(last_pain[exercise_id]):
            since[exercise_id].add(workout_id)
    found = []
    for exercise_id, when in last_pain.items():
        advice = pain_advice(names[exercise_id], timezone.localdate(when), today, len(since[exercise_id]))
        if advice is not None:
            found.append(advice)
    return found


def new_exercise_guidance(user: Any, today: date) -> list[Advice]:
    """Exercises first done lately and fewer than three times so far: build up gradually.

    Read from the session summaries of the window, and for those exercises an index seek for any
    earlier session, so a long history is not scanned.
    """
    cutoff = today - timedelta(days=NEW_LOOKBACK_DAYS)
    sessions = owned(ExerciseSession, user)
    window: dict[int, set[int]] = defaultdict(set)
    for exercise_id, workout_id in sessions.filter(day__gte=cutoff).values_list("exercise_id", "workout_id"):
        window[exercise_id].add(workout_id)
    known = set(
        sessions.filter(exercise_id__in=list(window), day__lt=cutoff)
        .order_by()
        .values_list("exercise_id", flat=True)
        .distinct()
    )
    new = {pk: len(workouts) for pk, workouts in window.items() if pk not in known}
    names = Exercise.objects.filter(pk__in=list(new)).order_by("name").values_list("pk", "name")
    found = []
    for pk, name in names:
        advice = new_exercise_advice(name, new[pk])
        if advice is not None:
            found.append(advice)
    return found

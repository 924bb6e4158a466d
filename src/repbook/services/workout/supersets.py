"""Moving through a superset: after a working set, the next exercise of its group with no rest, and
the rest after the round (the rule is core.supersets)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q

from repbook.core.next_set import WARMUP
from repbook.core.supersets import Member, Step, step_after
from repbook.services.workout.workout_targets import target_sets
from repbook.storage.models import Set, WorkoutExercise


def member(entry: WorkoutExercise, working_done: int) -> Member:
    """A superset member: its working sets done, and the program's working sets, if it set any."""
    planned = [t for t in target_sets(entry.target) if t.set_type != WARMUP]
    return Member(entry.pk, working_done, len(planned) if planned else None)


def step_in(entries: Iterable[tuple[WorkoutExercise, int]], logged: Set) -> Step | None:
    """Where to go after `logged`, given its workout's exercises with their working sets done;
    None for a warm-up or a set outside a superset (stay on the exercise, rest as usual)."""
    entries = list(entries)
    group = next((e.superset_group for e, _ in entries if e.pk == logged.workout_exercise_id), "")
    if not group or logged.set_type == WARMUP:
        return None
    members = [member(e, done) for e, done in entries if e.superset_group == group]
    return step_after(members, logged.workout_exercise_id) if len(members) > 1 else None


def step_after_set(user: Any, logged: Set) -> Step | None:
    """`step_in` for a set just logged, reading its superset in one query (none outside one)."""
    entry = logged.workout_exercise
    if not entry.superset_group or logged.set_type == WARMUP:
        return None
    group = (
        WorkoutExercise.objects.filter(
            owner=user, workout_id=logged.workout_id, superset_group=entry.superset_group
        )
        .annotate(working=Count("sets", filter=~Q(sets__set_type=WARMUP)))
        .order_by("order", "id")
    )
    return step_in([(e, getattr(e, "working", 0)) for e in group], logged)

"""What a phone should keep for the gym: the pages a workout needs when the network is gone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from repbook.services.program.program_plan import next_workout
from repbook.services.workout.open_workouts import open_workout
from repbook.storage.models import WorkoutExercise


@dataclass(frozen=True)
class OfflinePages:
    #: The open workout, whose page is where sets are logged (None when none is open).
    workout_id: int | None
    #: True when a program is followed: its next workout (today's targets) is worth keeping.
    follows_program: bool
    #: The exercises the open workout and the program's next day name, in their order, once each.
    exercise_slugs: list[str]


def offline_pages(user: Any) -> OfflinePages:
    """The open workout, whether a program's next day exists, and the exercises both need."""
    workout = open_workout(user)
    slugs: list[str] = []
    if workout is not None:
        entries = WorkoutExercise.objects.filter(workout=workout).order_by("order")
        slugs.extend(entries.values_list("exercise__slug", flat=True))
    planned = next_workout(user)
    if planned is not None:
        slugs.extend(p.exercise.slug for p in planned.exercises)
    return OfflinePages(
        workout_id=workout.pk if workout else None,
        follows_program=planned is not None,
        exercise_slugs=list(dict.fromkeys(slugs)),
    )

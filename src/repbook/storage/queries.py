"""Read queries shared by the web, the API and the CLI. Each says how many queries it costs."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum

from repbook.core.alternatives import ExerciseFacts
from repbook.storage.models import Exercise, ExerciseMuscle, Set, Workout, WorkoutExercise, owned


def exercises_with_facts(user: Any) -> QuerySet[Exercise]:
    """Catalog plus the user's custom exercises, with muscles and equipment: 3 queries."""
    return Exercise.objects.visible_to(user).prefetch_related(
        Prefetch("muscle_links", queryset=ExerciseMuscle.objects.order_by("muscle__order")),
        "equipment",
    )


def exercise_by_slug(user: Any, slug: str) -> Exercise:
    """A catalog exercise, else the user's custom exercise with that slug; DoesNotExist otherwise."""
    rows = list(exercises_with_facts(user).filter(slug=slug).order_by("owner_id")[:2])
    if not rows:
        raise Exercise.DoesNotExist(f"no exercise {slug!r}")
    # Catalog rows (owner NULL) sort first on every database we support only with explicit handling.
    rows.sort(key=lambda e: e.owner_id is not None)
    return rows[0]


def facts(exercise: Exercise) -> ExerciseFacts:
    """The core view of a row loaded through `exercises_with_facts` (no further query)."""
    links = list(exercise.muscle_links.all())
    return ExerciseFacts(
        slug=exercise.slug,
        name=exercise.name,
        pattern=exercise.pattern,
        level=exercise.level,
        primary=frozenset(link.muscle_id for link in links if link.role == "primary"),
        secondary=frozenset(link.muscle_id for link in links if link.role == "secondary"),
        equipment=frozenset(e.slug for e in exercise.equipment.all()),
    )


def workouts_between(user: Any, start: Any = None, end: Any = None) -> QuerySet[Workout]:
    """The user's workouts, newest first, with set count and volume (1 query)."""
    rows = owned(Workout, user).annotate(
        set_count=Count("sets", filter=Q(sets__completed=True)),
        volume_kg=Sum(
            F("sets__weight_kg") * F("sets__reps"),
            filter=Q(sets__completed=True) & ~Q(sets__set_type="warmup") & Q(sets__weight_kg__gt=0),
        ),
    )
    if start is not None:
        rows = rows.filter(started_at__date__gte=start)
    if end is not None:
        rows = rows.filter(started_at__date__lte=end)
    return rows.order_by("-started_at")


def workout_with_sets(user: Any, workout_id: int) -> Workout:
    """One of the user's workouts with its exercises and sets (3 queries); DoesNotExist otherwise."""
    entries = WorkoutExercise.objects.select_related("exercise").prefetch_related(
        Prefetch("sets", queryset=Set.objects.order_by("order"))
    )
    return (
        owned(Workout, user)
        .prefetch_related(Prefetch("entries", queryset=entries.order_by("order")))
        .get(pk=workout_id)
    )

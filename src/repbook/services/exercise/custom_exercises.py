"""A user's own exercises: create, update, delete. Private to their owner.

What one may hold is checked in core (`core.custom_exercise`), the same for every path.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.text import slugify

from repbook.core.custom_exercise import CustomExerciseError, CustomExerciseInput, check_custom_exercise
from repbook.core.search import fold
from repbook.storage.models import Equipment, Exercise, ExerciseMuscle

__all__ = ["CustomExerciseError", "CustomExerciseInput", "create", "delete", "update"]


def _unique_slug(user: Any, name: str, current: Exercise | None = None) -> str:
    base = slugify(name)[:70] or "exercise"
    taken = set(
        Exercise.objects.visible_to(user).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    if current is not None:
        taken.discard(current.slug)
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _write(exercise: Exercise, data: CustomExerciseInput) -> Exercise:
    exercise.name = data.name.strip()
    exercise.search_text = fold(exercise.name)
    exercise.pattern = data.pattern
    exercise.level = data.level
    exercise.mechanics = data.mechanics
    exercise.measure = data.measure
    exercise.bodyweight_fraction = data.bodyweight_fraction
    exercise.unilateral = data.unilateral
    exercise.content = {
        "introduction": data.introduction.strip(),
        "steps": [s.strip() for s in data.steps if s.strip()],
    }
    exercise.save()
    ExerciseMuscle.objects.filter(exercise=exercise).delete()
    ExerciseMuscle.objects.bulk_create(
        [ExerciseMuscle(exercise=exercise, muscle_id=m, role="primary") for m in data.primary_muscles]
        + [ExerciseMuscle(exercise=exercise, muscle_id=m, role="secondary") for m in data.secondary_muscles]
    )
    exercise.equipment.set(list(Equipment.objects.filter(slug__in=data.equipment)))
    return exercise


@transaction.atomic
def create(user: Any, data: CustomExerciseInput) -> Exercise:
    """Create a custom exercise owned by `user`; raises CustomExerciseError naming the field."""
    check_custom_exercise(data)
    if Exercise.objects.visible_to(user).filter(name__iexact=data.name.strip()).exists():
        raise CustomExerciseError("name", f"an exercise called {data.name.strip()!r} already exists")
    return _write(Exercise(owner=user, slug=_unique_slug(user, data.name)), data)


@transaction.atomic
def update(user: Any, exercise: Exercise, data: CustomExerciseInput) -> Exercise:
    if exercise.owner_id != user.pk:
        raise Exercise.DoesNotExist("not yours")
    check_custom_exercise(data)
    return _write(exercise, data)


@transaction.atomic
def delete(user: Any, slug: str) -> str:
    """Delete a custom exercise that no logged set uses; returns its name."""
    exercise = Exercise.objects.owned_by(user).get(slug=slug)
    try:
        exercise.delete()
    except ProtectedError as exc:
        raise CustomExerciseError(
            "exercise", "logged sets or one of your programs use this exercise; remove it from those first"
        ) from exc
    return exercise.name

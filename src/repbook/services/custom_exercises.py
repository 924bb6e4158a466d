"""A user's own exercises: create, update, delete. Private to their owner."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.text import slugify

from repbook.core.equipment import EQUIPMENT
from repbook.core.errors import FieldError
from repbook.core.exercise import LEVELS, MEASURES, MECHANICS, PATTERNS
from repbook.core.muscles import MUSCLES
from repbook.core.search import fold
from repbook.storage.models import Equipment, Exercise, ExerciseMuscle


class CustomExerciseError(FieldError):
    """A custom exercise that cannot be saved as given."""


@dataclass(frozen=True)
class CustomExerciseInput:
    name: str
    primary_muscles: tuple[str, ...]
    secondary_muscles: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ("bodyweight",)
    pattern: str = "full_body"
    level: str = "beginner"
    mechanics: str = "compound"
    measure: str = "reps"
    bodyweight_fraction: Decimal = Decimal(0)
    unilateral: bool = False
    introduction: str = ""
    steps: tuple[str, ...] = ()


def _validate(data: CustomExerciseInput) -> None:
    name = data.name.strip()
    if not 2 <= len(name) <= 120:
        raise CustomExerciseError("name", "a name needs 2 to 120 characters")
    if not data.primary_muscles:
        raise CustomExerciseError("primary_muscles", "choose at least one primary muscle")
    for field, values, allowed in (
        ("primary_muscles", data.primary_muscles, MUSCLES),
        ("secondary_muscles", data.secondary_muscles, MUSCLES),
        ("equipment", data.equipment, EQUIPMENT),
    ):
        unknown = [v for v in values if v not in allowed]
        if unknown:
            raise CustomExerciseError(field, f"unknown choice {unknown[0]!r}")
    if set(data.primary_muscles) & set(data.secondary_muscles):
        raise CustomExerciseError("secondary_muscles", "a muscle cannot be both primary and secondary")
    for field, value, allowed_values in (
        ("pattern", data.pattern, PATTERNS),
        ("level", data.level, LEVELS),
        ("mechanics", data.mechanics, MECHANICS),
        ("measure", data.measure, MEASURES),
    ):
        if value not in allowed_values:
            raise CustomExerciseError(field, f"unknown choice {value!r}")
    if not Decimal(0) <= data.bodyweight_fraction <= Decimal("1.2"):
        raise CustomExerciseError("bodyweight_fraction", "must be between 0 and 1.2")


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
    _validate(data)
    if Exercise.objects.visible_to(user).filter(name__iexact=data.name.strip()).exists():
        raise CustomExerciseError("name", f"an exercise called {data.name.strip()!r} already exists")
    return _write(Exercise(owner=user, slug=_unique_slug(user, data.name)), data)


@transaction.atomic
def update(user: Any, exercise: Exercise, data: CustomExerciseInput) -> Exercise:
    if exercise.owner_id != user.pk:
        raise Exercise.DoesNotExist("not yours")
    _validate(data)
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

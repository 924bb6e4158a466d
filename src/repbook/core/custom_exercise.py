"""A user's own exercise as given (form, API, CLI or backup), and the one check every path uses."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from repbook.core.equipment import EQUIPMENT
from repbook.core.errors import FieldError
from repbook.core.exercise import LEVELS, MEASURES, MECHANICS, PATTERNS
from repbook.core.muscles import MUSCLES
from repbook.core.text import TextError, check_text

MAX_NAME: Final = 120
MAX_INTRODUCTION: Final = 4000
MAX_STEPS: Final = 100
MAX_STEP: Final = 1000
MAX_BODYWEIGHT_FRACTION: Final = Decimal("1.2")


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


def _texts(data: CustomExerciseInput) -> None:
    try:
        check_text(data.name, "name", MAX_NAME)
        check_text(data.introduction, "introduction", MAX_INTRODUCTION)
        if len(data.steps) > MAX_STEPS:
            raise CustomExerciseError("steps", f"at most {MAX_STEPS} steps")
        for step in data.steps:
            check_text(step, "steps", MAX_STEP)
    except TextError as exc:
        raise CustomExerciseError(exc.field, exc.message) from exc


def check_custom_exercise(data: CustomExerciseInput) -> None:
    """Raise CustomExerciseError naming the first field a custom exercise cannot hold."""
    name = data.name.strip()
    if not 2 <= len(name) <= MAX_NAME:
        raise CustomExerciseError("name", f"a name needs 2 to {MAX_NAME} characters")
    _texts(data)
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
    fraction = data.bodyweight_fraction
    if not fraction.is_finite() or not Decimal(0) <= fraction <= MAX_BODYWEIGHT_FRACTION:
        raise CustomExerciseError("bodyweight_fraction", f"must be between 0 and {MAX_BODYWEIGHT_FRACTION}")

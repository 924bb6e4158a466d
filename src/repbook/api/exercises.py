"""GET /api/v1/exercises and /api/v1/exercises/{slug}: readable without logging in."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from repbook.api.auth import AUTH_OR_ANONYMOUS, PUBLIC
from repbook.api.errors import errors
from repbook.core.equipment import EQUIPMENT
from repbook.core.muscles import MUSCLES
from repbook.services.exercise.exercise_catalog import (
    DirectoryFilters,
    directory,
    exercise_detail,
    exercise_page,
    exercise_summary,
)

router = Router(tags=["exercises"], auth=AUTH_OR_ANONYMOUS)


class ExerciseFilters(Schema):
    q: str = ""
    muscle: str = ""
    equipment: str = ""


class ExerciseSummaryOut(Schema):
    slug: str
    name: str
    primary_muscles: list[str]
    secondary_muscles: list[str]
    equipment: list[str]
    pattern: str
    level: str
    custom: bool


class Benefit(Schema):
    title: str
    text: str


class Variation(Schema):
    kind: str
    name: str
    text: str
    slug: str | None


class Alternative(Schema):
    slug: str
    name: str
    why: str


class Recommendations(Schema):
    sets: list[int] | None
    reps: list[int] | None
    seconds: list[int] | None
    meters: list[int] | None
    per_week: list[int] | None
    progression: str | None
    note: str


class Faq(Schema):
    question: str
    answer: str


class ExerciseOut(ExerciseSummaryOut):
    aliases: list[str]
    category: str
    mechanics: str
    force: str
    measure: str
    unilateral: bool
    bodyweight_fraction: float
    rest_s: int
    introduction: str
    steps: list[str]
    benefits: list[Benefit]
    variations: list[Variation]
    alternatives: list[Alternative]
    computed_alternatives: list[ExerciseSummaryOut]
    recommendations: Recommendations
    faq: list[Faq]


def _user(request: HttpRequest) -> Any:
    return getattr(request, "user", None)


@router.get("/exercises", response={200: list[ExerciseSummaryOut], **errors(422)}, openapi_extra=PUBLIC)
def list_exercises(request: HttpRequest, filters: Query[ExerciseFilters]) -> list[dict[str, Any]]:
    if filters.muscle and filters.muscle not in MUSCLES:
        raise HttpError(422, f"unknown muscle {filters.muscle!r}; one of: {', '.join(MUSCLES)}")
    if filters.equipment and filters.equipment not in EQUIPMENT:
        raise HttpError(422, f"unknown equipment {filters.equipment!r}; one of: {', '.join(EQUIPMENT)}")
    found = directory(
        _user(request),
        DirectoryFilters(q=filters.q[:100], muscle=filters.muscle, equipment=filters.equipment),
    )
    seen: set[str] = set()
    out = []
    for group in found.groups:
        for card in group.cards:
            if card.facts.slug not in seen:
                seen.add(card.facts.slug)
                out.append(exercise_summary(card.facts, card.is_custom))
    if not filters.q:
        out.sort(key=lambda e: e["name"])
    return out


@router.get("/exercises/{slug}", response={200: ExerciseOut, **errors(404)}, openapi_extra=PUBLIC)
def get_exercise(request: HttpRequest, slug: str) -> dict[str, Any]:
    return exercise_detail(exercise_page(_user(request), slug))

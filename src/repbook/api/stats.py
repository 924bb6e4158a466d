"""Statistics, guidance and the body-weight log."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from repbook.api.errors import errors
from repbook.services.exercise.exercise_stats import exercise_stats_by_slug
from repbook.services.progress import guidance, training_stats
from repbook.services.progress.stats_json import (
    advice_json,
    best_lifts_json,
    body_weight_json,
    exercise_stats_json,
    training_json,
)
from repbook.services.workout import body_weight
from repbook.storage.models import BodyWeight

router = Router(tags=["stats"])


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


class WeeksIn(Schema):
    weeks: int = Field(
        training_stats.DEFAULT_WEEKS,
        ge=1,
        le=training_stats.MAX_WEEKS,
        description="how many weeks, this one included",
    )


@router.get("/stats/exercises/{slug}", response={200: dict[str, Any], **errors(401, 404)})
def exercise_stats(request: HttpRequest, slug: str) -> HttpResponse:
    """e1RM per session (the user's formula; RPE-aware), rep maxes, records, volume per session."""
    from repbook.api.app import api  # the API this router is mounted on (it imports this module)

    data = exercise_stats_json(exercise_stats_by_slug(_user(request), slug))
    # Rendered by the API's own renderer, without the response model's pass over every value of
    # the answer (plain JSON already): 2 ms for the 778 sessions of a ten-year deadlift.
    return api.create_response(request, data, status=200)


@router.get("/stats/muscles", response={200: dict[str, Any], **errors(401, 422)})
def muscle_stats(request: HttpRequest, query: Query[WeeksIn]) -> dict[str, Any]:
    """Weekly hard sets per muscle (primary 1.0, secondary as set), frequency, weekly totals."""
    return training_json(training_stats.training_weeks(_user(request), query.weeks))


@router.get("/stats/lifts", response={200: list[dict[str, Any]], **errors(401)})
def best_lifts(request: HttpRequest) -> list[dict[str, Any]]:
    """The best reliable e1RM of every weighted exercise, heaviest first."""
    return best_lifts_json(training_stats.best_lifts(_user(request)))


@router.get("/guidance", response={200: list[dict[str, Any]], **errors(401)})
def get_guidance(request: HttpRequest) -> list[dict[str, Any]]:
    """Advice from the coaching rules (pain, new exercises, volume jumps, frequency) with reasons."""
    user = _user(request)
    return advice_json(guidance.guidance(user, training_stats.training_weeks(user)))


class BodyWeightIn(Schema):
    weight: Decimal = Field(description="as read on the scale, in `unit`")
    unit: Literal["kg", "lb"] = "kg"
    date: dt.date | None = Field(
        None, description="default today; a second reading that day replaces the first"
    )


class BodyWeightOut(Schema):
    date: dt.date
    weight_kg: float
    typed_value: float
    typed_unit: str


def _reading(row: BodyWeight) -> BodyWeightOut:
    return BodyWeightOut.model_validate(body_weight_json(row))


@router.get("/body-weight", response={200: list[BodyWeightOut], **errors(401)})
def list_body_weight(request: HttpRequest) -> list[BodyWeightOut]:
    """Every reading, newest first."""
    return [_reading(row) for row in body_weight.body_weight_log(_user(request)).rows]


@router.post("/body-weight", response={201: BodyWeightOut, **errors(400, 401, 403, 422)})
def log_body_weight(request: HttpRequest, payload: BodyWeightIn) -> Status[BodyWeightOut]:
    row = body_weight.log_body_weight(_user(request), payload.weight, payload.unit, payload.date)
    return Status(201, _reading(row))


@router.delete("/body-weight/{day}", response={204: None, **errors(401, 403, 404, 422)})
def delete_body_weight(request: HttpRequest, day: dt.date) -> Status[None]:
    body_weight.delete_body_weight(_user(request), day)
    return Status(204, None)

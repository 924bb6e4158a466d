"""Sets and workouts: POST /sets, GET/PATCH/DELETE /workouts/{id}, PATCH/DELETE /sets/{id}."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal
from uuid import UUID

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.responses import Status
from pydantic import field_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from repbook.api.errors import errors
from repbook.services.workout import workouts
from repbook.services.workout.sent_sets import Conflict, log_sent_set
from repbook.storage.models import Set, Workout
from repbook.storage.queries import workout_with_sets, workouts_between

router = Router(tags=["log"])

SetType = Literal["warmup", "working", "drop", "failure", "amrap"]
Side = Literal["both", "left", "right"]
#: A PATCH field that may be left out (kept as it is) but not set to null: the schema shows no null.
Kept = SkipJsonSchema[None]


def refuse_null(value: Any) -> Any:
    """Field validator of PATCH bodies: an explicit null for a field that cannot be empty is a 422."""
    if value is None:
        raise PydanticCustomError("not_null", "cannot be null; leave the field out to keep its value")
    return value


class SetIn(Schema):
    exercise: str = Field(description="exercise slug, e.g. back-extension")
    weight: Decimal | None = Field(
        None, description="as typed; added load for bodyweight exercises, negative for assistance"
    )
    unit: Literal["kg", "lb"] = "kg"
    reps: int | None = None
    rpe: Decimal | None = None
    rir: int | None = None
    set_type: SetType = "working"
    duration_s: int | None = None
    distance_m: Decimal | None = None
    side: Side = "both"
    notes: str = ""
    felt_pain: bool = Field(False, description="pain or aching, as opposed to effort or pump")
    performed_at: datetime | None = None
    workout: int | None = Field(None, description="workout id; by default today's open workout")
    client_id: UUID | None = Field(
        None,
        description=(
            "a UUID the client makes once per set, to send it safely again: the first send logs the "
            "set (201), every later send with the same client_id returns that stored set unchanged "
            "(200) and logs nothing. Unique per user, so another user's key never clashes. With a "
            "client_id, a set whose workout was finished or deleted meanwhile is kept: see `conflict`."
        ),
    )


class SetPatch(Schema):
    weight: Decimal | None = None
    unit: Literal["kg", "lb"] | Kept = None
    reps: int | None = None
    rpe: Decimal | None = None
    rir: int | None = None
    set_type: SetType | Kept = None
    duration_s: int | None = None
    distance_m: Decimal | None = None
    side: Side | Kept = None
    notes: str | Kept = None
    performed_at: datetime | Kept = None
    felt_pain: bool | Kept = None

    _not_null = field_validator("unit", "set_type", "side", "notes", "performed_at", "felt_pain")(refuse_null)


class SetOut(Schema):
    id: int
    workout: int
    exercise: str
    exercise_name: str
    order: int
    set_type: str
    weight_kg: Decimal | None
    weight: Decimal | None
    unit: str
    reps: int | None
    rpe: Decimal | None
    rir: int | None
    duration_s: int | None
    distance_m: Decimal | None
    side: str
    notes: str
    felt_pain: bool
    target: dict[str, Any] | None
    performed_at: datetime
    client_id: UUID | None = Field(description="the key the set was logged with, if any")
    conflict: Conflict | None = Field(
        None,
        description=(
            "only when a set sent with client_id named a workout that had changed: `reopened` (it "
            "was finished and is open again for this set) or `moved` (it was deleted or could not be "
            "reopened: the set went into your open workout, or a new one, as a set without a workout "
            "does); null otherwise"
        ),
    )


class WorkoutSummaryOut(Schema):
    id: int
    name: str
    started_at: datetime
    finished_at: datetime | None
    notes: str
    felt_pain: bool
    set_count: int
    volume_kg: Decimal


class WorkoutExerciseOut(Schema):
    exercise: str
    exercise_name: str
    order: int
    superset_group: str
    notes: str
    sets: list[SetOut]


class WorkoutOut(Schema):
    id: int
    name: str
    started_at: datetime
    finished_at: datetime | None
    notes: str
    felt_pain: bool
    exercises: list[WorkoutExerciseOut]


class WorkoutPatch(Schema):
    name: str | Kept = None
    notes: str | Kept = None
    started_at: datetime | Kept = None
    finished_at: datetime | None = Field(None, description="null: the workout is not finished")
    felt_pain: bool | Kept = None

    _not_null = field_validator("name", "notes", "started_at", "felt_pain")(refuse_null)


class WorkoutFilters(Schema):
    from_: date | None = Field(None, alias="from")
    to: date | None = None


def set_out(row: Set, exercise_slug: str, exercise_name: str) -> dict[str, Any]:
    return {
        "id": row.pk,
        "workout": row.workout_id,
        "exercise": exercise_slug,
        "exercise_name": exercise_name,
        "order": row.order,
        "set_type": row.set_type,
        "weight_kg": row.weight_kg,
        "weight": row.typed_weight,
        "unit": row.typed_unit,
        "reps": row.reps,
        "rpe": row.rpe,
        "rir": row.rir,
        "duration_s": row.duration_s,
        "distance_m": row.distance_m,
        "side": row.side,
        "notes": row.notes,
        "felt_pain": row.felt_pain,
        "target": row.target if isinstance(row.target, dict) else None,  # kept before imports were checked
        "performed_at": row.performed_at,
        "client_id": row.client_id,
    }


def workout_out(workout: Workout) -> dict[str, Any]:
    exercises = []
    for entry in workout.entries.all():
        slug, name = entry.exercise.slug, entry.exercise.name
        exercises.append(
            {
                "exercise": slug,
                "exercise_name": name,
                "order": entry.order,
                "superset_group": entry.superset_group,
                "notes": entry.notes,
                "sets": [set_out(s, slug, name) for s in entry.sets.all()],
            }
        )
    return {
        "id": workout.pk,
        "name": workout.name,
        "started_at": workout.started_at,
        "finished_at": workout.finished_at,
        "notes": workout.notes,
        "felt_pain": workout.felt_pain,
        "exercises": exercises,
    }


@router.post("/sets", response={201: SetOut, 200: SetOut, **errors(400, 401, 403, 422)})
def log_set(request: HttpRequest, payload: SetIn) -> Status[dict[str, Any]]:
    """Log a set: 201 with the new set; 200 with the stored one when its client_id was sent before."""
    data = workouts.SetInput(**payload.model_dump())
    sent = log_sent_set(request.auth, data)  # type: ignore[attr-defined]
    body = set_out(sent.row, sent.row.exercise.slug, sent.row.exercise.name) | {"conflict": sent.conflict}
    return Status(201 if sent.created else 200, body)


@router.patch("/sets/{set_id}", response={200: SetOut, **errors(400, 401, 403, 404, 422)})
def update_set(request: HttpRequest, set_id: int, payload: SetPatch) -> dict[str, Any]:
    row = workouts.update_set(request.auth, set_id, payload.model_dump(exclude_unset=True))  # type: ignore[attr-defined]
    return set_out(row, row.exercise.slug, row.exercise.name)


@router.delete("/sets/{set_id}", response={204: None, **errors(401, 403, 404, 422)})
def delete_set(request: HttpRequest, set_id: int) -> Status[None]:
    workouts.delete_set(request.auth, set_id)  # type: ignore[attr-defined]
    return Status(204, None)


@router.get("/workouts", response={200: list[WorkoutSummaryOut], **errors(401, 422)})
def list_workouts(request: HttpRequest, filters: Query[WorkoutFilters]) -> list[dict[str, Any]]:
    rows = workouts_between(request.auth, filters.from_, filters.to)  # type: ignore[attr-defined]
    return [
        {
            "id": w.pk,
            "name": w.name,
            "started_at": w.started_at,
            "finished_at": w.finished_at,
            "notes": w.notes,
            "felt_pain": w.felt_pain,
            "set_count": w.set_count,  # type: ignore[attr-defined]
            "volume_kg": w.volume_kg or Decimal(0),  # type: ignore[attr-defined]
        }
        for w in rows
    ]


@router.get("/workouts/{workout_id}", response={200: WorkoutOut, **errors(401, 404, 422)})
def get_workout(request: HttpRequest, workout_id: int) -> dict[str, Any]:
    return workout_out(workout_with_sets(request.auth, workout_id))  # type: ignore[attr-defined]


@router.patch("/workouts/{workout_id}", response={200: WorkoutOut, **errors(400, 401, 403, 404, 422)})
def update_workout(request: HttpRequest, workout_id: int, payload: WorkoutPatch) -> dict[str, Any]:
    workouts.update_workout(request.auth, workout_id, payload.model_dump(exclude_unset=True))  # type: ignore[attr-defined]
    return workout_out(workout_with_sets(request.auth, workout_id))  # type: ignore[attr-defined]


@router.delete("/workouts/{workout_id}", response={204: None, **errors(401, 403, 404, 422)})
def delete_workout(request: HttpRequest, workout_id: int) -> Status[None]:
    workouts.delete_workout(request.auth, workout_id)  # type: ignore[attr-defined]
    return Status(204, None)

"""Sets and workouts: POST/GET /sets, GET /workouts (paginated), GET/PATCH/DELETE /workouts/{id},
PATCH/DELETE /sets/{id}."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal
from uuid import UUID

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from pydantic import field_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from repbook.api.errors import errors
from repbook.api.pages import DEFAULT_LIMIT, MAX_LIMIT, CursorError, decode_cursor, encode_cursor, link_next
from repbook.services.workout import workouts
from repbook.services.workout.sent_sets import Conflict, log_sent_set
from repbook.storage.models import SET_VALUE_FIELDS, Set, Workout
from repbook.storage.queries import latest_workouts, sets_between, workout_with_sets, workouts_in

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
    updated_at: datetime
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
    updated_at: datetime


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
    updated_since: datetime | None = Field(None, description="only workouts changed at or after this moment")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="workouts per page")
    cursor: str | None = Field(None, description="where the page starts: from the Link header's next page")


class SetFilters(Schema):
    exercise: str | None = Field(None, description="exercise slug")
    from_: date | None = Field(None, alias="from")
    to: date | None = None
    updated_since: datetime | None = Field(None, description="only sets changed at or after this moment")
    limit: int = Field(DEFAULT_LIMIT * 4, ge=1, le=MAX_LIMIT, description="sets per page")
    cursor: str | None = Field(None, description="where the page starts: from the Link header's next page")


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
        "updated_at": row.updated_at,
    }


#: What `set_row_out` reads of a set, as plain values (no model instances for a long list).
SET_ROW_FIELDS = (
    "id",
    "workout_id",
    "exercise__slug",
    "exercise__name",
    *SET_VALUE_FIELDS,
    "updated_at",
    "client_id",
)


def set_row_out(row: dict[str, Any]) -> dict[str, Any]:
    """`set_out` of a set read as SET_ROW_FIELDS values."""
    target = row["target"]
    return {
        "id": row["id"],
        "workout": row["workout_id"],
        "exercise": row["exercise__slug"],
        "exercise_name": row["exercise__name"],
        "order": row["order"],
        "set_type": row["set_type"],
        "weight_kg": row["weight_kg"],
        "weight": row["typed_weight"],
        "unit": row["typed_unit"],
        "reps": row["reps"],
        "rpe": row["rpe"],
        "rir": row["rir"],
        "duration_s": row["duration_s"],
        "distance_m": row["distance_m"],
        "side": row["side"],
        "notes": row["notes"],
        "felt_pain": row["felt_pain"],
        "target": target if isinstance(target, dict) else None,
        "performed_at": row["performed_at"],
        "updated_at": row["updated_at"],
        "client_id": row["client_id"],
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
def list_workouts(
    request: HttpRequest, response: HttpResponse, filters: Query[WorkoutFilters]
) -> list[dict[str, Any]]:
    """The workouts, newest first, a page at a time: the `Link` header names the next page."""
    rows = workouts_in(request.auth, filters.from_, filters.to)  # type: ignore[attr-defined]
    if filters.updated_since is not None:
        rows = rows.filter(updated_at__gte=filters.updated_since)
    if filters.cursor:
        when, pk = _cursor(filters.cursor)
        rows = rows.filter(Q(started_at__lt=when) | Q(started_at=when, pk__lt=pk))
    page = latest_workouts(rows, filters.limit + 1)
    if len(page) > filters.limit:
        page = page[: filters.limit]
        link_next(request, response, encode_cursor(page[-1].started_at, page[-1].pk))
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
            "updated_at": w.updated_at,
        }
        for w in page
    ]


@router.get("/sets", response={200: list[SetOut], **errors(401, 422)})
def list_sets(
    request: HttpRequest, response: HttpResponse, filters: Query[SetFilters]
) -> list[dict[str, Any]]:
    """Every logged set, oldest first, a page at a time (for sync clients): the `Link` header names
    the next page. `from` and `to` are days of `performed_at`."""
    rows = sets_between(request.auth, filters.exercise, filters.from_, filters.to)  # type: ignore[attr-defined]
    if filters.updated_since is not None:
        rows = rows.filter(updated_at__gte=filters.updated_since)
    if filters.cursor:
        when, pk = _cursor(filters.cursor)
        # The bound alone first, so the index range starts at the cursor.
        rows = rows.filter(performed_at__gte=when).filter(Q(performed_at__gt=when) | Q(pk__gt=pk))
    page = list(rows.order_by("performed_at", "pk").values(*SET_ROW_FIELDS)[: filters.limit + 1])
    if len(page) > filters.limit:
        page = page[: filters.limit]
        link_next(request, response, encode_cursor(page[-1]["performed_at"], page[-1]["id"]))
    return [set_row_out(row) for row in page]


def _cursor(cursor: str) -> tuple[datetime, int]:
    try:
        return decode_cursor(cursor)
    except CursorError as exc:
        raise HttpError(422, f"cursor {exc}") from exc


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

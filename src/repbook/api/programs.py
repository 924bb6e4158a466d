"""Programs and the next workout: the library, following a program, today's plan and its loads."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema
from ninja.responses import Status

from repbook.api.errors import errors
from repbook.services.program import programs
from repbook.services.program.program_json import next_workout_json, program_detail, program_summary
from repbook.services.program.program_plan import next_workout

router = Router(tags=["programs"])


class ProgramIn(Schema):
    text: str = Field(description="the program in Repbook's program text format (see the README)")
    slug: str | None = Field(None, description="update your program with this slug instead of adding one")


class StartIn(Schema):
    day: int | None = Field(None, description="a day id of the active program; by default the next day")


class ByHandIn(Schema):
    load: Decimal | None = Field(None, description="the load for the next session, in `unit`")
    training_max: Decimal | None = Field(None, description="a training max (5/3/1), in `unit`")
    unit: Literal["kg", "lb"] = "kg"


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _active_id(request: HttpRequest) -> int | None:
    active = programs.active_program(_user(request))
    return active.program_id if active else None


@router.get("/programs", response={200: list[dict[str, Any]], **errors(401)})
def list_programs(request: HttpRequest) -> list[dict[str, Any]]:
    active = _active_id(request)
    return [program_summary(p, active) for p in programs.visible_programs(_user(request))]


@router.get("/programs/{slug}", response={200: dict[str, Any], **errors(401, 404)})
def get_program(request: HttpRequest, slug: str) -> dict[str, Any]:
    return program_detail(programs.program_for(_user(request), slug), _active_id(request))


@router.get("/programs/{slug}/text", response={200: None, **errors(401, 404)})
def export_program(request: HttpRequest, slug: str) -> HttpResponse:
    program = programs.program_for(_user(request), slug)
    response = HttpResponse(program.source, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{program.slug}.txt"'
    return response


@router.post(
    "/programs", response={200: dict[str, Any], 201: dict[str, Any], **errors(400, 401, 403, 404, 422)}
)
def save_program(request: HttpRequest, payload: ProgramIn) -> Status[dict[str, Any]]:
    if (
        payload.slug is not None
        and not programs.own_programs(_user(request)).filter(slug=payload.slug).exists()
    ):
        raise programs.ProgramError(
            f"you have no program {payload.slug!r} of your own", field="slug", missing=True
        )
    saved = programs.save_user_program(_user(request), payload.text, payload.slug)
    return Status(201 if saved.created else 200, program_detail(saved.program, _active_id(request)))


@router.delete("/programs/{slug}", response={204: None, **errors(401, 403, 404)})
def delete_program(request: HttpRequest, slug: str) -> Status[None]:
    programs.delete_user_program(_user(request), slug)
    return Status(204, None)


@router.post("/programs/{slug}/start", response={200: dict[str, Any], **errors(401, 403, 404)})
def start_program(request: HttpRequest, slug: str) -> dict[str, Any]:
    active = programs.start_program(_user(request), slug)
    return program_summary(active.program, active.program_id)


@router.delete("/active-program", response={204: None, **errors(401, 403)})
def stop_program(request: HttpRequest) -> Status[None]:
    programs.stop_program(_user(request))
    return Status(204, None)


@router.get("/next-workout", response={200: dict[str, Any], **errors(401, 404)})
def get_next_workout(request: HttpRequest) -> dict[str, Any]:
    upcoming = next_workout(_user(request))
    if upcoming is None:
        raise programs.ProgramError(
            "you follow no program: start one with POST /api/v1/programs/{slug}/start", missing=True
        )
    return next_workout_json(upcoming)


@router.post("/next-workout/start", response={201: dict[str, Any], **errors(400, 401, 403, 404, 422)})
def start_next_workout(request: HttpRequest, payload: StartIn) -> Status[dict[str, Any]]:
    workout = programs.start_next_workout(_user(request), payload.day)
    return Status(201, {"workout": workout.pk, "name": workout.name})


@router.put(
    "/next-workout/exercises/{slug}", response={200: dict[str, Any], **errors(400, 401, 403, 404, 422)}
)
def set_by_hand(request: HttpRequest, slug: str, payload: ByHandIn) -> dict[str, Any]:
    programs.set_by_hand(
        _user(request), slug, load=payload.load, training_max=payload.training_max, unit=payload.unit
    )
    return get_next_workout(request)


@router.delete("/next-workout/exercises/{slug}", response={200: dict[str, Any], **errors(401, 403, 404)})
def clear_by_hand(request: HttpRequest, slug: str) -> dict[str, Any]:
    programs.clear_by_hand(_user(request), slug)
    return get_next_workout(request)

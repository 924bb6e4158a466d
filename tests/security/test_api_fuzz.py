"""Schemathesis against /api/v1/openapi.json: every operation, generated requests, a user with data.

Each operation gets a bounded, derandomized run (the same requests on every CI run). Hooks put
values the generators never draw into about half the bodies and queries: lone surrogates in any
string, and dates and times at year 1 and year 9999 with offsets. Every response
must be no 5xx, carry a documented status code and content type, and match the documented body
schema; schemathesis' other default checks run too (auth really required, unsupported methods
answer 405, ...). Two checks are left out, on purpose:

- `positive_data_acceptance`: the schema says which types a field takes, the services add the rules
  of a training log (reps 0 to 999, a date not in the future, ...), so a schema-valid request is often
  refused with a 422 naming the field, which is right;
- `negative_data_rejection`: pydantic reads lenient values (`to=0` is a date, "5" is a number), which
  is a convenience, not a hole.

Requests go through the real WSGI application (`repbook.wsgi.application`) in this process, on the
test database. Every example runs inside a savepoint that is rolled back, so each one starts from
the same seeded account: a DELETE in one example cannot take the objects away from the next one,
and the fuzzing token cannot be revoked for good.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from repbook.services.account.accounts import create_token
from repbook.services.exercise import custom_exercises
from repbook.services.program import programs
from repbook.services.workout import body_weight, workouts
from repbook.storage.models import ProgramDay, User
from repbook.wsgi import application
from tests.conftest import ApiClient

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)

MINE = "Program: Mine\nDay: A\nDeadlift: 3x5; linear +5kg\nBack Extension: 3x10-12; double\n"
EXCLUDED_CHECKS = [positive_data_acceptance, negative_data_rejection]


@pytest.fixture
def seeded(alice: User) -> Iterator[dict[str, Any]]:
    """Alice with a token, two workouts of sets, a custom exercise, her own program (followed),
    a body-weight reading and a spare token: the real objects the fuzzed paths point at."""
    # The WSGI handler closes the connection after each request, which would end the test's
    # transaction; Django's test client unhooks the same signal for the same reason.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield _seed(alice)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _seed(alice: User) -> dict[str, Any]:
    custom = custom_exercises.create(
        alice, custom_exercises.CustomExerciseInput(name="Cable Y Raise", primary_muscles=("rear_delts",))
    )
    yesterday = timezone.now() - timedelta(days=1)
    sets = [
        workouts.log_set(alice, workouts.SetInput("deadlift", Decimal(100), reps=5, performed_at=yesterday)),
        workouts.log_set(alice, workouts.SetInput("deadlift", Decimal(105), reps=3, rpe=Decimal(9))),
        workouts.log_set(alice, workouts.SetInput(custom.slug, Decimal(5), reps=12)),
        workouts.log_set(alice, workouts.SetInput("back-extension", Decimal(10), reps=12)),
    ]
    reading = body_weight.log_body_weight(alice, Decimal("81.5"), "kg")
    saved = programs.save_user_program(alice, MINE)
    programs.start_program(alice, saved.program.slug)
    spare = create_token(alice, "spare").token
    return {
        "token": create_token(alice, "fuzz").secret,
        "set_id": [s.pk for s in sets],
        "workout_id": sorted({s.workout_id for s in sets}),
        "token_id": [spare.pk],
        "day": [reading.date.isoformat()],
        "day_id": list(ProgramDay.objects.filter(program=saved.program).values_list("pk", flat=True)),
        "/exercises/": ["deadlift", "back-extension", custom.slug],
        "/stats/exercises/": ["deadlift", custom.slug],
        "/next-workout/exercises/": ["deadlift", "back-extension"],
        "/programs/": [saved.program.slug, "back-workout", "5x5-linear"],
    }


def _pick(generated: object, real: list[Any]) -> Any:
    """A real value for about two generated values in three, the same ones on every run."""
    digest = zlib.crc32(repr(generated).encode())
    return real[digest % len(real)] if digest % 3 else generated


def _point_at_real_objects(case: Any, real: dict[str, Any]) -> None:
    """Swap generated ids and slugs for the seeded ones now and then, so GET/PATCH/DELETE reach
    real objects instead of answering 404 every time."""
    if case.meta is None or case.meta.generation.mode != GenerationMode.POSITIVE:
        return  # a negative case must stay invalid
    template = case.path.removeprefix("/api/v1")
    for name, value in (case.path_parameters or {}).items():
        key = name if name != "slug" else next((p for p in real if template.startswith(f"{p}{{")), None)
        if key in real:
            case.path_parameters[name] = _pick(value, real[key])
    if isinstance(case.body, dict):
        for field, key in (("exercise", "/exercises/"), ("workout", "workout_id"), ("day", "day_id")):
            if field in case.body:
                case.body[field] = _pick(case.body[field], real[key])


#: Values no generator draws on its own: a lone surrogate (valid JSON, no valid text) and the
#: extreme years of ISO dates and times, with offsets that push them past year 1 or year 9999.
ODD_TEXT = ["\ud800", "week\udfff", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"]
ODD_DATES = ["0001-01-01", "9999-12-31", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"]


def _with_one_odd_value(values: Any, odd: list[str]) -> st.SearchStrategy[Any]:
    """The drawn values, or the same with one string field replaced by an odd value."""
    if not isinstance(values, dict):
        return st.just(values)
    fields = sorted(k for k, v in values.items() if isinstance(v, str))
    if not fields:
        return st.just(values)
    replaced = st.tuples(st.sampled_from(fields), st.sampled_from(odd))
    return st.one_of(st.just(values), replaced.map(lambda pair: {**values, pair[0]: pair[1]}))


@schema.hook
def flatmap_body(context: Any, body: Any) -> st.SearchStrategy[Any]:
    # Lone surrogates only in JSON: a multipart form carries UTF-8 bytes, which they have none of.
    media = {b.media_type for b in getattr(context.operation, "body", None) or []}
    return _with_one_odd_value(body, ODD_TEXT if media <= {"application/json"} else ODD_DATES)


@schema.hook
def flatmap_query(context: Any, query: Any) -> st.SearchStrategy[Any]:
    # No surrogates in a URL either, for the same reason.
    return _with_one_odd_value(query, ODD_DATES)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_every_operation_answers_as_documented(case: Any, seeded: dict[str, Any]) -> None:
    _point_at_real_objects(case, seeded)
    with transaction.atomic():
        case.call_and_validate(
            headers={"Authorization": f"Bearer {seeded['token']}"}, excluded_checks=EXCLUDED_CHECKS
        )
        transaction.set_rollback(True)


# --- What the fuzzing found, pinned down (each was a 500) -----------------------------------------


@pytest.mark.django_db
def test_an_enormous_weight_is_a_422_not_a_crash(alice_api: ApiClient) -> None:
    for unit in ("kg", "lb"):
        body = {"exercise": "deadlift", "weight": 3.4e38, "unit": unit, "reps": 5}
        response = alice_api.post("/api/v1/sets", body)
        assert response.status_code == 422, response.content
        assert response.json()["detail"][0]["field"] == "weight"


@pytest.mark.django_db
def test_null_for_a_field_that_cannot_be_empty_is_a_422(alice: User, alice_api: ApiClient) -> None:
    row = workouts.log_set(alice, workouts.SetInput("deadlift", Decimal(100), reps=5))
    for path, field in [(f"/api/v1/sets/{row.pk}", "notes"), (f"/api/v1/workouts/{row.workout_id}", "name")]:
        response = alice_api.patch(path, {field: None})
        assert response.status_code == 422, response.content
        assert response.json()["detail"] == [
            {"field": field, "message": "cannot be null; leave the field out to keep its value"}
        ]
    cleared = alice_api.patch(f"/api/v1/workouts/{row.workout_id}", {"finished_at": None})
    assert cleared.status_code == 200, "a workout may be made unfinished again"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path", "body", "status", "field"),
    [
        ("get", "/api/v1/exercises?q=dead%00lift", None, 422, "q"),
        ("get", "/api/v1/exercises/dead%00lift", None, 404, None),
        ("get", "/api/v1/programs/a%00b/text", None, 404, None),
        ("post", "/api/v1/sets", {"exercise": "dead\x00lift", "weight": 100, "reps": 5}, 422, "exercise"),
        ("post", "/api/v1/tokens", {"name": "watch\x00"}, 422, "name"),
        ("post", "/api/v1/programs", {"text": "Program: A\x00\nDay: A\nDeadlift: 3x5\n"}, 422, "text"),
    ],
)
def test_text_with_a_nul_character_is_refused_on_every_database(
    alice_api: ApiClient, method: str, path: str, body: Any, status: int, field: str | None
) -> None:
    response = getattr(alice_api, method)(path, body)
    assert response.status_code == status, response.content
    if field:
        assert response.json()["detail"] == [{"field": field, "message": "must not contain NUL characters"}]


def test_the_public_operations_say_credentials_are_optional() -> None:
    document = schema.raw_schema["paths"]
    assert document["/api/v1/exercises"]["get"]["security"][-1] == {}
    assert {} not in document["/api/v1/me"]["get"]["security"]

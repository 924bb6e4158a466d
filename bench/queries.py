"""SQL queries per request type, against their budgets: printed as JSON for the harness.

    python bench/queries.py lifter1

Runs each request the load runner sends through Django's whole stack in process (session or token
authentication included) and counts its SQL statements. The budgets below are asserted by the
test suite too (tests/bench/test_query_budgets.py), so a request that grows a query fails CI.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import uuid4

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django
from django.apps import apps

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "repbook.settings")
if not apps.ready:
    django.setup()

from django.db import connection
from django.test import Client

from repbook.services.account.accounts import create_token
from repbook.services.program.programs import start_program
from repbook.services.workout.workouts import SetInput, log_set
from repbook.storage.models import ActiveProgram, User


@dataclass(frozen=True)
class Budget:
    name: str
    #: Builds the request from the client, the token header and today's open workout (its id and
    #: its deadlift entry's); returns the response.
    send: Callable[[Client, dict[str, str], OpenWorkout], Any]
    queries: int


@dataclass(frozen=True)
class OpenWorkout:
    pk: int
    entry: int  # the deadlift's place in it


def _log_set(client: Client, token: dict[str, str], workout: OpenWorkout) -> Any:
    payload = {"exercise": "deadlift", "reps": 5, "weight": 100, "workout": workout.pk}
    return client.post("/api/v1/sets", payload, content_type="application/json", headers=token)


def _web_log_set(client: Client, token: dict[str, str], workout: OpenWorkout) -> Any:
    """The logging page's form: the same write as the API, then a redirect back to the page. The
    form carries a fresh key (`client_id`) as the page's does."""
    form = {"unit": "kg", "weight": "100", "reps": "5", "set_type": "working", "client_id": str(uuid4())}
    return client.post(f"/workouts/{workout.pk}/entries/{workout.entry}/sets/", form)


def _log_keyed_set(client: Client, token: dict[str, str], workout: OpenWorkout) -> Any:
    payload = {
        "exercise": "deadlift",
        "reps": 5,
        "weight": 100,
        "workout": workout.pk,
        "client_id": str(uuid4()),
    }
    return client.post("/api/v1/sets", payload, content_type="application/json", headers=token)


#: One key, sent every time: the first send logs the set, the counted one is a replay.
RESENT_KEY = "8d1f4d52-6c2b-4f0e-9a57-3e0c8b6a1d27"


def _resend_set(client: Client, token: dict[str, str], workout: OpenWorkout) -> Any:
    payload = {
        "exercise": "deadlift",
        "reps": 5,
        "weight": 100,
        "workout": workout.pk,
        "client_id": RESENT_KEY,
    }
    return client.post("/api/v1/sets", payload, content_type="application/json", headers=token)


#: The load runner's request types and the most SQL statements each may run.
BUDGETS = [
    # A set sent into a given workout (as the offline clients send it): the token, then in one
    # transaction (on SQLite, its BEGIN IMMEDIATE) the exercise, the workout locked by its id, the
    # entry with its next order and its session's summary with the exercise's bests (one
    # statement), the insert, and the summary replaced (storage.summaries): on PostgreSQL the
    # insert and the summary are one statement, and a record raises the bests.
    Budget("log a set (POST /api/v1/sets)", _log_set, 8),
    # The API's write, then the entry looked up by owner and the superset step.
    Budget("log a set from the logging page (POST, redirect)", _web_log_set, 11),
    Budget("log a set with its client_id (POST /api/v1/sets)", _log_keyed_set, 9),
    Budget("the same set sent again (client_id replay)", _resend_set, 2),
    Budget("logging page of an open workout", lambda c, t, w: c.get(f"/workouts/{w.pk}/"), 10),
    Budget("exercise directory (/exercises/)", lambda c, t, w: c.get("/exercises/"), 4),
    Budget(
        "exercise page with history (/exercises/deadlift/)", lambda c, t, w: c.get("/exercises/deadlift/"), 13
    ),
    Budget("stats page (/stats/)", lambda c, t, w: c.get("/stats/"), 13),
    Budget("stats page, 52 weeks (/stats/?weeks=52)", lambda c, t, w: c.get("/stats/?weeks=52"), 13),
    Budget(
        "exercise stats (GET /api/v1/stats/exercises/deadlift)",
        lambda c, t, w: c.get("/api/v1/stats/exercises/deadlift", headers=t),
        6,
    ),
    Budget(
        "workouts, one page (GET /api/v1/workouts)", lambda c, t, w: c.get("/api/v1/workouts", headers=t), 4
    ),
    Budget(
        "one workout with its sets (GET /api/v1/workouts/{id})",
        lambda c, t, w: c.get(f"/api/v1/workouts/{w.pk}", headers=t),
        5,
    ),
    Budget(
        "sets of an exercise, one page (GET /api/v1/sets)",
        lambda c, t, w: c.get("/api/v1/sets?exercise=deadlift", headers=t),
        4,
    ),
    Budget("history page (/workouts/)", lambda c, t, w: c.get("/workouts/"), 10),
    Budget("finish summary of a workout", lambda c, t, w: c.get(f"/workouts/{w.pk}/summary/"), 20),
    Budget(
        "next workout (GET /api/v1/next-workout)",
        lambda c, t, w: c.get("/api/v1/next-workout", headers=t),
        11,
    ),
]


class QueryCounter:
    """Counts the SQL statements run through the connection."""

    def __init__(self) -> None:
        self.count = 0
        self.statements: list[str] = []

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        self.statements.append(sql[:160])
        return execute(sql, params, many, context)


def count_queries(user: User) -> list[dict[str, Any]]:
    """Each budgeted request of `user` (given an active program and an open workout), counted.

    Each runs once first, so one-off work (a first login's session row) is not counted."""
    if not ActiveProgram.objects.filter(owner=user).exists():
        start_program(user, "5x5-linear")
    opened = log_set(user, SetInput("back-squat", reps=5, weight=Decimal(100))).workout_id
    deadlift = log_set(user, SetInput("deadlift", reps=5, weight=Decimal(100), workout=opened))
    workout = OpenWorkout(opened, deadlift.workout_exercise_id)
    client = Client()
    client.force_login(user)
    token = {"Authorization": f"Bearer {create_token(user, 'query count').secret}"}
    counted = []
    for budget in BUDGETS:
        budget.send(client, token, workout)
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            response = budget.send(client, token, workout)
        counted.append(
            {
                "name": budget.name,
                "queries": counter.count,
                "sql": counter.statements if os.environ.get("REPBOOK_SHOW_SQL") else None,
                "budget": budget.queries,
                "status": response.status_code,
            }
        )
    return counted


def main() -> None:
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    username = sys.argv[1] if len(sys.argv) > 1 else "lifter1"
    user = User.objects.filter(username=username).first()
    if user is None:
        raise SystemExit(f"no user {username!r}: run bench/generate.py first")
    print(json.dumps(count_queries(user)))


if __name__ == "__main__":
    main()

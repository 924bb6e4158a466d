"""The lookups every logged set makes are index steps, not scans of a long history: the open
workout among the unfinished ones (`workout_owner_open`), a workout's latest set by time
(`set_workout_time`). SQLite's plan is checked: PostgreSQL's planner chooses by table size, so a
small test database says nothing about a ten-year one (bench/run.py measures that)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from repbook.services.workout.open_workouts import unfinished
from repbook.storage.models import User

pytestmark = pytest.mark.django_db


def _plan(queryset: Any) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return " | ".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="plans are checked on SQLite")
def test_the_open_workout_is_found_without_reading_finished_ones(alice: User) -> None:
    plan = _plan(unfinished(alice))
    assert "USING INDEX workout_owner_open" in plan, plan
    subquery = plan.split("SUBQUERY")[1]
    assert "INDEX set_workout_time" in subquery and "FOR ORDER BY" not in subquery, plan

"""The lookups every logged set makes are index steps, not scans of a long history: the open
workout among the unfinished ones (`workout_owner_open`), a workout's latest set by time
(`set_workout_time`), an entry's last set by order (its unique order), the session's summary
and the exercise's bests, the exercise by its slug and the token by its hash. SQLite's plan is
checked: PostgreSQL's planner chooses by table size, so a small test database says nothing
about a ten-year one (bench/run.py measures that)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from repbook.storage import hot_path
from repbook.storage.models import User
from repbook.storage.summaries import SESSION_ATTNAMES

pytestmark = pytest.mark.django_db


def _plan(sql: str, params: list[Any]) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return " | ".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="plans are checked on SQLite")
def test_the_open_workout_is_found_without_reading_finished_ones(alice: User) -> None:
    plan = _plan(hot_path._unfinished_workouts(False), [alice.pk])
    assert "USING INDEX workout_owner_open" in plan, plan
    subquery = plan.split("SUBQUERY")[1]
    assert "INDEX set_workout_time" in subquery and "FOR ORDER BY" not in subquery, plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="plans are checked on SQLite")
@pytest.mark.parametrize("statement", ["_entry_and_session", "_locked_workout", "_open_workouts_for_set"])
def test_an_entrys_next_set_order_and_its_session_are_index_steps(statement: str) -> None:
    """The reads of a set in its workout, alone or with the workout: index steps only."""
    sql = getattr(hot_path, statement)(SESSION_ATTNAMES[:3])
    plan = _plan(sql, [1] * sql.count("%s"))
    # The (entry, order) unique constraint's index: SQLite names it itself.
    assert "USING COVERING INDEX" in plan and "(workout_exercise_id=?)" in plan, plan
    # `k` is the one row of the keys; every table is searched by an index.
    assert "SCAN" not in plan.replace("SCAN CONSTANT ROW", "").replace("SCAN k", ""), plan
    assert "SEARCH m USING INDEX" in plan and "(workout_id=? AND exercise_id=?)" in plan, plan
    assert "SEARCH b USING INDEX" in plan and "(owner_id=? AND exercise_id=?)" in plan, plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="plans are checked on SQLite")
def test_the_other_statements_of_a_logged_set_read_by_index() -> None:
    statements = [
        hot_path._exercises_by_slug(False),
        hot_path._token_owner(),
    ]
    for sql in statements:
        plan = _plan(sql, [1] * sql.count("%s"))
        assert "SCAN" not in plan.replace("SCAN CONSTANT ROW", ""), (sql, plan)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="plans are checked on SQLite")
def test_the_logging_pages_workout_is_read_by_index() -> None:
    """The workout, its entries with their exercises, its sets and their equipment: read after
    every set logged from the page, never a scan of the user's other workouts or sets."""
    statements = [
        hot_path._workout_of_owner(),
        hot_path._workout_entries(),
        hot_path._workout_sets(),
        hot_path._exercise_equipment(3),
        hot_path._sets_of(3, 2),
    ]
    for sql in statements:
        plan = _plan(sql, [1] * sql.count("%s"))
        # Sorting a workout's few rows is fine; reading the table to find them is not.
        assert "SCAN" not in plan.replace("SCAN CONSTANT ROW", ""), (sql, plan)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="plans are checked on SQLite")
def test_last_time_is_one_step_of_the_session_summaries_index_per_exercise() -> None:
    plan = _plan(hot_path._last_sessions(3), [1] * 6)
    subquery = plan.split("SUBQUERY")[1]
    assert "INDEX exercise_session_history (owner_id=? AND exercise_id=? AND day<?)" in subquery, plan
    assert "SCAN" not in plan, plan

"""On PostgreSQL the statements of logging a set are prepared once per connection and then run by
name (storage.prepared), and the query log still shows them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from repbook.services.workout.workouts import SetInput, log_set
from repbook.storage.models import Set, User, Workout

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"),
]


def _prepared() -> list[str]:
    """The statements prepared on this connection (PostgreSQL's own list)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_a_sets_statements_are_prepared_once(alice: User) -> None:
    # The first set of a session summarises it from its sets; the next add to it and raise the bests.
    for weight in (100, 105, 110):
        log_set(alice, SetInput("deadlift", reps=5, weight=Decimal(weight)))
    first = _prepared()
    for weight in (115, 120):
        log_set(alice, SetInput("deadlift", reps=5, weight=Decimal(weight)))
    statements = _prepared()
    assert any('INSERT INTO "storage_set"' in sql for sql in statements), statements
    assert any('FROM "storage_exercise"' in sql for sql in statements), statements
    # The later sets ran the statements prepared for the earlier ones: none was prepared again.
    assert sorted(statements) == sorted(first)
    assert len(statements) == len(set(statements))
    assert Workout.objects.filter(owner=alice).count() == 1


def test_the_query_log_shows_each_prepared_statement_as_written(alice: User) -> None:
    log_set(alice, SetInput("deadlift", reps=5, weight=Decimal(100)))
    with CaptureQueriesContext(connection) as logged:
        log_set(alice, SetInput("deadlift", reps=5, weight=Decimal(105)))
    statements = [query["sql"] for query in logged.captured_queries]
    assert all(statements), statements
    assert any('INSERT INTO "storage_set"' in sql and "%s" in sql for sql in statements), statements


def test_prepared_statements_work_again_after_a_rollback(alice: User) -> None:
    """psycopg forgets its prepared statements when a transaction rolls back; the next set
    prepares them again."""
    log_set(alice, SetInput("deadlift", reps=5, weight=Decimal(100)))
    with pytest.raises(RuntimeError), transaction.atomic():
        log_set(alice, SetInput("deadlift", reps=5, weight=Decimal(105)))
        raise RuntimeError("undone")
    log_set(alice, SetInput("deadlift", reps=5, weight=Decimal(110)))
    assert sorted(Set.objects.filter(owner=alice).values_list("weight_kg", flat=True)) == [100, 110]

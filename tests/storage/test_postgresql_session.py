"""On PostgreSQL, Repbook's sessions plan its small index lookups serially and without JIT: two
parallel workers cost more to start than the query they would share (see settings.py)."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL session setting"),
]


def test_sessions_plan_serially_without_jit() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"

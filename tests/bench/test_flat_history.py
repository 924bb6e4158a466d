"""The stats page costs the same with ten years of history as with one: queries and rows read.

Two lifters are generated with bench/generate.py's simulation (one year, ten years, the same
seed and last day); the page is loaded for each and every SQL statement counted, with the rows
it returned. No timing: a count cannot fail at random on a busy machine.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from bench.generate import generate
from django.db import connection
from django.test import Client

from repbook.services.workout.body_weight import TREND_WARMUP_DAYS
from repbook.storage.models import Set, User

pytestmark = pytest.mark.django_db

END = "2026-11-01"


class RowCounter:
    """Counts statements and the rows each returned, through Django's execute wrapper."""

    def __init__(self) -> None:
        self.queries = 0
        self.rows = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.queries += 1
        result = execute(sql, params, many, context)
        cursor = context["cursor"]
        if sql.lstrip().upper().startswith("SELECT") and cursor.description is not None:
            # Read the rows here and hand them back, so the caller sees exactly what it asked for.
            fetched = cursor.fetchall()
            self.rows += len(fetched)
            cursor.fetchall = lambda: fetched
            cursor.fetchmany = _chunks(fetched)
            cursor.fetchone = _one(fetched)
        return result


def _chunks(rows: list[Any]) -> Any:
    it = iter(rows)

    def fetchmany(size: int = 100) -> list[Any]:
        return [row for _, row in zip(range(size), it, strict=False)]

    return fetchmany


def _one(rows: list[Any]) -> Any:
    it = iter(rows)
    return lambda: next(it, None)


def _cost(username: str, path: str) -> RowCounter:
    client = Client()
    client.force_login(User.objects.get(username=username))
    assert client.get(path).status_code == 200  # warm: the session row, caches
    counter = RowCounter()
    with connection.execute_wrapper(counter):
        assert client.get(path).status_code == 200
    return counter


def test_the_stats_page_reads_no_more_for_ten_years_than_for_one(settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["testserver"]
    for prefix, years in (("oneyear", 1), ("threeyears", 3), ("tenyears", 10)):
        generate(users=1, years=years, seed=7, prefix=prefix, end=date.fromisoformat(END))
    one, ten = (User.objects.get(username=f"{p}1") for p in ("oneyear", "tenyears"))
    assert Set.objects.filter(owner=ten).count() > 8 * Set.objects.filter(owner=one).count()
    for path in ("/stats/", "/stats/?weeks=52"):
        small, middle, large = (_cost(f"{p}1", path) for p in ("oneyear", "threeyears", "tenyears"))
        assert small.queries == middle.queries == large.queries, path
        # A year-old account lacks the half year of body-weight readings before the shown year
        # that the trend starts from: a constant, at most one reading a day.
        assert large.rows <= small.rows + TREND_WARMUP_DAYS, (path, small.rows, large.rows)
        # Past that, seven more years add nothing but a best lift or two (bounded by the catalog).
        assert large.rows <= middle.rows + 10, (path, middle.rows, large.rows)

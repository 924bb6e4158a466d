"""The SQL budget of each request type the load runner sends (bench/queries.py): regressions fail CI."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from bench.queries import BUDGETS, count_queries
from django.utils import timezone

from repbook.services.workout.workouts import SetInput, log_set

pytestmark = pytest.mark.django_db


def test_every_request_type_stays_within_its_query_budget(alice, settings) -> None:
    settings.ALLOWED_HOSTS = ["testserver"]
    for day in range(1, 4):
        for slug in ("back-squat", "bench-press", "deadlift"):
            log_set(
                alice,
                SetInput(
                    slug,
                    reps=5,
                    weight=Decimal(60 + day),
                    performed_at=timezone.now() - timedelta(days=7 * day),
                ),
            )
    counted = count_queries(alice)
    assert [row["name"] for row in counted] == [budget.name for budget in BUDGETS]
    for row in counted:
        assert row["status"] in (200, 201, 302), row
        assert 0 < row["queries"] <= row["budget"], row
    # The logging page's form (which carries a key, as the page's does) costs the keyed API write
    # plus its own few lookups (session, entry, superset step).
    by_name = {row["name"]: row["queries"] for row in counted}
    web, api = (
        by_name["log a set from the logging page (POST, redirect)"],
        by_name["log a set with its client_id (POST /api/v1/sets)"],
    )
    assert web <= api + 3, (web, api)

"""The history lists page through the log with cursors: GET /api/v1/workouts and GET /api/v1/sets."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from repbook.services.workout.workouts import SetInput, log_set, update_set
from tests.conftest import ApiClient
from tests.services.stats_helpers import at, days_ago

pytestmark = pytest.mark.django_db


def _history(user: Any, days: int, per_day: int = 2) -> None:
    for back in range(days, 0, -1):
        for i in range(per_day):
            slug = "deadlift" if i % 2 == 0 else "bench-press"
            log_set(
                user,
                SetInput(
                    slug, weight=Decimal(100), reps=5, performed_at=at(days_ago(back)) + timedelta(minutes=i)
                ),
            )


def _walk(api: ApiClient, path: str, params: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    """Every row of a list, following the Link headers; and how many pages it took."""
    rows: list[dict[str, Any]] = []
    pages = 0
    response = api.get(path, params)
    while True:
        assert response.status_code == 200, response.content
        rows += response.json()
        pages += 1
        link = response.headers.get("Link")
        if not link:
            return rows, pages
        url = re.fullmatch(r'<http://testserver([^>]+)>; rel="next"', link)
        assert url is not None, link
        response = api.get(url.group(1))


def test_workouts_come_a_page_at_a_time_newest_first(alice: Any, alice_api: ApiClient) -> None:
    _history(alice, 7)
    rows, pages = _walk(alice_api, "/api/v1/workouts", {"limit": 3})
    assert pages == 3 and len(rows) == 7 and len({r["id"] for r in rows}) == 7
    starts = [r["started_at"] for r in rows]
    assert starts == sorted(starts, reverse=True)
    assert all(r["set_count"] == 2 for r in rows)


def test_sets_of_one_exercise_between_days_oldest_first(alice: Any, alice_api: ApiClient) -> None:
    _history(alice, 6)
    params = {
        "exercise": "deadlift",
        "from": days_ago(5).isoformat(),
        "to": days_ago(2).isoformat(),
        "limit": 3,
    }
    rows, pages = _walk(alice_api, "/api/v1/sets", params)
    assert len(rows) == 4 and pages == 2
    assert {r["exercise"] for r in rows} == {"deadlift"}
    assert [r["performed_at"] for r in rows] == sorted(r["performed_at"] for r in rows)


def test_updated_since_lists_only_what_changed(alice: Any, alice_api: ApiClient) -> None:
    _history(alice, 3)
    moment = timezone.now()
    first = alice_api.get("/api/v1/sets").json()[0]
    update_set(alice, first["id"], {"reps": 6})
    changed = alice_api.get("/api/v1/sets", {"updated_since": moment.isoformat()}).json()
    assert [r["id"] for r in changed] == [first["id"]] and changed[0]["reps"] == 6
    assert alice_api.get("/api/v1/workouts", {"updated_since": moment.isoformat()}).json() == []


def test_a_cursor_not_handed_out_is_a_clear_422(alice_api: ApiClient) -> None:
    for path in ("/api/v1/workouts", "/api/v1/sets"):
        response = alice_api.get(path, {"cursor": "not-a-cursor"})
        assert response.status_code == 422 and "cursor" in response.json()["detail"]
        assert alice_api.get(path, {"limit": 0}).status_code == 422
        assert alice_api.get(path, {"limit": 100000}).status_code == 422


def test_nobody_pages_through_anyone_elses_sets(alice: Any, bob_api: ApiClient) -> None:
    _history(alice, 2)
    assert bob_api.get("/api/v1/sets").json() == []
    assert bob_api.get("/api/v1/sets", {"exercise": "deadlift"}).json() == []

"""The log API: every route, wrong owners, bad fields, concurrent logging."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import F

from repbook.services.account.accounts import create_token
from repbook.storage.models import Set, Workout
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def test_post_a_set_then_read_the_workout(alice_api: ApiClient) -> None:
    response = alice_api.post("/api/v1/sets", {"exercise": "back-extension", "reps": 12, "weight": 10})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["exercise"] == "back-extension" and body["order"] == 1
    assert Decimal(body["weight_kg"]) == 10 and body["unit"] == "kg"
    workout = alice_api.get(f"/api/v1/workouts/{body['workout']}").json()
    assert workout["exercises"][0]["exercise"] == "back-extension"
    assert [s["reps"] for s in workout["exercises"][0]["sets"]] == [12]
    listed = alice_api.get("/api/v1/workouts").json()
    assert listed[0]["set_count"] == 1 and Decimal(listed[0]["volume_kg"]) == 120


def test_pounds_round_trip(alice_api: ApiClient) -> None:
    body = alice_api.post(
        "/api/v1/sets", {"exercise": "deadlift", "reps": 5, "weight": 135, "unit": "lb"}
    ).json()
    assert Decimal(body["weight"]) == 135 and body["unit"] == "lb"
    assert Decimal(body["weight_kg"]) == Decimal("61.235")


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"exercise": "deadlift", "reps": 5, "weight": -5}, "weight"),
        ({"exercise": "deadlift", "reps": 5, "weight": 99999}, "weight"),
        ({"exercise": "deadlift", "reps": 5, "weight": 100, "rpe": 12}, "rpe"),
        ({"exercise": "deadlift", "reps": -2, "weight": 100}, "reps"),
        ({"exercise": "unicorn-press", "reps": 5, "weight": 100}, "exercise"),
        (
            {"exercise": "deadlift", "reps": 5, "weight": 100, "performed_at": "2999-01-01T10:00:00Z"},
            "performed_at",
        ),
        ({"exercise": "deadlift", "reps": "five", "weight": 100}, "reps"),
        ({"exercise": "deadlift", "reps": 5, "weight": "heavy"}, "weight"),
        ({"exercise": "deadlift", "reps": 5, "weight": 100, "unit": "stone"}, "unit"),
        ({"exercise": "deadlift", "reps": 5, "weight": 100, "set_type": "epic"}, "set_type"),
        ({"reps": 5}, "exercise"),
    ],
)
def test_bad_fields_are_422_naming_the_field(alice_api: ApiClient, payload: dict, field: str) -> None:
    response = alice_api.post("/api/v1/sets", payload)
    assert response.status_code == 422, response.json()
    fields = [d["field"] for d in response.json()["detail"]]
    assert any(f and f.split(".")[-1] == field for f in fields), fields
    assert not Set.objects.exists()


def test_another_users_workouts_and_sets_are_404(alice_api: ApiClient, bob_api: ApiClient) -> None:
    body = alice_api.post("/api/v1/sets", {"exercise": "deadlift", "reps": 5, "weight": 100}).json()
    set_id, workout_id = body["id"], body["workout"]
    assert bob_api.get(f"/api/v1/workouts/{workout_id}").status_code == 404
    assert bob_api.patch(f"/api/v1/workouts/{workout_id}", {"name": "mine now"}).status_code == 404
    assert bob_api.delete(f"/api/v1/workouts/{workout_id}").status_code == 404
    assert bob_api.patch(f"/api/v1/sets/{set_id}", {"reps": 1}).status_code == 404
    assert bob_api.delete(f"/api/v1/sets/{set_id}").status_code == 404
    refused = bob_api.post(
        "/api/v1/sets", {"exercise": "deadlift", "reps": 5, "weight": 100, "workout": workout_id}
    )
    assert refused.status_code == 422
    assert bob_api.get("/api/v1/workouts").json() == []
    assert Set.objects.get(pk=set_id).reps == 5 and Workout.objects.filter(name="mine now").count() == 0


def test_anonymous_gets_401_everywhere(client) -> None:
    routes = [
        ("get", "/api/v1/workouts"),
        ("get", "/api/v1/workouts/1"),
        ("post", "/api/v1/sets"),
        ("patch", "/api/v1/sets/1"),
        ("delete", "/api/v1/sets/1"),
        ("delete", "/api/v1/workouts/1"),
    ]
    for method, path in routes:
        assert getattr(client, method)(path, content_type="application/json").status_code == 401, path


def test_update_and_delete(alice_api: ApiClient) -> None:
    body = alice_api.post("/api/v1/sets", {"exercise": "deadlift", "reps": 5, "weight": 100}).json()
    patched = alice_api.patch(f"/api/v1/sets/{body['id']}", {"reps": 4, "rpe": 9})
    assert patched.status_code == 200 and patched.json()["reps"] == 4
    assert alice_api.patch(f"/api/v1/sets/{body['id']}", {"rpe": 0}).status_code == 422
    workout = alice_api.patch(f"/api/v1/workouts/{body['workout']}", {"name": "Pull day"})
    assert workout.json()["name"] == "Pull day"
    assert alice_api.delete(f"/api/v1/sets/{body['id']}").status_code == 204
    assert alice_api.delete(f"/api/v1/workouts/{body['workout']}").status_code == 204
    assert alice_api.get(f"/api/v1/workouts/{body['workout']}").status_code == 404


def test_workouts_filter_by_date(alice_api: ApiClient) -> None:
    alice_api.post(
        "/api/v1/sets",
        {"exercise": "deadlift", "reps": 5, "weight": 100, "performed_at": "2026-03-02T09:00:00Z"},
    )
    alice_api.post(
        "/api/v1/sets",
        {"exercise": "deadlift", "reps": 5, "weight": 100, "performed_at": "2026-03-09T09:00:00Z"},
    )
    march_first_week = alice_api.get("/api/v1/workouts", {"from": "2026-03-01", "to": "2026-03-05"}).json()
    assert len(march_first_week) == 1
    assert alice_api.get("/api/v1/workouts", {"from": "not-a-date"}).status_code == 422


@pytest.mark.django_db(transaction=True)
@pytest.mark.slow
def test_concurrent_logging_into_one_workout_loses_nothing(alice) -> None:
    secret = create_token(alice, "phone").secret
    workout_id = (
        ApiClient(secret)
        .post("/api/v1/sets", {"exercise": "deadlift", "reps": 1, "weight": 100})
        .json()["workout"]
    )
    statuses: list[int] = []

    def worker(n: int) -> None:
        api = ApiClient(secret)
        try:
            for i in range(5):
                response = api.post(
                    "/api/v1/sets",
                    {"exercise": "deadlift", "reps": n * 10 + i, "weight": 100, "workout": workout_id},
                )
                statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [201] * 40
    orders = list(Set.objects.filter(workout_id=workout_id).values_list("order", flat=True))
    assert len(orders) == 41 and sorted(orders) == list(range(1, 42))


def test_a_set_after_a_long_pause_opens_a_new_workout_and_closes_the_old(alice_api: ApiClient) -> None:
    from datetime import timedelta

    first = alice_api.post("/api/v1/sets", {"exercise": "deadlift", "reps": 5, "weight": 100}).json()
    assert (
        alice_api.post("/api/v1/sets", {"exercise": "deadlift", "reps": 5, "weight": 100}).json()["workout"]
        == first["workout"]
    )
    Workout.objects.filter(pk=first["workout"]).update(started_at=F("started_at") - timedelta(hours=7))
    Set.objects.filter(workout_id=first["workout"]).update(
        performed_at=F("performed_at") - timedelta(hours=7)
    )
    later = alice_api.post("/api/v1/sets", {"exercise": "deadlift", "reps": 5, "weight": 100}).json()
    assert later["workout"] != first["workout"]
    old = alice_api.get(f"/api/v1/workouts/{first['workout']}").json()
    assert old["finished_at"] is not None and len(old["exercises"][0]["sets"]) == 2


def test_an_absurd_set_is_refused_naming_the_field_and_the_limit(alice_api: ApiClient) -> None:
    response = alice_api.post("/api/v1/sets", {"exercise": "deadlift", "reps": 500, "weight": 100})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"field": "reps", "message": "must be from 0 to 100 in a set with a load"}
    ]
    assert not Set.objects.exists()

"""Sending a set again with its client_id logs it once; workouts that changed meanwhile keep it."""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from repbook.storage.models import Set, Workout
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def _set(client_id: uuid.UUID, **extra: Any) -> dict[str, Any]:
    return {"exercise": "back-extension", "reps": 12, "weight": 10, "client_id": str(client_id)} | extra


def test_the_same_client_id_twice_logs_one_set_and_returns_it(alice_api: ApiClient) -> None:
    key = uuid.uuid4()
    first = alice_api.post("/api/v1/sets", _set(key))
    again = alice_api.post("/api/v1/sets", _set(key))
    assert first.status_code == 201, first.json()
    assert again.status_code == 200, again.json()
    stored, sent = again.json(), first.json()
    assert Decimal(stored.pop("weight")) == Decimal(sent.pop("weight")) == 10  # "10.000" once stored
    assert stored == sent
    assert first.json()["client_id"] == str(key)
    assert Set.objects.filter(owner__username="alice").count() == 1


def test_a_replay_returns_the_stored_set_not_the_new_values(alice_api: ApiClient) -> None:
    key = uuid.uuid4()
    alice_api.post("/api/v1/sets", _set(key, reps=12))
    again = alice_api.post("/api/v1/sets", _set(key, reps=3))
    assert again.status_code == 200 and again.json()["reps"] == 12
    assert list(Set.objects.values_list("reps", flat=True)) == [12]


def test_the_same_client_id_from_another_user_is_independent(
    alice_api: ApiClient, bob_api: ApiClient
) -> None:
    key = uuid.uuid4()
    alice_set = alice_api.post("/api/v1/sets", _set(key, reps=12))
    bob_set = bob_api.post("/api/v1/sets", _set(key, reps=8))
    assert alice_set.status_code == 201 and bob_set.status_code == 201
    assert alice_set.json()["id"] != bob_set.json()["id"]
    assert bob_set.json()["reps"] == 8
    assert alice_api.post("/api/v1/sets", _set(key)).json()["reps"] == 12, "each replay finds its own"
    assert Set.objects.filter(client_id=key).count() == 2


def test_sets_without_a_client_id_are_each_logged(alice_api: ApiClient) -> None:
    for _ in range(2):
        response = alice_api.post("/api/v1/sets", {"exercise": "back-extension", "reps": 12})
        assert response.status_code == 201 and response.json()["client_id"] is None
    assert Set.objects.count() == 2


def test_a_client_id_that_is_not_a_uuid_is_refused(alice_api: ApiClient) -> None:
    response = alice_api.post("/api/v1/sets", _set(uuid.uuid4()) | {"client_id": "set-1"})
    assert response.status_code == 422
    assert "client_id" in str(response.json()["detail"])
    assert Set.objects.count() == 0


def test_the_database_holds_one_set_per_user_and_key(alice_api: ApiClient) -> None:
    key = uuid.uuid4()
    row = Set.objects.get(pk=alice_api.post("/api/v1/sets", _set(key)).json()["id"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Set.objects.create(
            owner=row.owner,
            workout=row.workout,
            workout_exercise=row.workout_exercise,
            exercise=row.exercise,
            order=2,
            client_id=key,
        )


def test_a_set_for_a_finished_workout_reopens_it(alice_api: ApiClient) -> None:
    workout = alice_api.post("/api/v1/sets", _set(uuid.uuid4())).json()["workout"]
    alice_api.patch(f"/api/v1/workouts/{workout}", {"finished_at": timezone.now().isoformat()})
    late = alice_api.post("/api/v1/sets", _set(uuid.uuid4(), workout=workout))
    assert late.status_code == 201
    assert late.json()["workout"] == workout and late.json()["conflict"] == "reopened"
    assert Workout.objects.get(pk=workout).finished_at is None


def test_a_set_for_a_deleted_workout_goes_into_a_new_one(alice_api: ApiClient) -> None:
    workout = alice_api.post("/api/v1/sets", _set(uuid.uuid4())).json()["workout"]
    assert alice_api.delete(f"/api/v1/workouts/{workout}").status_code == 204
    late = alice_api.post("/api/v1/sets", _set(uuid.uuid4(), workout=workout))
    assert late.status_code == 201, late.json()
    assert late.json()["workout"] != workout and late.json()["conflict"] == "moved"
    assert Workout.objects.get(pk=late.json()["workout"]).finished_at is None


def test_a_set_for_a_finished_workout_joins_the_open_one_when_another_is_open(alice_api: ApiClient) -> None:
    old = alice_api.post("/api/v1/sets", _set(uuid.uuid4())).json()["workout"]
    alice_api.patch(f"/api/v1/workouts/{old}", {"finished_at": timezone.now().isoformat()})
    new = alice_api.post("/api/v1/sets", {"exercise": "deadlift", "reps": 5, "weight": 100}).json()["workout"]
    late = alice_api.post("/api/v1/sets", _set(uuid.uuid4(), workout=old))
    assert late.json()["workout"] == new and late.json()["conflict"] == "moved"
    assert Workout.objects.get(pk=old).finished_at is not None, "one open workout at a time"


def test_a_late_set_of_a_long_finished_workout_stays_in_it(alice_api: ApiClient) -> None:
    lifted = timezone.now() - timedelta(hours=30)
    first = alice_api.post("/api/v1/sets", _set(uuid.uuid4(), performed_at=lifted.isoformat())).json()
    late = alice_api.post(
        "/api/v1/sets",
        _set(
            uuid.uuid4(), workout=first["workout"], performed_at=(lifted + timedelta(minutes=3)).isoformat()
        ),
    )
    assert late.status_code == 201
    assert late.json()["workout"] == first["workout"] and late.json()["conflict"] is None


def test_without_a_client_id_a_deleted_workout_is_still_refused(alice_api: ApiClient) -> None:
    workout = alice_api.post("/api/v1/sets", _set(uuid.uuid4())).json()["workout"]
    alice_api.delete(f"/api/v1/workouts/{workout}")
    response = alice_api.post("/api/v1/sets", {"exercise": "back-extension", "reps": 12, "workout": workout})
    assert response.status_code == 422 and "workout" in str(response.json()["detail"])


def test_the_schema_documents_the_key_and_both_answers(alice_api: ApiClient) -> None:
    schema = alice_api.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/sets"]["post"]
    assert {"200", "201"} <= set(operation["responses"])
    body = schema["components"]["schemas"]["SetIn"]["properties"]["client_id"]
    assert "(200)" in body["description"] and "unique per user" in body["description"].lower()


@pytest.mark.django_db(transaction=True)
@pytest.mark.slow
def test_twin_sends_at_the_same_moment_log_one_set(alice: Any) -> None:
    from repbook.services.account.accounts import create_token

    secret = create_token(alice, "phone").secret
    key = uuid.uuid4()
    start = threading.Barrier(6)
    answers: list[tuple[int, int]] = []

    def send() -> None:
        try:
            start.wait()
            answer = ApiClient(secret).post("/api/v1/sets", _set(key))
            answers.append((answer.status_code, answer.json()["id"]))
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(status for status, _ in answers) == [200] * 5 + [201]
    assert len({set_id for _, set_id in answers}) == 1
    assert Set.objects.count() == 1

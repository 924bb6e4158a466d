"""Odd values answer 422 (or a problem line in an import report), never 500: extreme years,
lone surrogates, weights too precise to store, NUL in a web form field."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from repbook.services.account.accounts import AccountError, create_token
from repbook.services.transfer.imports import ImportOptions, import_file
from repbook.services.workout.workouts import SetInput, log_set, start_workout
from repbook.storage.models import BodyWeight, Set, Workout

EXTREME_MOMENTS = ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "1000-01-01T00:00:00Z"]


@pytest.mark.parametrize("month", ["0001-01", "9999-12", "1000-01"])
def test_history_of_an_extreme_month_is_refused(alice_client, month):
    answer = alice_client.get("/workouts/", {"month": month})
    assert answer.status_code == 422
    assert "1900" in answer.content.decode()


@pytest.mark.parametrize("moment", EXTREME_MOMENTS)
def test_a_set_at_an_extreme_year_is_refused(alice_api, moment):
    answer = alice_api.post(
        "/api/v1/sets", {"exercise": "deadlift", "weight": "100", "reps": 5, "performed_at": moment}
    )
    assert answer.status_code == 422, answer.content
    assert answer.json()["detail"][0]["field"] == "performed_at"


@pytest.mark.parametrize("field", ["started_at", "finished_at"])
@pytest.mark.parametrize("moment", EXTREME_MOMENTS)
def test_a_workout_at_an_extreme_year_is_refused(alice, alice_api, field, moment):
    workout = start_workout(alice)
    answer = alice_api.patch(f"/api/v1/workouts/{workout.pk}", {field: moment})
    assert answer.status_code == 422, answer.content
    assert answer.json()["detail"][0]["field"] == field


def test_listing_workouts_between_extreme_days_answers(alice_api):
    answer = alice_api.get("/api/v1/workouts", {"from": "0001-01-01", "to": "9999-12-31"})
    assert answer.status_code in (200, 422)


@pytest.mark.parametrize("moment", EXTREME_MOMENTS)
def test_a_backup_at_an_extreme_year_is_a_problem_line(alice, moment):
    good = (timezone.now() - timedelta(days=1)).isoformat()
    workouts = [
        {"started_at": moment, "exercises": []},
        {"started_at": good, "exercises": [{"exercise": "deadlift", "sets": [
            {"weight": "100", "unit": "kg", "reps": 5, "performed_at": moment},
            {"weight": "100", "unit": "kg", "reps": 5},
        ]}]},
    ]  # fmt: skip
    data = json.dumps({"format": "repbook", "version": 1, "workouts": workouts}).encode()
    report = import_file(alice, data, ImportOptions())
    messages = [p.message for p in report.problems]
    assert any(m.startswith("workouts[0].started_at: ") for m in messages), messages
    assert any(m.startswith("workouts[1].exercises[0].sets[0].performed_at: ") for m in messages)
    assert report.sets == 1


LONE = "\ud800"


def test_a_lone_surrogate_in_set_notes_is_refused(alice_api):
    body = '{"exercise": "deadlift", "weight": "100", "reps": 5, "notes": "a\\ud800b"}'
    answer = alice_api.client.post(
        "/api/v1/sets", body, content_type="application/json", headers=alice_api.headers
    )
    assert answer.status_code == 422, answer.content
    assert not Set.objects.exists()


def test_a_lone_surrogate_anywhere_in_a_body_is_refused(alice, alice_api):
    workout = start_workout(alice)
    for path, body, method in (
        (f"/api/v1/workouts/{workout.pk}", '{"notes": "\\udfff"}', alice_api.client.patch),
        ("/api/v1/sets", '{"exercise": "dead\\ud800lift", "weight": "1", "reps": 5}', alice_api.client.post),
    ):
        answer = method(path, body, content_type="application/json", headers=alice_api.headers)
        assert answer.status_code == 422, (path, answer.content)
    assert Workout.objects.get(pk=workout.pk).notes == ""


def test_a_token_name_with_a_lone_surrogate_is_refused(alice):
    with pytest.raises(AccountError):
        create_token(alice, f"laptop{LONE}")


@pytest.mark.parametrize("weight", ["1e-999999", "0.0000001", "1E+999999"])
def test_weights_too_precise_or_large_to_store_are_refused(alice_api, weight):
    answer = alice_api.post("/api/v1/sets", {"exercise": "deadlift", "weight": weight, "reps": 5})
    assert answer.status_code == 422, answer.content
    assert answer.json()["detail"][0]["field"] == "weight"


def test_a_distance_too_precise_to_store_is_refused(alice_api):
    answer = alice_api.post("/api/v1/sets", {"exercise": "rowing-machine", "distance_m": "1e-999999"})
    assert answer.status_code == 422, answer.content
    assert not Set.objects.exists()


def test_a_body_weight_too_precise_to_store_is_refused(alice_api):
    answer = alice_api.post("/api/v1/body-weight", {"weight": "1e-999999", "unit": "kg"})
    assert answer.status_code == 422, answer.content
    assert not BodyWeight.objects.exists()


def test_a_nul_in_the_start_workout_name_is_refused(alice_client):
    answer = alice_client.post("/workouts/start/", {"name": "Pull\x00day"}, follow=True)
    assert answer.status_code in (200, 422)
    assert "must not contain NUL characters" in answer.content.decode()
    assert not Workout.objects.exists()


def test_listing_sets_between_extreme_days_answers(alice, alice_api):
    log_set(alice, SetInput("deadlift", Decimal(100), reps=5))
    everything = {"from": "0001-01-01", "to": "9999-12-31"}
    for params, count in ((everything, 1), ({"from": "9999-12-31"}, 0), ({"to": "0001-01-01"}, 0)):
        answer = alice_api.get("/api/v1/sets", params)
        assert answer.status_code == 200, (params, answer.content)
        assert len(answer.json()) == count, params


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/workouts/{}"),
        ("delete", "/api/v1/workouts/{}"),
        ("delete", "/api/v1/sets/{}"),
        ("delete", "/api/v1/tokens/{}"),
    ],
)
@pytest.mark.parametrize("number", ["-71841627106576374431744", str(2**63), str(2**70)])
def test_an_id_past_the_databases_integers_is_not_found(alice, alice_api, method, path, number):
    log_set(alice, SetInput("deadlift", Decimal(100), reps=5))  # something to delete by mistake
    answer = getattr(alice_api, method)(path.format(number))
    assert answer.status_code in (404, 422), answer.content
    assert Set.objects.filter(owner=alice).count() == 1


@pytest.mark.parametrize("number", [-(2**80), 2**63, 2**70])
def test_a_set_for_a_workout_id_past_the_databases_integers_is_refused(alice, alice_api, number):
    """The set's workout is read with plain SQL (storage.hot_path), where the driver refuses such
    a number: it names no workout, as it does through the ORM."""
    log_set(alice, SetInput("deadlift", Decimal(100), reps=5))
    answer = alice_api.post(
        "/api/v1/sets", {"exercise": "deadlift", "reps": 5, "weight": 100, "workout": number}
    )
    assert answer.status_code == 422, answer.content
    assert answer.json()["detail"][0]["field"] == "workout"
    assert Set.objects.filter(owner=alice).count() == 1


@pytest.mark.parametrize("number", [str(2**63), str(2**70)])
def test_the_logging_page_of_a_workout_id_past_the_databases_integers_is_not_found(alice_client, number):
    assert alice_client.get(f"/workouts/{number}/").status_code == 404

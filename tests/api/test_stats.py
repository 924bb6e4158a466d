"""Statistics, guidance and body-weight endpoints: numbers, bad input, and only your own rows."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from repbook.services.exercise import custom_exercises
from repbook.services.exercise.custom_exercises import CustomExerciseInput
from tests.services.stats_helpers import days_ago, lift

pytestmark = pytest.mark.django_db


def test_exercise_stats(alice: Any, alice_api: Any) -> None:
    lift(alice, "deadlift", days_ago(9), "100", 5, times=2)
    lift(alice, "deadlift", days_ago(2), "110", 5, rpe=Decimal(9))
    response = alice_api.get("/api/v1/stats/exercises/deadlift")
    # Rendered by the API's renderer without its response model, as every other answer is rendered.
    assert response["Content-Type"] == alice_api.get("/api/v1/stats/lifts")["Content-Type"]
    data = response.json()
    assert data["exercise"] == {"slug": "deadlift", "name": "Deadlift"}
    assert (data["formula"], data["unit"], data["total_sets"]) == ("epley", "kg", 3)
    first, second = data["sessions"]
    assert first | {"workout_id": 0} == {
        "date": days_ago(9).isoformat(), "workout_id": 0, "sets": 2, "reps": 10, "tonnage_kg": 1000.0,
        "e1rm_kg": 116.67, "e1rm_reliable": True, "e1rm_from_rpe": False,
        "best_set": {"weight_kg": 100.0, "reps": 5, "rpe": None, "rir": None}, "longest_s": None,
    }  # fmt: skip
    assert second["e1rm_kg"] == round(110 / 0.837, 2) and second["e1rm_from_rpe"] is True
    assert data["best"]["date"] == days_ago(2).isoformat()
    assert data["rep_maxes"][4] | {"workout_id": 0} == {
        "reps": 5,
        "weight_kg": 110.0,
        "done_reps": 5,
        "date": days_ago(2).isoformat(),
        "workout_id": 0,
    }
    assert {(r["kind"], r["value"], r["previous"]) for r in data["records"]} >= {("weight", 110.0, 100.0)}


def test_muscle_stats_and_weeks_bounds(alice: Any, alice_api: Any) -> None:
    lift(alice, "back-extension", days_ago(0), "10", 12, times=3)
    data = alice_api.get("/api/v1/stats/muscles", {"weeks": 4}).json()
    assert len(data["weeks"]) == 4 and data["secondary_weight"] == 0.5
    lower_back = next(m for m in data["muscles"] if m["muscle"] == "lower_back")
    assert lower_back["sets"][-1] == 3 and lower_back["target"] == [10, 20] and lower_back["heat"] == 1
    glutes = next(m for m in data["muscles"] if m["muscle"] == "glutes")
    assert glutes["sets"][-1] == 1.5
    assert data["totals"][-1]["sets"] == 3 and data["this_week_vs_average"]["sets"]["this_week"] == 3
    for bad in ("0", "521", "many"):
        response = alice_api.get("/api/v1/stats/muscles", {"weeks": bad})
        assert response.status_code == 422 and response.json()["detail"][0]["field"] == "weeks"


def test_best_lifts_and_guidance(alice: Any, alice_api: Any) -> None:
    lift(alice, "bench-press", days_ago(1), "100", 5, times=2, felt_pain=True)
    lifts = alice_api.get("/api/v1/stats/lifts").json()
    assert lifts == [
        {"exercise": "bench-press", "name": "Bench Press", "e1rm_kg": 116.67, "weight_kg": 100.0, "reps": 5,
         "date": days_ago(1).isoformat()}
    ]  # fmt: skip
    advice = alice_api.get("/api/v1/guidance").json()
    assert advice[0]["kind"] == "pain" and advice[0]["level"] == "caution"
    assert advice[0]["subject"] == "Bench Press" and advice[0]["reason"] and advice[0]["source"]
    assert {a["kind"] for a in advice} == {"pain", "new_exercise"}


def test_body_weight_log(alice_api: Any, bob_api: Any) -> None:
    created = alice_api.post(
        "/api/v1/body-weight", {"weight": 180, "unit": "lb", "date": days_ago(3).isoformat()}
    )
    assert created.status_code == 201
    assert created.json() == {
        "date": days_ago(3).isoformat(),
        "weight_kg": 81.647,
        "typed_value": 180.0,
        "typed_unit": "lb",
    }
    assert alice_api.post("/api/v1/body-weight", {"weight": 80.5}).status_code == 201
    assert [r["weight_kg"] for r in alice_api.get("/api/v1/body-weight").json()] == [80.5, 81.647]
    assert bob_api.get("/api/v1/body-weight").json() == []
    assert bob_api.delete(f"/api/v1/body-weight/{days_ago(3).isoformat()}").status_code == 404
    assert alice_api.delete(f"/api/v1/body-weight/{days_ago(3).isoformat()}").status_code == 204
    assert len(alice_api.get("/api/v1/body-weight").json()) == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"weight": 2}, "weight"),
        ({"weight": "heavy"}, "weight"),
        ({"weight": 80, "unit": "st"}, "unit"),
        ({"weight": 80, "date": "2999-01-01"}, "date"),
        ({"weight": 80, "date": "yesterday"}, "date"),
        ({}, "weight"),
    ],
)
def test_body_weight_bad_input(alice_api: Any, payload: dict[str, Any], field: str) -> None:
    response = alice_api.post("/api/v1/body-weight", payload)
    assert response.status_code == 422, response.content
    assert response.json()["detail"][0]["field"] == field
    assert alice_api.get("/api/v1/body-weight").json() == []


def test_stats_of_someone_elses_custom_exercise_are_not_found(alice: Any, bob: Any, bob_api: Any) -> None:
    mine = custom_exercises.create(
        alice, CustomExerciseInput(name="Prowler sprint", primary_muscles=("quads",), equipment=("sled",))
    )
    lift(alice, mine.slug, days_ago(1), "50", 10)
    assert bob_api.get(f"/api/v1/stats/exercises/{mine.slug}").status_code == 404
    assert bob_api.get("/api/v1/stats/exercises/no-such-thing").status_code == 404


def test_stats_need_authentication() -> None:
    client = Client()
    for path in ("/api/v1/stats/exercises/deadlift", "/api/v1/stats/muscles", "/api/v1/stats/lifts",
                 "/api/v1/guidance", "/api/v1/body-weight"):  # fmt: skip
        assert client.get(path).status_code == 401

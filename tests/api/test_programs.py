"""The program endpoints: library, your own programs, following one, the next workout, by-hand loads."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from repbook.storage.models import Workout

MINE = "Program: Mine\nDay: A\nDeadlift: 3x5; linear +5kg\n"


def test_library_and_a_program_page(alice_api: Any) -> None:
    response = alice_api.get("/api/v1/programs")
    assert response.status_code == 200
    slugs = {p["slug"] for p in response.json()}
    assert {"back-workout", "gzclp", "531", "5x5-linear", "bodyweight"} <= slugs
    detail = alice_api.get("/api/v1/programs/back-workout").json()
    first = detail["days"][0]["exercises"]
    assert [(e["exercise"], e["sets"], e["rule"]) for e in first][:2] == [
        ("deadlift", ["3x5"], "linear +5kg"),
        ("pull-up", ["3x6-8"], "double"),
    ]
    assert first[1]["alternative"] == "lat-pulldown"
    assert first[1]["alternative_name"] == "Lat Pulldown"
    text = alice_api.get("/api/v1/programs/back-workout/text")
    assert text.status_code == 200 and text.content.decode().startswith("Program: Back workout")


def test_following_a_program_and_the_next_workout(alice_api: Any) -> None:
    assert alice_api.get("/api/v1/next-workout").status_code == 404
    assert alice_api.post("/api/v1/programs/back-workout/start").json()["active"] is True
    upcoming = alice_api.get("/api/v1/next-workout").json()
    assert upcoming["program"]["slug"] == "back-workout" and upcoming["day"]["number"] == 1
    deadlift = upcoming["exercises"][0]
    assert deadlift["exercise"] == "deadlift"
    assert deadlift["sets"][0] | {"reason": ""} == {
        "sets": 2, "reps": "5", "reps_min": 5, "reps_max": 5, "seconds": None, "amrap": False,
        "set_type": "working", "type_label": "", "load_kg": "20.000", "load": "20 kg", "rpe": None,
        "reason": "",
    }  # fmt: skip
    assert deadlift["sets"][0]["reason"] == deadlift["reason"]
    assert "empty bar" in deadlift["reason"]
    changed = alice_api.put("/api/v1/next-workout/exercises/deadlift", {"load": "101", "unit": "kg"}).json()
    assert changed["exercises"][0]["sets"][0]["load"] == "101 kg"  # as typed, off the 2.5 kg steps
    assert "101 kg, set by hand → 101 kg × 5" in changed["exercises"][0]["reason"]
    started = alice_api.post("/api/v1/next-workout/start", {})
    assert started.status_code == 201
    workout = Workout.objects.get(pk=started.json()["workout"])
    assert workout.program_day is not None and workout.entries.count() == 5


def test_your_own_program(alice_api: Any) -> None:
    created = alice_api.post("/api/v1/programs", {"text": MINE})
    assert created.status_code == 201 and created.json()["slug"] == "mine"
    updated = alice_api.post("/api/v1/programs", {"text": MINE.replace("3x5", "5x5"), "slug": "mine"})
    assert updated.status_code == 200 and updated.json()["days"][0]["exercises"][0]["sets"] == ["5x5"]
    assert alice_api.delete("/api/v1/programs/mine").status_code == 204
    assert alice_api.delete("/api/v1/programs/back-workout").status_code == 404


@pytest.mark.parametrize(
    ("payload", "line", "message"),
    [
        ({"text": "Program: P\nDay: A\nSquat: 3xx5"}, 3, "could not read '3xx5'"),
        ({"text": "Program: P\nDay: A\nNo such lift at all: 3x5"}, 3, "no exercise called"),
        ({"text": "Day: A"}, 2, "needs a name"),
    ],
)
def test_a_bad_program_is_refused_with_its_line(
    alice_api: Any, payload: dict[str, Any], line: int, message: str
) -> None:
    response = alice_api.post("/api/v1/programs", payload)
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["line"] == line and message in error["message"]


def test_bad_fields_are_422_not_500(alice_api: Any) -> None:
    alice_api.post("/api/v1/programs/back-workout/start")
    assert alice_api.post("/api/v1/programs", {"text": 5}).status_code == 422
    assert alice_api.post("/api/v1/next-workout/start", {"day": "x"}).status_code == 422
    assert alice_api.post("/api/v1/next-workout/start", {"day": 999999}).status_code == 422
    assert alice_api.put("/api/v1/next-workout/exercises/deadlift", {"load": "-5"}).status_code == 422
    assert alice_api.put("/api/v1/next-workout/exercises/deadlift", {}).status_code == 422  # neither given


def test_someone_elses_program_is_out_of_reach(alice_api: Any, bob_api: Any) -> None:
    alice_api.post("/api/v1/programs", {"text": MINE})
    alice_api.post("/api/v1/programs/mine/start")
    for response in (
        bob_api.get("/api/v1/programs/mine"),
        bob_api.get("/api/v1/programs/mine/text"),
        bob_api.post("/api/v1/programs/mine/start"),
        bob_api.delete("/api/v1/programs/mine"),
        bob_api.post("/api/v1/programs", {"text": MINE, "slug": "mine"}),
    ):
        assert response.status_code == 404, response.content
    assert "mine" not in {p["slug"] for p in bob_api.get("/api/v1/programs").json()}
    assert bob_api.get("/api/v1/next-workout").status_code == 404  # alice's program is hers
    day = alice_api.get("/api/v1/next-workout").json()["day"]["id"]
    bob_api.post("/api/v1/programs/back-workout/start")
    assert bob_api.post("/api/v1/next-workout/start", {"day": day}).status_code == 422


def test_anonymous_requests_need_a_token(db: None) -> None:
    client = Client()
    for path in ("/api/v1/programs", "/api/v1/programs/back-workout", "/api/v1/next-workout"):
        assert client.get(path).status_code == 401

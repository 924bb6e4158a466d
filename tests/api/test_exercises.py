from __future__ import annotations

import pytest
from django.test import Client

from repbook.services.exercise.custom_exercises import CustomExerciseInput, create
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def test_list_is_public_and_filterable() -> None:
    client = Client()
    everything = client.get("/api/v1/exercises").json()
    assert len(everything) >= 150
    lower_back = client.get("/api/v1/exercises", {"muscle": "lower_back"}).json()
    assert "back-extension" in {e["slug"] for e in lower_back}
    assert all("lower_back" in e["primary_muscles"] + e["secondary_muscles"] for e in lower_back)
    found = client.get("/api/v1/exercises", {"q": "deadlfit"}).json()
    assert found[0]["slug"] == "deadlift"


@pytest.mark.parametrize(("param", "value"), [("muscle", "spleen"), ("equipment", "spaceship")])
def test_unknown_filters_are_422_naming_the_value(param: str, value: str) -> None:
    response = Client().get("/api/v1/exercises", {param: value})
    assert response.status_code == 422
    assert value in response.json()["detail"]


def test_detail_has_every_field_of_the_contract() -> None:
    body = Client().get("/api/v1/exercises/back-extension").json()
    for key in ("name", "aliases", "primary_muscles", "secondary_muscles", "equipment", "steps", "benefits",
                "variations", "alternatives", "recommendations", "faq"):  # fmt: skip
        assert body[key], key
    assert body["primary_muscles"] == ["lower_back"]
    assert body["recommendations"]["sets"] == [2, 3] and body["recommendations"]["reps"] == [10, 12]
    assert body["recommendations"]["per_week"] == [1, 2]


def test_unknown_exercise_is_404() -> None:
    response = Client().get("/api/v1/exercises/nope")
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}


def test_custom_exercises_only_for_their_owner(alice, alice_api: ApiClient, bob_api: ApiClient) -> None:
    create(alice, CustomExerciseInput(name="Atlas Stone", primary_muscles=("glutes",)))
    assert alice_api.get("/api/v1/exercises/atlas-stone").status_code == 200
    assert "atlas-stone" in {e["slug"] for e in alice_api.get("/api/v1/exercises").json()}
    assert bob_api.get("/api/v1/exercises/atlas-stone").status_code == 404
    assert "atlas-stone" not in {e["slug"] for e in bob_api.get("/api/v1/exercises").json()}
    assert Client().get("/api/v1/exercises/atlas-stone").status_code == 404

"""POST /api/v1/imports, GET /api/v1/export.csv and .json: reports, bad input, and only your own rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from repbook.storage.models import Set, Workout

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parents[1] / "importers" / "fixtures"


def upload(api: Any, name: str, data: bytes | None = None, **options: Any) -> Any:
    content = data if data is not None else (FIXTURES / name).read_bytes()
    body = {"file": SimpleUploadedFile(name, content), **options}
    return api.client.post("/api/v1/imports", body, headers=api.headers)


def test_dry_run_then_import(alice: Any, alice_api: Any) -> None:
    preview = upload(alice_api, "hevy_workout_data_lbs.csv", dry_run="true")
    assert preview.status_code == 200, preview.content
    report = preview.json()
    assert (report["format"], report["unit"], report["workouts"], report["sets"]) == ("hevy", "lb", 2, 14)
    back = next(n for n in report["names"] if n["foreign_name"].startswith("Back Extension"))
    assert back["confidence"] == "exact" and back["exercise"]["slug"] == "back-extension"  # a curated alias
    assert not Workout.objects.exists()
    done = upload(alice_api, "hevy_workout_data_lbs.csv")
    assert done.status_code == 201 and done.json()["sets"] == 14
    assert Set.objects.filter(owner=alice).count() == 14
    assert upload(alice_api, "hevy_workout_data_lbs.csv").json()["duplicates"] == 2


def test_mapping_and_unit_options(alice: Any, alice_api: Any) -> None:
    mapping = {f"wger exercise {n}": "-skip" for n in (475, 81, 822, 301)} | {"wger exercise 184": "deadlift"}
    done = upload(alice_api, "wger_api_v2_workoutlog_page.json", mapping=json.dumps(mapping))
    assert done.status_code == 201 and done.json()["sets"] == 3
    strong = upload(alice_api, "strong_ios_comma_kg.csv", unit="lb", format="strong")
    assert strong.status_code == 201 and strong.json()["unit"] == "lb"


@pytest.mark.parametrize(
    ("name", "data", "options", "field"),
    [
        ("x.csv", b"", {}, "file"),
        ("x.bin", bytes(range(256)) * 4, {}, "file"),
        ("hevy_workout_data_kg.csv", None, {"format": "excel"}, "format"),
        ("hevy_workout_data_kg.csv", None, {"unit": "stone"}, "unit"),
        ("hevy_workout_data_kg.csv", None, {"mapping": "{not json"}, "mapping"),
        ("hevy_workout_data_kg.csv", None, {"mapping": '{"Plank": 3}'}, "mapping"),
        ("hevy_workout_data_kg.csv", None, {"mapping": '{"Plank": "nope"}'}, "mapping"),
        ("hevy_workout_data_kg.csv", None, {"dry_run": "maybe"}, "dry_run"),
        ("wger_api_v2_workoutlog_page.json", None, {}, "mapping"),
    ],
)
def test_bad_input_is_422_naming_the_field(
    alice_api: Any, name: str, data: bytes | None, options: dict[str, str], field: str
) -> None:
    response = upload(alice_api, name, data, **options)
    assert response.status_code == 422, response.content
    assert response.json()["detail"][0]["field"] == field
    assert not Workout.objects.exists()


def test_missing_file_is_422(alice_api: Any) -> None:
    response = alice_api.client.post("/api/v1/imports", {"dry_run": "true"}, headers=alice_api.headers)
    assert response.status_code == 422 and response.json()["detail"][0]["field"] == "file"


def test_exports(alice: Any, alice_api: Any) -> None:
    upload(alice_api, "hevy_workout_data_kg.csv")
    response = alice_api.get("/api/v1/export.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 23 and rows[0]["exercise_slug"] == "deadlift"
    backup = alice_api.get("/api/v1/export.json")
    assert backup.status_code == 200 and len(backup.json()["workouts"]) == 3


def test_only_your_own(alice: Any, alice_api: Any, bob_client: Client) -> None:
    upload(alice_api, "hevy_workout_data_kg.csv")
    assert bob_client.get("/api/v1/export.json").json()["workouts"] == []
    lines = b"".join(bob_client.get("/api/v1/export.csv").streaming_content).decode().splitlines()
    assert len(lines) == 1


def test_anonymous_is_401() -> None:
    client = Client()
    assert client.get("/api/v1/export.csv").status_code == 401
    assert client.get("/api/v1/export.json").status_code == 401
    file = SimpleUploadedFile("a.csv", (FIXTURES / "hevy_workout_data_kg.csv").read_bytes())
    assert client.post("/api/v1/imports", {"file": file}).status_code == 401
    assert not Workout.objects.exists()

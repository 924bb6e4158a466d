"""One limit per text field, defined once (core.text) and enforced in the service, for every path:
the API, the forms, the CLI and imports answer the same way for the same too-long text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from repbook.core.text import MAX_SET_NOTES, MAX_WORKOUT_NAME, MAX_WORKOUT_NOTES
from repbook.services.transfer.imports import ImportOptions, import_file
from repbook.services.workout.workouts import LogError, SetInput, log_set, start_workout, update_workout
from repbook.storage.models import Workout

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,"
    "Distance,Seconds,Notes,Workout Notes,RPE\n"
    '2025-01-01 18:00:00,Day,1h,Deadlift (Barbell),1,100,5,0,0,,"{notes}",\n'
)


def test_the_service_refuses_workout_notes_past_the_limit(alice):
    workout = start_workout(alice)
    update_workout(alice, workout.pk, {"notes": "x" * MAX_WORKOUT_NOTES})
    with pytest.raises(LogError) as caught:
        update_workout(alice, workout.pk, {"notes": "x" * (MAX_WORKOUT_NOTES + 1)})
    assert caught.value.field == "notes"
    assert len(Workout.objects.get(pk=workout.pk).notes) == MAX_WORKOUT_NOTES


def test_the_api_refuses_ten_megabytes_of_notes(alice, alice_api):
    workout = start_workout(alice)
    answer = alice_api.patch(f"/api/v1/workouts/{workout.pk}", {"notes": "x" * (MAX_WORKOUT_NOTES + 1)})
    assert answer.status_code == 422
    assert answer.json()["detail"] == [{"field": "notes", "message": "must be at most 4000 characters"}]
    answer = alice_api.patch(f"/api/v1/workouts/{workout.pk}", {"notes": "x" * 1_000_000})
    assert answer.status_code in (400, 413, 422)
    assert Workout.objects.get(pk=workout.pk).notes == ""


def test_the_form_and_the_api_share_the_limit(alice, alice_client):
    workout = start_workout(alice)
    long_notes = "x" * (MAX_WORKOUT_NOTES + 1)
    answer = alice_client.post(
        f"/workouts/{workout.pk}/edit/", {"name": "A", "notes": long_notes}, follow=True
    )
    assert "at most 4000 characters" in answer.content.decode()
    assert Workout.objects.get(pk=workout.pk).notes == ""


def test_a_workout_name_past_the_limit_is_refused_not_cut(alice):
    with pytest.raises(LogError) as caught:
        start_workout(alice, name="x" * (MAX_WORKOUT_NAME + 1))
    assert caught.value.field == "name"


def test_set_notes_share_the_limit(alice):
    with pytest.raises(LogError) as caught:
        log_set(alice, SetInput("deadlift", Decimal(100), "kg", reps=5, notes="x" * (MAX_SET_NOTES + 1)))
    assert caught.value.field == "notes"


def test_an_import_reports_workout_notes_past_the_limit(alice):
    data = STRONG.format(notes="x" * (MAX_WORKOUT_NOTES + 1)).encode()
    report = import_file(alice, data, ImportOptions(unit="kg"))
    assert any("notes: must be at most 4000 characters" in p.message for p in report.problems)
    assert not Workout.objects.filter(owner=alice, notes__startswith="xxx").exists()

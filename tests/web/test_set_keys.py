"""The logging page's forms carry a key per set: sent twice (a retry, a double tap), they log once."""

from __future__ import annotations

import re
import uuid
from decimal import Decimal

import pytest
from django.test import Client

from repbook.services.workout.workouts import SetInput, log_set
from repbook.storage.models import Set, Workout, WorkoutExercise

pytestmark = pytest.mark.django_db


@pytest.fixture
def workout(alice) -> Workout:
    return log_set(alice, SetInput("back-extension", reps=12)).workout


def test_each_set_form_carries_a_fresh_key(alice_client: Client, workout: Workout) -> None:
    page = alice_client.get(f"/workouts/{workout.pk}/").content.decode()
    keys = re.findall(r'name="client_id" value="([0-9a-f-]{36})"', page)
    assert len(keys) == 2, "the quick-log line and the set form"
    assert len(set(keys)) == 2
    again = alice_client.get(f"/workouts/{workout.pk}/").content.decode()
    assert not set(keys) & set(re.findall(r'name="client_id" value="([0-9a-f-]{36})"', again))


def test_the_same_set_form_sent_twice_logs_one_set(alice_client: Client, workout: Workout) -> None:
    entry = WorkoutExercise.objects.get(workout=workout)
    url = f"/workouts/{workout.pk}/entries/{entry.pk}/sets/"
    form = {"unit": "kg", "reps": "10", "weight": "5", "set_type": "working", "client_id": str(uuid.uuid4())}
    for _ in range(2):
        assert alice_client.post(url, form).status_code == 302
    assert list(Set.objects.order_by("order").values_list("reps", flat=True)) == [12, 10]
    form["client_id"] = str(uuid.uuid4())
    alice_client.post(url, form)
    assert Set.objects.count() == 3, "a new key is a new set"


def test_an_unusual_set_confirmed_keeps_its_key(alice_client: Client, workout: Workout) -> None:
    entry = WorkoutExercise.objects.get(workout=workout)
    url = f"/workouts/{workout.pk}/entries/{entry.pk}/sets/"
    key = str(uuid.uuid4())
    form = {"unit": "kg", "reps": "50", "weight": "10", "set_type": "working", "client_id": key}
    asked = alice_client.post(url, form).content.decode()
    assert f'value="{key}"' in asked, "the question sends the same key back"
    for _ in range(2):
        alice_client.post(url, form | {"confirmed": "1"})
    assert Set.objects.filter(reps=50).count() == 1


def test_the_same_quick_log_line_sent_twice_logs_its_sets_once(
    alice_client: Client, workout: Workout
) -> None:
    form = {"text": "Deadlift 100kg x 5,5,4", "client_id": str(uuid.uuid4())}
    for _ in range(2):
        assert alice_client.post(f"/workouts/{workout.pk}/quick/", form).status_code == 302
    deadlift = Set.objects.filter(exercise__slug="deadlift").order_by("order")
    assert [(s.weight_kg, s.reps) for s in deadlift] == [
        (Decimal(100), 5),
        (Decimal(100), 5),
        (Decimal(100), 4),
    ]
    form["client_id"] = str(uuid.uuid4())
    alice_client.post(f"/workouts/{workout.pk}/quick/", form)
    assert Set.objects.filter(exercise__slug="deadlift").count() == 6


def test_a_quick_log_line_without_a_key_still_logs(alice_client: Client, workout: Workout) -> None:
    for _ in range(2):
        alice_client.post(f"/workouts/{workout.pk}/quick/", {"text": "Pull-up 3x8 +5kg"})
    assert Set.objects.filter(exercise__slug="pull-up").count() == 6

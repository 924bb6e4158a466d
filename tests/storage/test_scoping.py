"""User-owned rows are reachable only through the owner-scoped helper."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from repbook.storage.models import Exercise, OwnerMismatch, Set, Workout, WorkoutExercise, owned

pytestmark = pytest.mark.django_db


def test_owned_returns_only_the_users_rows(alice, bob) -> None:
    mine = Workout.objects.create(owner=alice, name="mine")
    Workout.objects.create(owner=bob, name="theirs")
    assert list(owned(Workout, alice)) == [mine]
    assert not owned(Workout, alice).filter(name="theirs").exists()


def test_anonymous_and_missing_users_own_nothing(alice) -> None:
    Workout.objects.create(owner=alice)
    assert not owned(Workout, AnonymousUser()).exists()
    assert not owned(Workout, None).exists()


def test_another_users_row_cannot_be_fetched_by_id(alice, bob) -> None:
    theirs = Workout.objects.create(owner=bob)
    with pytest.raises(Workout.DoesNotExist):
        owned(Workout, alice).get(pk=theirs.pk)


def test_saving_a_child_under_another_owner_fails_loudly(alice, bob) -> None:
    workout = Workout.objects.create(owner=bob)
    exercise = Exercise.objects.get(slug="back-extension", owner__isnull=True)
    with pytest.raises(OwnerMismatch):
        WorkoutExercise.objects.create(owner=alice, workout=workout, exercise=exercise)
    entry = WorkoutExercise.objects.create(owner=bob, workout=workout, exercise=exercise)
    with pytest.raises(OwnerMismatch):
        Set.objects.create(owner=alice, workout=workout, workout_exercise=entry, exercise=exercise, reps=5)
    assert not Set.objects.exists()


def test_custom_exercises_are_private(alice, bob) -> None:
    Exercise.objects.create(owner=alice, slug="sandbag-carry", name="Sandbag Carry")
    assert Exercise.objects.visible_to(alice).filter(slug="sandbag-carry").exists()
    assert not Exercise.objects.visible_to(bob).filter(slug="sandbag-carry").exists()
    assert not Exercise.objects.visible_to(AnonymousUser()).filter(slug="sandbag-carry").exists()

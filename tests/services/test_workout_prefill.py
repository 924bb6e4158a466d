"""The next set on the logging page: prefilled from the set just done, the
program's target or last time's first working set; warm-ups never take a working set's target."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from repbook.services.workout.workout_page import EntryView, logging_page
from repbook.services.workout.workouts import SetInput, log_set, start_workout
from repbook.storage.models import Exercise, Set, User, Workout, WorkoutExercise

pytestmark = pytest.mark.django_db
D = Decimal


def _program_workout(user: User, slug: str, *groups: dict[str, Any]) -> WorkoutExercise:
    workout = start_workout(user, name="Back workout: Back")
    return WorkoutExercise.objects.create(
        owner=user,
        workout=workout,
        exercise=Exercise.objects.get(slug=slug, owner=None),
        order=1,
        target={"reason": "the plan", "groups": list(groups)},
    )


def _group(sets: int, reps: int, weight: str | None, set_type: str = "working") -> dict[str, Any]:
    return {"sets": sets, "reps_min": reps, "reps_max": reps, "seconds": None, "amrap": False,
            "set_type": set_type, "weight_kg": weight, "rpe": None}  # fmt: skip


def _view(user: User, workout_id: int) -> EntryView:
    return logging_page(user, workout_id).entries[0]


def _log(user: User, entry: WorkoutExercise, weight: str | None, reps: int, set_type: str = "working") -> Set:
    data = SetInput(entry.exercise.slug, D(weight) if weight else None, reps=reps, set_type=set_type)
    return log_set(user, SetInput(**{**data.__dict__, "workout": entry.workout_id}))


def _last_time(user: User, slug: str, sets: list[tuple[str, int, str]]) -> None:
    """A finished workout two days ago with these (weight, reps, set type) sets."""
    when = timezone.now() - timedelta(days=2)
    workout = Workout.objects.create(owner=user, started_at=when, finished_at=when + timedelta(hours=1))
    for weight, reps, set_type in sets:
        log_set(
            user,
            SetInput(slug, D(weight), reps=reps, set_type=set_type, workout=workout.pk, performed_at=when),
        )


def test_after_a_weighted_bodyweight_set_the_next_keeps_the_added_load(alice: User) -> None:
    entry = _program_workout(alice, "back-extension", _group(3, 12, "0"))
    _log(alice, entry, "10", 12)
    next_set = _view(alice, entry.workout_id).next_set
    assert (next_set.weight, next_set.reps, next_set.set_type) == (D(10), 12, "working")


def test_the_next_set_repeats_the_one_just_done_not_last_times_same_number(alice: User) -> None:
    _last_time(alice, "dumbbell-row", [("30", 10, "working"), ("30", 8, "working"), ("30", 8, "working")])
    workout = start_workout(alice)
    log_set(alice, SetInput("dumbbell-row", D(30), reps=10, workout=workout.pk))
    next_set = _view(alice, workout.pk).next_set
    assert (next_set.number, next_set.weight, next_set.reps) == (2, D(30), 10)


def test_the_first_set_comes_from_last_times_first_working_set_not_its_warm_up(alice: User) -> None:
    _last_time(alice, "deadlift", [("60", 5, "warmup"), ("100", 5, "working"), ("100", 5, "working")])
    workout = start_workout(alice)
    log_set(alice, SetInput("back-extension", reps=12, workout=workout.pk))
    WorkoutExercise.objects.create(
        owner=alice, workout=workout, exercise=Exercise.objects.get(slug="deadlift", owner=None), order=2
    )
    next_set = logging_page(alice, workout.pk).entries[1].next_set
    assert (next_set.weight, next_set.reps, next_set.set_type) == (D(100), 5, "working")
    assert next_set.last_time is not None and next_set.last_time.weight_kg == D(100)


def test_the_first_working_set_follows_the_programs_target(alice: User) -> None:
    _last_time(alice, "deadlift", [("100", 5, "working")])
    entry = _program_workout(alice, "deadlift", _group(3, 5, "105"))
    next_set = _view(alice, entry.workout_id).next_set
    assert (next_set.weight, next_set.reps, next_set.set_type) == (D(105), 5, "working")


def test_a_warm_up_takes_no_working_target_and_working_sets_keep_theirs(alice: User) -> None:
    entry = _program_workout(alice, "deadlift", _group(2, 5, "20"))
    warmup = _log(alice, entry, "60", 5, "warmup")
    assert warmup.target is None
    view = _view(alice, entry.workout_id)
    assert view.next_set.target == "5 @ 20 kg"
    assert (view.next_set.weight, view.next_set.reps, view.next_set.set_type) == (D(20), 5, "working")
    first, second = _log(alice, entry, "20", 5), _log(alice, entry, "20", 5)
    assert first.target is not None and second.target is not None
    assert first.target["weight_kg"] == second.target["weight_kg"] == "20"


def test_program_warm_ups_come_first_prefilled_as_warm_ups(alice: User) -> None:
    entry = _program_workout(alice, "deadlift", _group(1, 5, "40", "warmup"), _group(3, 5, "100"))
    next_set = _view(alice, entry.workout_id).next_set
    assert (next_set.weight, next_set.reps, next_set.set_type) == (D(40), 5, "warmup")
    _log(alice, entry, "40", 5, "warmup")
    next_set = _view(alice, entry.workout_id).next_set
    assert (next_set.weight, next_set.reps, next_set.set_type) == (D(100), 5, "working")


def test_a_program_with_its_own_warm_ups_gets_no_second_warm_up_ramp(alice: User) -> None:
    own = _program_workout(alice, "deadlift", _group(1, 5, "40", "warmup"), _group(3, 5, "100"))
    _log(alice, own, "40", 5, "warmup")
    plates = _view(alice, own.workout_id).plates
    assert plates is not None and plates.weight == D(100) and plates.warmup == ""
    plain = _program_workout(alice, "back-squat", _group(3, 5, "100"))  # joins the open workout
    (view,) = [e for e in logging_page(alice, plain.workout_id).entries if e.entry.pk == plain.pk]
    plates = view.plates
    assert plates is not None and plates.warmup != ""


def _done_workout(user: User, when: Any, slug: str, weight: str, reps: int = 5) -> Workout:
    workout = Workout.objects.create(owner=user, started_at=when, finished_at=when + timedelta(hours=1))
    log_set(user, SetInput(slug, D(weight), reps=reps, workout=workout.pk, performed_at=when))
    return workout


def test_last_time_is_the_latest_earlier_workout_by_its_start_never_a_later_one(alice: User) -> None:
    """Read from the session summaries: an earlier day, then an earlier workout of the same day
    (by start time), never the workout itself or one after it."""
    noon = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0) - timedelta(days=10)
    _done_workout(alice, noon - timedelta(days=3), "back-squat", "90")
    _done_workout(alice, noon - timedelta(hours=3), "back-squat", "95")
    _done_workout(alice, noon - timedelta(hours=2), "bench-press", "60")
    shown = _done_workout(alice, noon, "back-squat", "100")
    _done_workout(alice, noon + timedelta(hours=2), "back-squat", "105")
    _done_workout(alice, noon + timedelta(days=1), "back-squat", "110")
    page = logging_page(alice, shown.pk)
    assert [s.weight_kg for s in page.entries[0].last_sets] == [D("95")]
    first = Workout.objects.get(owner=alice, sets__weight_kg=D("90"))
    assert logging_page(alice, first.pk).entries[0].last_sets == []

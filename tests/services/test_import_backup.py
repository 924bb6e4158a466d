"""A Repbook backup is input like any other: every bad row is a problem with its path in the file,
the rest is restored, and the account's pages still render afterwards."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from repbook.core.exercise import is_slug
from repbook.services.transfer.imports import ImportOptions, ImportRefused, import_file
from repbook.services.workout.workout_targets import target_sets
from repbook.storage.models import Exercise, Program, ProgressionState, UserSettings, WorkoutExercise

#: The account's pages a restored backup feeds; each must answer 200 after any import.
PAGES = (
    "/",
    "/workouts/",
    "/programs/",
    "/programs/next/",
    "/stats/",
    "/tools/",
    "/settings/",
    "/exercises/",
)

PROGRAM = "Program: Mine\n\nDay: A\nDeadlift: 3x5; linear +2.5kg\n"


def a_set(**values: Any) -> dict[str, Any]:
    return {"set_type": "working", "weight": "100", "unit": "kg", "reps": 5, **values}


def an_entry(**values: Any) -> dict[str, Any]:
    group = {"sets": 3, "reps_min": 5, "reps_max": 5, "set_type": "working", "weight_kg": "100"}
    return {"exercise": "deadlift", "target": {"groups": [group]}, "sets": [a_set()], **values}


def group(**values: Any) -> dict[str, Any]:
    """A target of one group of three sets of five, with `values` changed."""
    return {"groups": [{"sets": 3, "reps_min": 5, "reps_max": 5, **values}]}


def a_workout(days_ago: int = 1, **values: Any) -> dict[str, Any]:
    start = (timezone.now() - timedelta(days=days_ago)).replace(microsecond=0)
    return {"started_at": start.isoformat(), "name": "Pull", "exercises": [an_entry()], **values}


def backup(**parts: Any) -> bytes:
    return json.dumps({"format": "repbook", "version": 1, **parts}).encode()


def restore(user: Any, **parts: Any) -> Any:
    return import_file(user, backup(**parts), ImportOptions(create_missing=True))


def problems(report: Any) -> list[str]:
    return [p.message for p in report.problems]


def has_problem(report: Any, start: str) -> bool:
    return any(m.startswith(start) for m in problems(report))


def assert_pages_render(user: Any) -> None:
    client = Client()
    client.force_login(user)
    for page in PAGES:
        assert client.get(page).status_code in (200, 302), page
    for entry in WorkoutExercise.objects.filter(owner=user):
        assert client.get(f"/workouts/{entry.workout_id}/").status_code == 200


def test_a_good_backup_restores_its_target(alice):
    report = restore(alice, workouts=[a_workout()])
    assert report.problems == [] and report.sets == 1
    entry = WorkoutExercise.objects.get(owner=alice)
    assert len(target_sets(entry.target)) == 3
    assert_pages_render(alice)


def test_a_huge_set_count_in_a_target_is_refused_by_its_path(alice):
    entry = an_entry(target={"groups": [{"sets": 1_000_000_000, "reps_min": 5, "reps_max": 5}]})
    report = restore(alice, workouts=[a_workout(exercises=[entry])])
    assert has_problem(report, "workouts[0].exercises[0].target.groups[0].sets: must be from 1 to 20")
    assert WorkoutExercise.objects.get(owner=alice).target is None  # the sets are kept, the target not
    assert_pages_render(alice)


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ({"groups": ["x"]}, "target.groups[0]: must be an object"),
        ({"groups": "x"}, "target.groups: must be a list"),
        (group(weight_kg="abc"), "target.groups[0].weight_kg: must be a number"),
        (group(weight_kg="1e999"), "target.groups[0].weight_kg: must be from -1000 to 1000"),
        (group(reps_min="5"), "target.groups[0].reps_min: must be a whole number"),
        (group(rpe="11"), "target.groups[0].rpe: must be from 1 to 10"),
        (group(set_type="<b>"), "target.groups[0].set_type: must be one of"),
        ("x", "target: must be an object"),
    ],
)  # fmt: skip
def test_bad_targets_are_problems_and_the_pages_render(alice, target, problem):
    report = restore(alice, workouts=[a_workout(exercises=[an_entry(target=target)])])
    assert any(m.startswith(f"workouts[0].exercises[0].{problem}") for m in problems(report)), problems(
        report
    )
    assert_pages_render(alice)


def test_a_set_target_is_checked_too(alice):
    entry = an_entry(sets=[a_set(target={"set_type": "working", "reps": 5, "weight_kg": "abc"})])
    report = restore(alice, workouts=[a_workout(exercises=[entry])])
    assert has_problem(report, "workouts[0].exercises[0].sets[0].target.weight_kg: must be a number")
    assert_pages_render(alice)


def test_bad_set_values_name_their_path(alice):
    entry = an_entry(sets=[a_set(), a_set(weight="abc"), a_set(reps=-1)])
    report = restore(alice, workouts=[a_workout(exercises=[entry])])
    assert "workouts[0].exercises[0].sets[1].weight: must be a number" in problems(report)
    assert "workouts[0].exercises[0].sets[2].reps: must be from 0 to 100 in a set with a load" in problems(
        report
    )
    assert report.sets == 1


@pytest.mark.parametrize("rest_s", [-5, 10**12, "60"])
def test_a_bad_rest_is_a_problem_not_a_refusal(alice, rest_s):
    report = restore(alice, workouts=[a_workout(exercises=[an_entry(rest_s=rest_s)])])
    assert any(m.startswith("workouts[0].exercises[0].rest_s: ") for m in problems(report))
    assert WorkoutExercise.objects.get(owner=alice).rest_s is None
    assert_pages_render(alice)


@pytest.mark.parametrize("increments", [{"barbell": 0}, "abc", [1], {"barbell": "abc"}, {"rocket": 1}])
def test_bad_increments_are_refused(alice, increments):
    report = restore(alice, settings={"increments_kg": increments})
    assert has_problem(report, "settings.increments_kg"), problems(report)
    assert UserSettings.objects.get(owner=alice).increments_kg == {}
    assert_pages_render(alice)


def test_good_increments_are_restored(alice):
    report = restore(alice, settings={"increments_kg": {"barbell": "2.5", "dumbbell": 1}})
    assert report.problems == []
    assert UserSettings.objects.get(owner=alice).increments_kg == {"barbell": "2.5", "dumbbell": "1"}


@pytest.mark.parametrize("slug", ["has space", "a/b", "<script>", "x" * 81, "", "UPPER", "ok-" * 30, 5, None])
def test_bad_custom_exercise_slugs_are_refused(alice, slug):
    custom = {"slug": slug, "name": "Odd lift", "primary_muscles": ["biceps"], "equipment": ["machine"]}
    entry = an_entry(exercise=slug if isinstance(slug, str) else "odd", target=None)
    report = restore(alice, custom_exercises=[custom], workouts=[a_workout(exercises=[entry])])
    assert any(m.startswith("custom_exercises[0].slug: ") for m in problems(report)), problems(report)
    assert all(is_slug(e.slug) for e in Exercise.objects.filter(owner=alice))
    assert_pages_render(alice)


@pytest.mark.parametrize("slug", ["has space", "a/b", "<b>", "x" * 81])
def test_bad_program_slugs_are_refused(alice, slug):
    report = restore(alice, programs=[{"slug": slug, "name": "Mine", "source": PROGRAM}])
    assert any(m.startswith("programs[0].slug: ") for m in problems(report)), problems(report)
    assert not Program.objects.filter(owner=alice).exists()
    assert_pages_render(alice)


def test_a_custom_exercise_that_fails_while_workouts_use_it(alice):
    custom = {"slug": "odd-lift", "name": "Odd lift", "primary_muscles": ["nothing"]}
    entry = an_entry(exercise="odd-lift", target=None)
    report = restore(alice, custom_exercises=[custom], workouts=[a_workout(exercises=[entry])])
    assert any(m.startswith("custom_exercises[0].primary_muscles: ") for m in problems(report))
    assert_pages_render(alice)


@pytest.mark.parametrize(
    "override",
    [
        {"after": 0, "load_kg": "abc"},
        {"after": 0, "load_kg": "1e999"},
        {"after": "x"},
        "x",
        {"after": 10**30},
    ],
)
def test_bad_loads_set_by_hand_are_refused(alice, override):
    report = restore(
        alice,
        programs=[{"slug": "mine", "name": "Mine", "source": PROGRAM}],
        active_program={"program": "mine", "started_at": timezone.now().isoformat()},
        progression_overrides=[{"program": "mine", "exercise": "deadlift", "slot": "", "override": override}],
    )
    assert any(m.startswith("progression_overrides[0].override") for m in problems(report)), problems(report)
    assert not ProgressionState.objects.filter(owner=alice).exists()
    assert_pages_render(alice)


def test_a_stored_bad_target_reads_as_none():
    assert target_sets({"groups": [{"sets": 1_000_000_000}]}) == []
    assert target_sets({"groups": ["x"]}) == []
    assert target_sets({"groups": [{"sets": 2, "reps_min": 5, "weight_kg": "abc"}]}) == []


def test_not_a_backup_is_refused(alice):
    with pytest.raises(ImportRefused):
        import_file(alice, b'{"format": "repbook", "version": 1, "workouts": 5}', ImportOptions())

"""Property test: a JSON backup built from the backup's own schema, with any value swapped for a wrong
type, a huge number, an odd string, an odd date or an odd slug, is imported with a report or refused
cleanly (ImportRefused), never anything else; afterwards every page of the account still renders.
A last test keeps the work bounded: the worst counts a backup can hold cost little time and memory.
"""

from __future__ import annotations

import json
import time
import tracemalloc
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repbook.services.transfer.imports import ImportOptions, ImportRefused, import_file
from repbook.storage.models import User, Workout
from tests.services.test_import_backup import PAGES

BOUNDED = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
ODD_TYPES = st.sampled_from([None, True, 0, -1, [], {}, [1], {"x": 1}, 1.5])
HUGE = st.sampled_from(
    [10**9, -(10**9), 10**30, 1e308, -1e308, "1e999", "1e-999999", "NaN", "Infinity", "-0"]
)
ODD_TEXT = st.sampled_from(
    ["", " ", "\ud800", "a\udfffb", "\x00", "x" * 5000, "<script>", "a/b", "ＡＬＩＣＥ", "abc", "💪", "\n\t"]
)
ODD_DATES = st.sampled_from(
    ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "1000-01-01", "2026-13-01T00:00:00",
     "not a date", "2999-01-01T00:00:00Z", "1900-01-01T00:00:00+14:00"]
)  # fmt: skip
ODD_SLUGS = st.sampled_from(["has space", "a/b", "<b>", "x" * 81, "UPPER", "deadlift", "-", "ok-slug"])
MUTATION = ODD_TYPES | HUGE | ODD_TEXT | ODD_DATES | ODD_SLUGS


def when(days_ago: int) -> str:
    return (timezone.now() - timedelta(days=days_ago)).replace(microsecond=0).isoformat()


PROGRAM = "Program: Mine\n\nDay: A\nDeadlift: 3x5; linear +2.5kg\nOdd lift: 3x10-12; double\n"
GROUP = {"sets": 3, "reps_min": 5, "reps_max": 5, "seconds": None, "amrap": False, "set_type": "working",
         "weight_kg": "60", "rpe": None, "reason": "up 2.5 kg"}  # fmt: skip
SET_TARGET = {"set_type": "working", "reps": 5, "reps_max": 5, "seconds": None, "weight_kg": "60",
              "rpe": None, "amrap": False}  # fmt: skip
A_SET = {"set_type": "working", "weight": "100", "unit": "kg", "reps": 5, "rpe": None, "rir": None,
         "duration_s": None, "distance_m": None, "side": "both", "notes": "", "felt_pain": False,
         "completed": True, "target": SET_TARGET, "performed_at": None}  # fmt: skip


def valid_backup() -> dict[str, Any]:
    """A backup as `repbook export` writes one, holding one of everything (the schema to mutate)."""
    entry = {"exercise": "deadlift", "superset": "", "notes": "", "rest_s": 90,
             "target": {"reason": "why", "caution": "", "rule": "linear", "groups": [GROUP]},
             "sets": [A_SET, A_SET]}  # fmt: skip
    custom_entry = {**entry, "exercise": "odd-lift", "target": None}
    return {
        "format": "repbook",
        "version": 1,
        "settings": {
            "unit": "kg",
            "bar_kg": "20",
            "default_rest_s": 90,
            "e1rm_formula": "epley",
            "sex": "",
            "secondary_muscle_weight": "0.5",
            "equipment": [],
            "muscle_targets": {"lats": [8, 16]},
            "plates_kg": ["25", "10", "5", "2.5"],
            "increments_kg": {"barbell": "2.5"},
        },
        "custom_exercises": [
            {
                "slug": "odd-lift",
                "name": "Odd lift",
                "primary_muscles": ["biceps"],
                "secondary_muscles": [],
                "equipment": ["machine"],
                "pattern": "full_body",
                "level": "beginner",
                "mechanics": "compound",
                "measure": "reps",
                "bodyweight_fraction": "0",
                "unilateral": False,
                "introduction": "",
                "steps": ["Sit.", "Curl."],
            }
        ],
        "programs": [{"slug": "mine", "name": "Mine", "source": PROGRAM}],
        "active_program": {"program": "mine", "started_at": when(3)},
        "progression_overrides": [
            {"program": "mine", "exercise": "deadlift", "slot": "", "override": {"after": 0, "load_kg": "60"}}
        ],
        "exercise_mappings": [{"foreign_name": "Deadlift (Barbell)", "exercise": "deadlift"}],
        "body_weights": [{"date": when(1)[:10], "weight": "80", "unit": "kg"}],
        "workouts": [
            {
                "started_at": when(2),
                "finished_at": when(2),
                "name": "Pull",
                "notes": "",
                "felt_pain": False,
                "program_day": {"program": "mine", "week": 1, "day": 1},
                "exercises": [entry, custom_entry],
            },
            {
                "started_at": when(1),
                "finished_at": None,
                "name": "",
                "notes": "",
                "felt_pain": False,
                "program_day": None,
                "exercises": [entry],
            },
        ],
    }


def paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value (keys and list indexes from the top), containers included."""
    found = [at] if at else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*at, index))
    return found


PLACES = paths(valid_backup())


def mutated(changes: list[tuple[tuple[Any, ...], Any]]) -> dict[str, Any]:
    """The valid backup with each (place, value) change applied; places a change removed are skipped."""
    backup = valid_backup()
    for place, value in changes:
        node: Any = backup
        try:
            for step in place[:-1]:
                node = node[step]
            node[place[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    return backup


BACKUPS = st.lists(st.tuples(st.sampled_from(PLACES), MUTATION), min_size=1, max_size=3).map(mutated)


def assert_pages_render(user: User) -> None:
    client = Client()
    client.force_login(user)
    for page in PAGES:
        assert client.get(page).status_code in (200, 302), page
    for workout in Workout.objects.filter(owner=user):
        assert client.get(f"/workouts/{workout.pk}/").status_code == 200, workout.pk


@pytest.mark.django_db
@BOUNDED
@given(backup=BACKUPS, create_missing=st.booleans())
def test_any_mutated_backup_gives_a_report_or_a_clean_refusal(
    alice: User, backup: Any, create_missing: bool
) -> None:
    data = json.dumps(backup).encode()
    try:
        report = import_file(alice, data, ImportOptions(create_missing=create_missing))
    except ImportRefused as exc:
        assert exc.field in ("file", "format", "unit", "mapping") and exc.message
    else:
        assert all(p.message for p in report.problems)
    assert_pages_render(alice)


@pytest.mark.django_db
def test_the_worst_counts_a_backup_can_hold_stay_cheap(alice: User) -> None:
    """Every count a backup gives that drives work, at its bound or far past it: 10^9 sets in a group,
    thousands of groups, a long list of sets; the import and the workout page stay fast and small."""
    group = {"sets": 10**9, "reps_min": 5, "reps_max": 5, "weight_kg": "60"}
    capped = {"sets": 20, "reps_min": 5, "reps_max": 5, "weight_kg": "60"}
    one_set = {"weight": "60", "unit": "kg", "reps": 5}
    entries = [
        {"exercise": "deadlift", "target": {"groups": [group]}, "sets": [one_set]},
        {"exercise": "deadlift", "target": {"groups": [capped] * 5000}, "sets": [one_set]},
        {"exercise": "deadlift", "target": {"groups": [capped] * 20}, "sets": [one_set] * 500},
    ]
    backup = {"format": "repbook", "version": 1, "workouts": [{"started_at": when(1), "exercises": entries}]}
    tracemalloc.start()
    started = time.monotonic()
    try:
        import_file(alice, json.dumps(backup).encode(), ImportOptions())
        workout = Workout.objects.get(owner=alice)
        client = Client()
        client.force_login(alice)
        assert client.get(f"/workouts/{workout.pk}/").status_code == 200
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 20
    assert peak < 200 * 1024 * 1024

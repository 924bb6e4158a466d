"""`insert_rows` stores exactly what Django's own save would: decimals, dates, moments in any
time zone, JSON, and the values its fast paths leave to Django."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from repbook.storage.bulk import insert_rows
from repbook.storage.models import BodyWeight, Exercise, User, Workout, WorkoutExercise

pytestmark = pytest.mark.django_db

MOMENTS = [
    datetime(2026, 3, 29, 1, 30, 15, 123456, tzinfo=ZoneInfo("Europe/Berlin")),
    datetime(2019, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-9, minutes=-30))),
    datetime(2024, 2, 29, 12, 0, tzinfo=UTC),
]


def _raw(table: str, columns: str, owner: User) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table} WHERE owner_id = %s ORDER BY id", [owner.pk])
        return list(cursor.fetchall())


def test_moments_dates_and_decimals_are_stored_as_django_stores_them(alice: User, bob: User) -> None:
    for when in MOMENTS:
        Workout.objects.create(owner=alice, started_at=when, finished_at=None, name="n")
    insert_rows(
        Workout,
        ("owner", "started_at", "finished_at", "name", "notes", "felt_pain", "import_key", "updated_at"),
        [(bob.pk, when, None, "n", "", False, "", MOMENTS[2]) for when in MOMENTS],
    )
    columns = "started_at, finished_at, name"
    assert _raw("storage_workout", columns, bob) == _raw("storage_workout", columns, alice)
    days = [date(2020, 1, 2), date(1999, 12, 31)]
    for n, day in enumerate(days):
        BodyWeight.objects.create(
            owner=alice, date=day, weight_kg=Decimal("80.125") + n, typed_value=Decimal(80)
        )
    insert_rows(
        BodyWeight,
        ("owner", "date", "weight_kg", "typed_value", "typed_unit"),
        [(bob.pk, day, Decimal("80.125") + n, 80, "kg") for n, day in enumerate(days)],  # 80: an int
    )
    columns = "date, weight_kg, typed_value, typed_unit"
    assert _raw("storage_bodyweight", columns, bob) == _raw("storage_bodyweight", columns, alice)
    assert list(BodyWeight.objects.filter(owner=bob).values_list("date", "weight_kg")) == [
        (date(1999, 12, 31), Decimal("81.125")),
        (date(2020, 1, 2), Decimal("80.125")),
    ]


def test_json_goes_through_django(alice: User) -> None:
    workout = Workout.objects.create(owner=alice, started_at=MOMENTS[2])
    exercise = Exercise.objects.get(slug="deadlift", owner=None)
    target = {"groups": [{"sets": 3, "weight_kg": "100.5"}], "reason": "“quoted”"}
    insert_rows(
        WorkoutExercise,
        ("owner", "workout", "exercise", "order", "superset_group", "notes", "rest_s", "target"),
        [(alice.pk, workout.pk, exercise.pk, 1, "", "", None, target)],
    )
    assert WorkoutExercise.objects.get(workout=workout).target == target
    stored = _raw("storage_workoutexercise", "target", alice)
    WorkoutExercise.objects.create(owner=alice, workout=workout, exercise=exercise, order=2, target=target)
    assert _raw("storage_workoutexercise", "target", alice) == stored * 2  # the same text as Django's


def test_insert_rows_returning_gives_each_rows_id_in_order(alice: User, bob: User) -> None:
    """An import's workouts and entries: many rows per INSERT, more rows than one INSERT holds
    (999 values), each new id given back in the rows' order and stored as Django would store it."""
    from repbook.storage.bulk import insert_rows_returning

    names = ("owner", "started_at", "finished_at", "name", "notes", "felt_pain", "import_key", "updated_at")
    rows = [
        (alice.pk, MOMENTS[n % 3] + timedelta(days=n), None, f"w{n}", "", n % 2 == 0, f"k{n}", MOMENTS[2])
        for n in range(300)  # 8 values each: three INSERTs
    ]
    ids = insert_rows_returning(Workout, names, rows)
    assert len(ids) == len(set(ids)) == 300
    stored = {w.pk: w for w in Workout.objects.filter(owner=alice)}
    assert [(stored[pk].name, stored[pk].import_key, stored[pk].felt_pain) for pk in ids] == [
        (f"w{n}", f"k{n}", n % 2 == 0) for n in range(300)
    ]
    assert [stored[pk].started_at for pk in ids] == [row[1] for row in rows]
    exercise = Exercise.objects.get(owner=None, slug="deadlift")
    targets = [None, {"reps": 5, "weight_kg": "100.000"}]
    entry_ids = insert_rows_returning(
        WorkoutExercise,
        ("owner", "workout", "exercise", "order", "superset_group", "notes", "rest_s", "target"),
        [(alice.pk, ids[0], exercise.pk, order, "", "", None, targets[order % 2]) for order in range(1, 4)],
    )
    assert [WorkoutExercise.objects.get(pk=pk).target for pk in entry_ids] == [targets[1], None, targets[1]]
    assert insert_rows_returning(Workout, names, []) == []
    assert not Workout.objects.filter(owner=bob).exists()
    # The ids were taken from the table's own sequence: the next row the ORM writes gets a new one.
    assert Workout.objects.create(owner=bob, name="after").pk > max(ids)


def test_a_row_breaking_a_unique_key_raises_djangos_integrity_error(alice: User) -> None:
    """On PostgreSQL the rows go by COPY through the driver's own cursor: its error must still be
    Django's, which the import turns into "try again" with nothing written."""
    from django.db import IntegrityError, transaction

    from repbook.storage.bulk import insert_rows_returning

    Workout.objects.create(owner=alice, started_at=MOMENTS[0], name="n", import_key="k1")
    names = ("owner", "started_at", "finished_at", "name", "notes", "felt_pain", "import_key", "updated_at")
    rows = [(alice.pk, MOMENTS[1], None, "n", "", False, f"k{n}", MOMENTS[2]) for n in range(3, 0, -1)]
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows_returning(Workout, names, rows)  # the third row's key is taken
    assert Workout.objects.filter(owner=alice).count() == 1

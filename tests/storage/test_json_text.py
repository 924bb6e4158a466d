"""JSON read only whole (the statistics summaries, an exercise's page) is kept as text on every
database (`JsonText`): written compact, read back as the same values by the ORM, by plain SQL and
by the bulk writer, edited as JSON in forms, and stored in a text column on PostgreSQL, where jsonb
was turned back into text on every read."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.db import connection

from repbook.storage.bulk import insert_rows
from repbook.storage.models import Exercise, ExerciseBest, ExerciseSession, User, Workout
from repbook.storage.models.json_text import JsonText
from repbook.storage.summaries import SESSION_COLUMNS

#: The session columns that hold counts (0 here); the others are None unless given.
COUNTS = {"logged", "sets", "reps", "tonnage_kg", "week_tonnage_kg"}

pytestmark = pytest.mark.django_db

BEST = {"epley": ["100.000", 5, "8.0", None, "working", None], "brzycki": ["97.500", 6, None, 2, "amrap", 30]}
REP_LOADS = {"5": ["100.000", 5], "12": ["60.500", 12]}
REPS_AT = {"100.000": 6, "60.500": 12}


def _session(owner: User, workout: Workout, exercise: Exercise) -> ExerciseSession:
    return ExerciseSession.objects.create(
        owner=owner, workout=workout, exercise=exercise, day=date(2026, 3, 2),
        best=BEST, rep_loads=REP_LOADS, reps_at=REPS_AT,
    )  # fmt: skip


def _stored(session: ExerciseSession) -> tuple[str, str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT best, rep_loads, reps_at FROM storage_exercisesession WHERE id = %s", [session.pk]
        )
        row = cursor.fetchone()
    assert row is not None
    return row


def test_values_are_stored_as_compact_json_text_and_read_back_equal(alice: User) -> None:
    workout = Workout.objects.create(owner=alice, name="Pull")
    deadlift = Exercise.objects.get(slug="deadlift")
    session = _session(alice, workout, deadlift)
    best, rep_loads, reps_at = _stored(session)
    assert best == json.dumps(BEST, separators=(",", ":"))
    assert (json.loads(rep_loads), json.loads(reps_at)) == (REP_LOADS, REPS_AT)
    again = ExerciseSession.objects.get(pk=session.pk)
    assert (again.best, again.rep_loads, again.reps_at) == (BEST, REP_LOADS, REPS_AT)
    assert list(ExerciseSession.objects.filter(pk=session.pk).values_list("best", flat=True)) == [BEST]


def test_the_bulk_writer_stores_what_the_orm_stores(alice: User, bob: User) -> None:
    deadlift = Exercise.objects.get(slug="deadlift")
    kept = _session(alice, Workout.objects.create(owner=alice, name="Pull"), deadlift)
    workout = Workout.objects.create(owner=bob, name="Pull")
    values = {"owner": bob.pk, "workout": workout.pk, "exercise": deadlift.pk, "day": date(2026, 3, 2)}
    values |= {"best": BEST, "rep_loads": REP_LOADS, "reps_at": REPS_AT}
    insert_rows(
        ExerciseSession,
        SESSION_COLUMNS,
        [tuple(values.get(name, 0 if name in COUNTS else None) for name in SESSION_COLUMNS)],
    )
    written = ExerciseSession.objects.get(owner=bob)
    assert _stored(written) == _stored(kept)
    ExerciseBest.objects.create(
        owner=bob, exercise=deadlift, best={"epley": [116.7, "100.000", 5, "2026-03-02"]}
    )
    assert ExerciseBest.objects.get(owner=bob).best == {"epley": [116.7, "100.000", 5, "2026-03-02"]}


def test_every_summary_json_column_is_plain_text_in_the_database() -> None:
    with connection.cursor() as cursor:
        for model in (ExerciseSession, ExerciseBest, Exercise):
            described = connection.introspection.get_table_description(cursor, model._meta.db_table)
            columns = {column.name: column for column in described}
            for field in model._meta.concrete_fields:
                if isinstance(field, JsonText):
                    column = columns[field.column]
                    kind = connection.introspection.get_field_type(column.type_code, column)
                    assert kind == "TextField", (model.__name__, field.name, kind)


def test_forms_edit_it_as_json(alice: User) -> None:
    """The admin edits a lifter's own exercise, page text included, as JSON."""
    from django.forms import modelform_factory

    own = Exercise.objects.create(owner=alice, slug="my-row", name="My Row", content={"steps": ["Pull."]})
    form_class = modelform_factory(Exercise, fields=["content"])
    assert form_class(instance=own)["content"].value() == '{"steps": ["Pull."]}'
    form = form_class({"content": '{"steps": ["Pull.", "Lower."]}'}, instance=own)
    assert form.is_valid(), form.errors
    form.save()
    assert Exercise.objects.get(pk=own.pk).content == {"steps": ["Pull.", "Lower."]}
    assert not form_class({"content": "{not json"}, instance=own).is_valid()

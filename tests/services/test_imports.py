"""Importing real export files into a real database: what lands, field by field; idempotency;
all or nothing; unmatched names; remembered answers; and each user's rows kept apart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from repbook.services.transfer.import_matching import CREATE, SKIP
from repbook.services.transfer.imports import ImportOptions, ImportRefused, UnmatchedNames, import_file
from repbook.storage.models import BodyWeight, Exercise, ExerciseMapping, Set, Workout, WorkoutExercise

FIXTURES = Path(__file__).parents[1] / "importers" / "fixtures"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def sets_of(user: object, slug: str) -> list[Set]:
    return list(Set.objects.filter(owner=user, exercise__slug=slug).order_by("performed_at", "order"))


def test_strong_ios_lands_field_by_field(alice):
    report = import_file(alice, fixture("strong_ios_comma_kg.csv"))
    assert (report.workouts, report.sets, report.duplicates) == (3, 23, 0)
    workouts = list(Workout.objects.filter(owner=alice).order_by("started_at"))
    assert [(w.name, w.started_at) for w in workouts] == [
        ("Pull A", at("2026-03-02 18:05:12")),
        ("Pull B", at("2026-03-05 07:30:40")),
        ("Pull A", at("2026-03-09 18:02:55")),
    ]
    first = workouts[0]
    assert first.finished_at - first.started_at == timedelta(hours=1, minutes=10)
    assert first.notes == "Week 1, first session"
    deadlift = WorkoutExercise.objects.get(workout=first, exercise__slug="deadlift")
    assert (deadlift.order, deadlift.notes, deadlift.rest_s) == (1, 'Belt on, "hook grip" felt better', 180)
    rows = [
        (s.set_type, s.typed_weight, s.typed_unit, s.weight_kg, s.reps, s.rpe)
        for s in sets_of(alice, "deadlift")[:3]
    ]
    assert rows == [
        ("warmup", Decimal(60), "kg", Decimal(60), 5, None),
        ("working", Decimal(120), "kg", Decimal(120), 5, None),
        ("working", Decimal(120), "kg", Decimal(120), 5, Decimal(8)),
    ]
    last_deadlift = sets_of(alice, "deadlift")[-1]
    assert (last_deadlift.set_type, last_deadlift.reps, last_deadlift.rpe) == ("failure", 4, Decimal("9.5"))
    plank = sets_of(alice, "plank")
    assert [(s.duration_s, s.reps) for s in plank] == [(60, None)]
    pull_ups = sets_of(alice, "pull-up")
    assert [s.reps for s in pull_ups] == [8, 7, 8, 8] and pull_ups[-1].rpe == Decimal(9)


def test_strong_without_unit_reads_the_asked_unit(alice):
    import_file(alice, fixture("strong_ios_comma_kg.csv"), ImportOptions(unit="lb"))
    top = sets_of(alice, "deadlift")[1]
    assert (top.typed_weight, top.typed_unit, top.weight_kg) == (Decimal(120), "lb", Decimal("54.431"))


def test_strong6_kilograms_give_back_the_pounds_typed(alice):
    text = fixture("strong6_semicolon_quoted_kg.csv").decode()
    text = text.replace('"120.0";"5";"";', '"61.23492";"5";"";', 1)
    import_file(alice, text.encode())
    recovered = sets_of(alice, "deadlift")[1]
    assert (recovered.typed_weight, recovered.typed_unit, recovered.weight_kg) == (
        Decimal(135),
        "lb",
        Decimal("61.235"),
    )
    assert sets_of(alice, "deadlift")[0].typed_unit == "kg"


def test_strong_android_units_per_row_and_bodyweight_sets(alice):
    import_file(alice, fixture("strong_android_semicolon_unitcols_lbs.csv"))
    deadlift = sets_of(alice, "deadlift")[0]
    assert (deadlift.typed_weight, deadlift.typed_unit, deadlift.weight_kg) == (
        Decimal(135),
        "lb",
        Decimal("61.235"),
    )
    back = sets_of(alice, "back-extension")
    assert [(s.typed_weight, s.reps) for s in back[:2]] == [(None, 15), (Decimal(25), 12)]


def test_hevy_supersets_set_types_and_converted_pounds(alice):
    import_file(alice, fixture("hevy_workout_data_lbs.csv"))
    first = Workout.objects.filter(owner=alice).order_by("started_at").first()
    groups = {e.exercise.slug: e.superset_group for e in first.entries.select_related("exercise")}
    assert groups["dumbbell-row"] == groups["reverse-dumbbell-fly"] != ""
    assert groups["deadlift"] == ""
    back = sets_of(alice, "back-extension")[1]
    assert (back.typed_weight, back.typed_unit) == (Decimal(10), "kg")  # Hevy's 22.05 lb
    rowing = sets_of(alice, "rowing-machine")[0]
    assert (rowing.distance_m, rowing.duration_s) == (Decimal("1995.59"), 480)


def test_hevy_kg_file(alice):
    report = import_file(alice, fixture("hevy_workout_data_kg.csv"))
    assert (report.workouts, report.sets) == (3, 23)
    fly = sets_of(alice, "reverse-dumbbell-fly")
    assert [(s.set_type, s.typed_weight, s.reps) for s in fly[-2:]] == [
        ("working", Decimal(10), 12),
        ("drop", Decimal(6), 10),
    ]


def test_fitnotes_one_workout_a_day_with_comments(alice):
    report = import_file(alice, fixture("fitnotes_export_current_kgs.csv"))
    assert (report.workouts, report.sets) == (3, 21)
    second = sets_of(alice, "deadlift")[1]
    assert second.notes == 'Belt on, "hook grip" felt better'
    rowing = sets_of(alice, "rowing-machine")[0]
    assert (rowing.distance_m, rowing.duration_s) == (Decimal(2000), 480)


def test_strengthlog_body_weights_and_extra_load(alice):
    report = import_file(
        alice, fixture("strengthlog_export_sectioned.csv"), ImportOptions(create_missing=True)
    )
    assert report.body_weights == 3
    assert list(BodyWeight.objects.filter(owner=alice).values_list("date", "weight_kg")) == [
        (at("2026-03-02 00:00").date(), Decimal("82.400")),
        (at("2026-03-05 00:00").date(), Decimal("82.100")),
        (at("2026-03-09 00:00").date(), Decimal("82.500")),
    ]
    back = sets_of(alice, "back-extension")
    assert [(s.typed_weight, s.reps) for s in back] == [
        (Decimal(0), 15),
        (Decimal(10), 12),
        (Decimal(15), 12),
    ]


def test_importing_twice_adds_nothing(alice):
    data = fixture("hevy_workout_data_kg.csv")
    import_file(alice, data)
    again = import_file(alice, data)
    assert (again.workouts, again.sets, again.duplicates) == (0, 0, 3)
    assert Set.objects.filter(owner=alice).count() == 23


def test_dry_run_writes_nothing_and_reports_the_same(alice):
    data = fixture("fitnotes_export_legacy_lbs.csv")
    preview = import_file(alice, data, ImportOptions(dry_run=True))
    assert not Workout.objects.filter(owner=alice).exists()
    done = import_file(alice, data)
    assert (preview.workouts, preview.sets, preview.first_day, preview.last_day) == (
        done.workouts,
        done.sets,
        done.first_day,
        done.last_day,
    )


def test_unmatched_names_stop_the_import_until_answered(alice):
    data = fixture("wger_api_v2_workoutlog_page.json")
    with pytest.raises(UnmatchedNames) as refused:
        import_file(alice, data)
    assert "wger exercise 184" in refused.value.names
    assert not Workout.objects.filter(owner=alice).exists()
    choices = {
        "wger exercise 184": "deadlift",
        "wger exercise 475": "pull-up",
        "wger exercise 81": "dumbbell-row",
        "wger exercise 822": "reverse-dumbbell-fly",
        "wger exercise 301": "plank",
    }
    report = import_file(alice, data, ImportOptions(choices=choices))
    assert (report.workouts, report.sets) == (1, 7)
    deadlift = sets_of(alice, "deadlift")
    assert [(s.typed_weight, s.reps, s.rir) for s in deadlift] == [
        (Decimal(60), 5, None),
        (Decimal(120), 5, 3),
        (Decimal(120), 5, 2),
    ]
    assert sets_of(alice, "plank")[0].duration_s == 60
    # The answers are remembered: the next import needs none.
    assert ExerciseMapping.objects.filter(owner=alice).count() == 5
    assert import_file(alice, data).duplicates == 1


def test_new_and_skipped_names(alice):
    data = fixture("strengthlog_export_sectioned.csv")
    report = import_file(alice, data, ImportOptions(choices={"Reverse Dumbbell Flyes": CREATE}))
    created = Exercise.objects.get(owner=alice)
    assert created.name == "Reverse Dumbbell Flyes"
    assert list(created.muscle_links.filter(role="primary").values_list("muscle_id", flat=True)) == [
        "rear_delts"
    ]
    assert report.created_exercises == ["Reverse Dumbbell Flyes"]
    other = import_file(alice, fixture("strengthlog_export_flat_UNVERIFIED.csv"), ImportOptions(dry_run=True))
    assert {n.foreign_name: n.confidence for n in other.names}["Reverse Dumbbell Flyes"] == "remembered"
    skipped = import_file(
        alice,
        fixture("jefit_backup_multisection_lbs.csv"),
        ImportOptions(choices={"Dumbbell Reverse Fly": SKIP}, dry_run=True),
    )
    assert skipped.sets == 14


def test_a_failure_while_writing_leaves_nothing_behind(alice):
    from repbook.services.transfer.import_plan import workout_key

    # A workout holding the key of the file's last workout, under another start time: the
    # duplicate check misses it and the database's unique key stops the write midway.
    Workout.objects.create(
        owner=alice,
        started_at=at("2020-01-01 10:00"),
        import_key=workout_key(at("2026-03-09 18:02"), "Pull A"),
    )
    with pytest.raises(ImportRefused, match="try again"):
        import_file(alice, fixture("hevy_workout_data_kg.csv"), ImportOptions(choices={"Plank": CREATE}))
    assert Workout.objects.filter(owner=alice).count() == 1
    assert not Set.objects.filter(owner=alice).exists()
    assert not BodyWeight.objects.filter(owner=alice).exists()
    assert not Exercise.objects.filter(owner=alice).exists()


def test_bad_rows_are_skipped_with_their_line(alice):
    text = fixture("strong_ios_comma_kg.csv").decode().splitlines()
    text[2] = text[2].replace(",120.0,5.0,", ",heavy,5.0,")
    text[5] = text[5].replace(",8.0,", ",-3,")
    text[4] = text[4].replace(",5.0,", ",500.0,")
    report = import_file(alice, "\n".join(text).encode())
    lines = {p.line: p.message for p in report.problems}
    assert "'heavy' is not a number" in lines[3] and "negative" in lines[6]
    assert "reps must be from 0 to 100 in a set with a load" in lines[5]
    assert report.sets == 20


def test_each_user_sees_only_their_own(alice, bob):
    data = fixture("hevy_workout_data_kg.csv")
    import_file(alice, data, ImportOptions(choices={"Plank": SKIP}))
    report = import_file(bob, data)
    assert (report.workouts, report.duplicates) == (3, 0)  # alice's copies are not bob's
    assert {n.foreign_name: n.confidence for n in report.names}["Plank"] == "exact"  # not alice's answer


def test_file_level_errors_are_refused_cleanly(alice):
    for data, field in [
        (b"", "file"),
        (b"\x00\x01\x02binary", "file"),
        (b"name,age\nbob,3\n", "file"),
        (fixture("wger_api_v2_workoutsession_page.json"), "file"),
    ]:
        with pytest.raises(ImportRefused) as refused:
            import_file(alice, data)
        assert refused.value.field == field
    with pytest.raises(ImportRefused, match="unit"):
        import_file(alice, fixture("hevy_workout_data_kg.csv"), ImportOptions(unit="stone"))
    with pytest.raises(ImportRefused, match="no exercise 'nope'"):
        import_file(alice, fixture("hevy_workout_data_kg.csv"), ImportOptions(choices={"Plank": "nope"}))
    assert not Workout.objects.filter(owner=alice).exists()


def _strong(workouts: int) -> bytes:
    header = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,"
        "Distance,Seconds,Notes,Workout Notes,RPE"
    )
    rows = [header]
    for n in range(workouts):
        day = datetime(2025, 1, 1) + timedelta(days=n)
        for order in range(1, 4):
            rows.append(f"{day:%Y-%m-%d} 18:00:00,Day {n},1h,Deadlift (Barbell),{order},100,5,0,0,,,")
    return ("\n".join(rows) + "\n").encode()


def test_query_count_does_not_grow_with_the_file(alice, bob):
    with CaptureQueriesContext(connection) as small:
        import_file(alice, _strong(3))
    with CaptureQueriesContext(connection) as large:
        import_file(bob, _strong(300))
    # Sets go in with one statement per batch; the workout and entry rows of 300 workouts need a
    # few more bulk queries on SQLite (it caps the values one query may bind), none on PostgreSQL.
    assert len(large.captured_queries) - len(small.captured_queries) <= 6

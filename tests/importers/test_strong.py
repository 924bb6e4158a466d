"""The Strong importer: the three sample layouts field by field, header variants, bad rows, detection."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repbook.core.imported import ImportedSet, ImportFileError, ParsedFile
from repbook.importers import strong

FIXTURES = Path(__file__).parent / "fixtures"
A = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
A0 = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes"
A_PRIME = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE"
SPANISH = (
    "Fecha,Nombre de entrenamiento,Duración,Nombre del ejercicio,Orden de la serie,Peso,Repeticiones,"
    "Distancia,Segundos,Notas,Notas del entrenamiento,RPE"
)
FRENCH = (
    "Date,Nom de l'entraînement,Durée,Nom de l'exercice,Ordre des séries,Poids,Répétitions,Distance,"
    "Secondes,Notes,Notes d'entraînement,RPE"
)
B = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;"
    "Seconds;Notes;Workout Notes;Workout Duration"
)
C = (
    '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (kg)";'
    '"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"'
)
HEVY = (
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",'
    '"set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"'
)
FITNOTES = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def s(
    kind: str,
    weight: str | None,
    reps: int | None,
    *,
    unit: str | None = None,
    rpe: str | None = None,
    secs: int | None = None,
    dist: str | None = None,
) -> tuple[Any, ...]:
    """A set as `sets` shows it; numbers as their exact text, so 60.0 and 60 differ."""
    return (kind, weight, unit, reps, rpe, secs, dist)


def text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def sets(items: list[ImportedSet]) -> list[tuple[Any, ...]]:
    return [
        s(
            x.set_type,
            text(x.weight),
            x.reps,
            unit=x.unit,
            rpe=text(x.rpe),
            secs=x.duration_s,
            dist=text(x.distance_m),
        )
        for x in items
    ]


def summary(parsed: ParsedFile) -> list[tuple[Any, ...]]:
    """Every field the importer fills, workout by workout and exercise by exercise."""
    return [
        (
            w.name,
            w.started_at,
            w.duration_s,
            w.notes,
            [(e.name, e.notes, e.rest_s, sets(e.sets)) for e in w.exercises],
        )
        for w in parsed.workouts
    ]


def one_set(parsed: ParsedFile) -> ImportedSet:
    assert len(parsed.workouts) == 1
    assert len(parsed.workouts[0].exercises) == 1
    assert len(parsed.workouts[0].exercises[0].sets) == 1
    return parsed.workouts[0].exercises[0].sets[0]


NOTE = 'Belt on, "hook grip" felt better'
WEEK1 = "Week 1, first session"


def test_ios_comma_file_field_by_field() -> None:
    parsed = strong.parse(fixture("strong_ios_comma_kg.csv"))
    assert parsed.format == "strong"
    assert parsed.unit is None
    assert parsed.problems == []
    assert summary(parsed) == [
        ("Pull A", datetime(2026, 3, 2, 18, 5, 12), 4200, WEEK1, [
            ("Deadlift (Barbell)", NOTE, 180, [
                s("warmup", "60.0", 5), s("working", "120.0", 5), s("working", "120.0", 5, rpe="8"),
            ]),
            ("Pull Up", "", None, [s("working", "0", 8), s("working", "0", 7)]),
            ("Bent Over One Arm Row (Dumbbell)", "", None, [s("working", "32.5", 10)] * 2),
            ("Reverse Fly (Dumbbell)", "", None, [s("working", "8.0", 15)] * 2),
            ("Back Extension", "", None, [s("working", "0", 15), s("working", "10.0", 12)]),
        ]),
        ("Pull B", datetime(2026, 3, 5, 7, 30, 40), 3120, "", [
            ("Back Extension", "", None, [s("working", "15.0", 12)] * 2),
            ("Pull Up", "", None, [s("working", "0", 8), s("working", "0", 8, rpe="9")]),
            ("Plank", "", None, [s("working", "0", None, secs=60)]),
        ]),
        ("Pull A", datetime(2026, 3, 9, 18, 2, 55), 3960, "", [
            ("Deadlift (Barbell)", "", None, [
                s("warmup", "60.0", 5), s("working", "125.0", 5), s("failure", "125.0", 4, rpe="9.5"),
            ]),
            ("Bent Over One Arm Row (Dumbbell)", "", None, [
                s("working", "35.0", 10), s("working", "35.0", 9),
            ]),
            ("Reverse Fly (Dumbbell)", "", None, [s("working", "10.0", 12)] * 2),
        ]),
    ]  # fmt: skip
    first = parsed.workouts[0]
    assert [w.line for w in parsed.workouts] == [2, 14, 19]
    assert [e.line for e in first.exercises] == [2, 6, 8, 10, 12]
    assert [x.line for x in first.exercises[0].sets] == [2, 3, 5]  # line 4 is the rest timer
    assert parsed.set_count == 23


def test_android_semicolon_file_field_by_field() -> None:
    parsed = strong.parse(fixture("strong_android_semicolon_unitcols_lbs.csv"))
    assert parsed.unit is None  # said on each row instead
    assert parsed.problems == []
    lb = "lb"
    assert summary(parsed) == [
        ("Pull A", datetime(2026, 3, 2, 18, 5, 12), 4200, WEEK1, [
            ("Deadlift (Barbell)", NOTE, None, [
                s("working", "135", 5, unit=lb), s("working", "265", 5, unit=lb),
                s("working", "265", 5, unit=lb, rpe="8"),
            ]),
            ("Pull Up", "", None, [s("working", None, 8), s("working", None, 7)]),
            ("Bent Over One Arm Row (Dumbbell)", "", None, [s("working", "70", 10, unit=lb)] * 2),
            ("Reverse Fly (Dumbbell)", "", None, [s("working", "17.5", 15, unit=lb)] * 2),
            ("Back Extension", "", None, [s("working", None, 15), s("working", "25", 12, unit=lb)]),
        ]),
        ("Pull B", datetime(2026, 3, 5, 7, 30, 40), 3120, "", [
            ("Back Extension", "", None, [s("working", "35", 12, unit=lb)] * 2),
            ("Pull Up", "", None, [s("working", None, 8), s("working", None, 8, rpe="9")]),
            ("Plank", "", None, [s("working", None, None, secs=60)]),  # "mi." with no distance
        ]),
        ("Pull A", datetime(2026, 3, 9, 18, 2, 55), 3960, "", [
            ("Deadlift (Barbell)", "", None, [
                s("working", "135", 5, unit=lb), s("working", "275", 5, unit=lb),
                s("working", "275", 4, unit=lb, rpe="9.5"),
            ]),
            ("Bent Over One Arm Row (Dumbbell)", "", None, [
                s("working", "75", 10, unit=lb), s("working", "75", 9, unit=lb),
            ]),
        ]),
    ]  # fmt: skip
    assert [w.line for w in parsed.workouts] == [2, 13, 18]


def test_strong6_quoted_file_field_by_field() -> None:
    parsed = strong.parse(fixture("strong6_semicolon_quoted_kg.csv"))
    assert parsed.unit == "kg"
    assert parsed.problems == []
    k = partial(s, unit="kg")
    assert summary(parsed) == [
        ("Pull A", datetime(2026, 3, 2, 18, 5, 12), 4200, WEEK1, [
            ("Deadlift (Barbell)", NOTE, 180, [
                k("warmup", "60.0", 5), k("working", "120.0", 5),
                k("working", "120.0", 5, rpe="8.0"),
            ]),
            ("Pull Up", "", None, [k("working", None, 8), k("working", None, 7)]),
            ("Bent Over One Arm Row (Dumbbell)", "", None, [k("working", "32.5", 10)] * 2),
            ("Reverse Fly (Dumbbell)", "", None, [k("working", "8.0", 15)] * 2),
            ("Back Extension", "", None, [k("working", None, 15), k("working", "10.0", 12)]),
        ]),
        ("Pull B", datetime(2026, 3, 5, 7, 30, 40), 3120, "", [
            ("Back Extension", "", None, [k("working", "15.0", 12)] * 2),
            ("Pull Up", "", None, [k("working", None, 8), k("working", None, 8, rpe="9.0")]),
            ("Plank", "", None, [k("working", None, None, secs=60)]),
            ("Rowing (Machine)", "", None, [k("working", None, None, secs=480, dist="2000.0")]),
        ]),
        ("Pull A", datetime(2026, 3, 9, 18, 2, 55), 3960, "", [
            ("Deadlift (Barbell)", "", None, [
                k("warmup", "60.0", 5), k("working", "125.0", 5),
                k("failure", "125.0", 4, rpe="9.5"),
            ]),
            ("Bent Over One Arm Row (Dumbbell)", "", None, [k("working", "35.0", 10)]),
            ("Reverse Fly (Dumbbell)", "", None, [k("working", "10.0", 12), k("drop", "6.0", 10)]),
        ]),
    ]  # fmt: skip
    deadlift = parsed.workouts[0].exercises[0]
    assert deadlift.line == 2  # the Note row
    assert [x.line for x in deadlift.sets] == [3, 4, 6]
    assert [w.line for w in parsed.workouts] == [2, 15, 21]


def test_a0_header_without_duration() -> None:
    parsed = strong.parse(f'{A0}\n2018-05-01 17:00:00,"Legs","Squat (Barbell)",1,100,5.0,0,0,"deep",""\n')
    workout = parsed.workouts[0]
    assert (workout.name, workout.duration_s, workout.exercises[0].notes) == ("Legs", None, "deep")
    assert sets(workout.exercises[0].sets) == [s("working", "100", 5)]


def test_a0_header_with_rpe() -> None:
    parsed = strong.parse(f"{A0},RPE\n2018-05-01 17:00:00,Legs,Squat (Barbell),1,100,5,0,0,,,7.5\n")
    assert one_set(parsed).rpe == Decimal("7.5")


def test_a_prime_header_without_notes_columns() -> None:
    parsed = strong.parse(
        f"{A_PRIME}\n2024-01-08 06:00:00,Push,54m,Bench Press (Barbell),1,80.0,8.0,0,0.0,8\n"
    )
    workout = parsed.workouts[0]
    assert (workout.duration_s, workout.notes, workout.exercises[0].notes) == (3240, "", "")
    assert sets(workout.exercises[0].sets) == [s("working", "80.0", 8, rpe="8")]


def test_spanish_header() -> None:
    rows = [
        "2023-02-01 19:00:00,Tirón,1 h 46 min,Dominada,1,0,8.0,0,0.0,agarre ancho,Buen día,",
        "2023-02-01 19:00:00,Tirón,1 h 46 min,Dominada,2,5.0,6.0,0,0.0,,,9",
    ]
    assert strong.detect(SPANISH)
    parsed = strong.parse("\n".join([SPANISH, *rows]))
    workout = parsed.workouts[0]
    assert (workout.name, workout.duration_s, workout.notes) == ("Tirón", 6360, "Buen día")
    assert workout.exercises[0].notes == "agarre ancho"
    assert sets(workout.exercises[0].sets) == [s("working", "0", 8), s("working", "5.0", 6, rpe="9")]


def test_french_header() -> None:
    row = "2023-02-01 19:00:00,Gainage,9min,Planche,1,0,0.0,0,90.0,,,"
    assert strong.detect(FRENCH)
    parsed = strong.parse(f"{FRENCH}\n{row}\n")
    assert parsed.workouts[0].duration_s == 540
    assert sets(parsed.workouts[0].exercises[0].sets) == [s("working", "0", None, secs=90)]


def test_spreadsheet_dates() -> None:
    parsed = strong.parse(f"{A}\n9/12/2022 18:35,Pull,1h 13m,Pull Up,1,0,8,0,0,,,\n")
    assert parsed.workouts[0].started_at == datetime(2022, 9, 12, 18, 35)
    assert parsed.workouts[0].duration_s == 4380


@pytest.mark.parametrize(
    ("order", "kind"),
    [
        ("W", "warmup"),
        ("w", "warmup"),
        ("WARM_UP", "warmup"),
        ("D", "drop"),
        ("DROP_SET", "drop"),
        ("F", "failure"),
        ("FAILURE", "failure"),
        ("failure", "failure"),
        ("3", "working"),
        ("3.0", "working"),
    ],
)
def test_set_order_spellings(order: str, kind: str) -> None:
    parsed = strong.parse(f"{A}\n2024-01-08 06:00:00,Push,54m,Dip,{order},0,10,0,0,,,\n")
    assert one_set(parsed).set_type == kind


def test_android_without_workout_duration_and_distance_units() -> None:
    header = B.removesuffix(";Workout Duration")
    rows = [
        '2024-06-01 08:00:00;"Cardio";"Running";1;;;;;5;km;1500;"";"";',
        '2024-06-01 08:00:00;"Cardio";"Cycling";1;;;;;2;mi;0;"";"";',
        '2024-06-01 08:00:00;"Cardio";"Sled Push";1;40;kg;;;30;m;0;"";"";',
    ]
    parsed = strong.parse("\n".join([header, *rows]))
    workout = parsed.workouts[0]
    assert workout.duration_s is None
    assert [sets(e.sets) for e in workout.exercises] == [
        [s("working", None, None, secs=1500, dist="5000")],
        [s("working", None, None, dist="3218.688")],
        [s("working", "40", None, unit="kg", dist="30")],
    ]


def test_distance_without_a_unit_is_kilometres() -> None:
    parsed = strong.parse(f"{A}\n2024-01-08 06:00:00,Run,30m,Running,1,0,0,5.2,1800,,,\n")
    assert one_set(parsed).distance_m == Decimal("5200")


def test_weights_are_kept_as_written() -> None:
    parsed = strong.parse(
        f"{A}\n2024-01-08 06:00:00,Push,54m,Bench Press (Barbell),1,74.99999999999999,10.0,0,0,,,\n"
    )
    assert str(one_set(parsed).weight) == "74.99999999999999"
    parsed = strong.parse(
        f'{C}\n"7";"2024-01-08 06:00:00";"Push";"60";"Bench Press";"1";"61.23492";"5";"";"";"";"";""'
    )
    assert (str(one_set(parsed).weight), one_set(parsed).unit) == ("61.23492", "kg")


def test_strong6_multiline_workout_note_taken_once_and_note_rows() -> None:
    note = '"Felt strong.\nSlept 8h."'
    rows = [
        f'"1";"2024-01-08 06:00:00";"Push";"3000";"Bench Press";"Note";"";"";"";"";"";"Elbows in";{note}',
        f'"1";"2024-01-08 06:00:00";"Push";"3000";"Bench Press";"WARM_UP";"40";"10";"";"";"";"";{note}',
        f'"1";"2024-01-08 06:00:00";"Push";"3000";"Bench Press";"Rest Timer";"";"";"";"";"90";"";{note}',
        f'"1";"2024-01-08 06:00:00";"Push";"3000";"Bench Press";"1";"80";"5";"";"";"";"";{note}',
        f'"1";"2024-01-08 06:00:00";"Push";"3000";"Dip";"FAILURE";"";"12";"";"";"";"";{note}',
    ]
    parsed = strong.parse("\n".join([C, *rows]))
    workout = parsed.workouts[0]
    assert workout.notes == "Felt strong.\nSlept 8h."
    bench, dip = workout.exercises
    assert (bench.notes, bench.rest_s, bench.line) == ("Elbows in", 90, 2)
    assert [x.line for x in bench.sets] == [4, 8]  # each row spans two lines
    assert [x.set_type for x in bench.sets] == ["warmup", "working"]
    assert sets(dip.sets) == [s("failure", None, 12, unit="kg")]


def test_strong6_set_row_notes_are_set_notes() -> None:
    row = '"1";"2024-01-08 06:00:00";"Push";"60";"Dip";"{}";"";"10";"";"";"";"{}";""'
    parsed = strong.parse("\n".join([C, row.format("Drop Set", "slow"), row.format("rest timer", "")]))
    entry = parsed.workouts[0].exercises[0]
    assert (entry.notes, entry.sets[0].notes, entry.sets[0].set_type) == ("", "slow", "drop")


def test_grouping_by_date_and_name_or_by_workout_number() -> None:
    rows = [
        "2024-01-08 06:00:00,Push,54m,Dip,1,0,10,0,0,,,",
        "2024-01-08 06:00:00,Pull,54m,Pull Up,1,0,10,0,0,,,",
        "2024-01-08 06:00:00,Push,54m,Dip,2,0,9,0,0,,,",
    ]
    parsed = strong.parse("\n".join([A, *rows]))
    assert [(w.name, w.set_count) for w in parsed.workouts] == [("Push", 2), ("Pull", 1)]
    quoted = [
        '"1";"2024-01-08 06:00:00";"Push";"60";"Dip";"1";"";"10";"";"";"";"";""',
        '"2";"2024-01-08 06:00:00";"Push";"60";"Dip";"1";"";"8";"";"";"";"";""',
    ]
    parsed = strong.parse("\n".join([C, *quoted]))
    assert [(w.name, w.set_count) for w in parsed.workouts] == [("Push", 1), ("Push", 1)]


def test_an_exercise_done_again_later_is_a_new_entry_and_later_notes_are_set_notes() -> None:
    rows = [
        "2024-01-08 06:00:00,Push,54m,Dip,1,0,10,0,0,first,,",
        "2024-01-08 06:00:00,Push,54m,Dip,2,0,9,0,0,elbow twinge,,",
        "2024-01-08 06:00:00,Push,54m,Push Up,1,0,20,0,0,,,",
        "2024-01-08 06:00:00,Push,54m,Dip,3,0,8,0,0,,,",
    ]
    workout = strong.parse("\n".join([A, *rows])).workouts[0]
    assert [(e.name, e.notes, len(e.sets)) for e in workout.exercises] == [
        ("Dip", "first", 2),
        ("Push Up", "", 1),
        ("Dip", "", 1),
    ]
    assert [x.notes for x in workout.exercises[0].sets] == ["", "elbow twinge"]


def test_rows_without_reps_time_or_distance_are_skipped() -> None:
    rows = [
        "2024-01-08 06:00:00,Push,54m,Dip,1,0,10,0,0,,,",
        "2024-01-08 06:00:00,Push,54m,Dip,2,20,0.0,0,0.0,,,",
    ]
    parsed = strong.parse("\n".join([A, *rows]))
    assert parsed.set_count == 1
    assert [(p.line, p.message) for p in parsed.problems] == [(3, "no reps, time or distance: not a set")]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("yesterday,Push,54m,Dip,2,0,9,0,0,,,", "date 'yesterday' is not a date we can read"),
        (",Push,54m,Dip,2,0,9,0,0,,,", "the date is missing"),
        ("2024-01-08 06:00:00,Push,54m,Dip,2,abc,9,0,0,,,", "weight 'abc' is not a number"),
        ("2024-01-08 06:00:00,Push,54m,Dip,2,0,8.5,0,0,,,", "reps '8.5' is not a whole number"),
        ("2024-01-08 06:00:00,Push,54m,Dip,2,0,-3,0,0,,,", "reps '-3' is negative"),
        ("2024-01-08 06:00:00,Push,54m,Dip,2,0,9,0,-1,,,", "seconds '-1' is negative"),
        ("2024-01-08 06:00:00,Push,54m,Dip,X,0,9,0,0,,,", "set order 'X' is not a set number"),
        ("2024-01-08 06:00:00,Push,54m,,2,0,9,0,0,,,", "the exercise name is missing"),
        ("2024-01-08 06:00:00,Push,54m,Dip,2,0,9", "the line has 7 fields where the header has 12"),
        ("2024-01-08 06:00:00,Push,54m,Dip,2,0,9,0,0,,,,surplus", "the line has 13 fields"),
    ],
)
def test_a_bad_row_is_skipped_with_its_line_and_the_rest_imported(row: str, message: str) -> None:
    good = "2024-01-08 06:00:00,Push,54m,Dip,{},0,{},0,0,,,"
    text = "\n".join([A, good.format(1, 10), row, good.format(3, 8)]) + "\n"
    parsed = strong.parse(text)
    assert [(p.line, p.message.startswith(message)) for p in parsed.problems] == [(3, True)], parsed.problems
    assert [x.reps for x in parsed.workouts[0].exercises[0].sets] == [10, 8]


def test_bad_weight_unit_and_distance_unit_are_row_problems() -> None:
    rows = [
        '2024-06-01 08:00:00;"Push";"Dip";1;10;stone;8;;;;0;"";"";1h',
        '2024-06-01 08:00:00;"Push";"Run";1;;;;;3;yd;0;"";"";1h',
        '2024-06-01 08:00:00;"Push";"Dip";2;10;kgs;8;;;;0;"";"";1h',
    ]
    parsed = strong.parse("\n".join([B, *rows]))
    assert [p.line for p in parsed.problems] == [2, 3]
    assert "stone" in parsed.problems[0].message and "yd" in parsed.problems[1].message
    assert sets(parsed.workouts[0].exercises[0].sets) == [s("working", "10", 8, unit="kg")]


@pytest.mark.parametrize("value", ["soon", "9" * 400, "9" * 5000 + ":00", "9" * 400 + "h"])
def test_a_bad_duration_keeps_the_workout_without_it(value: str) -> None:
    parsed = strong.parse(f"{A}\n2024-01-08 06:00:00,Push,{value},Dip,1,0,10,0,0,,,\n")
    assert parsed.workouts[0].duration_s is None
    assert parsed.set_count == 1
    [problem] = parsed.problems
    assert problem.line == 2
    assert problem.message.startswith("duration ")
    assert problem.message.endswith(": the workout is imported without it")


def test_a_workout_whose_rows_are_all_bad_is_left_out() -> None:
    rows = [
        "2024-01-08 06:00:00,Push,54m,Dip,1,zero,10,0,0,,,",
        "2024-01-09 06:00:00,Pull,54m,Row,1,50,10,0,0,,,",
    ]
    parsed = strong.parse("\n".join([A, *rows]))
    assert [w.name for w in parsed.workouts] == ["Pull"]
    assert [p.line for p in parsed.problems] == [2]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("\n  \n", "the file is empty"),
        (HEVY + '\n"Push","15 Sep 2025, 07:48"', "this is not a Strong export"),
        (FITNOTES + "\n2024-01-01,Squat,Legs,100,kgs,5,,,,", "this is not a Strong export"),
        ("hello world", "this is not a Strong export"),
        ("Date,Workout Name,Exercise Name,Weight\n2024-01-01,A,B,1", "no Set Order, Reps column"),
        ("Date;Workout Name;Exercise Name;Set Order;Reps\n2024-01-01;A;B;1;5", "no Weight column"),
    ],
)
def test_whole_file_problems_raise(text: str, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        strong.parse(text)


@pytest.mark.parametrize("text", [A, A + "\n", f"\n{C}\n\n", B + "\n;;;;\n"])
def test_a_header_without_rows_raises(text: str) -> None:
    with pytest.raises(ImportFileError, match="has a header but no rows"):
        strong.parse(text)


def test_a_file_of_bad_rows_is_read_with_its_problems() -> None:
    parsed = strong.parse(f"{A}\n2024-01-08 06:00:00,Push,54m,Dip,1,abc,10,0,0,,,\n")
    assert parsed.workouts == [] and [p.line for p in parsed.problems] == [2]


@pytest.mark.parametrize(
    "text",
    [
        fixture("strong_ios_comma_kg.csv"),
        fixture("strong_android_semicolon_unitcols_lbs.csv"),
        fixture("strong6_semicolon_quoted_kg.csv"),
        A0,
        A0 + ",RPE",
        A_PRIME,
        SPANISH,
        FRENCH,
        B.removesuffix(";Workout Duration"),
        "\n\n" + A,
        A.replace(",", "\t"),
    ],
)
def test_detect_every_layout(text: str) -> None:
    assert strong.detect(text)


@pytest.mark.parametrize("text", [HEVY, FITNOTES, "", "Date,Weight\n2024-01-01,80", '"unbalanced'])
def test_detect_refuses_other_files(text: str) -> None:
    assert not strong.detect(text)


@given(
    st.sampled_from([A, A0, B, C, SPANISH]), st.lists(st.lists(st.text(max_size=12), max_size=14), max_size=6)
)
def test_any_rows_under_a_strong_header_parse_or_raise_import_file_error(
    header: str, rows: list[list[str]]
) -> None:
    delimiter = ";" if ";" in header else ","
    text = "\n".join([header, *(delimiter.join(row) for row in rows)])
    try:
        parsed = strong.parse(text)
    except ImportFileError:
        return
    assert all(p.line >= 2 for p in parsed.problems)

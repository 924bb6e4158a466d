"""FitNotes' CSV export: the sample files field by field, unquoted names with commas, bad rows, detection."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repbook.core.imported import ImportFileError, ParsedFile
from repbook.importers import fitnotes
from repbook.importers.common import csv_records

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment"
LEGACY_KGS = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time"
HEVY_HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",'
    '"set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"'
)
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
)


def fixture(name: str) -> ParsedFile:
    return fitnotes.parse((FIXTURES / name).read_text(encoding="utf-8"))


def text(value: Decimal | None) -> str | None:
    """A Decimal as written (so 0.0 and 0 differ), None kept."""
    return None if value is None else str(value)


def sets(parsed: ParsedFile) -> list[tuple[object, ...]]:
    """Every set as (line, exercise, type, weight, unit, reps, seconds, metres, notes)."""
    return [
        (
            s.line,
            e.name,
            s.set_type,
            text(s.weight),
            s.unit,
            s.reps,
            s.duration_s,
            text(s.distance_m),
            s.notes,
        )
        for w in parsed.workouts
        for e in w.exercises
        for s in e.sets
    ]


def test_current_file_workouts_and_exercises() -> None:
    parsed = fixture("fitnotes_export_current_kgs.csv")
    assert parsed.format == "fitnotes"
    assert parsed.unit is None  # said on each row, not once for the file
    assert parsed.problems == []
    assert [(w.line, w.name, w.started_at, w.duration_s, w.notes) for w in parsed.workouts] == [
        (2, "", datetime(2026, 3, 2), None, ""),
        (13, "", datetime(2026, 3, 5), None, ""),
        (18, "", datetime(2026, 3, 9), None, ""),
    ]
    entries = [
        [(e.line, e.name, e.category, e.superset, e.notes) for e in w.exercises] for w in parsed.workouts
    ]
    assert entries == [
        [
            (2, "Deadlift", "Back", "", ""),
            (5, "Pull Up", "Back", "", ""),
            (7, "One-Arm Dumbbell Row", "Back", "", ""),
            (9, "Reverse Dumbbell Fly", "Shoulders", "", ""),
            (11, "Back Extension", "Back", "", ""),
        ],
        [
            (13, "Back Extension", "Back", "", ""),
            (14, "Pull Up", "Back", "", ""),
            (16, "Plank", "Abs", "", ""),
            (17, "Rowing Machine", "Cardio", "", ""),
        ],
        [
            (18, "Deadlift", "Back", "", ""),
            (21, "One-Arm Dumbbell Row", "Back", "", ""),
            (22, "Reverse Dumbbell Fly", "Shoulders", "", ""),
        ],
    ]


def test_current_file_sets() -> None:
    row, fly, back = "One-Arm Dumbbell Row", "Reverse Dumbbell Fly", "Back Extension"
    assert sets(fixture("fitnotes_export_current_kgs.csv")) == [
        (2, "Deadlift", "working", "60.0", "kg", 5, None, None, ""),
        (3, "Deadlift", "working", "120.0", "kg", 5, None, None, 'Belt on, "hook grip" felt better'),
        (4, "Deadlift", "working", "120.0", "kg", 5, None, None, ""),
        (5, "Pull Up", "working", "0.0", "kg", 8, None, None, ""),
        (6, "Pull Up", "working", "0.0", "kg", 7, None, None, ""),
        (7, row, "working", "32.5", "kg", 10, None, None, ""),
        (8, row, "working", "32.5", "kg", 10, None, None, ""),
        (9, fly, "working", "8.0", "kg", 15, None, None, ""),
        (10, fly, "working", "8.0", "kg", 15, None, None, ""),
        (11, back, "working", "0.0", "kg", 15, None, None, ""),
        (12, back, "working", "10.0", "kg", 12, None, None, ""),
        (13, back, "working", "15.0", "kg", 12, None, None, ""),
        (14, "Pull Up", "working", "0.0", "kg", 8, None, None, ""),
        (15, "Pull Up", "working", "0.0", "kg", 8, None, None, "RPE 9"),
        (16, "Plank", "working", None, None, None, 60, None, ""),
        (17, "Rowing Machine", "working", None, None, None, 480, "2000.0", ""),
        (18, "Deadlift", "working", "60.0", "kg", 5, None, None, ""),
        (19, "Deadlift", "working", "125.0", "kg", 5, None, None, ""),
        (20, "Deadlift", "working", "125.0", "kg", 4, None, None, ""),
        (21, row, "working", "35.0", "kg", 10, None, None, ""),
        (22, fly, "working", "10.0", "kg", 12, None, None, ""),
    ]


def test_a_bodyweight_set_keeps_its_zero() -> None:
    pull_up = fixture("fitnotes_export_current_kgs.csv").workouts[0].exercises[1].sets[0]
    assert pull_up.weight == Decimal("0.0")
    assert pull_up.weight is not None and pull_up.weight.as_tuple().exponent == -1


def test_legacy_lbs_file() -> None:
    parsed = fixture("fitnotes_export_legacy_lbs.csv")
    assert parsed.unit == "lb"
    assert parsed.problems == []
    assert [(w.line, w.name, w.started_at) for w in parsed.workouts] == [
        (2, "", datetime(2026, 3, 2)),
        (11, "", datetime(2026, 3, 5)),
        (13, "", datetime(2026, 3, 9)),
    ]
    assert [(e.name, e.category) for e in parsed.workouts[1].exercises] == [
        ("Plank", "Abs"),
        ("Rowing Machine", "Cardio"),
    ]
    row, fly, back = "One-Arm Dumbbell Row", "Reverse Dumbbell Fly", "Back Extension"
    assert sets(parsed) == [
        (2, "Deadlift", "working", "135.0", "lb", 5, None, None, ""),
        (3, "Deadlift", "working", "265.0", "lb", 5, None, None, ""),
        (4, "Deadlift", "working", "265.0", "lb", 5, None, None, ""),
        (5, "Pull Up", "working", "0.0", "lb", 8, None, None, ""),
        (6, "Pull Up", "working", "0.0", "lb", 7, None, None, ""),
        (7, row, "working", "70.0", "lb", 10, None, None, ""),
        (8, fly, "working", "17.5", "lb", 15, None, None, ""),
        (9, back, "working", "0.0", "lb", 15, None, None, ""),
        (10, back, "working", "25.0", "lb", 12, None, None, ""),
        (11, "Plank", "working", None, "lb", None, 60, None, ""),
        (12, "Rowing Machine", "working", None, "lb", None, 480, "1995.58656", ""),
        (13, "Deadlift", "working", "275.0", "lb", 5, None, None, ""),
    ]


def test_legacy_kgs_variant() -> None:
    rows = ["2024-11-05,Barbell Bench Press,Chest,100.0,5,,,", "2024-11-05,Treadmill,Cardio,,,800,m,0:05:30"]
    content = "\n".join([LEGACY_KGS, *rows]) + "\n"
    parsed = fitnotes.parse(content)
    assert parsed.unit == "kg"
    assert sets(parsed) == [
        (2, "Barbell Bench Press", "working", "100.0", "kg", 5, None, None, ""),
        (3, "Treadmill", "working", None, "kg", None, 330, "800", ""),
    ]


def test_an_unquoted_name_with_commas_is_rebuilt() -> None:
    rows = [
        '2026-03-02,Overhead Press (Each Side, Dumbbells),Shoulders,12.5,kgs,10,,,,"left, then right"',
        "2026-03-02,Overhead Press (Each Side, Dumbbells),Shoulders,12.5,kgs,9,,,,",
        "2026-03-02,Carry (Farmer, Suitcase, Each Side),Full Body,24.0,kgs,,40.0,m,0:00:45,",
    ]
    parsed = fitnotes.parse("\n".join([HEADER, *rows]))
    assert parsed.problems == []
    assert [(e.name, e.category) for e in parsed.workouts[0].exercises] == [
        ("Overhead Press (Each Side, Dumbbells)", "Shoulders"),
        ("Carry (Farmer, Suitcase, Each Side)", "Full Body"),
    ]
    assert sets(parsed) == [
        (
            2,
            "Overhead Press (Each Side, Dumbbells)",
            "working",
            "12.5",
            "kg",
            10,
            None,
            None,
            "left, then right",
        ),
        (3, "Overhead Press (Each Side, Dumbbells)", "working", "12.5", "kg", 9, None, None, ""),
        (4, "Carry (Farmer, Suitcase, Each Side)", "working", "24.0", "kg", None, 45, "40.0", ""),
    ]


def test_an_unquoted_name_with_a_comma_in_a_legacy_file() -> None:
    parsed = fitnotes.parse(f"{LEGACY_KGS}\n2026-03-02,Curl (Hammer, Cable),Biceps,20.0,12,,,\n")
    assert sets(parsed) == [(2, "Curl (Hammer, Cable)", "working", "20.0", "kg", 12, None, None, "")]


def test_distance_units_and_a_zero_time() -> None:
    rows = [
        "2026-03-05,Run,Cardio,,,,5.0,km,0:25:00,",
        "2026-03-05,Run,Cardio,,,,3.1,mi,0:00:00,",
        "2026-03-05,Sled Push,Cardio,40.0,kgs,,20,m,,",
        "2026-03-05,Dips,Chest,0.0,kgs,12,,,0:00:00,",
    ]
    parsed = fitnotes.parse("\n".join([HEADER, *rows]))
    assert [
        (s.distance_m, s.duration_s, s.reps)
        for s in (x for e in parsed.workouts[0].exercises for x in e.sets)
    ] == [
        (Decimal(5000), 1500, None),
        (Decimal("4988.9664"), None, None),
        (Decimal(20), None, None),
        (None, None, 12),
    ]


def test_a_bad_row_is_skipped_with_its_line_and_the_rest_imported() -> None:
    rows = [
        "2026-03-02,Deadlift,Back,100.0,kgs,5,,,,",  # line 2
        "2026-02-30,Deadlift,Back,100.0,kgs,5,,,,",
        "yesterday,Deadlift,Back,100.0,kgs,5,,,,",
        "2026-03-02,Deadlift,Back,100.0,kgs,8.5,,,,",
        "2026-03-02,Deadlift,Back,100.0,kgs,-5,,,,",
        "2026-03-02,Deadlift,Back,heavy,kgs,5,,,,",
        "2026-03-02,Deadlift,Back,100.0,stone,5,,,,",
        "2026-03-02,Deadlift,Back,100.0,kgs,,,,,",
        "2026-03-02,Run,Cardio,,,,5.0,,0:25:00,",
        "2026-03-02,Run,Cardio,,,,5.0,leagues,0:25:00,",
        "2026-03-02,Run,Cardio,,,,-5.0,km,0:25:00,",
        "2026-03-02,Run,Cardio,,,,,,a while,",
        "2026-03-02,,Back,100.0,kgs,5,,,,",
        "",
        "2026-03-02,Deadlift,Back,102.5,kgs,3,,,,",  # line 16
    ]
    parsed = fitnotes.parse("\n".join([HEADER, *rows]))
    [workout] = parsed.workouts
    assert [(e.name, s.line, s.weight, s.reps) for e in workout.exercises for s in e.sets] == [
        ("Deadlift", 2, Decimal("100.0"), 5),
        ("Deadlift", 16, Decimal("102.5"), 3),
    ]
    assert [p.line for p in parsed.problems] == list(range(3, 15))
    messages = [p.message for p in parsed.problems]
    assert "'2026-02-30' is not a real date" in messages[0]
    assert "'yesterday'" in messages[1]
    assert "'8.5' is not a whole number" in messages[2]
    assert "'-5' is negative" in messages[3]
    assert "weight 'heavy' is not a number" in messages[4]
    assert "'stone'" in messages[5]
    assert messages[6] == "the set has no reps, no time and no distance"
    assert "has no unit" in messages[7]
    assert "'leagues'" in messages[8]
    assert "'-5.0' is negative" in messages[9]
    assert "'a while' is not a duration" in messages[10]
    assert "exercise name" in messages[11]


def test_a_huge_cell_is_refused_at_once() -> None:
    """common's number and duration patterns take quadratic time on long digit runs: not read at all."""
    huge = "9" * 100_000 + "x"
    rows = [f"2026-03-02,Deadlift,Back,{huge},kgs,5,,,,", f"2026-03-02,Plank,Abs,,,,,,{huge},"]
    parsed = fitnotes.parse("\n".join([HEADER, *rows]))
    assert [p.line for p in parsed.problems] == [2, 3]
    assert all("too long" in p.message for p in parsed.problems)


def test_one_workout_per_date_even_when_dates_come_back() -> None:
    rows = [
        "2026-03-02,Squat,Legs,100.0,kgs,5,,,,",
        "2026-03-03,Bench Press,Chest,80.0,kgs,5,,,,",
        "2026-03-02,Squat,Legs,100.0,kgs,5,,,,",
    ]
    parsed = fitnotes.parse("\n".join([HEADER, *rows]))
    assert [(w.started_at, w.set_count) for w in parsed.workouts] == [
        (datetime(2026, 3, 2), 2),
        (datetime(2026, 3, 3), 1),
    ]


def test_detect() -> None:
    for name in ("fitnotes_export_current_kgs.csv", "fitnotes_export_legacy_lbs.csv"):
        assert fitnotes.detect((FIXTURES / name).read_text(encoding="utf-8"))
    assert fitnotes.detect(f"\n{LEGACY_KGS}\n")
    assert fitnotes.detect(LEGACY_KGS.replace("kgs", "lbs"))
    for other in (HEVY_HEADER, STRONG_HEADER, "Date,Exercise", ""):
        assert not fitnotes.detect(f"{other}\n2026-03-02,Deadlift,Back,60.0,kgs,5,,,,")
    for name in ("hevy_workout_data_kg.csv", "strong_ios_comma_kg.csv", "strong6_semicolon_quoted_kg.csv"):
        assert not fitnotes.detect((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("content", "missing"),
    [
        ("", "empty"),
        ("\n\n", "empty"),
        (HEVY_HEADER + "\n", "no Date, Exercise, Category column"),
        (STRONG_HEADER + "\n", "Exercise, Category"),
        ("Date,Exercise,Category,Weight,Weight Unit,Distance\n", "Reps"),
    ],
)
def test_a_file_that_is_not_fitnotes_is_refused(content: str, missing: str) -> None:
    with pytest.raises(ImportFileError, match=missing):
        fitnotes.parse(content)


CELLS = st.one_of(
    st.text(max_size=8),
    st.sampled_from(
        [
            "",
            "0",
            "0.0",
            "8.5",
            "-3",
            "60",
            "1e400",
            "9" * 40,
            "9" * 5000 + ":00",
            "9" * 20000 + "x",
            "0:01:00",
            "2026-03-02",
            "2026-02-30",
            "kgs",
            "lbs",
            "km",
            "mi",
            "Pull Up",
            "Press (Each Side",
        ]
    ),
)


@given(st.lists(st.lists(CELLS, max_size=14), max_size=8), st.sampled_from([HEADER, LEGACY_KGS]))
def test_any_rows_under_a_fitnotes_header_are_imported_or_skipped(rows: list[list[str]], header: str) -> None:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    content = f"{header}\n{out.getvalue()}"
    parsed = fitnotes.parse(content)
    read = {s.line for w in parsed.workouts for e in w.exercises for s in e.sets}
    skipped = {p.line for p in parsed.problems}
    data = {line for line, row in csv_records(content) if line > 1 and "".join(row).strip()}
    assert read | skipped == data

"""Hevy's workout_data.csv: the sample files field by field, date variants, bad rows, detection."""

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
from repbook.importers import hevy
from repbook.importers.common import csv_records

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",'
    '"set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"'
)
FITNOTES_HEADER = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment"
FITNOTES_LEGACY_HEADER = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time"
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
)
WORKOUT = '"Pull A","2 Mar 2026, 18:05","2 Mar 2026, 19:15","",'


def fixture(name: str) -> ParsedFile:
    return hevy.parse((FIXTURES / name).read_text(encoding="utf-8"))


def text(value: Decimal | None) -> str | None:
    """A Decimal as written (so 60 and 60.0 differ), None kept."""
    return None if value is None else str(value)


def sets(parsed: ParsedFile) -> list[tuple[object, ...]]:
    """Every set as (line, exercise, type, weight, unit, reps, rpe, seconds, metres)."""
    return [
        (
            s.line,
            e.name,
            s.set_type,
            text(s.weight),
            s.unit,
            s.reps,
            text(s.rpe),
            s.duration_s,
            text(s.distance_m),
        )
        for w in parsed.workouts
        for e in w.exercises
        for s in e.sets
    ]


def test_kg_file_workouts() -> None:
    parsed = fixture("hevy_workout_data_kg.csv")
    assert parsed.format == "hevy"
    assert parsed.unit == "kg"
    assert parsed.problems == []
    assert [(w.line, w.name, w.started_at, w.duration_s, w.notes) for w in parsed.workouts] == [
        (2, "Pull A", datetime(2026, 3, 2, 18, 5), 70 * 60, "Week 1, first session"),
        (13, "Pull B", datetime(2026, 3, 5, 7, 30), 52 * 60, ""),
        (18, "Pull A", datetime(2026, 3, 9, 18, 2), 66 * 60, ""),
    ]


def test_kg_file_exercises() -> None:
    parsed = fixture("hevy_workout_data_kg.csv")
    entries = [
        [(e.line, e.name, e.superset, e.notes, e.category) for e in w.exercises] for w in parsed.workouts
    ]
    assert entries == [
        [
            (2, "Deadlift (Barbell)", "", 'Belt on, "hook grip" felt better', ""),
            (5, "Pull Up", "", "", ""),
            (7, "Dumbbell Row", "0", "", ""),
            (9, "Rear Delt Reverse Fly (Dumbbell)", "0", "", ""),
            (11, "Back Extension (Weighted Hyperextension)", "", "", ""),
        ],
        [
            (13, "Back Extension (Weighted Hyperextension)", "", "", ""),
            (15, "Pull Up", "", "", ""),
            (17, "Plank", "", "", ""),
        ],
        [
            (18, "Deadlift (Barbell)", "", "", ""),
            (21, "Dumbbell Row", "0", "", ""),
            (23, "Rear Delt Reverse Fly (Dumbbell)", "0", "", ""),
        ],
    ]


def test_kg_file_sets() -> None:
    deadlift, pull_up, row, fly = (
        "Deadlift (Barbell)",
        "Pull Up",
        "Dumbbell Row",
        "Rear Delt Reverse Fly (Dumbbell)",
    )
    back = "Back Extension (Weighted Hyperextension)"
    assert sets(fixture("hevy_workout_data_kg.csv")) == [
        (2, deadlift, "warmup", "60", "kg", 5, None, None, None),
        (3, deadlift, "working", "120", "kg", 5, None, None, None),
        (4, deadlift, "working", "120", "kg", 5, "8", None, None),
        (5, pull_up, "working", None, "kg", 8, None, None, None),
        (6, pull_up, "working", None, "kg", 7, None, None, None),
        (7, row, "working", "32.5", "kg", 10, None, None, None),
        (8, row, "working", "32.5", "kg", 10, None, None, None),
        (9, fly, "working", "8", "kg", 15, None, None, None),
        (10, fly, "working", "8", "kg", 15, None, None, None),
        (11, back, "working", None, "kg", 15, None, None, None),
        (12, back, "working", "10", "kg", 12, None, None, None),
        (13, back, "working", "15", "kg", 12, None, None, None),
        (14, back, "working", "15", "kg", 12, None, None, None),
        (15, pull_up, "working", None, "kg", 8, None, None, None),
        (16, pull_up, "failure", None, "kg", 8, "9", None, None),
        (17, "Plank", "working", None, "kg", None, None, 60, None),
        (18, deadlift, "warmup", "60", "kg", 5, None, None, None),
        (19, deadlift, "working", "125", "kg", 5, None, None, None),
        (20, deadlift, "failure", "125", "kg", 4, "9.5", None, None),
        (21, row, "working", "35", "kg", 10, None, None, None),
        (22, row, "working", "35", "kg", 9, None, None, None),
        (23, fly, "working", "10", "kg", 12, None, None, None),
        (24, fly, "drop", "6", "kg", 10, None, None, None),
    ]


def test_lbs_file() -> None:
    parsed = fixture("hevy_workout_data_lbs.csv")
    assert parsed.unit == "lb"
    assert parsed.problems == []
    assert [(w.name, w.started_at, w.duration_s, w.notes) for w in parsed.workouts] == [
        ("Pull A", datetime(2026, 3, 2, 18, 5), 4200, "Week 1, first session"),
        ("Pull B", datetime(2026, 3, 5, 7, 30), 3120, ""),
    ]
    assert [e.name for e in parsed.workouts[1].exercises] == ["Rowing Machine", "Pull Up"]
    assert parsed.workouts[0].exercises[0].notes == 'Belt on, "hook grip" felt better'
    assert [e.superset for e in parsed.workouts[0].exercises] == ["", "", "0", "0", ""]
    rows = sets(parsed)
    assert {unit for *_, unit, _reps, _rpe, _s, _m in rows} == {"lb"}
    assert rows[0] == (2, "Deadlift (Barbell)", "warmup", "135", "lb", 5, None, None, None)
    assert rows[2] == (4, "Deadlift (Barbell)", "working", "265", "lb", 5, "8", None, None)
    assert rows[7] == (9, "Rear Delt Reverse Fly (Dumbbell)", "working", "17.5", "lb", 15, None, None, None)
    assert rows[10] == (
        12,
        "Back Extension (Weighted Hyperextension)",
        "working",
        "22.05",
        "lb",
        12,
        None,
        None,
        None,
    )
    assert rows[11] == (13, "Rowing Machine", "working", None, "lb", None, None, 480, "1995.58656")
    assert rows[13] == (15, "Pull Up", "working", None, "lb", 8, "9", None, None)
    assert len(rows) == 14


def test_distance_km_to_metres() -> None:
    parsed = hevy.parse(f'{HEADER}\n{WORKOUT}"Running",,"",0,"normal",,,5.25,1800,\n')
    assert sets(parsed) == [(2, "Running", "working", None, "kg", None, None, 1800, "5250.00")]
    assert parsed.workouts[0].exercises[0].sets[0].distance_m == Decimal(5250)


@pytest.mark.parametrize(
    ("start", "end", "started_at", "seconds"),
    [
        ("18 Sept. 2026, 07:48", "18 Sept. 2026, 08:30", datetime(2026, 9, 18, 7, 48), 42 * 60),
        ("11 März 2026, 18:00", "11 März 2026, 19:01", datetime(2026, 3, 11, 18, 0), 61 * 60),
        ("2026-03-11 18:00:00", "", datetime(2026, 3, 11, 18, 0), None),
        ("11 Mar 2026, 18:00", "11 Mar 2026, 17:00", datetime(2026, 3, 11, 18, 0), None),
    ],
)
def test_date_variants(start: str, end: str, started_at: datetime, seconds: int | None) -> None:
    row = f'"Legs","{start}","{end}","","Squat (Barbell)",,"",0,"normal",100,5,,0,\n'
    parsed = hevy.parse(f"{HEADER}\n{row}")
    assert parsed.problems == []
    [workout] = parsed.workouts
    assert (workout.started_at, workout.duration_s) == (started_at, seconds)


def test_a_bad_row_is_skipped_with_its_line_and_the_rest_imported() -> None:
    rows = [
        f'{WORKOUT}"Deadlift (Barbell)",,"",0,"normal",100,5,,0,',  # line 2
        '"Pull A","31 Feb 2026, 18:05","","","Deadlift (Barbell)",,"",1,"normal",100,5,,0,',
        '"Pull A","someday","","","Deadlift (Barbell)",,"",1,"normal",100,5,,0,',
        f'{WORKOUT}"Deadlift (Barbell)",,"",2,"normal",100,8.5,,0,',
        f'{WORKOUT}"Deadlift (Barbell)",,"",3,"normal",100,-5,,0,',
        f'{WORKOUT}"Deadlift (Barbell)",,"",4,"normal",heavy,5,,0,',
        f'{WORKOUT}"Deadlift (Barbell)",,"",5,"normal",100,5,,0,hard',
        f'{WORKOUT}"Deadlift (Barbell)",,"",6,"cluster",100,5,,0,',
        f'{WORKOUT}"Deadlift (Barbell)",,"",7,"normal",100,,,0,',
        f'{WORKOUT}"",,"",8,"normal",100,5,,0,',
        f'{WORKOUT}"Deadlift (Barbell)",,"",9,"normal",100,5,-1,0,',
        f'{WORKOUT}"Deadlift (Barbell)",,"",10,"normal",100,5,,1e400,',
        "",
        f'{WORKOUT}"Deadlift (Barbell)",,"",11,"normal",102.5,3,,0,',  # line 15
    ]
    parsed = hevy.parse("\n".join([HEADER, *rows]) + "\n")
    assert [(s.line, s.weight, s.reps) for s in parsed.workouts[0].exercises[0].sets] == [
        (2, Decimal(100), 5),
        (15, Decimal("102.5"), 3),
    ]
    assert len(parsed.workouts) == 1
    assert [p.line for p in parsed.problems] == list(range(3, 14))
    messages = [p.message for p in parsed.problems]
    assert "'31 Feb 2026, 18:05' is not a real date" in messages[0]
    assert "'someday'" in messages[1]
    assert "'8.5' is not a whole number" in messages[2]
    assert "'-5' is negative" in messages[3]
    assert "weight 'heavy' is not a number" in messages[4]
    assert "RPE 'hard' is not a number" in messages[5]
    assert "'cluster'" in messages[6]
    assert messages[7] == "the set has no reps, no duration and no distance"
    assert "exercise name" in messages[8]
    assert "distance '-1' is negative" in messages[9]
    assert "duration_seconds" in messages[10]


def test_a_huge_cell_is_refused_at_once() -> None:
    """common's number and duration patterns take quadratic time on long digit runs: not read at all."""
    huge = "9" * 100_000 + "x"
    rows = [
        f'{WORKOUT}"Deadlift (Barbell)",,"",0,"normal",{huge},5,,0,',
        f'{WORKOUT}"Plank",,"",0,"normal",,,,{huge},',
        f'{WORKOUT}"Deadlift (Barbell)",,"",0,"normal",100,{huge},,0,',
    ]
    parsed = hevy.parse("\n".join([HEADER, *rows]))
    assert [p.line for p in parsed.problems] == [2, 3, 4]
    assert all("too long" in p.message for p in parsed.problems)


def test_an_unreadable_end_time_costs_only_the_duration() -> None:
    row = '"Legs","2 Mar 2026, 18:05","soon","","Squat (Barbell)",,"",0,"normal",100,5,,0,'
    parsed = hevy.parse(f"{HEADER}\n{row}\n{row}\n")
    [workout] = parsed.workouts
    assert workout.duration_s is None
    assert workout.set_count == 2
    assert [p.line for p in parsed.problems] == [2]
    assert "end_time" in parsed.problems[0].message
    assert "without its duration" in parsed.problems[0].message


def test_line_numbers_count_a_description_over_several_lines() -> None:
    first = '"Legs","2 Mar 2026, 18:05","","Felt\nstrong","Squat (Barbell)",,"",0,"normal",100,5,,0,'
    second = '"Legs","2 Mar 2026, 18:05","","Felt\nstrong","Squat (Barbell)",,"",1,"normal",100,5,,0,'
    parsed = hevy.parse(f"\n{HEADER}\n{first}\n{second}\n")
    [workout] = parsed.workouts
    assert workout.notes == "Felt\nstrong"
    assert [s.line for s in workout.exercises[0].sets] == [3, 5]


def test_rows_of_one_workout_apart_in_the_file_join_it_and_supersets_split_entries() -> None:
    legs = '"Legs","2 Mar 2026, 18:05","2 Mar 2026, 19:00",""'
    arms = '"Arms","2 Mar 2026, 18:05","2 Mar 2026, 19:00",""'
    rows = [
        f'{legs},"Squat (Barbell)",,"",0,"normal",100,5,,0,',
        f'{arms},"Curl",,"",0,"normal",10,12,,0,',
        f'{legs},"Squat (Barbell)",,"",1,"normal",100,5,,0,',
        f'{legs},"Squat (Barbell)",1,"",2,"normal",60,10,,0,',
    ]
    parsed = hevy.parse("\n".join([HEADER, *rows]))
    assert [w.name for w in parsed.workouts] == ["Legs", "Arms"]
    legs_entries = parsed.workouts[0].exercises
    assert [(e.name, e.superset, len(e.sets)) for e in legs_entries] == [
        ("Squat (Barbell)", "", 2),
        ("Squat (Barbell)", "1", 1),
    ]


def test_detect() -> None:
    for name in ("hevy_workout_data_kg.csv", "hevy_workout_data_lbs.csv"):
        assert hevy.detect((FIXTURES / name).read_text(encoding="utf-8"))
    assert hevy.detect(f"\n\n{HEADER}\n")
    assert hevy.detect(HEADER.replace('"', ""))
    for other in (FITNOTES_HEADER, FITNOTES_LEGACY_HEADER, STRONG_HEADER, "", "title\n"):
        assert not hevy.detect(f"{other}\n2026-03-02,Deadlift,Back,60.0,kgs,5,,,,")
    for name in (
        "fitnotes_export_current_kgs.csv",
        "fitnotes_export_legacy_lbs.csv",
        "strong_ios_comma_kg.csv",
    ):
        assert not hevy.detect((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("content", "missing"),
    [
        ("", "empty"),
        ("\n \n", "empty"),
        (
            FITNOTES_HEADER + "\n2026-03-02,Deadlift,Back,60.0,kgs,5,,,,\n",
            "title, start_time, exercise_title",
        ),
        (STRONG_HEADER + "\n", "title, start_time, exercise_title, set_type, weight_kg or weight_lbs"),
        (HEADER.replace('"weight_kg"', '"load"'), "weight_kg or weight_lbs"),
        (HEADER.replace('"set_type"', '"kind"'), "set_type"),
    ],
)
def test_a_file_that_is_not_hevy_is_refused(content: str, missing: str) -> None:
    with pytest.raises(ImportFileError, match=missing):
        hevy.parse(content)


CELLS = st.one_of(
    st.text(max_size=8),
    st.sampled_from(
        [
            "",
            "0",
            "8.5",
            "-3",
            "60",
            "1e400",
            "9" * 40,
            "9" * 5000 + ":00",
            "9" * 20000 + "x",
            "2 Mar 2026, 18:05",
            "31 Feb 2026",
            "normal",
            "warmup",
            "dropset",
            "Pull Up",
        ]
    ),
)


@given(st.lists(st.lists(CELLS, max_size=16), max_size=8))
def test_any_rows_under_a_hevy_header_are_imported_or_skipped(rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    content = f"{HEADER}\n{out.getvalue()}"
    parsed = hevy.parse(content)
    read = {s.line for w in parsed.workouts for e in w.exercises for s in e.sets}
    skipped = {p.line for p in parsed.problems}
    data = {line for line, row in csv_records(content) if line > 1 and "".join(row).strip()}
    assert read | skipped == data

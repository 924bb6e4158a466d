"""StrengthLog's export: the sectioned and flat samples field by field, stray lines, bad rows, detection."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repbook.core.imported import ImportFileError, ParsedFile
from repbook.importers import strengthlog
from repbook.importers.common import decode

FIXTURES = Path(__file__).parent / "fixtures"
SECTIONED = (FIXTURES / "strengthlog_export_sectioned.csv").read_text(encoding="utf-8")
HEADER = "Name,Date,Body weight,Shape,Sleep,Calories,Stress"
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
)
HEVY_HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",'
    '"set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"'
)


def fixture(name: str) -> ParsedFile:
    return strengthlog.parse(decode((FIXTURES / name).read_bytes()))


def text(value: Decimal | None) -> str | None:
    """A Decimal as written (so 60 and 60.0 differ), None kept."""
    return None if value is None else str(value)


def sets(parsed: ParsedFile, workout: int) -> list[tuple[object, ...]]:
    """The sets of one workout as (line, exercise, type, weight, unit, reps, seconds, metres)."""
    return [
        (s.line, e.name, s.set_type, text(s.weight), s.unit, s.reps, s.duration_s, text(s.distance_m))
        for e in parsed.workouts[workout].exercises
        for s in e.sets
    ]


def sectioned(*lines: str) -> str:
    user = ["Name,Language,Sex,Age,Email", "A,en,Male,1990-04-12,a@b.invalid"]
    return "\n".join([*user, "Workouts", HEADER, *lines])


def test_sectioned_workouts_oldest_first() -> None:
    parsed = fixture("strengthlog_export_sectioned.csv")
    assert (parsed.format, parsed.unit, parsed.problems) == ("strengthlog", "kg", [])
    assert [(w.line, w.name, w.started_at, w.duration_s, w.notes) for w in parsed.workouts] == [
        (19, "Pull A", datetime(2026, 3, 2), None, "Shape: 3, Sleep: 2, Stress: 3"),
        (13, "Pull B", datetime(2026, 3, 5), None, ""),
        (6, 'Pull A: "heavy" pulls, week 2', datetime(2026, 3, 9), None, "Shape: 4, Sleep: 3, Stress: 2"),
    ]
    assert [[(e.line, e.name, e.superset, e.notes) for e in w.exercises] for w in parsed.workouts] == [
        [
            (20, "Deadlift", "", ""),
            (23, "Pull-Up", "", ""),
            (25, "Dumbbell Row", "", ""),
            (27, "Reverse Dumbbell Flyes", "", ""),
            (29, "Back Extension", "", ""),
        ],
        [(14, "Back Extension", "", ""), (15, "Pull-Up", "", ""), (17, "Plank", "", "")],
        [(7, "Deadlift", "", ""), (10, "Dumbbell Row", "", ""), (11, "Reverse Dumbbell Flyes", "", "")],
    ]


def test_sectioned_sets() -> None:
    parsed = fixture("strengthlog_export_sectioned.csv")
    assert sets(parsed, 0) == [
        (20, "Deadlift", "working", "60", "kg", 5, None, None),
        (21, "Deadlift", "working", "120", "kg", 5, None, None),
        (22, "Deadlift", "working", "120", "kg", 5, None, None),
        (23, "Pull-Up", "working", "0", "kg", 8, None, None),  # bodyweight alone: nothing added
        (24, "Pull-Up", "working", "0", "kg", 7, None, None),
        (25, "Dumbbell Row", "working", "32.5", "kg", 10, None, None),
        (26, "Dumbbell Row", "working", "32.5", "kg", 10, None, None),
        (27, "Reverse Dumbbell Flyes", "working", "8", "kg", 15, None, None),
        (28, "Reverse Dumbbell Flyes", "working", "8", "kg", 15, None, None),
        (29, "Back Extension", "working", "0", "kg", 15, None, None),
        (30, "Back Extension", "working", "10", "kg", 12, None, None),
    ]
    assert sets(parsed, 1) == [
        (14, "Back Extension", "working", "15", "kg", 12, None, None),  # extraWeight, not bodyweight 82.1
        (15, "Pull-Up", "working", "0", "kg", 8, None, None),
        (16, "Pull-Up", "working", "0", "kg", 8, None, None),
        (17, "Plank", "working", "0", "kg", None, 60, None),
    ]
    assert sets(parsed, 2) == [
        (7, "Deadlift", "working", "60", "kg", 5, None, None),
        (8, "Deadlift", "working", "125", "kg", 5, None, None),
        (9, "Deadlift", "working", "125", "kg", 4, None, None),
        (10, "Dumbbell Row", "working", "35", "kg", 10, None, None),
        (11, "Reverse Dumbbell Flyes", "working", "10", "kg", 12, None, None),
    ]
    every = [s for w in parsed.workouts for e in w.exercises for s in e.sets]
    assert {(s.rpe, s.rir, s.notes) for s in every} == {(None, None, "")}


def test_sectioned_body_weights() -> None:
    parsed = fixture("strengthlog_export_sectioned.csv")
    assert [(b.day, text(b.weight), b.unit, b.line) for b in parsed.body_weights] == [
        (date(2026, 3, 2), "82.4", "kg", 19),
        (date(2026, 3, 5), "82.1", "kg", 13),
        (date(2026, 3, 9), "82.5", "kg", 6),
    ]


def test_flat_layout() -> None:
    parsed = fixture("strengthlog_export_flat_UNVERIFIED.csv")
    assert (parsed.format, parsed.unit, parsed.problems) == ("strengthlog", "kg", [])
    # Epoch milliseconds read as naive UTC: 1772471112000 is 2026-03-02 17:05:12 UTC.
    assert [(w.line, w.name, w.started_at, w.duration_s) for w in parsed.workouts] == [
        (2, 'Pull A: "heavy" pulls, week 1', datetime(2026, 3, 2, 17, 5, 12), 4228),
        (10, "Pull B", datetime(2026, 3, 5, 6, 30, 40), 3090),
    ]
    assert sets(parsed, 0) == [
        (2, "Deadlift", "warmup", "60", "kg", 5, None, None),
        (3, "Deadlift", "working", "120", "kg", 5, None, None),
        (4, "Deadlift", "working", "120", "kg", 5, None, None),
        (5, "Pull-Up", "working", "0", "kg", 8, None, None),
        (6, "Pull-Up", "working", "0", "kg", 7, None, None),
        (7, "Dumbbell Row", "working", "32.5", "kg", 10, None, None),
        (8, "Reverse Dumbbell Flyes", "working", "8", "kg", 15, None, None),
        (9, "Back Extension", "working", "10", "kg", 12, None, None),
    ]
    assert sets(parsed, 1) == [
        (10, "Back Extension", "working", "15", "kg", 12, None, None),
        (11, "Pull-Up", "failure", "0", "kg", 8, None, None),
        (12, "Plank", "working", "0", "kg", None, 60, None),
        (13, "Rowing Machine", "working", None, "kg", None, 480, "2000"),
    ]
    assert [(b.day, text(b.weight), b.line) for b in parsed.body_weights] == [
        (date(2026, 3, 2), "82.4", 5),  # the first row of the workout that carries a body weight
        (date(2026, 3, 5), "82.1", 10),
    ]


def test_stray_lines_are_skipped_with_a_reason() -> None:
    parsed = strengthlog.parse(
        sectioned(
            '"Exercise, Squat",Set,1,reps,5,weight,100',  # 5: before any workout line
            "Legs,2026-03-10,80.0,-1,-1,-1,-1",
            "garbage that is not a record",
            '"Exercise, Squat",Set,1,reps,5,weight,100',
            '"unbalanced, quote',
            '"Exercise, Squat",Set,2,reps,5,weight,100',
            "",
            "Workouts",
        )
    )
    assert [(p.line, p.message) for p in parsed.problems] == [
        (5, "this set has no readable workout line above it; skipped"),
        (7, "not a workout or set line; skipped"),
        (9, "not a workout or set line; skipped"),
        (12, "not a workout or set line; skipped"),
    ]
    assert [(s.line, s.reps, text(s.weight)) for s in parsed.workouts[0].exercises[0].sets] == [
        (8, 5, "100"),
        (10, 5, "100"),
    ]
    assert [(b.day, text(b.weight)) for b in parsed.body_weights] == [(date(2026, 3, 10), "80.0")]


def test_bad_rows_are_skipped_and_the_rest_read() -> None:
    parsed = strengthlog.parse(
        sectioned(
            "Legs,2026-03-10,-1,5,-1,-1,-1",
            '"Exercise, Squat",Set,1,reps,five,weight,100',
            '"Exercise, Squat",Set,2,reps,5,weight',
            '"Exercise, Squat",Set,3,weight,100',
            '"Exercise, Squat",Set,4,reps,5,weight,100,tempo,3010,',
            '"Exercise, Squat",Set,5,reps,3,weight,110,tempo,2010',
            "Broken day,2026-13-45,80,-1,-1,-1,-1",
            '"Exercise, Bench",Set,1,reps,5,weight,80',
            "Push,2026-03-08,abc,-1,-1,-1,-1",
            '"Exercise, Bench",Set,1,reps,5,weight,80',
            "Rest day,2026-03-07,81,-1,-1,-1,-1",
        )
    )
    assert [(p.line, p.message) for p in parsed.problems] == [
        (6, "reps 'five' is not a number"),
        (7, "the set's values are not in key, value pairs"),
        (8, "the set has no reps, no time and no distance"),
        (9, "the value 'tempo' is not imported (noted once)"),
        (11, "date '2026-13-45' is not a real date or time"),
        (12, "this set has no readable workout line above it; skipped"),
        (13, "body weight 'abc' is not a number; the workout is read without its body weight"),
        (15, "workout 'Rest day' has no readable sets; not imported"),
    ]
    assert [(w.name, w.started_at, w.notes) for w in parsed.workouts] == [
        ("Push", datetime(2026, 3, 8), ""),
        ("Legs", datetime(2026, 3, 10), "Shape: 5"),
    ]
    assert [(s.line, s.reps, text(s.weight)) for s in parsed.workouts[1].exercises[0].sets] == [
        (9, 5, "100"),
        (10, 3, "110"),
    ]
    assert [(b.day, text(b.weight)) for b in parsed.body_weights] == [(date(2026, 3, 7), "81")]


def test_set_keys_time_distance_and_weight_precedence() -> None:
    parsed = strengthlog.parse(
        sectioned(
            "Cardio,2026-03-10,,-1,-1,-1,-1",
            '"Exercise, Rowing",Set,1,distanceMeter,2000,time,00:08:00',
            '"Exercise, Dip",Set,1,reps,10,bodyweight,80,extraWeight,20,weight,25',
            '"Exercise, Dip",Set,2,reps,10,extraWeight,-10',
        )
    )
    assert parsed.problems == []
    assert sets(parsed, 0) == [
        (6, "Rowing", "working", None, "kg", None, 480, "2000"),
        (7, "Dip", "working", "25", "kg", 10, None, None),
        (8, "Dip", "working", "-10", "kg", 10, None, None),  # assistance
    ]
    assert parsed.body_weights == []


def test_header_only_file_is_empty_not_an_error() -> None:
    parsed = strengthlog.parse(sectioned())
    assert (parsed.workouts, parsed.body_weights, parsed.problems) == ([], [], [])


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", STRONG_HEADER + "\n2026-03-02 18:05:00,Pull A,1h,Deadlift,1,60,5,,,,,", "Workouts\nfoo\n"],
)
def test_not_strengthlog_is_an_import_file_error(text: str) -> None:
    with pytest.raises(ImportFileError, match="not a StrengthLog export"):
        strengthlog.parse(text)


def test_flat_without_required_columns_is_an_import_file_error() -> None:
    with pytest.raises(ImportFileError, match="not a StrengthLog export"):
        strengthlog.parse("workout,begin,end,exercise,extraWeight\nA,1,2,Squat,0\n")


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.*")), ids=lambda p: p.name)
def test_detect_on_every_fixture(path: Path) -> None:
    assert strengthlog.detect(decode(path.read_bytes())) == path.name.startswith("strengthlog")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (STRONG_HEADER + "\n", False),
        (HEVY_HEADER + "\n", False),
        ("Date,Weight\n2026-03-01,80\n", False),
        ("", False),
        (HEADER + "\n", True),
        ("\n\nname, date, body weight, shape\n", True),
    ],
)
def test_detect(text: str, expected: bool) -> None:
    assert strengthlog.detect(text) is expected


def check(text: str) -> None:
    try:
        parsed = strengthlog.parse(text)
    except ImportFileError:
        return
    assert isinstance(parsed, ParsedFile)
    for workout in parsed.workouts:
        assert workout.exercises and all(e.sets for e in workout.exercises)


@given(st.text())
def test_any_text_parses_or_is_an_import_file_error(text: str) -> None:
    check(text)


FLAT = (FIXTURES / "strengthlog_export_flat_UNVERIFIED.csv").read_text(encoding="utf-8")
LINES = SECTIONED.splitlines() + FLAT.splitlines()


@st.composite
def mangled_line(draw: st.DrawFn) -> str:
    """A sample line with a slice replaced by arbitrary text."""
    line = draw(st.sampled_from(LINES))
    start = draw(st.integers(0, len(line)))
    end = draw(st.integers(start, len(line)))
    return line[:start] + draw(st.text(max_size=12)) + line[end:]


@settings(deadline=None)
@given(st.lists(st.sampled_from(LINES) | mangled_line(), max_size=30))
def test_mangled_exports_parse_or_are_an_import_file_error(lines: list[str]) -> None:
    check("\n".join(lines))

"""JEFIT's multi-section backup: the sample field by field, set logs, notes, bad rows, detection."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repbook.core.imported import ImportFileError, ParsedFile
from repbook.importers import jefit
from repbook.importers.common import decode

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = decode((FIXTURES / "jefit_backup_multisection_lbs.csv").read_bytes())
BAR = "#" * 54
SETTING_HEADER = "row_id,USERID,TIMESTAMP,gender,currentRoutine,DOB,name,length,mass"
LOGS_HEADER = "USERID,TIMESTAMP,belongSys,logs,_id,record,mydate,eid,ename,day_item_id,belongsession,logTime"
SET_LOGS_HEADER = "_id,userid,exercise_log_id,set_index,weight_lbs,reps,distance_mi,duration,set_type"
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
)
HEVY_HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",'
    '"set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"'
)


def line_of(text: str, start: str) -> int:
    """The 1-based number of the first line of `text` that starts with `start`."""
    return next(n for n, line in enumerate(text.splitlines(), start=1) if line.startswith(start))


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


def section(title: str, *lines: str) -> str:
    return "\n".join([f"### {title} {'#' * (50 - len(title))}", "", *lines, "", "", BAR, ""])


def backup(*sections: str, mass: str = " lbs") -> str:
    setting = section(
        "SETTING", SETTING_HEADER, f'1,1,"2026-03-09 19:10:02",M,1,1990-04-12,," inches","{mass}"'
    )
    return "\n" + setting + "\n".join(sections)


def logs(*rows: str) -> str:
    return section("EXERCISE LOGS", LOGS_HEADER, *rows)


def test_sample_workouts() -> None:
    parsed = jefit.parse(SAMPLE)
    assert (parsed.format, parsed.unit) == ("jefit", "lb")
    assert [(w.line, w.name, w.started_at, w.duration_s, w.notes) for w in parsed.workouts] == [
        (57, "Pull A", datetime(2026, 3, 2, 18, 31, 2), None, ""),  # the earliest log's TIMESTAMP
        (62, "Pull A", datetime(2026, 3, 9, 18, 30, 12), None, ""),
    ]
    assert [[(e.line, e.name, e.superset, e.notes) for e in w.exercises] for w in parsed.workouts] == [
        [
            (57, "Barbell Deadlift", "", 'Belt on, "hook grip" felt better'),
            (58, "Pull-Up", "", ""),
            (59, "Dumbbell One Arm Row", "7203", ""),
            (60, "Dumbbell Reverse Fly", "7203", ""),
            (61, "Back Extension", "", ""),
        ],
        [
            (62, "Barbell Deadlift", "", ""),
            (63, "Dumbbell One Arm Row", "7203", ""),
            (64, "Dumbbell Reverse Fly", "7203", ""),
        ],
    ]
    # Cardio logs name no exercise: one problem for the section, on its first row.
    assert [(p.line, p.message) for p in parsed.problems] == [
        (
            line_of(SAMPLE, "4401,"),
            "cardio logs are not imported (JEFIT names no exercise in them): 1 skipped",
        )
    ]


def test_sample_sets() -> None:
    parsed = jefit.parse(SAMPLE)
    assert sets(parsed, 0) == [
        # From EXERCISE SET LOGS (lines 72-76), which replace the logs string and give set types.
        (72, "Barbell Deadlift", "warmup", "135", "lb", 5, None, None),
        (73, "Barbell Deadlift", "working", "265", "lb", 5, None, None),
        (74, "Barbell Deadlift", "working", "265", "lb", 5, None, None),
        (75, "Pull-Up", "working", "0", "lb", 8, None, None),
        (76, "Pull-Up", "working", "0", "lb", 7, None, None),
        # From the logs strings: weight x reps in the SETTING unit.
        (59, "Dumbbell One Arm Row", "working", "70", "lb", 10, None, None),
        (59, "Dumbbell One Arm Row", "working", "70", "lb", 10, None, None),
        (60, "Dumbbell Reverse Fly", "working", "17.5", "lb", 15, None, None),
        (60, "Dumbbell Reverse Fly", "working", "17.5", "lb", 15, None, None),
        (61, "Back Extension", "working", "0", "lb", 15, None, None),
        (61, "Back Extension", "working", "25", "lb", 12, None, None),
    ]
    assert sets(parsed, 1) == [
        (77, "Barbell Deadlift", "warmup", "135", "lb", 5, None, None),
        (78, "Barbell Deadlift", "working", "275", "lb", 5, None, None),
        (79, "Barbell Deadlift", "working", "275", "lb", 4, None, None),
        (63, "Dumbbell One Arm Row", "working", "75", "lb", 10, None, None),
        (63, "Dumbbell One Arm Row", "working", "75", "lb", 9, None, None),
        (64, "Dumbbell Reverse Fly", "working", "20", "lb", 12, None, None),
        (64, "Dumbbell Reverse Fly", "working", "20", "lb", 12, None, None),
    ]
    every = [s for w in parsed.workouts for e in w.exercises for s in e.sets]
    assert {(s.rpe, s.rir, s.notes) for s in every} == {(None, None, "")}


def test_sample_body_weights() -> None:
    parsed = jefit.parse(SAMPLE)
    assert [(b.day, text(b.weight), b.unit, b.line) for b in parsed.body_weights] == [
        (date(2026, 3, 2), "181.6", "lb", 13),
        (date(2026, 3, 9), "181.0", "lb", 14),
    ]


@pytest.mark.parametrize(
    ("mass", "unit"), [(" lbs", "lb"), (" kgs", "kg"), (" kg", "kg"), ("", None), ("x", None)]
)
def test_unit_from_settings(mass: str, unit: str | None) -> None:
    text_ = backup(logs('1,"2026-03-02 18:00:00",1,"60x5",1,0,2026-03-02,93,Squat,0,1,0'), mass=mass)
    parsed = jefit.parse(text_)
    assert parsed.unit == unit
    assert sets(parsed, 0) == [(line_of(text_, '1,"2026'), "Squat", "working", "60", unit, 5, None, None)]


def test_without_setting_section_the_unit_is_asked() -> None:
    parsed = jefit.parse(logs('1,"2026-03-02 18:00:00",1,"60x5",1,0,2026-03-02,93,Squat,0,1,0'))
    assert parsed.unit is None
    assert parsed.workouts[0].exercises[0].sets[0].unit is None


def test_logs_group_by_session_else_by_date() -> None:
    parsed = jefit.parse(
        backup(
            logs(
                '1,"2026-03-02 18:10:00",1,"60x5",1,0,2026-03-02,93,Squat,0,,0',
                '1,"2026-03-02 18:00:00",1,"40x8",2,0,2026-03-02,94,Bench,0,0,0',
                '1,"2026-03-02 19:30:00",1,"100x3",3,0,2026-03-02,95,Deadlift,0,7,0',
                '1,,1,"20x10",4,0,2026-03-04,96,Curl,0,,0',
            )
        )
    )
    assert parsed.problems == []
    assert [(w.started_at, [e.name for e in w.exercises]) for w in parsed.workouts] == [
        (datetime(2026, 3, 2, 18, 0), ["Squat", "Bench"]),  # one date, no session: started at the earliest
        (datetime(2026, 3, 2, 19, 30), ["Deadlift"]),
        (datetime(2026, 3, 4), ["Curl"]),  # no TIMESTAMP: the date at midnight
    ]


def test_bad_log_rows_are_skipped_with_a_reason() -> None:
    text_ = backup(
        logs(
            '1,"2026-03-02 18:00:00",1,"60x5,60xfive",1,0,2026-03-02,93,Squat,0,1,0',
            '1,"2026-03-02 18:01:00",1,"",2,0,2026-03-02,94,Bench,0,1,0',
            '1,"2026-03-02 18:02:00",1,"60x5",3,0,2026-03-02,95,,0,1,0',
            '1,"yesterday",1,"60x5",4,0,2026-03-02,96,Row,0,1,0',
            '1,"2026-03-02 18:04:00",1,"0x12,10x10",5,0,2026-03-02,97,Dip,0,1,0',
        ),
        section(
            "EXERCISE SET LOGS",
            SET_LOGS_HEADER,
            "1,1,5,1,10.0000,ten,,,default",
            "2,1,5,0,0.0000,12,,,rest-pause",
            "3,1,5,2,,,,,default",
            "4,1,5,3,,,1.5,600,default",
        ),
    )
    parsed = jefit.parse(text_)
    squat = line_of(text_, '1,"2026-03-02 18:00:00"')
    sets_at = line_of(text_, "1,1,5,1")
    assert [(p.line, p.message) for p in parsed.problems] == [
        (sets_at, "reps 'ten' is not a number"),
        (sets_at + 1, "set type 'rest-pause' is read as a working set"),
        (sets_at + 2, "the set has no reps, no duration and no distance"),
        (squat, "the set '60xfive' in logs is not weight x reps (like 135x5)"),
        (squat + 1, "the exercise log has no sets"),
        (squat + 2, "the exercise name (ename) is empty"),
        (squat + 3, "date 'yesterday' is not a date we can read"),
    ]
    assert sets(parsed, 0) == [
        (sets_at + 1, "Dip", "working", "0", "lb", 12, None, None),  # weight 0 stays 0: bodyweight
        (sets_at + 3, "Dip", "working", None, None, None, 600, "2414.0160"),
    ]


def test_notes_match_exercise_and_date() -> None:
    text_ = backup(
        logs(
            '1,"2026-03-02 18:00:00",1,"60x5",1,0,2026-03-02,93,Squat,0,1,0',
            '1,"2026-03-09 18:00:00",1,"65x5",2,0,2026-03-09,93,Squat,0,2,0',
        ),
        section(
            "NOTES",
            "row_id,TIMESTAMP,USERID,_id,eid,belongSys,mynote,title,mydate",
            '1,"2026-03-09 18:05:00",1,1,93,1,"Deep, ""slow"" reps",Squat,2026-03-09',
            '2,"2026-03-09 18:06:00",1,2,93,1,"Knees fine",Squat,2026-03-09',
            '3,"2026-03-05 18:06:00",1,3,93,1,"Orphan",Squat,2026-03-05',
            '4,"2026-03-09 18:06:00",1,4,93,1,"",Squat,2026-03-09',
        ),
    )
    parsed = jefit.parse(text_)
    assert [w.exercises[0].notes for w in parsed.workouts] == ["", 'Deep, "slow" reps\nKnees fine']
    assert [(p.line, p.message) for p in parsed.problems] == [
        (line_of(text_, "3,"), "this note matches no exercise log (same exercise and date); not imported")
    ]


def test_profile_rows_without_weight_or_bad_are_handled() -> None:
    text_ = backup(
        section(
            "PROFILE",
            "row_id,USERID,TIMESTAMP,_id,mydate,weight",
            '1,1,"2026-03-02 07:00:00",1,2026-03-02,0',
            '2,1,"2026-03-03 07:00:00",2,2026-03-03,heavy',
            '3,1,"2026-03-04 07:00:00",3,2026-03-04,180.4',
        )
    )
    parsed = jefit.parse(text_)
    assert parsed.workouts == []
    assert [(b.day, text(b.weight), b.unit) for b in parsed.body_weights] == [
        (date(2026, 3, 4), "180.4", "lb")
    ]
    assert [(p.line, p.message) for p in parsed.problems] == [
        (line_of(text_, "2,1,"), "weight 'heavy' is not a number")
    ]


@pytest.mark.parametrize(
    ("text_", "message"),
    [
        ("", "no EXERCISE LOGS or PROFILE section"),
        (section("SETTING", SETTING_HEADER, '1,1,"x",M,1,,,," lbs"'), "no EXERCISE LOGS or PROFILE section"),
        (STRONG_HEADER + "\n", "no EXERCISE LOGS or PROFILE section"),
        (section("EXERCISE LOGS", "USERID,logs,mydate", "1,60x5,2026-03-02"), "no ename column"),
    ],
)
def test_not_a_backup_is_an_import_file_error(text_: str, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        jefit.parse(text_)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.*")), ids=lambda p: p.name)
def test_detect_on_every_fixture(path: Path) -> None:
    assert jefit.detect(decode(path.read_bytes())) == path.name.startswith("jefit")


@pytest.mark.parametrize(
    ("text_", "expected"),
    [
        (STRONG_HEADER + "\n", False),
        (HEVY_HEADER + "\n", False),
        ("Name,Date,Body weight,Shape,Sleep,Calories,Stress\n", False),
        ("notes: ### EXERCISE LOGS ####\n", False),
        ("### EXERCISE LOGS ####\n", True),
        ("\n### PROFILE ###\n", True),
    ],
)
def test_detect(text_: str, expected: bool) -> None:
    assert jefit.detect(text_) is expected


def check(text_: str) -> None:
    try:
        parsed = jefit.parse(text_)
    except ImportFileError:
        return
    assert isinstance(parsed, ParsedFile)
    assert all(e.sets for w in parsed.workouts for e in w.exercises)


@given(st.text())
def test_any_text_parses_or_is_an_import_file_error(text_: str) -> None:
    check(text_)


LINES = SAMPLE.splitlines()


@st.composite
def mangled_line(draw: st.DrawFn) -> str:
    """A sample line with a slice replaced by arbitrary text."""
    line = draw(st.sampled_from(LINES))
    start = draw(st.integers(0, len(line)))
    end = draw(st.integers(start, len(line)))
    return line[:start] + draw(st.text(max_size=12)) + line[end:]


@settings(deadline=None)
@given(st.lists(st.sampled_from(LINES) | mangled_line(), max_size=60))
def test_mangled_backups_parse_or_are_an_import_file_error(lines: list[str]) -> None:
    check("\n".join(lines))

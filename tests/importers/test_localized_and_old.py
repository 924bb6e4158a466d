"""Exports as people really have them: Strong in other languages, Strong's oldest layout, Strong
without its header, Strong Android with both units, Hevy with other languages' months and cardio,
FitNotes cardio and legacy files, and files in legacy encodings. Each sample file is read field by field."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from repbook.core.imported import ImportFileError, ParsedFile
from repbook.importers import strong
from repbook.importers.registry import read

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"


def parsed(name: str) -> ParsedFile:
    return read((FIXTURES / name).read_bytes())


def rows(file: ParsedFile) -> list[tuple[Any, ...]]:
    """Every set as (workout start, exercise, type, weight text, unit, reps, seconds, metres, notes)."""
    return [
        (
            w.started_at,
            e.name,
            s.set_type,
            None if s.weight is None else str(s.weight),
            s.unit,
            s.reps,
            s.duration_s,
            None if s.distance_m is None else str(s.distance_m.normalize()),
            s.notes,
        )
        for w in file.workouts
        for e in w.exercises
        for s in e.sets
    ]


def test_spanish_strong_reads_headers_durations_and_rest_rows() -> None:
    file = parsed("strong_ios_spanish.csv")
    assert (file.format, file.unit, file.problems) == ("strong", None, [])
    first, second = file.workouts
    assert (first.name, first.started_at, first.duration_s, first.notes) == (
        "Pierna por la mañana",
        datetime(2026, 4, 7, 7, 10),
        6360,
        "Primera semana",
    )
    squat = first.exercises[0]
    assert (squat.name, squat.notes, squat.rest_s) == ("Sentadilla (Barra)", "rodillas bien, sin dolor", 150)
    assert [(s.weight, s.reps, s.rpe) for s in squat.sets] == [
        (Decimal(100), 5, None), (Decimal("102.5"), 5, Decimal("8.5"))
    ]  # fmt: skip
    plank = first.exercises[1].sets[0]
    assert (plank.weight, plank.reps, plank.duration_s) == (Decimal(0), None, 60)
    assert second.duration_s == 540
    assert [(s.set_type, s.weight, s.reps) for s in second.exercises[0].sets] == [
        ("warmup", Decimal(40), 10), ("working", Decimal(70), 8)
    ]  # fmt: skip


def test_german_strong_reads_minutes_without_space_and_ruhezeit() -> None:
    file = parsed("strong_ios_german.csv")
    (workout,) = file.workouts
    assert (workout.name, workout.duration_s) == ("Oberkörper", 31 * 60)
    pull_up, row, treadmill = workout.exercises
    assert (pull_up.name, pull_up.rest_s) == ("Klimmzug", 90)
    assert [(s.weight, s.reps, s.notes) for s in pull_up.sets] == [
        (Decimal(0), 8, ""),
        (Decimal(5), 6, "mit Gürtel"),
    ]
    assert (row.sets[0].weight, row.sets[0].rpe) == (Decimal("32.5"), Decimal(9))
    assert (treadmill.sets[0].distance_m, treadmill.sets[0].duration_s, treadmill.sets[0].reps) == (
        Decimal("2500.0"), 900, None
    )  # fmt: skip


def test_chinese_strong_reads_hours_and_minutes_in_chinese() -> None:
    file = parsed("strong_ios_chinese.csv")
    (workout,) = file.workouts
    assert (workout.name, workout.duration_s) == ("推", 3600 + 13 * 60)
    bench, dip = workout.exercises
    assert (bench.name, bench.rest_s, [(s.weight, s.reps) for s in bench.sets]) == (
        "卧推（杠铃）", 120, [(Decimal(60), 8), (Decimal("62.5"), 6)]
    )  # fmt: skip
    assert (dip.name, dip.sets[0].reps) == ("双杠臂屈伸", 12)


def test_a_language_not_in_the_table_is_read_by_position() -> None:
    file = parsed("strong_ios_unknown_language.csv")
    (workout,) = file.workouts
    assert (workout.name, workout.duration_s) == ("Morgonpass", 42 * 60)
    (deadlift,) = workout.exercises
    # The unknown "Vilotimer" row has only seconds: a rest row, not a lost set.
    assert (deadlift.rest_s, [(s.weight, s.reps) for s in deadlift.sets]) == (
        180, [(Decimal(120), 5), (Decimal(125), 3)]
    )  # fmt: skip
    assert file.problems == []


def test_the_2016_layout_names_units_in_its_columns_and_counts_sets_from_zero() -> None:
    file = parsed("strong_2016_kg_km.csv")
    assert (file.format, file.unit, file.problems) == ("strong", "kg", [])
    t = datetime(2016, 11, 3, 18, 20)
    assert rows(file) == [
        (t, "Squat (Barbell)", "working", "60", "kg", 5, None, None, ""),
        (t, "Squat (Barbell)", "working", "62.5", "kg", 5, None, None, "first try at 62.5"),
        (t, "Running", "working", None, "kg", None, 1140, "3.2E+3", ""),
        (datetime(2016, 11, 5, 9), "Deadlift (Barbell)", "working", "100", "kg", 5, None, None, ""),
    ]


@pytest.mark.parametrize("name", ["strong_android_headerless.csv", "strong_android_headerless_13.csv"])
def test_android_rows_without_their_header_are_read_by_shape(name: str) -> None:
    file = parsed(name)
    t = datetime(2026, 2, 14, 10)
    assert rows(file) == [
        (t, "Squat (Barbell)", "working", "100", "kg", 5, None, None, ""),
        (t, "Squat (Barbell)", "working", "225", "lb", 3, None, None, ""),
        (t, "Plank", "working", None, None, None, 60, None, ""),
    ]
    assert file.workouts[0].exercises[0].sets[0].rpe == Decimal(8)


def test_rows_without_a_header_in_no_known_shape_are_refused_saying_what_to_add() -> None:
    text = "2026-02-14 10:00:00;Beine;Squat;1;100;kg;5;8;;;;;;;extra\n" * 2
    with pytest.raises(ImportFileError, match="not a Strong export"):
        strong.parse(text)
    # 13 columns where the set order holds a word Strong never writes: the header is named for the user.
    broken = "2026-02-14 10:00:00;Beine;Squat;1;heavy;kg;5;8;;;;;\n"
    with pytest.raises(ImportFileError, match=r"no header line.*'Date;Workout Name;Exercise Name;Set Order"):
        strong.parse(broken)


def test_android_file_with_both_units_keeps_each_rows_unit() -> None:
    file = parsed("strong_android_mixed_units.csv")
    t = datetime(2026, 3, 20, 18)
    assert rows(file) == [
        (t, "Bench Press (Barbell)", "working", "60", "kg", 8, None, None, ""),
        (t, "Bench Press (Barbell)", "working", "135", "lb", 8, None, None, ""),
        (t, "Pull Up", "working", None, None, 10, None, None, ""),
        (t, "Cycling", "working", None, None, None, 1800, "1.25E+4", ""),
        (t, "Running", "working", None, None, None, 1200, "3218.688", ""),
    ]
    assert file.workouts[0].duration_s == 3600


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        (
            "hevy_portuguese_months.csv",
            [datetime(2026, 5, 5, 18, 20), datetime(2026, 2, 7, 7, 5), datetime(2026, 9, 12, 7, 5),
             datetime(2026, 12, 3, 7, 5)],
        ),
        (
            "hevy_turkish_months.csv",
            [datetime(2026, 4, 11, 7, 30), datetime(2026, 2, 12, 7, 30), datetime(2026, 8, 3, 7, 30),
             datetime(2026, 10, 20, 7, 30)],
        ),
    ],
)  # fmt: skip
def test_hevy_months_in_other_languages(name: str, starts: list[datetime]) -> None:
    file = parsed(name)
    assert [w.started_at for w in file.workouts] == starts


def test_a_hevy_row_with_a_month_no_language_has_is_counted_with_its_reason() -> None:
    file = parsed("hevy_portuguese_months.csv")
    assert [(p.line, p.message) for p in file.problems] == [
        (8, "date '31 Xyz 2026, 07:05' has a month we cannot read ('Xyz')")
    ]
    assert file.workouts[0].duration_s == 75 * 60
    assert sum(w.set_count for w in file.workouts) == 6


def test_hevy_cardio_rows_keep_distance_and_time() -> None:
    file = parsed("hevy_cardio_km.csv")
    t = datetime(2025, 9, 15, 7, 48)
    assert rows(file) == [
        (t, "Running", "working", None, "kg", None, 1620, "5.2E+3", ""),
        (t, "Treadmill", "working", None, "kg", None, None, "3E+3", ""),
        (t, "Rowing Machine", "working", None, "kg", 0, 600, "2E+3", ""),
        (t, "Plank", "working", None, "kg", None, 90, None, ""),
        (t, "Farmers Walk", "working", "32", "kg", None, None, "4E+1", ""),
    ]
    miles = parsed("hevy_cardio_miles.csv")
    assert miles.unit == "lb"
    assert [(s[1], s[3], s[6], s[7]) for s in rows(miles)] == [
        ("Running", None, 1800, "4988.9664"),
        ("Sled Push", "180", None, "32.18688"),
    ]


def test_fitnotes_cardio_with_zero_distance_keeps_its_time() -> None:
    file = parsed("fitnotes_cardio.csv")
    t = datetime(2026, 3, 4)
    assert rows(file) == [
        (t, "Stationary Bike", "working", "0.0", "kg", 0, 1500, None, ""),
        (t, "Treadmill", "working", None, None, None, 1800, "4.5E+3", "easy pace"),
        (t, "Rowing Machine", "working", "0.0", "kg", 0, None, "2E+3", ""),
        (
            t,
            "Overhead Press (Each Side, Dumbbells)",
            "working",
            "20.0",
            "kg",
            10,
            None,
            None,
            "felt strong, again",
        ),
    ]


def test_legacy_fitnotes_with_a_comment_column() -> None:
    file = parsed("fitnotes_legacy_comment.csv")
    assert file.unit == "lb"
    t = datetime(2015, 6, 1)
    assert rows(file) == [
        (t, "Flat Barbell Bench Press", "working", "135.0", "lb", 8, None, None, ""),
        (t, "Flat Barbell Bench Press", "working", "155.0", "lb", 5, None, None, "last set hard"),
        (t, "Seated Dumbbell Curl (Each Side, Alternating)", "working", "30.0", "lb", 10, None, None, ""),
        (t, "Treadmill", "working", "0.0", "lb", 0, 1200, None, ""),
    ]


@pytest.mark.parametrize(
    ("name", "exercise"),
    [
        ("strong_cp1251.csv", "Жим лёжа"),
        ("strong_shift_jis.csv", "ベンチプレス"),
        ("fitnotes_cp1252.csv", "Développé couché"),
    ],
)
def test_files_in_legacy_encodings_are_read(name: str, exercise: str) -> None:
    file = parsed(name)
    assert file.workouts[0].exercises[0].name == exercise
    assert file.problems == []


def test_bytes_in_no_encoding_are_refused_by_name() -> None:
    noise = bytes(range(128, 256)) * 40 + b"\x81\x8d\x8f\x90\x9d" * 50
    with pytest.raises(ImportFileError, match=r"not UTF-8 text.*save it again as UTF-8"):
        read(noise)


def test_unquoted_commas_in_a_legacy_comment_stay_in_the_comment() -> None:
    file = parsed("fitnotes_legacy_comment_commas.csv")
    t = datetime(2015, 6, 2)
    assert rows(file) == [
        (t, "Deadlift", "working", "140.0", "kg", 5, None, None, "belt, chalk, straps"),
        (t, "Overhead Press (Each Side, Dumbbells)", "working", "20.0", "kg", 8, None, None, ""),
    ]


def test_a_header_with_one_name_not_in_the_table_is_read_by_position() -> None:
    text = (FIXTURES / "strong_ios_german.csv").read_text(encoding="utf-8").replace("Übungsname", "Übung")
    file = strong.parse(text)
    assert [e.name for e in file.workouts[0].exercises] == ["Klimmzug", "Rudern (Kurzhantel)", "Laufband"]
    assert file.problems == []

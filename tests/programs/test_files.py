"""The built-in program files: they parse, name catalog exercises, and are written canonically."""

from __future__ import annotations

from pathlib import Path

import pytest

from repbook.catalog.files import read_catalog
from repbook.core.program_text import parse_program, print_program
from repbook.programs.files import ProgramFileError, catalog_names, check_exercises, read_programs


def test_every_file_parses_and_names_catalog_exercises() -> None:
    files = read_programs()
    assert len(files) == 7
    check_exercises(files, catalog_names(read_catalog()))
    for file in files:
        assert print_program(file.program) == file.source, f"{file.slug}.txt is not in canonical form"
        assert parse_program(print_program(file.program)) == file.program


def test_the_back_workout_matches_the_article() -> None:
    back = next(f for f in read_programs() if f.slug == "back-workout").program
    lines = [
        (p.exercise, p.alternative, [(g.sets, g.reps_max) for g in p.groups])
        for p in back.days[0].prescriptions
    ]
    assert lines == [
        ("Deadlift", None, [(3, 5)]),
        ("Pull-Up", "Lat Pulldown", [(3, 8)]),
        ("Dumbbell Row", None, [(3, 10)]),
        ("Back Extension", None, [(3, 12)]),
        ("Reverse Dumbbell Fly", None, [(3, 15)]),
    ]


def test_531_has_a_deload_week_without_plus_sets() -> None:
    program = next(f for f in read_programs() if f.slug == "531").program
    assert program.weeks == 4
    week4 = [
        g
        for d in program.days
        if d.week == 4
        for p in d.prescriptions
        if p.rule.name == "531"
        for g in p.groups
    ]
    assert week4 and not any(g.amrap for g in week4)


def test_an_unknown_exercise_is_named(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Program: X\nDay: A\nTelekinesis: 3x5\n", encoding="utf-8")
    with pytest.raises(ProgramFileError, match="unknown exercise 'Telekinesis'"):
        check_exercises(read_programs(tmp_path), catalog_names(read_catalog()))

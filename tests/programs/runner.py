"""Play a program run written as a table (tests/programs/runs/*.txt) through the real services.

Each table line is one session: the day, then for each exercise the prescription Repbook must
show (working sets × reps @ load) and what the lifter then logs. Lines starting with # are
comments (each table names its source there). The format of one exercise cell:

    back-squat: 5x5 @ 42.5 => 5,5,5,5,3       logged at the prescribed load
    dumbbell-row: 2x8-10 @ - => 16: 10,10     no load prescribed: the lifter picks 16 kg
    back-extension: 3x10-12 @ bw => 12,12,12  body weight; "+5" is body weight + 5 kg
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from repbook.core.progression.sessions import reps_words
from repbook.core.units import plain
from repbook.services.program.program_plan import next_workout
from repbook.services.program.programs import start_next_workout
from repbook.services.workout.workout_entries import finish_workout
from repbook.services.workout.workouts import SetInput, log_set
from repbook.storage.models import User

RUNS = Path(__file__).parent / "runs"


@dataclass(frozen=True)
class Cell:
    exercise: str
    expected: str
    load: Decimal | None
    reps: tuple[int, ...]


@dataclass(frozen=True)
class Row:
    number: int
    day: str
    cells: tuple[Cell, ...]


def read_table(name: str) -> list[Row]:
    rows = []
    for text in (RUNS / name).read_text(encoding="utf-8").splitlines():
        if not text.strip() or text.startswith("#"):
            continue
        head, *cells = (part.strip() for part in text.split("|"))
        number, day = head.split(" ", 1)
        rows.append(Row(int(number), day.strip(), tuple(_cell(c) for c in cells)))
    return rows


def _cell(text: str) -> Cell:
    exercise, rest = (part.strip() for part in text.split(":", 1))
    expected, done = (part.strip() for part in rest.split("=>"))
    shown = expected.split("@")[1].strip()
    if ":" in done:
        picked, done = (part.strip() for part in done.split(":"))
        load: Decimal | None = _load(picked)
    else:
        load = _load(shown)
    return Cell(exercise, expected, load, tuple(int(r) for r in done.split(",")))


def _load(text: str) -> Decimal | None:
    if text == "-":
        return None
    if text == "bw":
        return Decimal(0)
    return Decimal(text.lstrip("+"))


def shown(user: User) -> tuple[str, dict[str, str]]:
    """The next workout's day and, per exercise, its working sets as a table cell writes them."""
    upcoming = next_workout(user)
    assert upcoming is not None
    out = {}
    for item in upcoming.exercises:
        working = [g for g in item.plan.groups if g.set_type == "working"]
        if not working:
            continue
        first = working[0]
        sets = sum(g.sets for g in working)
        amrap = any(g.amrap for g in working)
        reps = reps_words(first.reps_min, first.reps_max, first.seconds, amrap)
        out[item.exercise.slug] = (
            f"{sets}x{reps.replace('–', '-')} @ {_words(first.load_kg, item.bodyweight)}"
        )
    return upcoming.day.name, out


def _words(kg: Decimal | None, bodyweight: bool) -> str:
    if kg is None:
        return "-"
    if bodyweight:
        return f"+{plain(kg)}" if kg else "bw"
    return plain(kg)


def play(user: User, table: str) -> int:
    """Check every session's prescription against the table, then log it; the sessions played."""
    rows = read_table(table)
    for row in rows:
        day, plan = shown(user)
        expected = {c.exercise: c.expected for c in row.cells}
        assert (day, {k: plan.get(k) for k in expected}) == (row.day, expected), f"session {row.number}"
        workout = start_next_workout(user)
        for cell in row.cells:
            for reps in cell.reps:
                weight = cell.load or None  # body weight alone is logged without a weight
                log_set(user, SetInput(cell.exercise, weight, reps=reps, workout=workout.pk))
        finish_workout(user, workout.pk)
    return len(rows)

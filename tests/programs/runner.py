"""Play a program run written as a table (tests/programs/runs/*.txt) through the real services.

Each table line is one session: the day, then for each exercise the prescription Repbook must
show (working sets × reps @ load) and what the lifter then logs. Lines starting with # are
comments (each table names its source there). The format of one exercise cell:

    back-squat: 5x5 @ 42.5 => 5,5,5,5,3       logged at the prescribed load
    dumbbell-row: 2x8-10 @ - => 16: 10,10     no load prescribed: the lifter picks 16 kg
    back-extension: 3x10-12 @ bw => 12,12,12  body weight; "+5" is body weight + 5 kg
    bench-press: 1x5 @ 40, 1x5 @ 45, 1x5+ @ 52.5 => 5,5,8   groups with their own loads (5/3/1)
    back-squat: 5x5 @ 60 => w5,w3,5,5,5,5,5   "w5": a warm-up set of 5 at 20 kg, logged first

Warm-ups are logged as warm-ups: the table's later prescriptions show they never count as, or
take the place of, a working set.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from repbook.core.progression import PlannedGroup
from repbook.core.progression.sessions import reps_words
from repbook.core.units import plain
from repbook.services.program.program_plan import next_workout
from repbook.services.program.programs import start_next_workout
from repbook.services.workout.workout_entries import finish_workout
from repbook.services.workout.workouts import SetInput, log_set
from repbook.storage.models import User

RUNS = Path(__file__).parent / "runs"
WARMUP_KG = Decimal(20)


@dataclass(frozen=True)
class Cell:
    exercise: str
    expected: str
    loads: tuple[Decimal | None, ...]  # one per logged working set
    reps: tuple[int, ...]
    warmups: tuple[int, ...] = ()  # reps of the warm-up sets logged before them


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
    shown: list[Decimal | None] = []
    for group in expected.split(","):
        count, load = group.split("@")
        shown += [_load(load.strip())] * int(count.split("x")[0])
    if ":" in done:
        picked, done = (part.strip() for part in done.split(":"))
        shown = [_load(picked)] * len([t for t in done.split(",") if not t.strip().startswith("w")])
    tokens = [token.strip() for token in done.split(",")]
    warmups = tuple(int(t[1:]) for t in tokens if t.startswith("w"))
    reps = tuple(int(t) for t in tokens if not t.startswith("w"))
    loads = tuple(shown[min(i, len(shown) - 1)] for i in range(len(reps)))
    return Cell(exercise, expected, loads, reps, warmups)


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
        if len({g.load_kg for g in working}) > 1:
            out[item.exercise.slug] = ", ".join(_group(g, item.bodyweight) for g in working)
            continue
        first = working[0]
        sets = sum(g.sets for g in working)
        amrap = any(g.amrap for g in working)
        reps = reps_words(first.reps_min, first.reps_max, first.seconds, amrap).replace("–", "-")
        out[item.exercise.slug] = f"{sets}x{reps} @ {_words(first.load_kg, item.bodyweight)}"
    return upcoming.day.name, out


def _group(group: PlannedGroup, bodyweight: bool) -> str:
    reps = reps_words(group.reps_min, group.reps_max, group.seconds, group.amrap).replace("–", "-")
    return f"{group.sets}x{reps} @ {_words(group.load_kg, bodyweight)}"


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
        got = (day, {k: plan.get(k) for k in expected})
        assert got == (row.day, expected), f"session {row.number}: Repbook shows {got}"
        workout = start_next_workout(user)
        for cell in row.cells:
            for reps in cell.warmups:
                warmup = SetInput(cell.exercise, WARMUP_KG, reps=reps, set_type="warmup", workout=workout.pk)
                log_set(user, warmup)
            for load, reps in zip(cell.loads, cell.reps, strict=True):
                weight = load or None  # body weight alone is logged without a weight
                log_set(user, SetInput(cell.exercise, weight, reps=reps, workout=workout.pk))
        finish_workout(user, workout.pk)
    return len(rows)

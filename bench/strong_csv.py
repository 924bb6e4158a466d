"""Write a Strong app export (iOS, comma-separated, kilograms) of N rows, for import timing.

    python bench/strong_csv.py --rows 100000 --seed 1 -o /tmp/strong-100k.csv

The layout is Strong's most common one (FORMATS.md, layout A; as in the fixture
strong_ios_comma_kg.csv): the header below, dates `YYYY-MM-DD HH:MM:SS`, workout and exercise
names always quoted, weights and reps as floats (`60.0`, `5.0`, bodyweight `0`), `Set Order`
W / 1, 2, ... / D / F, an occasional `Rest Timer` row, the exercise note only on an exercise's
first row and the workout note only on a workout's first row (`""` when empty). The sets come
from the same simulation as bench/generate.py, so they progress like a real lifter's. Rows are in
date order and the file stops after exactly N rows, possibly inside a workout.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TextIO

if __package__ in (None, ""):
    # Run as `python bench/strong_csv.py`: the repository root must be importable for `bench.*`.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.history import simulate
from bench.records import History, SimSet, SimWorkout

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
)
#: A fixed default, so the same arguments write the same file on any day.
DEFAULT_END = date(2026, 11, 1)
#: Rows one simulated lifter logs in a year, at least; a first guess at how much to simulate.
ROWS_PER_YEAR = 5000
#: The longest history one lifter gets in a file.
MAX_YEARS = 10
#: Strong's own names for the exercises the simulation trains.
STRONG_NAMES = {
    "back-squat": "Squat (Barbell)",
    "front-squat": "Front Squat (Barbell)",
    "deadlift": "Deadlift (Barbell)",
    "romanian-deadlift": "Romanian Deadlift (Barbell)",
    "hip-thrust": "Hip Thrust (Barbell)",
    "bench-press": "Bench Press (Barbell)",
    "overhead-press": "Overhead Press (Barbell)",
    "barbell-row": "Bent Over Row (Barbell)",
    "barbell-curl": "Bicep Curl (Barbell)",
    "skull-crusher": "Skullcrusher (Barbell)",
    "dumbbell-row": "Bent Over One Arm Row (Dumbbell)",
    "dumbbell-bench-press": "Bench Press (Dumbbell)",
    "incline-dumbbell-bench-press": "Incline Bench Press (Dumbbell)",
    "seated-dumbbell-shoulder-press": "Seated Overhead Press (Dumbbell)",
    "dumbbell-curl": "Bicep Curl (Dumbbell)",
    "hammer-curl": "Hammer Curl (Dumbbell)",
    "dumbbell-lateral-raise": "Lateral Raise (Dumbbell)",
    "reverse-dumbbell-fly": "Reverse Fly (Dumbbell)",
    "leg-press": "Leg Press",
    "lying-leg-curl": "Lying Leg Curl (Machine)",
    "seated-leg-curl": "Seated Leg Curl (Machine)",
    "leg-extension": "Leg Extension (Machine)",
    "standing-calf-raise": "Standing Calf Raise (Machine)",
    "lat-pulldown": "Lat Pulldown (Cable)",
    "seated-cable-row": "Seated Row (Cable)",
    "triceps-pushdown": "Triceps Pushdown (Cable - Straight Bar)",
    "face-pull": "Face Pull (Cable)",
    "cable-crunch": "Cable Crunch",
    "pull-up": "Pull Up",
    "chin-up": "Chin Up",
    "dip": "Triceps Dip",
    "back-extension": "Back Extension",
    "bulgarian-split-squat": "Bulgarian Split Squat",
    "hanging-leg-raise": "Hanging Leg Raise",
    "plank": "Plank",
}
SET_ORDER = {"warmup": "W", "drop": "D", "failure": "F"}
EXERCISE_NOTES = ('Belt on, "hook grip" felt better', "Seat 4, handles wide", "Slow negatives")


def quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def duration(started: datetime, finished: datetime) -> str:
    """Strong's duration text: `1h 10m`, `52m`."""
    minutes = int((finished - started).total_seconds() // 60)
    return f"{minutes // 60}h {minutes % 60}m" if minutes >= 60 else f"{minutes}m"


def number(value: Decimal | int | None) -> str:
    """A float as Strong writes it (`60.0`); nothing is `0`, as for a bodyweight set."""
    return repr(float(value)) if value is not None else "0"


def workout_name(workout: SimWorkout) -> str:
    if workout.name:
        return workout.name
    hour = workout.started_at.hour
    return "Morning Workout" if hour < 12 else "Afternoon Workout" if hour < 17 else "Evening Workout"


def workout_rows(workout: SimWorkout, rng: random.Random) -> Iterator[str]:
    """The rows of one workout, in the order they were done."""
    head = f"{workout.started_at:%Y-%m-%d %H:%M:%S},{quoted(workout_name(workout))}"
    head += f",{duration(workout.started_at, workout.finished_at)}"
    first_row = True
    for entry in workout.entries:
        name = STRONG_NAMES[entry.slug]
        if any(s.weight is not None and s.weight < 0 for s in entry.sets):
            name += " (Assisted)"  # Strong logs assistance as a positive weight on its own exercise
        note = quoted(entry.notes or (rng.choice(EXERCISE_NOTES) if rng.random() < 0.02 else ""))
        counted = 0
        for i, one in enumerate(entry.sets):
            if one.set_type in SET_ORDER:
                order = SET_ORDER[one.set_type]
            else:
                counted += 1
                order = str(counted)
            yield ",".join(
                (
                    head,
                    quoted(name),
                    order,
                    _weight(one, rng),
                    number(one.reps) if one.reps is not None else "0.0",
                    "0",
                    number(one.duration_s) if one.duration_s is not None else "0.0",
                    note if i == 0 else "",
                    quoted(workout.notes) if first_row else "",
                    f"{float(one.rpe):g}" if one.rpe is not None else "",
                )
            )
            first_row = False
            if one.set_type != "warmup" and rng.random() < 0.03:
                yield f"{head},{quoted(name)},Rest Timer,0,0.0,0,{float(entry.rest_s or 120)!r},,,"


def _weight(one: SimSet, rng: random.Random) -> str:
    if one.weight is None:
        return "0"
    weight = abs(one.weight)
    # Strong stores kilograms as binary floats: now and then an export shows 74.99999999999999.
    if rng.random() < 0.002 and weight > 1:
        return repr(float(weight) - 1e-14)
    return number(weight)


def strong_rows(rows: int, seed: int, end: date = DEFAULT_END) -> list[str]:
    """`rows` data rows (no header): the first rows, by date, of kilogram lifters' histories before `end`.

    One lifter logs about 5,000 rows a year; past ten years' worth, more lifters share the
    account (a family or a coach), so dates stay plausible however many rows are asked for.
    """
    lifters = max(1, math.ceil(rows / (ROWS_PER_YEAR * MAX_YEARS)))
    while True:
        years = min(MAX_YEARS, rows / (ROWS_PER_YEAR * lifters) + 0.5)
        rng = random.Random(seed)
        out: list[str] = []
        for workout in _workouts(lifters, seed, years, end):
            out.extend(workout_rows(workout, rng))
            if len(out) >= rows:
                return out[:rows]
        lifters += 1


def _workouts(lifters: int, seed: int, years: float, end: date) -> list[SimWorkout]:
    """The workouts of the first `lifters` simulated users who log in kilograms, by start time."""
    histories: list[History] = []
    index = 0
    while len(histories) < lifters:
        index += 1
        history = simulate(index, seed, years, end)
        if history.profile.unit == "kg":
            histories.append(history)
    return sorted((w for h in histories for w in h.workouts), key=lambda w: w.started_at)


def write_csv(rows: int, seed: int, out: TextIO, end: date = DEFAULT_END) -> None:
    out.write(HEADER + "\n")
    for line in strong_rows(rows, seed, end):
        out.write(line + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a Strong (iOS) export CSV of N rows.")
    parser.add_argument("--rows", type=int, default=100_000, help="data rows, header not counted")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--end", type=date.fromisoformat, default=DEFAULT_END, help="YYYY-MM-DD")
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    if args.rows < 1:
        parser.error("--rows must be at least 1")
    if args.output is None:
        write_csv(args.rows, args.seed, sys.stdout, args.end)
        return 0
    with args.output.open("w", encoding="utf-8", newline="") as out:
        write_csv(args.rows, args.seed, out, args.end)
    print(f"wrote {args.rows} rows to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

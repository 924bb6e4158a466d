"""Hevy's `workout_data.csv`: one quoted row per set; a workout is its rows sharing title and start time.

The weight column's name gives the unit of the whole file (`weight_kg` or `weight_lbs`), the
distance column's name its unit (`distance_km` or `distance_miles`, read into metres). Cardio
rows have a distance or a time and no reps. `start_time` is written in the app's language
(`5 Mai 2026, 18:20`, `11 Nis 2026`): common.timestamp reads the month names of every language
Hevy ships; a row whose date still cannot be read is skipped with its reason, never silently.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from typing import Final

from repbook.core.imported import ImportedSet, ImportedWorkout, ImportFileError, ParsedFile
from repbook.core.search import fold
from repbook.importers.common import (
    KM_M,
    MILE_M,
    RowError,
    cached_decimal,
    columns,
    count,
    csv_records,
    decimal,
    first_line,
    timed_seconds,
    timestamp,
)

NAME: Final = "hevy"

#: Our key -> Hevy's column name (compared folded, so "start_time" ~ "Start Time").
ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "title": ("title",),
    "start": ("start_time",),
    "end": ("end_time",),
    "description": ("description",),
    "exercise": ("exercise_title",),
    "superset": ("superset_id",),
    "exercise_notes": ("exercise_notes",),
    "set_type": ("set_type",),
    "weight_kg": ("weight_kg",),
    "weight_lb": ("weight_lbs", "weight_lb"),
    "reps": ("reps",),
    "distance_km": ("distance_km",),
    "distance_mi": ("distance_miles", "distance_mi"),
    "duration": ("duration_seconds",),
    "rpe": ("rpe",),
}
#: Columns without which the file cannot be read, by the name Hevy gives them.
REQUIRED: Final = {
    "title": "title",
    "start": "start_time",
    "exercise": "exercise_title",
    "set_type": "set_type",
}
#: Every Hevy header has these (folded); `detect` looks for them.
SIGNATURE: Final = frozenset({"title", "start time", "exercise title", "set type"})
#: Hevy's set types -> ours (core.sets.SET_TYPES); an empty cell is a normal set.
SET_TYPES: Final = {
    "normal": "working",
    "": "working",
    "warmup": "warmup",
    "failure": "failure",
    "dropset": "drop",
}


def detect(text: str) -> bool:
    """True when the header (the first non-blank line) names Hevy's columns."""
    try:
        header = next(csv.reader([first_line(text)]), [])
    except csv.Error:
        return False
    return SIGNATURE.issubset(fold(name) for name in header)


def parse(text: str) -> ParsedFile:
    """The workouts of a Hevy export; a row that cannot be read is skipped with its reason."""
    records = csv_records(text)
    header = _header(records)
    cols = columns(header, ALIASES)
    missing = [name for key, name in REQUIRED.items() if key not in cols]
    if "weight_kg" not in cols and "weight_lb" not in cols:
        missing.append("weight_kg or weight_lbs")
    if missing:
        raise ImportFileError(f"this is not a Hevy export: the header has no {', '.join(missing)} column")
    width = len(header)  # rows are padded with an empty cell here: where absent columns point
    unit = "kg" if "weight_kg" in cols else "lb"
    at = {key: cols.get(key, width) for key in ALIASES}
    at["weight"] = at["weight_kg" if unit == "kg" else "weight_lb"]
    at["distance"], scale = (
        (at["distance_km"], KM_M) if "distance_km" in cols else (at["distance_mi"], MILE_M)
    )
    reader = _Reader(at, scale, ParsedFile(format=NAME, unit=unit))
    for line, row in records:
        if not "".join(row).strip():
            continue
        try:
            reader.add(line, _cells(row, width))
        except RowError as error:
            reader.parsed.skip(line, str(error))
    return reader.parsed


def _header(records: Iterator[tuple[int, list[str]]]) -> list[str]:
    for _line, row in records:
        if "".join(row).strip():
            return row
    raise ImportFileError("the file is empty: there is no header line")


def _cells(row: list[str], width: int) -> list[str]:
    """The row's values stripped, padded with empty cells to one past the header's width."""
    cells = list(map(str.strip, row))
    if len(cells) <= width:
        cells.extend([""] * (width + 1 - len(cells)))
    return cells


@dataclass(slots=True)
class _Reader:
    """The state of one parse: column positions, the file, and its workouts by (title, start)."""

    at: dict[str, int]
    distance_scale: Decimal
    parsed: ParsedFile
    workouts: dict[tuple[str, datetime], ImportedWorkout] = field(default_factory=dict)

    def add(self, line: int, cells: list[str]) -> None:
        """Read one set row into its workout and exercise entry (nothing is added if it raises)."""
        at = self.at
        name = cells[at["exercise"]]
        if not name:
            raise RowError("the exercise name (exercise_title) is empty")
        kind = cells[at["set_type"]]
        set_type = SET_TYPES.get(kind.lower())
        if set_type is None:
            raise RowError(f"set type {kind!r} is not one Hevy writes (normal, warmup, failure, dropset)")
        new_set = self.read_set(line, cells, set_type)
        workout = self.workout(line, cells)
        entry = workout.exercise(name, line, cells[at["superset"]])
        if not entry.notes:
            entry.notes = cells[at["exercise_notes"]]
        entry.sets.append(new_set)

    def read_set(self, line: int, cells: list[str], set_type: str) -> ImportedSet:
        at = self.at
        reps = count(cells[at["reps"]], "reps")
        seconds = timed_seconds(cells[at["duration"]], "duration_seconds")
        distance = _distance(cells[at["distance"]], self.distance_scale)
        if reps is None and seconds is None and distance is None:
            raise RowError("the set has no reps, no duration and no distance")
        return ImportedSet(
            line=line,
            set_type=set_type,
            weight=cached_decimal(cells[at["weight"]], "weight"),
            unit=self.parsed.unit,
            reps=reps,
            rpe=cached_decimal(cells[at["rpe"]], "RPE"),
            duration_s=seconds,
            distance_m=distance,
        )

    def workout(self, line: int, cells: list[str]) -> ImportedWorkout:
        """The workout of this row's title and start time, created at its first row."""
        title, description = cells[self.at["title"]], cells[self.at["description"]]
        started_at = _time(cells[self.at["start"]])
        workout = self.workouts.get((title, started_at))
        if workout is None:
            length = self.length(line, started_at, cells[self.at["end"]])
            workout = ImportedWorkout(started_at, line, name=title, duration_s=length, notes=description)
            self.workouts[title, started_at] = workout
            self.parsed.workouts.append(workout)
        elif not workout.notes:
            workout.notes = description
        return workout

    def length(self, line: int, started_at: datetime, end: str) -> int | None:
        """Seconds from start to end; None without an end or one before the start.

        An unreadable end time costs only the duration: the row is kept and the problem noted."""
        if not end:
            return None
        try:
            ended_at = _time(end)
        except RowError as error:
            self.parsed.skip(line, f"end_time: {error}; the workout is imported without its duration")
            return None
        return int((ended_at - started_at).total_seconds()) if ended_at >= started_at else None


_time = lru_cache(maxsize=4096)(timestamp)


@lru_cache(maxsize=4096)
def _distance(text: str, scale: Decimal) -> Decimal | None:
    """Metres from distance_km or distance_miles; 0 or empty is no distance."""
    value = decimal(text, "distance")
    if value is not None and value < 0:
        raise RowError(f"distance {text!r} is negative")
    return value * scale if value else None

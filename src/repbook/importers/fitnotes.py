"""FitNotes' CSV export (Android): one row per set, one workout per date, exercise names unquoted.

Legacy files name the unit in the weight column (`Weight (kgs)`, `Weight (lbs)`); current ones have a
`Weight Unit` column (`kgs`/`lbs`) and a `Comment`. A name holding a comma spreads over two cells;
the row is rebuilt from the header's column count.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
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
    cell,
    columns,
    count,
    csv_records,
    day,
    decimal,
    first_line,
    timed_seconds,
)

NAME: Final = "fitnotes"

ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "date": ("Date",),
    "exercise": ("Exercise",),
    "category": ("Category",),
    "weight": ("Weight", "Weight (kgs)", "Weight (lbs)", "Weight (kg)", "Weight (lb)"),
    "weight_unit": ("Weight Unit",),
    "reps": ("Reps",),
    "distance": ("Distance",),
    "distance_unit": ("Distance Unit",),
    "time": ("Time",),
    "comment": ("Comment",),
}
#: Columns without which the file cannot be read, as FitNotes names them.
REQUIRED: Final = {"date": "Date", "exercise": "Exercise", "category": "Category", "reps": "Reps"}
#: The unit a legacy header gives every weight (folded column name -> unit).
HEADER_UNITS: Final = {"weight kgs": "kg", "weight kg": "kg", "weight lbs": "lb", "weight lb": "lb"}
#: A current file's `Weight Unit` per row.
WEIGHT_UNITS: Final = {"kgs": "kg", "kg": "kg", "lbs": "lb", "lb": "lb"}
#: Metres per `Distance Unit`.
DISTANCE_UNITS: Final = {
    "m": Decimal(1),
    "km": KM_M,
    "mi": MILE_M,
    "miles": MILE_M,
    "ft": Decimal("0.3048"),
    "yd": Decimal("0.9144"),
}


def detect(text: str) -> bool:
    """True when the header (the first non-blank line) names FitNotes' columns."""
    try:
        header = next(csv.reader([first_line(text)]), [])
    except csv.Error:
        return False
    cols = columns(header, ALIASES)
    return all(key in cols for key in REQUIRED) and "weight" in cols


def parse(text: str) -> ParsedFile:
    """The workouts of a FitNotes export; a row that cannot be read is skipped with its reason."""
    records = csv_records(text)
    header = _header(records)
    cols = columns(header, ALIASES)
    missing = [name for key, name in REQUIRED.items() if key not in cols]
    if "weight" not in cols:
        missing.append("Weight")
    if missing:
        raise ImportFileError(f"this is not a FitNotes export: the header has no {', '.join(missing)} column")
    width = len(header)  # rows are padded with an empty cell here: where absent columns point
    at = {key: cols.get(key, width) for key in ALIASES}
    reader = _Reader(at, ParsedFile(format=NAME, unit=HEADER_UNITS.get(fold(header[at["weight"]]))))
    for line, row in records:
        if not "".join(row).strip():
            continue
        try:
            reader.add(line, _cells(row, width, at))
        except RowError as error:
            reader.parsed.skip(line, str(error))
    return reader.parsed


def _header(records: Iterator[tuple[int, list[str]]]) -> list[str]:
    for _line, row in records:
        if "".join(row).strip():
            return row
    raise ImportFileError("the file is empty: there is no header line")


def _cells(row: list[str], width: int, at: dict[str, int]) -> list[str]:
    """The row's values stripped, padded with empty cells to one past the header's width.

    A row longer than the header holds an unquoted exercise name with commas: its pieces are
    joined back into one cell, so "Overhead Press (Each Side, Dumbbells)" stays whole. When that
    leaves no number where the reps go, the commas were in a last `Comment` column instead."""
    surplus = len(row) - width
    if surplus > 0:
        name_at = at["exercise"]
        end = name_at + surplus + 1
        joined = [*row[:name_at], ",".join(row[name_at:end]), *row[end:]]
        comment_at = at["comment"]
        if comment_at == width - 1:
            in_comment = [*row[:comment_at], ",".join(row[comment_at:])]
            if _fit(in_comment, at) > _fit(joined, at):
                joined = in_comment
        row = joined
    cells = list(map(str.strip, row))
    if len(cells) <= width:
        cells.extend([""] * (width + 1 - len(cells)))
    return cells


_NUMBER_OR_EMPTY = re.compile(r"(?:\d+(?:[.,]\d+)?|\d+(?::\d+)+)?")


def _fit(row: list[str], at: dict[str, int]) -> int:
    """How many of a rebuilt row's number columns hold numbers, and whether its category is a word."""
    numbers = ("weight", "reps", "distance", "time")
    fits = sum(bool(_NUMBER_OR_EMPTY.fullmatch(cell(row, at[key]))) for key in numbers)
    return fits + (not _NUMBER_OR_EMPTY.fullmatch(cell(row, at["category"])))


@dataclass(slots=True)
class _Reader:
    """The state of one parse: column positions, the file, and its workouts by day."""

    at: dict[str, int]
    parsed: ParsedFile
    workouts: dict[date, ImportedWorkout] = field(default_factory=dict)

    def add(self, line: int, cells: list[str]) -> None:
        """Read one set row into its day's workout (nothing is added if it raises)."""
        name = cells[self.at["exercise"]]
        if not name:
            raise RowError("the exercise name is empty")
        new_set = self.read_set(line, cells)
        workout = self.workout(line, _day(cells[self.at["date"]]))
        entry = workout.exercise(name, line)
        if not entry.category:
            entry.category = cells[self.at["category"]]
        entry.sets.append(new_set)

    def read_set(self, line: int, cells: list[str]) -> ImportedSet:
        at = self.at
        reps = count(cells[at["reps"]], "reps")
        seconds = timed_seconds(cells[at["time"]], "time")
        distance = _distance(cells[at["distance"]], cells[at["distance_unit"]])
        if reps is None and seconds is None and distance is None:
            raise RowError("the set has no reps, no time and no distance")
        return ImportedSet(
            line=line,
            weight=cached_decimal(cells[at["weight"]], "weight"),
            unit=self.unit(cells[at["weight_unit"]]),
            reps=reps,
            duration_s=seconds,
            distance_m=distance,
            notes=cells[at["comment"]],
        )

    def unit(self, text: str) -> str | None:
        """The row's `Weight Unit` ("kgs" -> "kg"), else the header's unit (None in a current file)."""
        if not text:
            return self.parsed.unit
        unit = WEIGHT_UNITS.get(text.lower())
        if unit is None:
            raise RowError(f"weight unit {text!r} is neither kgs nor lbs")
        return unit

    def workout(self, line: int, on: date) -> ImportedWorkout:
        """The workout of this day, created at its first row (FitNotes has no names or times)."""
        workout = self.workouts.get(on)
        if workout is None:
            workout = self.workouts[on] = ImportedWorkout(datetime(on.year, on.month, on.day), line)
            self.parsed.workouts.append(workout)
        return workout


_day = lru_cache(maxsize=4096)(day)


@lru_cache(maxsize=4096)
def _distance(text: str, unit: str) -> Decimal | None:
    """Metres from a distance and its unit (km, mi, m); 0 or empty is no distance."""
    value = decimal(text, "distance")
    if not value:
        return None
    if value < 0:
        raise RowError(f"distance {text!r} is negative")
    scale = DISTANCE_UNITS.get(unit.lower())
    if scale is None:
        raise RowError(f"distance {text!r} has no unit" if not unit else f"distance unit {unit!r} is unknown")
    return value * scale

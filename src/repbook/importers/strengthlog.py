"""StrengthLog's export: a sectioned file, or (unverified, read because it is cheap) a flat table.

Sectioned: a user block, `Workouts`, then the column header `Name,Date,Body weight,Shape,Sleep,Calories,
Stress`; each workout is a line `<name>,<date>,<body weight>,...` followed by one line per set,
`"Exercise, <name>",Set,<n>,<key>,<value>,...`. Workouts come newest first and are returned oldest
first; weights are kilograms; `-1` is an unrated value. The file is read line by line, not as one CSV
stream, so a stray line with an odd quote cannot swallow the lines after it.

Flat: `workout,start,end,exercise,weight,bodyweight,extraWeight,distanceM,reps,time,warmup,max,fail`,
one row per set, start and end in epoch milliseconds.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Final

from repbook.core.imported import (
    ImportedBodyWeight,
    ImportedSet,
    ImportedWorkout,
    ImportFileError,
    ParsedFile,
)
from repbook.core.search import fold
from repbook.importers.common import RowError, cell, columns, csv_records, day, decimal, duration, whole

NAME: Final = "strengthlog"
UNIT: Final = "kg"
#: The folded start of the sectioned layout's workout header row.
HEADER: Final = "name date body weight"
SET_PREFIX: Final = "Exercise, "
NOT_RATED: Final = ("", "-1")
#: Set keys we read (folded); others are noted once and ignored.
KEYS: Final = frozenset({"reps", "weight", "bodyweight", "extraweight", "time", "distancemeter", "rpe"})
FLAT_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "workout": ("workout",),
    "start": ("start",),
    "end": ("end",),
    "exercise": ("exercise",),
    "weight": ("weight",),
    "bodyweight": ("bodyweight",),
    "extra": ("extraWeight",),
    "distance": ("distanceM", "distanceMeter"),
    "reps": ("reps",),
    "time": ("time",),
    "warmup": ("warmup",),
    "fail": ("fail",),
}
FLAT_SIGNATURE: Final = frozenset({"workout", "start", "end", "exercise", "extraweight"})
_DATE_SHAPED: Final = re.compile(r"\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b.*")
_EPOCH: Final = datetime(1970, 1, 1)


def detect(text: str) -> bool:
    """True for the flat header, or a sectioned file whose workout header is among its first lines."""
    lines = [line for line in text.split("\n", 200)[:200] if line.strip()]
    if lines and _is_flat(lines[0]):
        return True
    return any(fold(line).startswith(HEADER) for line in lines[:50])


def parse(text: str) -> ParsedFile:
    """Workouts (oldest first) and the body weight logged with each; unreadable lines are skipped."""
    lines = text.split("\n")
    first = next((line for line in lines if line.strip()), "")
    if _is_flat(first):
        return _parse_flat(text)
    reader = _Sectioned(ParsedFile(format=NAME, unit=UNIT))
    for number, raw in enumerate(lines, start=1):
        reader.feed(number, raw.rstrip("\r"))
    if not reader.labels:
        raise ImportFileError("this is not a StrengthLog export: there is no 'Name,Date,Body weight' header")
    return _finish(reader.parsed, list(reversed(reader.workouts)))


def _cells(line: str) -> list[str]:
    try:
        return next(csv.reader([line]), [])
    except csv.Error as error:
        raise RowError(f"the line is not CSV ({error})") from error


def _is_flat(line: str) -> bool:
    try:
        return {fold(name) for name in _cells(line)} >= FLAT_SIGNATURE
    except RowError:
        return False


def _finish(parsed: ParsedFile, workouts: list[ImportedWorkout]) -> ParsedFile:
    """Keep the workouts that have sets, oldest first (a stable sort keeps a day's order)."""
    for workout in workouts:
        if workout.exercises:
            parsed.workouts.append(workout)
        else:
            parsed.skip(workout.line, f"workout {workout.name!r} has no readable sets; not imported")
    parsed.workouts.sort(key=lambda w: w.started_at)
    parsed.body_weights.sort(key=lambda b: b.day)
    return parsed


def _number(text: str, what: str) -> Decimal | None:
    """A number, or None when empty or `-1` (not rated)."""
    return None if text.strip() in NOT_RATED else decimal(text, what)


def _set(line: int, values: dict[str, str], set_type: str = "working") -> ImportedSet:
    """A set from its values by folded key; on bodyweight exercises the weight is the added load."""
    reps = whole(values.get("reps", ""), "reps")
    seconds = duration(values.get("time", ""), "time") or None  # 00:00:00: not timed
    distance = decimal(values.get("distancemeter", ""), "distance") or None
    if reps is None and seconds is None and distance is None:
        raise RowError("the set has no reps, no time and no distance")
    weight = decimal(values.get("weight", ""), "weight")
    if weight is None:
        weight = decimal(values.get("extraweight", ""), "extraWeight")
    if weight is None and values.get("bodyweight"):
        weight = Decimal(0)  # body weight alone: nothing added
    return ImportedSet(
        line=line,
        set_type=set_type,
        weight=weight,
        unit=UNIT,
        reps=reps,
        rpe=_number(values.get("rpe", ""), "RPE"),
        duration_s=seconds,
        distance_m=distance,
    )


@dataclass(slots=True)
class _Sectioned:
    """The state of reading a sectioned file line by line."""

    parsed: ParsedFile
    workouts: list[ImportedWorkout] = field(default_factory=list)
    current: ImportedWorkout | None = None
    labels: list[str] = field(default_factory=list)  # the workout header row, once seen
    unknown: set[str] = field(default_factory=set)

    def feed(self, line: int, raw: str) -> None:
        if not raw.strip():
            return
        try:
            row = _cells(raw)
            if fold(raw).startswith(HEADER):
                self.labels = [label.strip() for label in row]
            elif not self.labels:
                return  # the user block and the `Workouts` title
            elif row[0].strip().startswith(SET_PREFIX):
                self.add_set(line, row)
            elif len(row) > 1 and _DATE_SHAPED.fullmatch(row[1]):
                self.current = None  # a workout line with a bad date: its sets are skipped too
                self.start_workout(line, row)
            else:
                self.parsed.skip(line, "not a workout or set line; skipped")
        except RowError as error:
            self.parsed.skip(line, str(error))

    def start_workout(self, line: int, row: list[str]) -> None:
        when = day(row[1])
        rated = [
            f"{label}: {value}"
            for label, value in zip(self.labels[3:], (v.strip() for v in row[3:]), strict=False)
            if value not in NOT_RATED
        ]
        self.current = ImportedWorkout(
            started_at=datetime.combine(when, time()), line=line, name=row[0].strip(), notes=", ".join(rated)
        )
        self.workouts.append(self.current)
        try:
            weight = _number(cell(row, 2), "body weight")
        except RowError as error:
            self.parsed.skip(line, f"{error}; the workout is read without its body weight")
            return
        if weight is not None and weight > 0:
            self.parsed.body_weights.append(ImportedBodyWeight(when, weight, line, unit=UNIT))

    def add_set(self, line: int, row: list[str]) -> None:
        name = row[0].strip()[len(SET_PREFIX) :].strip()
        if not name or len(row) < 3 or fold(row[1]) != "set":
            raise RowError('a set line reads "Exercise, <name>",Set,<n>,<key>,<value>...')
        pairs = [value.strip() for value in row[3:]]
        while pairs and not pairs[-1]:
            pairs.pop()  # trailing commas
        if len(pairs) % 2:
            raise RowError("the set's values are not in key, value pairs")
        values: dict[str, str] = {}
        for key, value in zip(pairs[::2], pairs[1::2], strict=True):
            if not key:
                continue
            if fold(key).replace(" ", "") in KEYS:
                values[fold(key).replace(" ", "")] = value
            elif key not in self.unknown:
                self.unknown.add(key)
                self.parsed.skip(line, f"the value {key!r} is not imported (noted once)")
        new_set = _set(line, values)
        if self.current is None:
            raise RowError("this set has no readable workout line above it; skipped")
        self.current.exercise(name, line).sets.append(new_set)


def _parse_flat(text: str) -> ParsedFile:
    records = csv_records(text)
    header = next((row for _line, row in records if any(v.strip() for v in row)), [])
    # FLAT_SIGNATURE (checked by the caller) guarantees the workout, start and exercise columns.
    flat = _Flat(ParsedFile(format=NAME, unit=UNIT), columns(header, FLAT_ALIASES))
    for line, row in records:
        if any(value.strip() for value in row):
            try:
                flat.add(line, row)
            except RowError as error:
                flat.parsed.skip(line, str(error))
    return _finish(flat.parsed, list(flat.workouts.values()))


@dataclass(slots=True)
class _Flat:
    """The flat layout: a workout is its rows sharing workout name and start time."""

    parsed: ParsedFile
    cols: dict[str, int]
    workouts: dict[tuple[str, datetime], ImportedWorkout] = field(default_factory=dict)
    weighed: set[tuple[str, datetime]] = field(default_factory=set)

    def add(self, line: int, row: list[str]) -> None:
        cols = self.cols
        name = cell(row, cols["exercise"])
        if not name:
            raise RowError("the exercise name is empty")
        started = _epoch_ms(cell(row, cols["start"]), "start")
        flags = {key: fold(cell(row, cols.get(key))) in ("true", "1", "yes") for key in ("warmup", "fail")}
        ours = {"weight": "weight", "bodyweight": "bodyweight", "extraweight": "extra", "reps": "reps"}
        values = {key: cell(row, cols.get(col)) for key, col in ours.items()}
        values |= {"time": cell(row, cols.get("time")), "distancemeter": cell(row, cols.get("distance"))}
        kind = "warmup" if flags["warmup"] else "failure" if flags["fail"] else "working"
        new_set = _set(line, values, kind)
        bodyweight = _number(values["bodyweight"], "bodyweight")
        key = (cell(row, cols["workout"]), started)
        workout = self.workouts.get(key) or self.start(line, row, key)
        workout.exercise(name, line).sets.append(new_set)
        if bodyweight is not None and bodyweight > 0 and key not in self.weighed:
            self.weighed.add(key)  # one body weight per workout: every set row repeats it
            self.parsed.body_weights.append(ImportedBodyWeight(started.date(), bodyweight, line, unit=UNIT))

    def start(self, line: int, row: list[str], key: tuple[str, datetime]) -> ImportedWorkout:
        end = cell(row, self.cols.get("end"))
        seconds = int((_epoch_ms(end, "end") - key[1]).total_seconds()) if end else 0
        if seconds < 0:
            raise RowError("the workout ends before it starts")
        workout = ImportedWorkout(started_at=key[1], line=line, name=key[0], duration_s=seconds or None)
        self.workouts[key] = workout
        return workout


def _epoch_ms(text: str, what: str) -> datetime:
    """Epoch milliseconds as a naive UTC datetime: the flat file names no zone, so none is assumed
    beyond UTC (the import service cannot know the phone's zone either)."""
    if not re.fullmatch(r"\d{1,15}", text):
        raise RowError(f"the {what} time {text!r} is not epoch milliseconds")
    try:
        return _EPOCH + timedelta(milliseconds=int(text))
    except OverflowError as error:
        raise RowError(f"the {what} time {text!r} is out of range") from error

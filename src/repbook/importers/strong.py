"""The Strong app's CSV export: one row per set, in every header layout Strong has written.

Layouts (tests/importers/fixtures/FORMATS.md): the 2016-17 one (`kg`, `km` as column names), A0,
A (iOS, comma), A' (A without the notes columns), B (Android, semicolon, `Weight Unit` and
`Distance Unit` per row) and C (Strong 6, `Workout #`, `Duration (sec)`, `Weight (kg)`,
`Distance (meters)`). The delimiter is sniffed from the header. Columns are found by name, in
every language strong_layouts.py lists; when some name is not known (another language) or there
is no header at all, by position, if the rows have one layout's shape (strong_layouts.LAYOUTS).
A file without its header and without a known shape is refused naming the header line to add.

- Rows form workouts by `Workout #` when the file has it, else by date and workout name, in the
  order workouts first appear; consecutive rows of one exercise form one exercise entry.
- Weights are kept as written (`74.99999999999999` too). A, A0 and A' say no unit (None: the
  user is asked); B says it per row; C is always kilograms.
- Zero reps, distance, seconds or RPE mean "not recorded". A set row with no reps, time or
  distance is skipped with a problem, as is a row holding a value that cannot be read.
- `Rest Timer` rows (in any language; an unknown word on a row with only seconds is one too) give
  the exercise's rest, C's `Note` rows its note. Exercises left without
  sets by skipped rows are dropped, and so are workouts left without exercises.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from itertools import chain
from typing import Final

from repbook.core.imported import ImportedSet, ImportedWorkout, ImportFileError, ParsedFile
from repbook.core.search import fold
from repbook.importers.common import (
    KM_M,
    MILE_M,
    RowError,
    columns,
    csv_records,
    decimal,
    duration,
    first_line,
    sniff_delimiter,
    timestamp,
    whole,
)
from repbook.importers.strong_layouts import ALIASES, REST_WORDS, SAMPLE_ROWS, expected_header, layout_of

NAME: Final = "strong"

#: Columns without which the file cannot be read, by their English name.
REQUIRED: Final = {
    "date": "Date", "exercise": "Exercise Name", "order": "Set Order", "weight": "Weight", "reps": "Reps"
}  # fmt: skip
#: Columns only Strong has: a header with none of them is another app's.
DISTINCTIVE: Final = ("number", "exercise", "order")
_NOTE: Final = "note"
_REST: Final = "rest"
#: Set Order values other than set numbers (lowercased, `_` for spaces) -> a set type, or not a set.
ORDERS: Final = {
    **dict.fromkeys(("w", "warm_up", "warmup"), "warmup"),
    **dict.fromkeys(("d", "drop_set", "dropset"), "drop"),
    **dict.fromkeys(("f", "failure"), "failure"),
    "rest_timer": _REST,
    "note": _NOTE,
}
WEIGHT_UNITS: Final = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}
#: Metres in one unit of layout B's `Distance Unit`; an empty unit is read as kilometres, as in A.
DISTANCE_UNITS: Final = {"": KM_M, "km": KM_M, "mi": MILE_M, "mi.": MILE_M, "miles": MILE_M, "m": Decimal(1)}


def detect(text: str) -> bool:
    """True when the first non-blank line is a Strong header, in any layout, delimiter or known language."""
    line = first_line(text)
    try:
        header = next(csv.reader([line], delimiter=sniff_delimiter(line)), [])
    except csv.Error:
        return False
    return not _columns(header)[1]


def detect_shape(text: str) -> bool:
    """True when the rows have Strong's shape by position: a header in a language not listed, or none.

    Asked only after every format's `detect` said no, so another app's header is never read as Strong's."""
    try:
        head = _head(csv_records(text[:65536], sniff_delimiter(first_line(text))))
        return _positional(head, sniff_delimiter(first_line(text))) is not None
    except ImportFileError:
        return False


def parse(text: str) -> ParsedFile:
    """The workouts of a Strong export; a row that cannot be read is skipped with its reason.

    Raises ImportFileError for a file that is not a Strong export, a header without a needed column,
    and a header with no rows after it (nothing to import: the user should know).
    """
    delimiter = sniff_delimiter(first_line(text))
    records = csv_records(text, delimiter)
    head = _head(records)
    if not head:
        raise ImportFileError("the file is empty")
    header_line, header = head[0]
    cols, missing = _columns(header)
    rows: Iterable[tuple[int, list[str]]] = chain(head[1:], records)
    if missing or not any(key in cols for key in DISTINCTIVE):
        # Names not all known (a language or spelling not listed, or no header): read by position
        # when the rows have a Strong layout's shape.
        found = _positional(head, delimiter)
        if found is None and not any(key in cols for key in DISTINCTIVE):
            raise ImportFileError(_not_strong(header, delimiter), line=header_line)
        if found is not None:
            cols, headerless = found
            missing = []
            if headerless:
                rows = chain(head, records)
    if missing:
        raise ImportFileError(f"the Strong export has no {', '.join(missing)} column", line=header_line)
    reader = _Reader(cols, len(header), ParsedFile(format=NAME, unit=_file_unit(cols)))
    for line, row in rows:
        reader.row(line, row)
    if not reader.rows:
        raise ImportFileError("the Strong export has a header but no rows", line=header_line)
    return reader.finish()


def _head(records: Iterator[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """The first non-blank record and the few after it: enough to tell the layout by position."""
    head: list[tuple[int, list[str]]] = []
    for line, row in records:
        if any(value.strip() for value in row):
            head.append((line, row))
            if len(head) > SAMPLE_ROWS:
                break
    return head


def _positional(head: list[tuple[int, list[str]]], delimiter: str) -> tuple[dict[str, int], bool] | None:
    """Columns by position when the rows have a Strong layout's shape, and whether the file has no
    header (its first line is already a set); None when they do not."""
    rows = [row for _line, row in head]
    for headerless, sample in ((True, rows), (False, rows[1:])):
        found = layout_of(sample, delimiter)
        if found is not None and (headerless or len(rows[0]) == len(found[1])):
            keys = found[1]
            return {key: index for index, key in enumerate(keys)}, headerless
    return None


def _not_strong(header: list[str], delimiter: str) -> str:
    """Why the file is refused: a header that is missing (with the line to add) or another app's."""
    expected = expected_header(len(header), delimiter)
    if expected and header and _DATE_START.match(header[0].strip() or "-"):
        return (
            "the file has no header line: Strong's export starts with the line "
            f"{expected!r}; add it at the top of the file (with the same {delimiter!r} between names) "
            "and import again"
        )
    return (
        "this is not a Strong export: its first line should name Strong's columns "
        "(Date, Workout Name, Exercise Name, Set Order, Weight, Reps, ...)"
    )


def _columns(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Our key -> column index (the weight under "weight" whatever its name), and needed columns missing."""
    cols = columns(header, ALIASES)
    weight = next((cols[key] for key in ("weight", "weight_kg", "weight_lb") if key in cols), None)
    if weight is not None:
        cols["weight"] = weight
    return cols, [name for key, name in REQUIRED.items() if key not in cols]


_DATE_START = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d+$|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")


def _file_unit(cols: dict[str, int]) -> str | None:
    """The unit of every weight when the header says it once: C's `Weight (kg)`."""
    if "weight_unit" in cols:
        return None
    return "kg" if "weight_kg" in cols else "lb" if "weight_lb" in cols else None


class _Reader:
    """Reads rows one by one into workouts; a bad row becomes a problem, never an exception.

    Each row's cells are stripped once; a column the header lacks reads the empty cell appended
    at the end (index -1). Numbers repeat a lot in a training log, so each text is read once.
    """

    def __init__(self, cols: dict[str, int], width: int, parsed: ParsedFile) -> None:
        self.parsed = parsed
        self.width = width
        self.rows = 0
        self.workouts: dict[tuple[str, ...], ImportedWorkout] = {}
        self.times: dict[str, datetime] = {}
        self.counts: dict[str, int | None] = {}
        self.measures: dict[str, Decimal | None] = {}
        self.weights: dict[str, Decimal | None] = {}
        at = {key: cols.get(key, -1) for key in ALIASES}
        self.number, self.date, self.workout = at["number"], at["date"], at["workout"]
        self.duration, self.exercise, self.order = at["duration"], at["exercise"], at["order"]
        self.weight, self.unit, self.row_unit = at["weight"], at["weight_unit"], "weight_unit" in cols
        self.reps, self.rpe, self.seconds = at["reps"], at["rpe"], at["seconds"]
        self.metres, self.distance_unit = "distance_m" in cols, at["distance_unit"]
        self.distance = at["distance_m"] if self.metres else at["distance"]
        self.miles = "distance_mi" in cols and "distance" not in cols  # the 2016-17 layout's `mi` column
        if self.miles:
            self.distance = at["distance_mi"]
        self.notes, self.workout_notes = at["notes"], at["workout_notes"]
        self.note_rows = "number" in cols  # C: exercise notes are `Note` rows, a set row's note is the set's

    def row(self, line: int, row: list[str]) -> None:
        values = [value.strip() for value in row]
        if not any(values):
            return  # a blank line
        self.rows += 1
        if len(values) < self.width or any(values[self.width :]):
            self.parsed.skip(line, f"the line has {len(row)} fields where the header has {self.width}")
            return
        values.append("")
        try:
            self._read(line, values)
        except RowError as error:
            self.parsed.skip(line, str(error))

    def _read(self, line: int, row: list[str]) -> None:
        """One row, all values read before anything is added, so a bad row adds nothing."""
        name = row[self.exercise]
        if not name:
            raise RowError("the exercise name is missing")
        kind = self._kind(row)
        key, started_at = self._key(row)
        one = rest = None
        if kind == _REST:
            rest = _seconds(self._measure(row[self.seconds], "rest timer seconds"), row[self.seconds])
        elif kind != _NOTE:
            one = self._set(line, row, kind)
        entry = self._workout(key, started_at, line, row).exercise(name, line)
        note = _text(row[self.notes])
        if one is not None:
            entry.sets.append(one)
            if note and len(entry.sets) == 1 and not entry.notes and not self.note_rows:
                entry.notes = note
            elif note and note != entry.notes:
                one.notes = note
        elif kind == _NOTE and note:
            entry.notes = f"{entry.notes}\n{note}" if entry.notes else note
        elif rest is not None:
            entry.rest_s = rest

    def _kind(self, row: list[str]) -> str:
        """The row's kind; an unknown word with only seconds is a rest row in a language not listed."""
        try:
            return _kind(row[self.order])
        except RowError:
            unloaded = not self._measure(row[self.weight], "weight") and not self._count(row[self.reps])
            if unloaded and self._measure(row[self.seconds], "seconds"):
                return _REST
            raise

    def _key(self, row: list[str]) -> tuple[tuple[str, ...], datetime | None]:
        """The workout's key, and its start time when the workout is new."""
        number, date = row[self.number], row[self.date]
        key = ("#", number) if number else ("", date, row[self.workout])
        if key in self.workouts:
            return key, None
        started_at = self.times.get(date)
        if started_at is None:
            started_at = self.times[date] = timestamp(date)
        return key, started_at

    def _workout(
        self, key: tuple[str, ...], started_at: datetime | None, line: int, row: list[str]
    ) -> ImportedWorkout:
        workout = self.workouts.get(key)
        if workout is None:
            assert started_at is not None  # _key reads the date of every new workout
            workout = ImportedWorkout(started_at=started_at, line=line, name=row[self.workout])
            try:
                workout.duration_s = duration(row[self.duration]) or None
            except RowError as error:
                self.parsed.skip(line, f"{error}: the workout is imported without it")
            self.workouts[key] = workout
        if not workout.notes:
            workout.notes = _text(row[self.workout_notes])
        return workout

    def _set(self, line: int, row: list[str], set_type: str) -> ImportedSet:
        reps = self._count(row[self.reps])
        weight = self._weight(row[self.weight])
        seconds = _seconds(self._measure(row[self.seconds], "seconds"), row[self.seconds])
        distance = self._distance(row)
        rpe = self._measure(row[self.rpe], "RPE")
        unit = _unit(row[self.unit]) if self.row_unit else self.parsed.unit
        if reps is None and seconds is None and distance is None:
            raise RowError("no reps, time or distance: not a set")
        return ImportedSet(
            line, set_type, weight, unit, reps=reps, rpe=rpe, duration_s=seconds, distance_m=distance
        )

    def _count(self, text: str) -> int | None:
        """Reps: a whole number written maybe as `10.0`; zero is "not recorded"."""
        if text not in self.counts:
            reps = whole(text, "reps")
            if reps is not None and reps < 0:
                raise RowError(f"reps {text!r} is negative")
            self.counts[text] = reps or None
        return self.counts[text]

    def _weight(self, text: str) -> Decimal | None:
        """The weight as written; `0` stays: a bodyweight set."""
        if text not in self.weights:
            self.weights[text] = decimal(text, "weight")
        return self.weights[text]

    def _measure(self, text: str, what: str) -> Decimal | None:
        """A number where Strong writes 0 for "not recorded": None for empty or zero; never negative."""
        if text not in self.measures:
            value = decimal(text, what)
            if value is not None and value < 0:
                raise RowError(f"{what} {text!r} is negative")
            self.measures[text] = value or None
        return self.measures[text]

    def _distance(self, row: list[str]) -> Decimal | None:
        """The distance in metres: C writes metres, B names its unit, A writes kilometres."""
        value = self._measure(row[self.distance], "distance")
        if value is None or self.metres:
            return value
        if self.miles:
            return value * MILE_M
        unit = row[self.distance_unit].lower()
        if unit not in DISTANCE_UNITS:
            raise RowError(f"distance unit {unit!r} is not km, mi or m")
        return value * DISTANCE_UNITS[unit]

    def finish(self) -> ParsedFile:
        """The workouts in file order, without exercises left empty by skipped rows."""
        for workout in self.workouts.values():
            workout.exercises = [entry for entry in workout.exercises if entry.sets]
        self.parsed.workouts = [w for w in self.workouts.values() if w.exercises]
        return self.parsed


def _kind(order: str) -> str:
    """A set type from a Set Order (a number is a working set), or _NOTE / _REST for other rows.

    Rest rows are named in the phone's language ("Temporizador de descanso", "Ruhezeit")."""
    if not order or order.isdigit():
        return "working"
    kind = ORDERS.get(order.lower().replace(" ", "_"))
    if kind is not None:
        return kind
    if order.replace(".", "", 1).isdigit():
        return "working"  # "1.0"
    if fold(order) in REST_WORDS:
        return _REST
    raise RowError(f"set order {order!r} is not a set number, W, D, F, Rest Timer or Note")


def _seconds(value: Decimal | None, text: str) -> int | None:
    """Whole seconds from Strong's float seconds (`60.0`); None when not recorded."""
    if value is None:
        return None
    if value > 10**7:
        raise RowError(f"seconds {text!r} is too many")
    return int(value.to_integral_value()) or None


def _unit(text: str) -> str | None:
    """Layout B's `Weight Unit`: `kg` or `lbs`; empty for a set without weight."""
    if not text:
        return None
    unit = WEIGHT_UNITS.get(text.lower())
    if unit is None:
        raise RowError(f"weight unit {text!r} is not kg or lbs")
    return unit


def _text(value: str) -> str:
    """A note as written, with the line breaks of a multi-line cell as `\\n`."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value

"""JEFIT's backup: sections titled `### NAME ####`, each holding CSV tables (a header line, then its
rows; a blank line ends a table, a line of `#` ends the section).

Read here: SETTING (`mass`, the unit of the whole file), EXERCISE LOGS (one row per exercise done in a
workout, its sets in `logs` as "135x5,265x5"), EXERCISE SET LOGS (newer files: the sets of each log
with their types), NOTES, PROFILE (body weight), and for the workout's name and supersets WORKOUT
SESSIONS and ROUTINES. CARDIO LOGS name no exercise and are not imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal
from itertools import zip_longest
from typing import Final

from repbook.core.imported import (
    ImportedBodyWeight,
    ImportedExercise,
    ImportedSet,
    ImportedWorkout,
    ImportFileError,
    ParsedFile,
)
from repbook.core.units import plain
from repbook.importers.common import (
    KM_M,
    MILE_M,
    RowError,
    csv_records,
    day,
    decimal,
    duration,
    timestamp,
    whole,
)

NAME: Final = "jefit"
#: A row of a table by its lowercased column names, with the line it starts on.
Row = tuple[int, dict[str, str]]
_TITLE: Final = re.compile(r"#{3,}\s*([A-Za-z][A-Za-z0-9 _]*?)\s*#*")
_DETECT: Final = re.compile(r"^###\s*(SETTING|PROFILE|EXERCISE LOGS)\s*#+\s*$", re.MULTILINE)
_ENTRY: Final = re.compile(r"\s*(\d{1,6}(?:\.\d{1,6})?)\s*[xX]\s*(\d{1,6})\s*")
UNITS: Final = {"lbs": "lb", "lb": "lb", "kgs": "kg", "kg": "kg"}
#: JEFIT's set types (EXERCISE SET LOGS) -> ours; others are read as working sets and noted.
SET_TYPES: Final = {
    "": "working",
    "default": "working",
    "normal": "working",
    "warm-up": "warmup",
    "warmup": "warmup",
    "drop": "drop",
    "drop-set": "drop",
    "dropset": "drop",
    "failure": "failure",
    "amrap": "amrap",
}
#: Weight and distance columns of EXERCISE SET LOGS: (column, unit) and (column, metres per unit).
WEIGHTS: Final = (("weight_lbs", "lb"), ("weight_kgs", "kg"), ("weight_kg", "kg"))
DISTANCES: Final = (("distance_mi", MILE_M), ("distance_km", KM_M))


def detect(text: str) -> bool:
    """True when a SETTING, PROFILE or EXERCISE LOGS section title stands on a line of its own."""
    return _DETECT.search(text) is not None


def parse(text: str) -> ParsedFile:
    """Workouts by session (oldest first), body weights, and the unit from the settings."""
    sections = _sections(text)
    if "EXERCISE LOGS" not in sections and "PROFILE" not in sections:
        raise ImportFileError("this is not a JEFIT backup: it has no EXERCISE LOGS or PROFILE section")
    logs = sections.get("EXERCISE LOGS", [])
    if logs and "ename" not in logs[0][1]:
        raise ImportFileError("the EXERCISE LOGS table has no ename column", line=logs[0][0])
    setting = sections.get("SETTING", [])
    mass = setting[0][1].get("mass", "").strip().lower() if setting else ""
    reader = _Reader(ParsedFile(format=NAME, unit=UNITS.get(mass)))
    reader.read_profile(sections.get("PROFILE", []))
    cardio = sections.get("CARDIO LOGS", [])
    if cardio:
        reader.parsed.skip(
            cardio[0][0],
            f"cardio logs are not imported (JEFIT names no exercise in them): {len(cardio)} skipped",
        )
    reader.read_set_logs(sections.get("EXERCISE SET LOGS", []))
    reader.read_context(sections.get("ROUTINES", []), sections.get("WORKOUT SESSIONS", []))
    reader.read_notes(sections.get("NOTES", []))
    for line, row in logs:
        try:
            reader.add_log(line, row)
        except RowError as error:
            reader.parsed.skip(line, str(error))
    for line, _note in (note for notes in reader.notes.values() for note in notes):
        reader.parsed.skip(line, "this note matches no exercise log (same exercise and date); not imported")
    reader.parsed.workouts = sorted(reader.workouts.values(), key=lambda w: w.started_at)
    return reader.parsed


def _sections(text: str) -> dict[str, list[Row]]:
    """The rows of each section's tables by section title (upper case); a later table's header
    replaces the earlier one's, so a section may hold rows of different shapes."""
    sections: dict[str, list[Row]] = {}
    rows: list[Row] | None = None
    header: list[str] | None = None
    for line, record in csv_records(text):
        first = record[0].strip() if record else ""
        if not any(value.strip() for value in record):
            header = None
        elif len(record) == 1 and first.startswith("###"):
            title = _TITLE.fullmatch(first)
            rows = sections.setdefault(title.group(1).upper(), []) if title else None
            header = None
        elif rows is not None and header is None:
            header = [name.strip().lower() for name in record]
        elif rows is not None and header is not None:
            rows.append((line, dict(zip_longest(header, record, fillvalue=""))))
    return sections


def _log_sets(line: int, logs: str, unit: str | None) -> list[ImportedSet]:
    """The sets of a `logs` string, "135x5,265x5": weight x reps, in the file's unit."""
    sets = []
    for entry in (e for e in logs.split(",") if e.strip()):
        match = _ENTRY.fullmatch(entry)
        if match is None:
            raise RowError(f"the set {entry.strip()!r} in logs is not weight x reps (like 135x5)")
        sets.append(ImportedSet(line=line, weight=Decimal(match[1]), unit=unit, reps=int(match[2])))
    if not sets:
        raise RowError("the exercise log has no sets")
    return sets


def _measure(row: dict[str, str], columns: tuple[tuple[str, Decimal], ...]) -> Decimal | None:
    for column, scale in columns:
        value = decimal(row.get(column, ""), column)
        if value:  # 0: not measured
            return value * scale
    return None


@dataclass(slots=True)
class _Reader:
    parsed: ParsedFile
    workouts: dict[str, ImportedWorkout] = field(default_factory=dict)
    set_logs: dict[str, list[tuple[int, ImportedSet]]] = field(default_factory=dict)
    notes: dict[tuple[str, str], list[tuple[int, str]]] = field(default_factory=dict)
    day_names: dict[str, str] = field(default_factory=dict)  # session _id -> routine day name
    supersets: dict[str, str] = field(default_factory=dict)  # routine exercise row_id -> superset

    def read_profile(self, rows: list[Row]) -> None:
        for line, row in rows:
            try:
                weight = decimal(row.get("weight", ""), "weight")
                if weight is not None and weight > 0:  # 0: a row of measurements only
                    when = day(row.get("mydate", ""))
                    self.parsed.body_weights.append(ImportedBodyWeight(when, weight, line, self.parsed.unit))
            except RowError as error:
                self.parsed.skip(line, str(error))

    def read_set_logs(self, rows: list[Row]) -> None:
        for line, row in rows:
            try:
                index = whole(row.get("set_index", ""), "set_index") or 0
                self.set_logs.setdefault(row.get("exercise_log_id", "").strip(), []).append(
                    (index, self.set_log(line, row))
                )
            except RowError as error:
                self.parsed.skip(line, str(error))
        for sets in self.set_logs.values():
            sets.sort(key=lambda pair: pair[0])

    def set_log(self, line: int, row: dict[str, str]) -> ImportedSet:
        kind = row.get("set_type", "").strip().lower()
        new_set = ImportedSet(line=line, set_type=SET_TYPES.get(kind, "working"))
        for column, unit in WEIGHTS:
            weight = decimal(row.get(column, ""), column)
            if weight is not None:
                new_set.weight, new_set.unit = Decimal(plain(weight)), unit
                break
        new_set.reps = whole(row.get("reps", ""), "reps")
        new_set.duration_s = duration(row.get("duration", "")) or None  # 0: not timed
        new_set.distance_m = _measure(row, DISTANCES)
        if new_set.reps is None and new_set.duration_s is None and new_set.distance_m is None:
            raise RowError("the set has no reps, no duration and no distance")
        if kind not in SET_TYPES:
            self.parsed.skip(line, f"set type {kind!r} is read as a working set")
        return new_set

    def read_context(self, routines: list[Row], sessions: list[Row]) -> None:
        """Routine day names by session, and supersets by routine exercise (a non-zero `superset`)."""
        days = {row.get("_id", ""): row.get("name", "") for _line, row in routines if "dayindex" in row}
        for _line, row in routines:
            if "exercisename" in row and row.get("superset", "").strip() not in ("", "0"):
                self.supersets[row.get("row_id", "")] = row["superset"].strip()
        for _line, row in sessions:
            self.day_names[row.get("_id", "").strip()] = days.get(row.get("day_id", ""), "").strip()

    def read_notes(self, rows: list[Row]) -> None:
        for line, row in rows:
            note = row.get("mynote", "").strip()
            if note:
                key = (row.get("eid", "").strip(), row.get("mydate", "").strip())
                self.notes.setdefault(key, []).append((line, note))

    def add_log(self, line: int, row: dict[str, str]) -> None:
        """One exercise log into its workout (the logs sharing `belongsession`, else the date)."""
        name = row.get("ename", "").strip()
        if not name:
            raise RowError("the exercise name (ename) is empty")
        stamp, mydate = row.get("timestamp", "").strip(), row.get("mydate", "").strip()
        started = timestamp(stamp) if stamp else datetime.combine(day(mydate), time())
        from_set_logs = [new_set for _index, new_set in self.set_logs.get(row.get("_id", "").strip(), [])]
        sets = from_set_logs or _log_sets(line, row.get("logs", ""), self.parsed.unit)
        session = row.get("belongsession", "").strip()
        key = f"session {session}" if session not in ("", "0") else f"date {mydate}"
        workout = self.workouts.get(key)
        if workout is None:
            workout = ImportedWorkout(started_at=started, line=line, name=self.day_names.get(session, ""))
            self.workouts[key] = workout
        workout.started_at = min(workout.started_at, started)
        entry = workout.exercise(name, line, self.supersets.get(row.get("day_item_id", "").strip(), ""))
        entry.sets.extend(sets)
        self.attach_note(entry, row.get("eid", "").strip(), mydate)

    def attach_note(self, entry: ImportedExercise, eid: str, mydate: str) -> None:
        notes = self.notes.pop((eid, mydate), [])
        entry.notes = "\n".join([entry.notes, *(note for _line, note in notes)]).strip()

"""wger: its body weight CSV (`Date,Weight`) and pages of its REST API (workout logs and sessions).

wger exports no workouts; a user saves pages of `/api/v2/workoutlog/` and `/api/v2/workoutsession/`
(`{count,next,previous,results}`) and uploads one page, a JSON list of pages, or
`{"workoutlog": [...], "workoutsession": [...]}` holding pages or entries. Exercises are known only
by id and named "wger exercise 184" for the user to map. JSON has no lines: a record's line is the
line of its `"id"` in the text when found (ids are matched by value, in order), else 1.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import ROUND_FLOOR, Decimal
from typing import Final

from repbook.core.imported import (
    ImportedBodyWeight,
    ImportedSet,
    ImportedWorkout,
    ImportFileError,
    ParsedFile,
)
from repbook.core.search import fold
from repbook.importers.common import RowError, cell, csv_records, day, decimal, first_line, timestamp, whole

NAME: Final = "wger"
#: wger's weight units (`weight_unit`) -> ours; 3 is body weight (the load is the lifter).
WEIGHT_UNITS: Final = {1: "kg", 2: "lb"}
BODY_WEIGHT: Final = 3
#: wger's repetition units (`repetitions_unit`) we read: repetitions and seconds.
REPS: Final = 1
SECONDS: Final = 3
Entry = dict[str, object]
_ID: Final = re.compile(r'"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)')
_CLOCK: Final = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?")


def detect(text: str) -> bool:
    """True for the `Date,Weight` CSV, or JSON holding wger workout logs or sessions."""
    if text.lstrip()[:1] in ("{", "["):
        try:
            pages = _collect(_load(text))
        except ImportFileError:
            return False
        return bool(pages.logs or pages.sessions)
    return _is_weight_csv(first_line(text))


def parse(text: str) -> ParsedFile:
    if text.lstrip()[:1] in ("{", "["):
        return _parse_json(text)
    if _is_weight_csv(first_line(text)):
        return _parse_weights(text)
    raise ImportFileError("this is not a wger file: expected the Date,Weight CSV or a page of wger's API")


def _is_weight_csv(header: str) -> bool:
    return [fold(name) for name in header.split(",")] == ["date", "weight"]


def _parse_weights(text: str) -> ParsedFile:
    """Body weights; wger 2.4+ writes the time in UTC ("+00:00"): the day is the UTC day."""
    parsed = ParsedFile(format=NAME, unit="kg")
    for line, row in csv_records(text):
        if not any(value.strip() for value in row) or _is_weight_csv(",".join(row)):
            continue
        try:
            when = day(cell(row, 0))
            weight = decimal(cell(row, 1), "weight")
            if weight is None:
                raise RowError("the weight is empty")
            parsed.body_weights.append(ImportedBodyWeight(when, weight, line, unit="kg"))
        except RowError as error:
            parsed.skip(line, str(error))
    return parsed


def _load(text: str) -> object:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        raise ImportFileError(f"the file is not valid JSON ({error})") from error


@dataclass(slots=True)
class _Pages:
    logs: list[Entry] = field(default_factory=list)
    sessions: list[Entry] = field(default_factory=list)
    log_count: int = 0  # the largest `count` of a page of logs: how many the server holds
    on_log_pages: int = 0  # the entries on those pages
    other: int = 0  # values of neither shape


def _collect(data: object, pages: _Pages | None = None, depth: int = 0) -> _Pages:
    """Log and session entries from a page, a list of pages or entries, or the combined object."""
    pages = pages if pages is not None else _Pages()
    if isinstance(data, list) and depth < 3:
        for item in data:
            _collect(item, pages, depth + 1)
    elif isinstance(data, dict) and isinstance(data.get("results"), list) and depth < 3:
        before = len(pages.logs)
        for item in data["results"]:
            _collect(item, pages, 3)  # entries only
        count = data.get("count")
        if len(pages.logs) > before:
            pages.on_log_pages += len(data["results"])
            if isinstance(count, int) and not isinstance(count, bool):
                pages.log_count = max(pages.log_count, count)
    elif isinstance(data, dict) and {"workoutlog", "workoutsession"} & data.keys() and depth == 0:
        for key, value in data.items():
            if key in ("workoutlog", "workoutsession"):
                _collect(value, pages, depth + 1)
    elif isinstance(data, dict) and "exercise" in data and {"repetitions", "reps", "weight"} & data.keys():
        pages.logs.append(data)
    elif isinstance(data, dict) and {"time_start", "impression"} & data.keys():
        pages.sessions.append(data)
    else:
        pages.other += 1
    return pages


class _Lines:
    """The line of each `"id": value` in the text, to give JSON records a line."""

    def __init__(self, text: str) -> None:
        self.lines: dict[str, list[int]] = {}
        line, last = 1, 0
        for match in _ID.finditer(text):
            line += text.count("\n", last, match.start())
            last = match.start()
            self.lines.setdefault(match[1].strip('"'), []).append(line)

    def of(self, entry: Entry) -> int:
        found = self.lines.get(str(entry.get("id")))
        return found.pop(0) if found else 1


def _text(value: object, what: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    raise RowError(f"{what} {value!r} is not a number or text")


def _code(value: object, what: str) -> int | None:
    return whole(_text(value, what), what)


@dataclass(slots=True)
class _Session:
    started_at: datetime
    duration_s: int | None
    notes: str


def _session(entry: Entry) -> _Session:
    """A session's start (its date and time_start, wall-clock), length and notes."""
    when = day(_text(entry.get("date"), "date"))
    start, end = _clock(entry.get("time_start"), "time_start"), _clock(entry.get("time_end"), "time_end")
    started = datetime.combine(when, start or time())
    seconds = None
    if start and end:
        seconds = int((datetime.combine(when, end) - started).total_seconds()) % 86400 or None
    return _Session(started, seconds, _text(entry.get("notes"), "notes").strip())


def _clock(value: object, what: str) -> time | None:
    text = _text(value, what).strip()
    match = _CLOCK.fullmatch(text)
    if not text:
        return None
    if match is None or int(match[1]) > 23 or int(match[2]) > 59 or int(match[3] or 0) > 59:
        raise RowError(f"{what} {text!r} is not a time of day")
    return time(int(match[1]), int(match[2]), int(match[3] or 0))


def _log_set(entry: Entry, line: int, parsed: ParsedFile) -> ImportedSet:
    """One log as a set; a half-step RIR is rounded down and noted (notes only once the log is read)."""
    new_set, notes = ImportedSet(line=line), []
    amount = _text(entry.get("repetitions", entry.get("reps")), "repetitions")
    rep_unit = _code(entry.get("repetitions_unit", entry.get("repetition_unit")), "repetitions_unit")
    if rep_unit in (None, REPS):
        new_set.reps = whole(amount, "repetitions")
    elif rep_unit == SECONDS:
        seconds = decimal(amount, "seconds")
        if seconds is None:
            raise RowError("a timed set (repetitions_unit 3) has no seconds")
        new_set.duration_s = round(seconds)
    else:
        raise RowError(f"repetitions_unit {rep_unit} is not imported (only 1, repetitions, and 3, seconds)")
    weight = decimal(_text(entry.get("weight"), "weight"), "weight")
    weight_unit = _code(entry.get("weight_unit"), "weight_unit")
    if weight_unit == BODY_WEIGHT:
        new_set.weight = None if weight else Decimal(0)  # no load added to the body
        if weight:
            notes.append(f"the weight {weight} in wger's body weight unit is not imported")
    elif weight_unit is None or weight_unit in WEIGHT_UNITS:
        new_set.weight, new_set.unit = weight, WEIGHT_UNITS.get(weight_unit or 0)
    else:
        raise RowError(f"weight_unit {weight_unit} is not imported (only 1 kg, 2 lb and 3 body weight)")
    rir = decimal(_text(entry.get("rir"), "rir"), "RIR")
    if rir is not None:
        new_set.rir = int(rir.to_integral_value(rounding=ROUND_FLOOR))
        if new_set.rir != rir:
            notes.append(f"RIR {rir} is read as {new_set.rir} (whole steps only)")
    for note in notes:
        parsed.skip(line, note)
    return new_set


def _parse_json(text: str) -> ParsedFile:
    pages = _collect(_load(text))
    if not pages.logs and not pages.sessions:
        raise ImportFileError("this JSON holds no wger workout logs (/api/v2/workoutlog/) or sessions")
    reader, lines = _Reader(ParsedFile(format=NAME)), _Lines(text)
    if pages.other:
        reader.parsed.skip(1, f"{pages.other} JSON value(s) are neither workout logs nor sessions; skipped")
    if not pages.logs:
        reader.parsed.skip(
            1, "only workout sessions here: workout logs (/api/v2/workoutlog/) are needed to import sets"
        )
    elif pages.log_count > pages.on_log_pages:
        reader.parsed.skip(
            1,
            f"{pages.on_log_pages} of {pages.log_count} workout logs are here: save every page ('next')",
        )
    for entry in pages.sessions:
        line = lines.of(entry)
        try:
            reader.sessions[str(entry.get("id"))] = _session(entry)
        except RowError as error:
            reader.parsed.skip(line, str(error))
    for entry in pages.logs:
        line = lines.of(entry)
        try:
            reader.add_log(entry, line)
        except RowError as error:
            reader.parsed.skip(line, str(error))
    reader.parsed.workouts = sorted(reader.workouts.values(), key=lambda w: w.started_at)
    return reader.parsed


@dataclass(slots=True)
class _Reader:
    parsed: ParsedFile
    sessions: dict[str, _Session] = field(default_factory=dict)  # by session id
    workouts: dict[str, ImportedWorkout] = field(default_factory=dict)  # by session id, else by day

    def add_log(self, entry: Entry, line: int) -> None:
        """One log into its workout: the logs of one session, else of one day."""
        exercise = _code(entry.get("exercise"), "exercise")
        if exercise is None:
            raise RowError("the log names no exercise")
        # The API writes `date` in UTC ("2026-03-02T17:20:00Z"); timestamp() drops the zone, so a log
        # without a session record starts at its UTC time (the user's zone is not in the file).
        logged = timestamp(_text(entry.get("date"), "date"))
        session_id = _text(entry.get("session"), "session")
        key = f"session {session_id}" if session_id else f"day {logged.date()}"
        new_set = _log_set(entry, line, self.parsed)
        workout = self.workouts.get(key)
        session = self.sessions.get(session_id)
        if workout is None:
            workout = ImportedWorkout(started_at=session.started_at if session else logged, line=line)
            if session:
                workout.duration_s, workout.notes = session.duration_s, session.notes
            self.workouts[key] = workout
        elif session is None:
            workout.started_at = min(workout.started_at, logged)
        workout.exercise(f"wger exercise {exercise}", line).sets.append(new_set)

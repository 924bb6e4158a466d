"""Repbook's JSON backup (see services/transfer/export.py), read as input like any other file.

Each kind of row has one reader that checks its types and bounds with core's rules (the ones
the API, the forms and the CLI use), so a bad row becomes a problem naming its path in the file
(`workouts[3].exercises[0].sets[2].weight: must be a number`) and the rest is read. Set values
are checked later with `core.sets`, as every logged set is; they keep their path for that.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any, Final, TypeVar

from repbook.core.custom_exercise import CustomExerciseError, CustomExerciseInput, check_custom_exercise
from repbook.core.errors import FieldError
from repbook.core.exercise import MAX_SLUG, is_slug
from repbook.core.imported import (
    Backup,
    BackupActiveProgram,
    BackupExercise,
    BackupMapping,
    BackupOverride,
    BackupProgram,
    ImportedBodyWeight,
    ImportedExercise,
    ImportedSet,
    ImportedWorkout,
    ImportFileError,
    ParsedFile,
)
from repbook.core.moments import check_moment
from repbook.core.program_text import MAX_REST_S
from repbook.core.stored import read_override, read_set_target, read_target
from repbook.core.text import MAX_ENTRY_NOTES, MAX_SET_NOTES, MAX_WORKOUT_NAME, MAX_WORKOUT_NOTES, text_value
from repbook.importers.common import RowError, day, decimal

NAME: Final = "repbook"
FORMAT_VERSION: Final = 1
#: Text a backup row holds that has no field of its own to be checked by (slugs, slots, names).
MAX_SHORT_TEXT: Final = 200
MAX_PROGRAM_SOURCE: Final = 100_000
Row = TypeVar("Row")


class BadValue(ValueError):
    """A value of a backup row that cannot be read; `path` says where it is in the file."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


def _obj(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadValue(path, "must be an object")
    return value


def _list(value: Any, path: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadValue(path, "must be a list")
    return value


def _str(value: Any, path: str, max_length: int = MAX_SHORT_TEXT) -> str:
    try:
        return text_value(value, path, max_length)
    except FieldError as exc:
        raise BadValue(path, exc.message) from exc


def _slug(value: Any, path: str) -> str:
    if not is_slug(value):
        raise BadValue(path, f"must be lowercase letters and digits joined by '-', at most {MAX_SLUG}")
    return str(value)


def _number(value: Any, path: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise BadValue(path, "must be a number")
    try:
        return decimal(str(value), path)
    except RowError as exc:
        raise BadValue(path, "must be a number") from exc


def _int(value: Any, path: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadValue(path, "must be a whole number")
    if abs(value) > 10**9:
        raise BadValue(path, "is too large")
    return value


def _moment(value: Any, path: str) -> datetime | None:
    text = _str(value, path)
    if not text:
        return None
    try:
        return check_moment(datetime.fromisoformat(text), path)
    except FieldError as exc:
        raise BadValue(path, exc.message) from exc
    except ValueError as exc:
        raise BadValue(path, f"{text[:40]!r} is not an ISO date and time") from exc


def _checked(read: Callable[[Any, str], Row], value: Any, path: str) -> Row:
    """`read(value, path)` with core's errors as BadValue (their field is the path)."""
    try:
        return read(value, path)
    except FieldError as exc:
        raise BadValue(exc.field, exc.message) from exc


class _Reader:
    """Reads one backup; `problems` gets a line per bad row (`line` is the row's number in its list,
    from 1; 1 for the parts that are one object, settings and the active program)."""

    def __init__(self, parsed: ParsedFile) -> None:
        self.parsed = parsed

    def each(self, data: dict[str, Any], key: str, read: Callable[[Any, str, int], Row]) -> list[Row]:
        """Every row of the list `key` that `read` accepts; each row read is told its path and line."""
        out = []
        for n, raw in enumerate(_list(data.get(key), key)):
            try:
                out.append(read(raw, f"{key}[{n}]", n + 1))
            except BadValue as exc:
                self.parsed.skip(n + 1, str(exc))
        return out

    def optional(self, read: Callable[[], Row], line: int, default: Row) -> Row:
        """A value the row can do without: when bad, a problem, and the row goes on without it."""
        try:
            return read()
        except BadValue as exc:
            self.parsed.skip(line, f"{exc} (left out)")
            return default

    def workout(self, raw: Any, path: str, line: int) -> ImportedWorkout:
        data = _obj(raw, path)
        started = _moment(data.get("started_at"), f"{path}.started_at")
        if started is None:
            raise BadValue(f"{path}.started_at", "is missing")
        workout = ImportedWorkout(
            started_at=started,
            line=line,
            name=_str(data.get("name"), f"{path}.name", MAX_WORKOUT_NAME),
            notes=_str(data.get("notes"), f"{path}.notes", MAX_WORKOUT_NOTES),
            finished_at=_moment(data.get("finished_at"), f"{path}.finished_at"),
            felt_pain=data.get("felt_pain") is True,
            program_day=self.optional(lambda: _program_day(data.get("program_day"), path), line, None),
        )
        for n, raw_entry in enumerate(_list(data.get("exercises"), f"{path}.exercises")):
            try:
                workout.exercises.append(self.entry(raw_entry, f"{path}.exercises[{n}]", line))
            except BadValue as exc:
                self.parsed.skip(line, str(exc))
        return workout

    def entry(self, raw: Any, path: str, line: int) -> ImportedExercise:
        data = _obj(raw, path)
        slug = _str(data.get("exercise"), f"{path}.exercise")
        if not slug:
            raise BadValue(f"{path}.exercise", "is missing")
        entry = ImportedExercise(
            name=slug,
            slug=slug,
            line=line,
            superset=_str(data.get("superset"), f"{path}.superset", 8),
            notes=_str(data.get("notes"), f"{path}.notes", MAX_ENTRY_NOTES),
            rest_s=self.optional(lambda: _rest(data.get("rest_s"), f"{path}.rest_s"), line, None),
            target=self.optional(
                lambda: _checked(read_target, data.get("target"), f"{path}.target"), line, None
            ),
        )
        for n, raw_set in enumerate(_list(data.get("sets"), f"{path}.sets")):
            try:
                entry.sets.append(self.one_set(raw_set, f"{path}.sets[{n}]", line))
            except BadValue as exc:
                self.parsed.skip(line, str(exc))
        return entry

    def one_set(self, raw: Any, path: str, line: int) -> ImportedSet:
        data = _obj(raw, path)
        unit = _str(data.get("unit"), f"{path}.unit") or None
        if unit not in (None, "kg", "lb"):
            raise BadValue(f"{path}.unit", "must be kg or lb")
        return ImportedSet(
            line=line,
            path=path,
            set_type=_str(data.get("set_type"), f"{path}.set_type") or "working",
            weight=_number(data.get("weight"), f"{path}.weight"),
            unit=unit,
            reps=_int(data.get("reps"), f"{path}.reps"),
            rpe=_number(data.get("rpe"), f"{path}.rpe"),
            rir=_int(data.get("rir"), f"{path}.rir"),
            duration_s=_int(data.get("duration_s"), f"{path}.duration_s"),
            distance_m=_number(data.get("distance_m"), f"{path}.distance_m"),
            side=_str(data.get("side"), f"{path}.side") or "both",
            notes=_str(data.get("notes"), f"{path}.notes", MAX_SET_NOTES),
            felt_pain=data.get("felt_pain") is True,
            completed=data.get("completed") is not False,
            performed_at=_moment(data.get("performed_at"), f"{path}.performed_at"),
            target=self.optional(
                lambda: _checked(read_set_target, data.get("target"), f"{path}.target"), line, None
            ),
        )


def _rest(value: Any, path: str) -> int | None:
    rest = _int(value, path)
    if rest is not None and not 0 <= rest <= MAX_REST_S:
        raise BadValue(path, f"must be from 0 to {MAX_REST_S} seconds")
    return rest


def _program_day(value: Any, path: str) -> tuple[str, int, int] | None:
    if value is None:
        return None
    data = _obj(value, f"{path}.program_day")
    week, order = (
        _int(data.get("week", 1), f"{path}.program_day.week"),
        _int(data.get("day", 0), f"{path}.program_day.day"),
    )
    return (_slug(data.get("program"), f"{path}.program_day.program"), week or 0, order or 0)


def _body_weight(raw: Any, path: str, line: int) -> ImportedBodyWeight:
    data = _obj(raw, path)
    weight = _number(data.get("weight"), f"{path}.weight")
    if weight is None:
        raise BadValue(f"{path}.weight", "is missing")
    unit = _str(data.get("unit"), f"{path}.unit") or "kg"
    try:
        when = check_moment(day(_str(data.get("date"), f"{path}.date")), f"{path}.date")
    except (RowError, FieldError) as exc:
        raise BadValue(f"{path}.date", "must be a date from 1900 to 2200") from exc
    return ImportedBodyWeight(when, weight, line, unit)


def _custom_exercise(raw: Any, path: str, _line: int) -> BackupExercise:
    data = _obj(raw, path)

    def words(key: str) -> tuple[str, ...]:
        return tuple(
            _str(v, f"{path}.{key}[{i}]", 1000) for i, v in enumerate(_list(data.get(key), f"{path}.{key}"))
        )

    def choice(key: str, default: str) -> str:
        return _str(data.get(key), f"{path}.{key}") or default

    fraction = _number(data.get("bodyweight_fraction"), f"{path}.bodyweight_fraction") or Decimal(0)
    exercise = CustomExerciseInput(
        name=_str(data.get("name"), f"{path}.name"),
        primary_muscles=words("primary_muscles"),
        secondary_muscles=words("secondary_muscles"),
        equipment=words("equipment"),
        pattern=choice("pattern", "full_body"),
        level=choice("level", "beginner"),
        mechanics=choice("mechanics", "compound"),
        measure=choice("measure", "reps"),
        bodyweight_fraction=fraction,
        unilateral=data.get("unilateral") is True,
        introduction=_str(data.get("introduction"), f"{path}.introduction", 4000),
        steps=words("steps"),
    )
    slug = _slug(data.get("slug"), f"{path}.slug")
    try:
        check_custom_exercise(exercise)
    except CustomExerciseError as exc:
        raise BadValue(f"{path}.{exc.field}", exc.message) from exc
    return BackupExercise(path, slug, exercise)


def _program(raw: Any, path: str, _line: int) -> BackupProgram:
    data = _obj(raw, path)
    return BackupProgram(
        path,
        _slug(data.get("slug"), f"{path}.slug"),
        _str(data.get("source"), f"{path}.source", MAX_PROGRAM_SOURCE),
    )


def _override(raw: Any, path: str, _line: int) -> BackupOverride:
    data = _obj(raw, path)
    return BackupOverride(
        path,
        program=_slug(data.get("program"), f"{path}.program"),
        exercise=_slug(data.get("exercise"), f"{path}.exercise"),
        slot=_str(data.get("slot"), f"{path}.slot", 16),
        override=_checked(read_override, data.get("override"), f"{path}.override"),
    )


def _mapping(raw: Any, path: str, _line: int) -> BackupMapping:
    data = _obj(raw, path)
    name = _str(data.get("foreign_name"), f"{path}.foreign_name")
    if not name.strip():
        raise BadValue(f"{path}.foreign_name", "is missing")
    return BackupMapping(path, name, _slug(data.get("exercise"), f"{path}.exercise"))


def _active(raw: Any) -> BackupActiveProgram | None:
    if raw is None:
        return None
    data = _obj(raw, "active_program")
    started = _moment(data.get("started_at"), "active_program.started_at")
    if started is None:
        raise BadValue("active_program.started_at", "is missing")
    return BackupActiveProgram(_slug(data.get("program"), "active_program.program"), started)


def parse_backup(text: str) -> ParsedFile:
    """A Repbook JSON backup: ImportFileError when it is not one, else every readable row."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(f"the file is not valid JSON ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != NAME:
        raise ImportFileError('this is not a Repbook backup (no "format": "repbook")')
    if data.get("version") != FORMAT_VERSION:
        raise ImportFileError(f"backup version {str(data.get('version'))[:20]} is not one this Repbook reads")
    parsed = ParsedFile(format=NAME, exact=True)
    reader = _Reader(parsed)
    try:
        parsed.workouts = reader.each(data, "workouts", reader.workout)
        parsed.body_weights = reader.each(data, "body_weights", _body_weight)
        settings = data.get("settings")
        if settings is not None and not isinstance(settings, dict):
            parsed.skip(1, "settings: must be an object (left out)")
        parsed.backup = Backup(
            settings=settings if isinstance(settings, dict) else {},
            custom_exercises=reader.each(data, "custom_exercises", _custom_exercise),
            programs=reader.each(data, "programs", _program),
            active_program=reader.optional(lambda: _active(data.get("active_program")), 1, None),
            mappings=reader.each(data, "exercise_mappings", _mapping),
            progression_overrides=reader.each(data, "progression_overrides", _override),
        )
    except BadValue as exc:  # a whole part of the file is not a list
        raise ImportFileError(str(exc)) from exc
    return parsed

"""Repbook's own files: the CSV of every set and the JSON backup (see services/export.py).

Weights are read exactly as typed; exercises by slug. The JSON backup also carries settings,
custom exercises, programs and mappings, handed on as a `Backup` for the import service to check.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any, Final

from repbook.core.imported import (
    Backup,
    ImportedBodyWeight,
    ImportedExercise,
    ImportedSet,
    ImportedWorkout,
    ImportFileError,
    ParsedFile,
)
from repbook.importers.common import RowError, cell, csv_records, day, decimal, first_line, whole

NAME: Final = "repbook"
FORMAT_VERSION: Final = 1
CSV_COLUMNS: Final = (
    "workout_started_at",
    "workout_name",
    "workout_notes",
    "workout_finished_at",
    "exercise",
    "exercise_slug",
    "superset",
    "exercise_notes",
    "set_order",
    "set_type",
    "weight",
    "unit",
    "weight_kg",
    "weight_lb",
    "reps",
    "rpe",
    "rir",
    "duration_s",
    "distance_m",
    "side",
    "notes",
    "felt_pain",
    "performed_at",
)


def detect(text: str) -> bool:
    head = first_line(text)
    if head.startswith("{"):
        return '"format": "repbook"' in text[:200] or '"format":"repbook"' in text[:200]
    return head.split(",")[:2] == list(CSV_COLUMNS[:2])


def parse(text: str) -> ParsedFile:
    if first_line(text).startswith("{"):
        return _parse_json(text)
    return _parse_csv(text)


def _moment(text: str | None, what: str) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError) as exc:
        raise RowError(f"{what} {text!r} is not an ISO date and time") from exc


def _csv_set(line: int, row: list[str], at: dict[str, int]) -> ImportedSet:
    def get(name: str) -> str:
        return cell(row, at[name])

    unit = get("unit") or None
    if unit not in (None, "kg", "lb"):
        raise RowError(f"unit {unit!r} is not kg or lb")
    return ImportedSet(
        line=line,
        set_type=get("set_type") or "working",
        weight=decimal(get("weight"), "weight"),
        unit=unit,
        reps=whole(get("reps"), "reps"),
        rpe=decimal(get("rpe"), "RPE"),
        rir=whole(get("rir"), "RIR"),
        duration_s=whole(get("duration_s"), "duration_s"),
        distance_m=decimal(get("distance_m"), "distance_m"),
        side=get("side") or "both",
        notes=get("notes"),
        felt_pain=get("felt_pain").lower() in ("yes", "true", "1"),
        performed_at=_moment(get("performed_at"), "performed_at"),
    )


def _parse_csv(text: str) -> ParsedFile:
    parsed = ParsedFile(format=NAME, exact=True)
    records = csv_records(text)
    header = next((row for _, row in records), [])
    at: dict[str, int] = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    missing = [
        c for c in ("workout_started_at", "exercise_slug", "set_type", "weight", "unit") if c not in at
    ]
    if missing:
        raise ImportFileError(f"this is not a Repbook CSV export: no column {missing[0]!r}")
    for name in CSV_COLUMNS:
        at.setdefault(name, len(header) + 100)  # absent optional columns read as empty
    workouts: dict[tuple[str, str], ImportedWorkout] = {}
    for line, row in records:
        if not any(v.strip() for v in row):
            continue
        try:
            key = (cell(row, at["workout_started_at"]), cell(row, at["workout_name"]))
            workout = workouts.get(key)
            if workout is None:
                started = _moment(key[0], "workout_started_at")
                if started is None:
                    raise RowError("the workout start is missing")
                workout = ImportedWorkout(
                    started_at=started,
                    line=line,
                    name=key[1],
                    notes=cell(row, at["workout_notes"]),
                    finished_at=_moment(cell(row, at["workout_finished_at"]), "workout_finished_at"),
                )
            entry_set = _csv_set(line, row, at)
        except RowError as exc:
            parsed.skip(line, str(exc))
            continue
        workouts[key] = workout
        slug = cell(row, at["exercise_slug"])
        if not slug:
            parsed.skip(line, "the exercise slug is missing")
            continue
        entry = workout.exercise(slug, line, cell(row, at["superset"]))
        entry.slug, entry.notes = slug, cell(row, at["exercise_notes"])
        entry.sets.append(entry_set)
    parsed.workouts = list(workouts.values())
    return parsed


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RowError(f"{what} must be an object")
    return value


def _list(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ImportFileError(f"{what} must be a list")
    return value


def _text_number(value: Any, what: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise RowError(f"{what} must be a number")
    return decimal(str(value), what)


def _int(value: Any, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RowError(f"{what} must be a whole number")
    return value


def _str(value: Any, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RowError(f"{what} must be text")
    return value


def _json_set(raw: Any, line: int) -> ImportedSet:
    data = _obj(raw, "a set")
    target = data.get("target")
    return ImportedSet(
        line=line,
        set_type=_str(data.get("set_type"), "set_type") or "working",
        weight=_text_number(data.get("weight"), "weight"),
        unit=_str(data.get("unit"), "unit") or None,
        reps=_int(data.get("reps"), "reps"),
        rpe=_text_number(data.get("rpe"), "rpe"),
        rir=_int(data.get("rir"), "rir"),
        duration_s=_int(data.get("duration_s"), "duration_s"),
        distance_m=_text_number(data.get("distance_m"), "distance_m"),
        side=_str(data.get("side"), "side") or "both",
        notes=_str(data.get("notes"), "notes"),
        felt_pain=bool(data.get("felt_pain")),
        completed=data.get("completed") is not False,
        performed_at=_moment(data.get("performed_at"), "performed_at"),
        target=target if isinstance(target, dict) else None,
    )


def _json_workout(raw: Any, number: int) -> ImportedWorkout:
    data = _obj(raw, f"workout {number}")
    started = _moment(data.get("started_at"), "started_at")
    if started is None:
        raise RowError("started_at is missing")
    day_ref = data.get("program_day")
    workout = ImportedWorkout(
        started_at=started,
        line=number,
        name=_str(data.get("name"), "name"),
        notes=_str(data.get("notes"), "notes"),
        finished_at=_moment(data.get("finished_at"), "finished_at"),
        felt_pain=bool(data.get("felt_pain")),
        program_day=(
            (str(day_ref.get("program")), int(day_ref.get("week", 1)), int(day_ref.get("day", 0)))
            if isinstance(day_ref, dict)
            else None
        ),
    )
    for raw_entry in _list(data.get("exercises"), "exercises"):
        entry_data = _obj(raw_entry, "an exercise")
        slug = _str(entry_data.get("exercise"), "exercise")
        target = entry_data.get("target")
        entry = ImportedExercise(
            name=slug,
            slug=slug,
            line=number,
            superset=_str(entry_data.get("superset"), "superset"),
            notes=_str(entry_data.get("notes"), "notes"),
            rest_s=_int(entry_data.get("rest_s"), "rest_s"),
            target=target if isinstance(target, dict) else None,
        )
        entry.sets = [_json_set(s, number) for s in _list(entry_data.get("sets"), "sets")]
        workout.exercises.append(entry)
    return workout


def _parse_json(text: str) -> ParsedFile:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(f"the file is not valid JSON ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != NAME:
        raise ImportFileError('this is not a Repbook backup (no "format": "repbook")')
    if data.get("version") != FORMAT_VERSION:
        raise ImportFileError(f"backup version {data.get('version')!r} is not one this Repbook reads")
    parsed = ParsedFile(format=NAME, exact=True)
    for number, raw in enumerate(_list(data.get("workouts"), "workouts"), start=1):
        try:
            parsed.workouts.append(_json_workout(raw, number))
        except (RowError, ValueError, TypeError) as exc:
            parsed.skip(number, f"workout {number}: {exc}")
    for number, raw in enumerate(_list(data.get("body_weights"), "body_weights"), start=1):
        try:
            item = _obj(raw, "a body weight")
            weight = _text_number(item.get("weight"), "weight")
            if weight is None:
                raise RowError("the weight is missing")
            unit = _str(item.get("unit"), "unit") or "kg"
            parsed.body_weights.append(
                ImportedBodyWeight(day(_str(item.get("date"), "date")), weight, number, unit)
            )
        except RowError as exc:
            parsed.skip(number, f"body weight {number}: {exc}")
    settings = data.get("settings")
    active = data.get("active_program")
    parsed.backup = Backup(
        settings=settings if isinstance(settings, dict) else {},
        custom_exercises=[
            e for e in _list(data.get("custom_exercises"), "custom_exercises") if isinstance(e, dict)
        ],
        programs=[p for p in _list(data.get("programs"), "programs") if isinstance(p, dict)],
        active_program=active if isinstance(active, dict) else None,
        mappings=[
            m for m in _list(data.get("exercise_mappings"), "exercise_mappings") if isinstance(m, dict)
        ],
        progression_overrides=[
            o
            for o in _list(data.get("progression_overrides"), "progression_overrides")
            if isinstance(o, dict)
        ],
    )
    return parsed

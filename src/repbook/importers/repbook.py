"""Repbook's own files: the CSV of every set and the JSON backup (see services/transfer/export.py).

Weights are read exactly as typed; exercises by slug. The JSON backup (read in `repbook_json`)
also carries settings, custom exercises, programs and mappings, handed on as a checked `Backup`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from repbook.core.errors import FieldError
from repbook.core.imported import ImportedSet, ImportedWorkout, ImportFileError, ParsedFile
from repbook.core.moments import check_moment
from repbook.importers.common import RowError, cell, csv_records, decimal, first_line, whole
from repbook.importers.repbook_json import FORMAT_VERSION, NAME, parse_backup

__all__ = ["CSV_COLUMNS", "FORMAT_VERSION", "NAME", "detect", "parse"]
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
        return parse_backup(text)
    return _parse_csv(text)


def _moment(text: str | None, what: str) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError) as exc:
        raise RowError(f"{what} {text!r} is not an ISO date and time") from exc
    try:
        return check_moment(moment, what)
    except FieldError as exc:
        raise RowError(str(exc)) from exc


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

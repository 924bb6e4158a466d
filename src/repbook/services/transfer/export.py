"""Everything a user owns, out: a CSV of every set for spreadsheets, and a JSON backup that
`repbook import` restores exactly (export → import into an empty account → export is the same file).

Both read the log in a fixed number of queries, whatever its length, and stream the sets.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Any, Final

from django.db.models import Max
from django.utils import timezone

from repbook.core.units import KG_PER_LB, plain
from repbook.importers.repbook import CSV_COLUMNS, FORMAT_VERSION
from repbook.importers.repbook import NAME as FORMAT_NAME
from repbook.services.account.accounts import settings_for
from repbook.storage.models import (
    SET_VALUE_FIELDS,
    ActiveProgram,
    BodyWeight,
    Exercise,
    ExerciseMapping,
    ExerciseMuscle,
    Program,
    ProgramDay,
    ProgressionState,
    Set,
    Workout,
    WorkoutExercise,
    owned,
)

SETTINGS_FIELDS: Final = (
    "unit",
    "bar_kg",
    "plates_kg",
    "increments_kg",
    "equipment",
    "default_rest_s",
    "e1rm_formula",
    "sex",
    "secondary_muscle_weight",
    "muscle_targets",
)
_SET_FIELDS: Final = ("id", "workout_id", "workout_exercise_id", *SET_VALUE_FIELDS)


def _num(value: Decimal | int | None) -> str | None:
    return None if value is None else plain(Decimal(value))


def _when(value: datetime | None, zone: tzinfo | None = None) -> str | None:
    """The moment in the server's time zone (`zone`, when the caller looked it up once already:
    finding the current zone costs more than the conversion, and an export does it per set)."""
    if value is None:
        return None
    return value.astimezone(zone or timezone.get_current_timezone()).isoformat()


def _typed(row: Any) -> tuple[str | None, str]:
    """The weight as the user typed it, and its unit (kilograms for rows that kept no typed value)."""
    if row.typed_weight is not None:
        return _num(row.typed_weight), row.typed_unit
    return _num(row.weight_kg), "kg"


class _Log:
    """The user's workouts, entries and exercises in memory; the sets streamed in log order."""

    def __init__(self, user: Any) -> None:
        self.user = user
        self.zone = timezone.get_current_timezone()
        # The log as it stands now: a set logged while a long export streams (it may start a new
        # workout) belongs to the next export, not to a workout this one never read.
        self.last_set = owned(Set, user).aggregate(last=Max("pk"))["last"] or 0
        self.workouts = {
            w["id"]: w
            for w in owned(Workout, user)
            .order_by("started_at", "id")
            .values("id", "started_at", "finished_at", "name", "notes", "felt_pain", "program_day_id")
        }
        self.entries = {
            e["id"]: e
            for e in owned(WorkoutExercise, user).values(
                "id", "workout_id", "exercise_id", "order", "superset_group", "notes", "rest_s", "target"
            )
        }
        ids = {e["exercise_id"] for e in self.entries.values()}
        self.exercises = {
            pk: (slug, name)
            for pk, slug, name in Exercise.objects.filter(pk__in=ids).values_list("pk", "slug", "name")
        }

    def when(self, value: datetime | None) -> str | None:
        return _when(value, self.zone)

    def sets(self) -> Iterator[Any]:
        """The sets as plain named tuples of _SET_FIELDS, fetched a chunk at a time (a server-side
        cursor on PostgreSQL), so memory stays flat however long the log is."""
        rows = (
            owned(Set, self.user)
            .filter(pk__lte=self.last_set)
            .order_by(
                "workout__started_at", "workout_id", "workout_exercise__order", "workout_exercise_id", "order"
            )
            .values_list(*_SET_FIELDS, named=True)
        )
        return iter(rows.iterator(chunk_size=2000))


def csv_rows(user: Any) -> Iterator[list[str]]:
    """The header, then one row per set, oldest workout first."""
    yield list(CSV_COLUMNS)
    log = _Log(user)
    # A workout's columns are the same on each of its sets: formatted once.
    heads = {
        pk: [log.when(w["started_at"]), w["name"], w["notes"], log.when(w["finished_at"])]
        for pk, w in log.workouts.items()
    }
    for row in log.sets():
        entry = log.entries[row.workout_exercise_id]
        slug, name = log.exercises[entry["exercise_id"]]
        weight, unit = _typed(row)
        kg = row.weight_kg
        values: list[str | None] = [
            *heads[row.workout_id],
            name,
            slug,
            entry["superset_group"],
            entry["notes"],
            str(row.order),
            row.set_type,
            weight,
            unit if weight is not None else "",
            _num(kg),
            _num(None if kg is None else (kg / KG_PER_LB).quantize(Decimal("0.01"))),
            _num(row.reps),
            _num(row.rpe),
            _num(row.rir),
            _num(row.duration_s),
            _num(row.distance_m),
            row.side,
            row.notes,
            "yes" if row.felt_pain else "",
            log.when(row.performed_at),
        ]
        yield ["" if v is None else v for v in values]


class _Echo:
    """A file-like object whose write returns what it was given (to stream csv.writer rows)."""

    def write(self, value: str) -> str:
        return value


def csv_lines(user: Any) -> Iterator[str]:
    """The CSV export as text lines, for streaming responses and files."""
    writer = csv.writer(_Echo())
    for row in csv_rows(user):
        yield writer.writerow(row)


def _custom_exercises(user: Any) -> list[dict[str, Any]]:
    exercises = list(Exercise.objects.owned_by(user).order_by("slug").prefetch_related("equipment"))
    roles: dict[int, dict[str, list[str]]] = {}
    for link in ExerciseMuscle.objects.filter(exercise__in=exercises).order_by("muscle__order"):
        roles.setdefault(link.exercise_id, {}).setdefault(link.role, []).append(link.muscle_id)
    return [
        {
            "slug": e.slug,
            "name": e.name,
            "primary_muscles": roles.get(e.pk, {}).get("primary", []),
            "secondary_muscles": roles.get(e.pk, {}).get("secondary", []),
            "equipment": sorted(q.slug for q in e.equipment.all()),
            "pattern": e.pattern,
            "level": e.level,
            "mechanics": e.mechanics,
            "measure": e.measure,
            "bodyweight_fraction": _num(e.bodyweight_fraction),
            "unilateral": e.unilateral,
            "introduction": e.content.get("introduction", ""),
            "steps": e.content.get("steps", []),
        }
        for e in exercises
    ]


def _settings(user: Any) -> dict[str, Any]:
    prefs = settings_for(user)
    values = {name: getattr(prefs, name) for name in SETTINGS_FIELDS}
    return {k: _num(v) if isinstance(v, Decimal) else v for k, v in values.items()}


def _program_days(ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    days = ProgramDay.objects.filter(pk__in=set(ids)).select_related("program")
    return {d.pk: {"program": d.program.slug, "week": d.week, "day": d.order} for d in days}


def _set_json(row: Any, zone: tzinfo) -> dict[str, Any]:
    weight, unit = _typed(row)
    return {
        "set_type": row.set_type,
        "weight": weight,
        "unit": unit if weight is not None else None,
        "weight_kg": _num(row.weight_kg),
        "reps": row.reps,
        "rpe": _num(row.rpe),
        "rir": row.rir,
        "duration_s": row.duration_s,
        "distance_m": _num(row.distance_m),
        "side": row.side,
        "notes": row.notes,
        "felt_pain": row.felt_pain,
        "completed": row.completed,
        "target": row.target,
        "performed_at": _when(row.performed_at, zone),
    }


def _workouts_json(user: Any) -> list[dict[str, Any]]:
    log = _Log(user)
    days = _program_days(w["program_day_id"] for w in log.workouts.values() if w["program_day_id"])
    out: dict[int, dict[str, Any]] = {}
    for pk, w in log.workouts.items():
        out[pk] = {
            "started_at": log.when(w["started_at"]),
            "finished_at": log.when(w["finished_at"]),
            "name": w["name"],
            "notes": w["notes"],
            "felt_pain": w["felt_pain"],
            "program_day": days.get(w["program_day_id"]),
            "exercises": [],
        }
    entries: dict[int, dict[str, Any]] = {}
    for pk, e in sorted(log.entries.items(), key=lambda item: (item[1]["order"], item[0])):
        entries[pk] = {
            "exercise": log.exercises[e["exercise_id"]][0],
            "superset": e["superset_group"],
            "notes": e["notes"],
            "rest_s": e["rest_s"],
            "target": e["target"],
            "sets": [],
        }
        out[e["workout_id"]]["exercises"].append(entries[pk])
    for row in log.sets():
        entries[row.workout_exercise_id]["sets"].append(_set_json(row, log.zone))
    return list(out.values())


def backup(user: Any) -> dict[str, Any]:
    """Everything the user owns as JSON values: the file `repbook import` restores."""
    active = owned(ActiveProgram, user).select_related("program").first()
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "settings": _settings(user),
        "custom_exercises": _custom_exercises(user),
        "programs": [
            {"slug": p.slug, "name": p.name, "source": p.source}
            for p in Program.objects.filter(owner_id=user.pk).order_by("slug")
        ],
        "active_program": (
            {"program": active.program.slug, "started_at": _when(active.started_at)} if active else None
        ),
        "progression_overrides": [
            {"program": s.program.slug, "exercise": s.exercise.slug, "slot": s.slot, "override": s.override}
            for s in owned(ProgressionState, user)
            .select_related("program", "exercise")
            .order_by("program__slug", "exercise__slug", "slot")
        ],
        "exercise_mappings": [
            {"foreign_name": m.foreign_name, "exercise": m.exercise.slug}
            for m in owned(ExerciseMapping, user).select_related("exercise").order_by("foreign_name")
        ],
        "body_weights": [
            {"date": b.date.isoformat(), "weight": _num(b.typed_value), "unit": b.typed_unit}
            for b in owned(BodyWeight, user).order_by("date")
        ],
        "workouts": _workouts_json(user),
    }


def export_filename(extension: str) -> str:
    """The name a download is saved under: repbook-2026-11-21.csv."""
    return f"repbook-{timezone.localdate():%Y-%m-%d}.{extension}"


def backup_text(user: Any) -> str:
    """The JSON backup as text, keys in a fixed order so two exports can be compared: the settings
    and lists indented, then one workout per line. Indenting every set made the encoder Python's
    own (the C encoder does no indenting): four times as slow for a ten-year log, and 40 % larger."""
    data = backup(user)
    workouts = data.pop("workouts")
    head = json.dumps(data, indent=1, ensure_ascii=False)
    lines = ",\n  ".join(json.dumps(w, ensure_ascii=False) for w in workouts)
    body = f"[\n  {lines}\n ]" if workouts else "[]"
    return f'{head[:-2]},\n "workouts": {body}\n}}\n'

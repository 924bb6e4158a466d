"""Programs and the next workout as plain JSON-ready dicts, for the API and `--json` in the CLI."""

from __future__ import annotations

from typing import Any

from repbook.core.program import GROUP_TYPE_WORDS
from repbook.core.program_text import group_text, rule_text
from repbook.core.progression import PlannedGroup
from repbook.core.progression.sessions import reps_words
from repbook.services.program.program_plan import NextWorkout, PlannedExercise, day_lines
from repbook.storage.models import Program


def program_summary(program: Program, active_id: int | None = None) -> dict[str, Any]:
    return {
        "slug": program.slug,
        "name": program.name,
        "level": program.level,
        "days_per_week": program.days_per_week,
        "weeks": program.weeks,
        "description": program.description,
        "builtin": program.owner_id is None,
        "active": program.pk == active_id,
    }


def program_detail(program: Program, active_id: int | None = None) -> dict[str, Any]:
    """The program with its days and every exercise line, read back from the stored text."""
    days = []
    for day in program.days.prefetch_related("prescriptions__exercise", "prescriptions__alternative"):
        lines = []
        for row, line in day_lines(day):
            lines.append(
                {
                    "exercise": row.exercise.slug,
                    "name": row.exercise.name,
                    "alternative": row.alternative.slug if row.alternative else None,
                    "alternative_name": row.alternative.name if row.alternative else None,
                    "sets": [group_text(g) for g in line.groups],
                    "rule": rule_text(line.rule),
                    "rest_s": line.rest_s,
                    "superset": line.superset,
                    "note": line.note,
                }
            )
        days.append({"id": day.pk, "week": day.week, "name": day.name, "exercises": lines})
    return {**program_summary(program, active_id), "days": days}


def group_json(group: PlannedGroup, item: PlannedExercise) -> dict[str, Any]:
    return {
        "sets": group.sets,
        "reps": reps_words(group.reps_min, group.reps_max, group.seconds, group.amrap)
        if group.reps_min or group.seconds
        else None,
        "reps_min": group.reps_min,
        "reps_max": group.reps_max,
        "seconds": group.seconds,
        "amrap": group.amrap,
        "set_type": group.set_type,
        "type_label": GROUP_TYPE_WORDS[group.set_type],
        "load_kg": str(group.load_kg) if group.load_kg is not None else None,
        "load": item.load_words(group.load_kg) or None,
        "rpe": str(group.rpe) if group.rpe is not None else None,
        "reason": group.reason or item.plan.reason,
    }


def planned_json(item: PlannedExercise) -> dict[str, Any]:
    return {
        "exercise": item.exercise.slug,
        "name": item.exercise.name,
        "rule": item.rule,
        "reason": item.plan.reason,
        "caution": item.plan.caution or None,
        "rest_s": item.line.rest_s,
        "superset": item.line.superset,
        "note": item.line.note,
        "alternative_chosen": item.swapped,
        "sessions_done": item.sessions,
        "sets": [group_json(g, item) for g in item.plan.groups],
    }


def next_workout_json(upcoming: NextWorkout) -> dict[str, Any]:
    program = upcoming.active.program
    return {
        "program": {"slug": program.slug, "name": program.name},
        "day": {
            "id": upcoming.day.pk,
            "name": upcoming.day.name,
            "week": upcoming.day.week,
            "number": upcoming.number,
            "of": upcoming.days,
        },
        "last_workout_at": upcoming.last_done.isoformat() if upcoming.last_done else None,
        "exercises": [planned_json(item) for item in upcoming.exercises],
    }

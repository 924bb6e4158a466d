"""Write a checked import plan: custom exercises for new names, then workouts, entries and sets in bulk.

Called inside the import's transaction. Rows go in with bulk inserts (a few queries per thousand
sets), so a 100,000-set history takes seconds, not minutes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Final

from django.utils import timezone

from repbook.core.muscle_guess import guess_muscles
from repbook.services.exercise.custom_exercises import CustomExerciseError, CustomExerciseInput, create
from repbook.services.transfer.import_matching import NameMatch
from repbook.services.transfer.import_plan import Plan, PlannedEntry
from repbook.storage.bulk import insert_rows, insert_rows_returning
from repbook.storage.models import (
    SET_VALUE_FIELDS,
    Exercise,
    Program,
    ProgramDay,
    Set,
    Workout,
    WorkoutExercise,
)

BATCH: Final = 2000
#: The columns of a set as `insert_rows` writes them, in the order of the tuples built below.
SET_COLUMNS: Final = ("owner", "workout", "workout_exercise", "exercise", *SET_VALUE_FIELDS)
#: A workout's and an entry's columns, in the order of their tuples below.
WORKOUT_COLUMNS: Final = (
    "owner", "name", "started_at", "finished_at", "notes", "felt_pain", "program_day", "import_key",
    "updated_at",
)  # fmt: skip
ENTRY_COLUMNS: Final = (
    "owner",
    "workout",
    "exercise",
    "order",
    "superset_group",
    "notes",
    "rest_s",
    "target",
)


def _new_exercise(user: Any, match: NameMatch) -> Exercise:
    primary, secondary = guess_muscles(match.foreign_name)
    name = match.foreign_name.strip()[:100] or "Imported exercise"
    data = CustomExerciseInput(
        name=name,
        primary_muscles=primary,
        secondary_muscles=secondary,
        equipment=(),  # unknown: the user says on the exercise's page
        measure=match.kind,
        introduction="Created by an import. Check its muscles and equipment.",
    )
    try:
        return create(user, data)
    except CustomExerciseError as exc:
        if exc.field != "name":
            raise
        return create(user, CustomExerciseInput(**{**data.__dict__, "name": f"{name} (imported)"}))


def exercises_for(user: Any, names: Iterable[NameMatch]) -> dict[str, Exercise]:
    """Each foreign name's exercise row, creating custom exercises for names marked new."""
    names = list(names)
    slugs = {m.choice.slug for m in names if m.choice is not None}
    rows: dict[str, Exercise] = {}
    for exercise in Exercise.objects.visible_to(user).filter(slug__in=slugs).order_by("owner_id"):
        if exercise.owner_id is not None or exercise.slug not in rows:  # custom shadows catalog
            rows[exercise.slug] = exercise
    found: dict[str, Exercise] = {}
    for match in names:
        if match.confidence == "new":
            found[match.foreign_name] = _new_exercise(user, match)
        elif match.choice is not None and match.choice.slug in rows:  # a backup's exercise may be refused
            found[match.foreign_name] = rows[match.choice.slug]
    return found


def _program_days(user: Any, plan: Plan) -> dict[tuple[str, int, int], int]:
    refs = {w.program_day for w in plan.workouts if w.program_day}
    if not refs:
        return {}
    programs: dict[str, int] = {}
    for program in Program.objects.filter(slug__in={r[0] for r in refs}, owner_id__in=[user.pk]):
        programs[program.slug] = program.pk  # the user's own program of that name wins
    for program in Program.objects.filter(slug__in={r[0] for r in refs}, owner__isnull=True):
        programs.setdefault(program.slug, program.pk)
    days = ProgramDay.objects.filter(program_id__in=programs.values()).values_list(
        "pk", "program_id", "week", "order"
    )
    by_program = {pk: slug for slug, pk in programs.items()}
    return {(by_program[program], week, order): pk for pk, program, week, order in days}


def write_plan(
    user: Any, plan: Plan, names: list[NameMatch], progress: Callable[[str, int, int], None] | None = None
) -> dict[str, Exercise]:
    """Insert every planned workout; returns the exercise used for each foreign name."""
    exercises = exercises_for(user, names)
    days = _program_days(user, plan)
    total, done = plan.set_count, 0
    now = timezone.now()
    for start in range(0, len(plan.workouts), BATCH // 4):
        chunk = plan.workouts[start : start + BATCH // 4]
        workout_ids = insert_rows_returning(
            Workout,
            WORKOUT_COLUMNS,
            [
                (
                    user.pk,
                    w.name,
                    w.started_at,
                    w.finished_at,
                    w.notes,
                    w.felt_pain,
                    days.get(w.program_day) if w.program_day else None,
                    w.key,
                    now,
                )
                for w in chunk
            ],
        )
        # (workout id, exercise id, place in the workout, the planned entry) of each entry.
        entries: list[tuple[int, int, int, PlannedEntry]] = []
        for workout_id, planned in zip(workout_ids, chunk, strict=True):
            kept = [e for e in planned.entries if e.foreign_name in exercises]
            entries.extend(
                (workout_id, exercises[e.foreign_name].pk, order, e) for order, e in enumerate(kept, start=1)
            )
        entry_ids = insert_rows_returning(
            WorkoutExercise,
            ENTRY_COLUMNS,
            [
                (user.pk, workout_id, exercise_id, order, e.superset, e.notes, e.rest_s, e.target)
                for workout_id, exercise_id, order, e in entries
            ],
        )
        sets = [
            (
                user.pk,
                workout_id,
                entry_id,
                exercise_id,
                order,
                s.values.set_type,
                s.values.weight_kg,
                s.typed_weight,
                s.typed_unit,
                s.values.reps,
                s.values.rpe,
                s.values.rir,
                s.values.duration_s,
                s.values.distance_m,
                s.values.side,
                s.values.notes,
                s.felt_pain,
                s.completed,
                s.target,
                s.performed_at,
            )
            for entry_id, (workout_id, exercise_id, _, entry) in zip(entry_ids, entries, strict=True)
            for order, s in enumerate(entry.sets, start=1)
        ]
        insert_rows(Set, SET_COLUMNS, sets)
        done += len(sets)
        if progress is not None:
            progress("writing", done, total)
    return exercises

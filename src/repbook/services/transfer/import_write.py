"""Write a checked import plan: custom exercises for new names, then workouts, entries and sets in bulk.

Called inside the import's transaction. Rows go in with bulk inserts (a few queries per thousand
sets), so a 100,000-set history takes seconds, not minutes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Final

from repbook.core.muscle_guess import guess_muscles
from repbook.services.exercise.custom_exercises import CustomExerciseError, CustomExerciseInput, create
from repbook.services.transfer.import_matching import NameMatch
from repbook.services.transfer.import_plan import Plan
from repbook.storage.bulk import insert_rows
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
    for start in range(0, len(plan.workouts), BATCH // 4):
        chunk = plan.workouts[start : start + BATCH // 4]
        workouts = Workout.objects.bulk_create(
            [
                Workout(
                    owner=user,
                    name=w.name,
                    started_at=w.started_at,
                    finished_at=w.finished_at,
                    notes=w.notes,
                    felt_pain=w.felt_pain,
                    program_day_id=days.get(w.program_day) if w.program_day else None,
                    import_key=w.key,
                )
                for w in chunk
            ]
        )
        entries: list[WorkoutExercise] = []
        planned_entries = []
        for workout, planned in zip(workouts, chunk, strict=True):
            kept = [e for e in planned.entries if e.foreign_name in exercises]
            planned_entries.extend(kept)
            for order, entry in enumerate(kept, start=1):
                entries.append(
                    WorkoutExercise(
                        owner=user,
                        workout=workout,
                        exercise=exercises[entry.foreign_name],
                        order=order,
                        superset_group=entry.superset,
                        notes=entry.notes,
                        rest_s=entry.rest_s,
                        target=entry.target,
                    )
                )
        WorkoutExercise.objects.bulk_create(entries, batch_size=BATCH)
        sets = [
            (
                user.pk,
                row.workout_id,
                row.pk,
                row.exercise_id,
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
            for row, entry in zip(entries, planned_entries, strict=True)
            for order, s in enumerate(entry.sets, start=1)
        ]
        insert_rows(Set, SET_COLUMNS, sets)
        done += len(sets)
        if progress is not None:
            progress("writing", done, total)
    return exercises

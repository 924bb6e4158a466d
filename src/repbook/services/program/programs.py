"""The program library: list, show, follow, write your own, start today's workout, set a load by hand."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import slugify

from repbook.core.exercise import is_slug
from repbook.core.program_text import ProgramSyntaxError, parse_program
from repbook.core.units import to_kg
from repbook.programs.store import save_program
from repbook.services.exercise.exercise_names import ExerciseIndex, NamedExercise
from repbook.services.program.program_plan import PlannedExercise, next_workout, plan_for_day, rule_slot
from repbook.services.workout.open_workouts import lock_user_workouts, open_workout
from repbook.services.workout.quicklog import CLOSE_MATCH, exercise_index
from repbook.storage.models import (
    ActiveProgram,
    Exercise,
    Program,
    ProgramDay,
    ProgressionState,
    Workout,
    WorkoutExercise,
    owned,
)

MAX_PROGRAM_TEXT = 50_000


class ProgramError(ValueError):
    """A program that cannot be used, or a request about one that cannot be met; `line` when known."""

    def __init__(
        self, message: str, line: int | None = None, field: str = "program", missing: bool = False
    ) -> None:
        super().__init__(f"line {line}: {message}" if line else message)
        self.message = message
        self.line = line
        self.field = field
        #: Nothing by that name exists for this user (404 in the API).
        self.missing = missing


def visible_programs(user: Any) -> QuerySet[Program]:
    """Built-in programs and the user's own."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Program.objects.filter(owner__isnull=True)
    return Program.objects.filter(Q(owner__isnull=True) | Q(owner_id=user.pk))


def own_programs(user: Any) -> QuerySet[Program]:
    """Programs the user wrote (what they may change or delete)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Program.objects.none()
    return Program.objects.filter(owner_id=user.pk)


def program_for(user: Any, slug: str) -> Program:
    """The user's own program `slug`, else the built-in one; ProgramError when neither exists."""
    rows = {p.owner_id: p for p in visible_programs(user).filter(slug=slug)}
    program = rows.get(getattr(user, "pk", None)) or rows.get(None)
    if program is None:
        raise ProgramError(f"no program {slug!r}; see the program library", field="slug", missing=True)
    return program


def active_program(user: Any) -> ActiveProgram | None:
    return owned(ActiveProgram, user).select_related("program").first()


@transaction.atomic
def start_program(user: Any, slug: str) -> ActiveProgram:
    """Follow `slug` from now on (from its first day); replaces the program followed before."""
    program = program_for(user, slug)
    ActiveProgram.objects.filter(owner=user).delete()
    return ActiveProgram.objects.create(owner=user, program=program, started_at=timezone.now())


def stop_program(user: Any) -> None:
    owned(ActiveProgram, user).delete()


@dataclass(frozen=True)
class SavedProgram:
    program: Program
    created: bool


@transaction.atomic
def save_user_program(user: Any, text: str, slug: str | None = None) -> SavedProgram:
    """Read a program in the text format and save it as the user's own (updating `slug` if given)."""
    if slug is not None and not is_slug(slug):
        raise ProgramError("a program's slug is lowercase letters and digits joined by '-'", field="slug")
    if len(text) > MAX_PROGRAM_TEXT:
        raise ProgramError(f"the program is longer than {MAX_PROGRAM_TEXT} characters", field="text")
    try:
        spec = parse_program(text)
    except ProgramSyntaxError as exc:
        raise ProgramError(exc.message, exc.line, field="text") from exc
    index = exercise_index(user)
    names: dict[str, NamedExercise] = {}
    lines = text.splitlines()
    for day in spec.days:
        for p in day.prescriptions:
            for name in filter(None, (p.exercise, p.alternative)):
                if name not in names:
                    names[name] = _resolve(index, name, _line_of(lines, name))
    slug = slug or _free_slug(user, spec.name)
    exists = own_programs(user).filter(slug=slug).exists()
    program = save_program(user, slug, spec, text, _rows(names))
    return SavedProgram(program, created=not exists)


def delete_user_program(user: Any, slug: str) -> None:
    deleted, _ = own_programs(user).filter(slug=slug).delete()
    if not deleted:
        raise ProgramError(
            f"you have no program {slug!r} of your own (built-in programs cannot be deleted)", missing=True
        )


@transaction.atomic
def start_next_workout(user: Any, day_id: int | None = None) -> Workout:
    """Start a workout for the next day of the active program (or the chosen day), targets filled in;
    resume the open workout instead when there is one (one open workout at a time)."""
    active = active_program(user)
    if active is None:
        raise ProgramError("you follow no program: choose one in the program library first", missing=True)
    lock_user_workouts(user)
    current = open_workout(user, lock=True)
    if current is not None:
        return current
    if day_id is None:
        upcoming = next_workout(user)
        if upcoming is None:
            raise ProgramError("the program has no days")
        day, planned = upcoming.day, upcoming.exercises
    else:
        chosen = ProgramDay.objects.filter(program=active.program, pk=day_id).first()
        if chosen is None:
            raise ProgramError(f"the program {active.program.name!r} has no day {day_id}", field="day")
        day, planned = chosen, plan_for_day(user, active, chosen)
    workout = Workout.objects.create(owner=user, name=f"{active.program.name}: {day.name}", program_day=day)
    WorkoutExercise.objects.bulk_create(
        WorkoutExercise(
            owner=user,
            workout=workout,
            exercise=item.exercise,
            order=order,
            superset_group=item.line.superset or "",
            rest_s=item.line.rest_s,
            notes=item.line.note,
            target=target_json(item),
        )
        for order, item in enumerate(planned, start=1)
    )
    return workout


def target_json(item: PlannedExercise) -> dict[str, Any]:
    """What a workout keeps of the plan: every set group with its load and reason."""
    return {
        "reason": item.plan.reason,
        "caution": item.plan.caution,
        "rule": item.rule,
        "groups": [
            {
                "sets": g.sets,
                "reps_min": g.reps_min,
                "reps_max": g.reps_max,
                "seconds": g.seconds,
                "amrap": g.amrap,
                "set_type": g.set_type,
                "weight_kg": str(g.load_kg) if g.load_kg is not None else None,
                "rpe": str(g.rpe) if g.rpe is not None else None,
                "reason": g.reason,
            }
            for g in item.plan.groups
        ],
    }


@transaction.atomic
def set_by_hand(
    user: Any,
    slug: str,
    *,
    load: Decimal | None = None,
    training_max: Decimal | None = None,
    unit: str = "kg",
) -> ProgressionState:
    """Set the next load (or training max) of exercise `slug` in the upcoming workout by hand.

    It applies to the next session only; from then on the rule goes on from what was lifted.
    """
    if (load is None) == (training_max is None):
        raise ProgramError("give either a load or a training max", field="load")
    value = load if load is not None else training_max
    assert value is not None
    if not Decimal(0) <= value <= Decimal(1000):
        raise ProgramError("the weight must be from 0 to 1000", field="load")
    upcoming = next_workout(user)
    item = next((i for i in upcoming.exercises if i.exercise.slug == slug), None) if upcoming else None
    if upcoming is None or item is None:
        raise ProgramError(f"{slug!r} is not in your next workout", field="exercise")
    kg = to_kg(value, unit)
    data: dict[str, Any] = {"after": item.sessions}
    data["load_kg" if load is not None else "training_max_kg"] = str(kg)
    state, _ = ProgressionState.objects.update_or_create(
        owner=user,
        program=upcoming.active.program,
        exercise=item.exercise,
        slot=item.slot,
        defaults={"override": data},
    )
    return state


@transaction.atomic
def set_training_max(user: Any, program_slug: str, slug: str, value: Decimal, unit: str = "kg") -> Decimal:
    """Set the 5/3/1 training max of exercise `slug` in the active program `program_slug`; in kg.

    Unlike `set_by_hand` it reaches any day of the program, so every main lift can be set up front
    (without a training max or history the first session has no loads).
    """
    if not Decimal(0) < value <= Decimal(1000):
        raise ProgramError("the training max must be above 0 and at most 1000", field="training_max")
    active = active_program(user)
    if active is None or active.program.slug != program_slug:
        raise ProgramError(f"you do not follow {program_slug!r}: start it first", field="program")
    found = rule_slot(user, active, slug, "531")
    if found is None:
        raise ProgramError(f"{slug!r} has no training max in {active.program.name}", field="exercise")
    exercise, slot, sessions = found
    kg = to_kg(value, unit)
    ProgressionState.objects.update_or_create(
        owner=user,
        program=active.program,
        exercise=exercise,
        slot=slot,
        defaults={"override": {"after": sessions, "training_max_kg": str(kg)}},
    )
    return kg


def clear_by_hand(user: Any, slug: str) -> None:
    active = active_program(user)
    if active is not None:
        owned(ProgressionState, user).filter(program=active.program, exercise__slug=slug).update(
            override=None
        )


def _resolve(index: ExerciseIndex, name: str, line: int | None) -> NamedExercise:
    resolution = index.resolve(name)
    if resolution.exercise is not None:
        return resolution.exercise
    options = ", ".join(m.exercise.name for m in resolution.candidates[:4])
    if resolution.candidates and resolution.candidates[0].score >= CLOSE_MATCH:
        raise ProgramError(f"{name!r} could mean several exercises: {options}", line, field="text")
    hint = f"; closest: {options}" if options else ""
    raise ProgramError(f"no exercise called {name!r}{hint}", line, field="text")


def _rows(names: dict[str, NamedExercise]) -> dict[str, Exercise]:
    rows = Exercise.objects.in_bulk([e.id for e in names.values()])
    return {name: rows[e.id] for name, e in names.items()}


def _line_of(lines: list[str], name: str) -> int | None:
    return next((i for i, text in enumerate(lines, start=1) if text.strip().startswith(name)), None)


def _free_slug(user: Any, name: str) -> str:
    base = slugify(name)[:70] or "program"
    taken = set(visible_programs(user).filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug

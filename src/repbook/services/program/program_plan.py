"""What the user's active program asks for next, computed from their logged sessions.

Everything is read in a fixed number of queries (program, days, workouts, sets, history,
settings, overrides) and handed to `core.progression.replay`, one exercise slot at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from repbook.core.e1rm import RELIABLE_REPS, estimate_1rm
from repbook.core.equipment import can_do
from repbook.core.loadable import Loading, default_step, loading_kind
from repbook.core.program import Prescription as Line
from repbook.core.program_text import parse_prescription, rule_text
from repbook.core.progression import BestSet, Context, DoneSet, Override, Plan, Session, replay
from repbook.core.stored import StoredValueError, read_override
from repbook.core.units import format_load, from_kg
from repbook.services.account.accounts import own_steps, settings_for, user_barbell
from repbook.storage.models import (
    ActiveProgram,
    Exercise,
    Prescription,
    ProgramDay,
    ProgressionState,
    Set,
    UserSettings,
    Workout,
    owned,
)

#: How far back the history that seeds a starting load reaches.
HISTORY_WINDOW = timedelta(weeks=26)


@dataclass(frozen=True)
class PlannedExercise:
    """One exercise of the next workout: the plan, and what it is based on."""

    exercise: Exercise
    line: Line
    slot: str
    plan: Plan
    sessions: int
    swapped: bool  # the alternative, because the user lacks the first exercise's equipment
    unit: str
    bodyweight: bool  # loads are added to body weight

    def load_words(self, kg: Decimal | None) -> str:
        """'12.5 kg'; 'body weight' or 'body weight + 2.5 kg' for a bodyweight exercise."""
        return format_load(kg, self.unit, self.bodyweight) if kg is not None else ""

    @property
    def rule(self) -> str:
        return rule_text(self.line.rule)


@dataclass(frozen=True)
class NextWorkout:
    active: ActiveProgram
    day: ProgramDay
    number: int  # the day's place in the program, from 1
    days: int
    exercises: list[PlannedExercise]
    last_done: datetime | None


def day_lines(day: ProgramDay) -> list[tuple[Prescription, Line]]:
    """A day's exercise rows with their lines read back from the stored text."""
    return [(row, parse_prescription(row.line, row.note)) for row in day.prescriptions.all()]


def slot_key(line: Line) -> str:
    """Tells apart two rules on one exercise in a program (GZCLP's T1 and T2 squat)."""
    return f"{line.rule.name}{line.rule.tier or ''}"


def next_workout(user: Any) -> NextWorkout | None:
    """The next day of the user's active program with every load and reason; None without one."""
    active = owned(ActiveProgram, user).select_related("program").first()
    if active is None:
        return None
    return _Planner(user, active).next()


def rule_slot(user: Any, active: ActiveProgram, slug: str, rule: str) -> tuple[Exercise, str, int] | None:
    """Exercise `slug` under `rule` on any day of the active program: (exercise, slot, sessions done)."""
    planner = _Planner(user, active)
    for row, line in (pair for day in planner.days for pair in planner.lines[day.pk]):
        exercise = planner._choose(row)
        if line.rule.name == rule and exercise.slug == slug:
            key = slot_key(line)
            return exercise, key, len(planner._sessions(exercise, key))
    return None


def plan_for_day(user: Any, active: ActiveProgram, day: ProgramDay) -> list[PlannedExercise]:
    """The plan for a chosen day of the active program (the user may train out of order)."""
    return _Planner(user, active).plan_day(day)


class _Planner:
    def __init__(self, user: Any, active: ActiveProgram) -> None:
        self.user = user
        self.active = active
        self.prefs = settings_for(user)
        self.days = list(
            ProgramDay.objects.filter(program=active.program).prefetch_related(
                Prefetch(
                    "prescriptions",
                    queryset=Prescription.objects.select_related("exercise", "alternative").prefetch_related(
                        "exercise__equipment", "alternative__equipment"
                    ),
                )
            )
        )
        self.lines = {day.pk: day_lines(day) for day in self.days}
        self.by_id = {day.pk: day for day in self.days}
        self.workouts = list(
            owned(Workout, user)
            .filter(program_day__program=active.program, started_at__gte=active.started_at)
            .order_by("started_at", "pk")
        )
        self.sets: dict[int, list[Set]] = defaultdict(list)
        for s in Set.objects.filter(workout__in=[w.pk for w in self.workouts]).order_by(
            "workout_exercise__order", "order"
        ):
            self.sets[s.workout_id].append(s)

    def next(self) -> NextWorkout | None:
        if not self.days:
            return None
        position = {day.pk: index for index, day in enumerate(self.days)}
        last = self.workouts[-1] if self.workouts else None
        index = (position.get(last.program_day_id or -1, -1) + 1) % len(self.days) if last else 0
        day = self.days[index]
        return NextWorkout(
            self.active, day, index + 1, len(self.days), self.plan_day(day), last.started_at if last else None
        )

    def plan_day(self, day: ProgramDay) -> list[PlannedExercise]:
        chosen = [(row, line, self._choose(row)) for row, line in self.lines.get(day.pk, [])]
        exercises = [exercise for _, _, exercise in chosen]
        best, seen = self._history(exercises)
        overrides = self._overrides()
        planned = []
        for row, line, exercise in chosen:
            key = slot_key(line)
            sessions = self._sessions(exercise, key)
            ctx = self._context(exercise, best.get(exercise.pk), new=exercise.pk not in seen)
            override = overrides.get((exercise.pk, key))
            _, plan = replay(line.rule, sessions, line.groups, ctx, override)
            swapped = exercise.pk != row.exercise_id
            planned.append(
                PlannedExercise(
                    exercise, line, key, plan, len(sessions), swapped, self.prefs.unit, ctx.bodyweight
                )
            )
        return planned

    def _choose(self, row: Prescription) -> Exercise:
        owned_equipment = set(self.prefs.equipment or [])
        if not owned_equipment or row.alternative is None:
            return row.exercise
        if can_do({e.slug for e in row.exercise.equipment.all()}, owned_equipment):
            return row.exercise
        if can_do({e.slug for e in row.alternative.equipment.all()}, owned_equipment):
            return row.alternative
        return row.exercise

    def _sessions(self, exercise: Exercise, key: str) -> list[Session]:
        weeks = self.active.program.weeks
        sessions = []
        for workout in self.workouts:
            day = self.by_id.get(workout.program_day_id or -1)
            lines = self.lines.get(workout.program_day_id or -1, [])
            line = next((ln for row, ln in lines if slot_key(ln) == key and _names(row, exercise)), None)
            done = [s for s in self.sets[workout.pk] if s.exercise_id == exercise.pk]
            if day is None or line is None or not done:
                continue
            sessions.append(
                Session(
                    tuple(_done(s, workout.felt_pain) for s in done),
                    line.groups,
                    week=day.week,
                    last_week=day.week == weeks,
                    on=timezone.localdate(workout.started_at),
                )
            )
        return sessions

    def _history(self, exercises: Iterable[Exercise]) -> tuple[dict[int, BestSet], set[int]]:
        """Best recent set per exercise before the program began, and which were ever done."""
        ids = sorted({e.pk for e in exercises})
        if not ids:
            return {}, set()
        start = self.active.started_at
        # One index step per exercise for "ever done", and one index range per exercise for the
        # window: asked for all of them at once, PostgreSQL read every set of the lifter's.
        done_before = owned(Set, self.user).filter(exercise=OuterRef("pk"), performed_at__lt=start)
        seen = set(Exercise.objects.filter(Exists(done_before), pk__in=ids).values_list("pk", flat=True))
        window = (
            owned(Set, self.user)
            .filter(performed_at__gte=start - HISTORY_WINDOW, performed_at__lt=start)
            .filter(weight_kg__gt=0, reps__gte=1, reps__lte=RELIABLE_REPS)
            .exclude(set_type="warmup")
            .order_by()
        )
        fields = ("exercise_id", "weight_kg", "reps", "performed_at")
        first, *others = [window.filter(exercise_id=pk).values_list(*fields) for pk in ids]
        best: dict[int, BestSet] = {}
        for exercise_id, weight, reps, when in first.union(*others, all=True):
            if weight is None or reps is None:  # excluded by the query; keeps the types honest
                continue
            e1rm = estimate_1rm(float(weight), reps, self.prefs.e1rm_formula)
            if e1rm is None:
                continue
            value = Decimal(str(round(e1rm, 3)))
            if exercise_id not in best or value > best[exercise_id].e1rm_kg:
                best[exercise_id] = BestSet(weight, reps, value, timezone.localdate(when))
        return best, seen

    def _overrides(self) -> dict[tuple[int, str], Override]:
        rows = owned(ProgressionState, self.user).filter(program=self.active.program, override__isnull=False)
        found = {(row.exercise_id, row.slot): override_from_json(row.override) for row in rows}
        return {key: override for key, override in found.items() if override is not None}

    def _context(self, exercise: Exercise, best: BestSet | None, new: bool) -> Context:
        loading = loading_for(exercise, self.prefs)
        bodyweight = loading.kind == "added"
        return Context(
            unit=self.prefs.unit,
            loading=loading,
            increment_kg=loading.step_kg,
            bodyweight=bodyweight,
            best=None if bodyweight else best,
            new_exercise=new,
            first_added_kg=first_added_kg(exercise) if bodyweight else None,
        )


def loading_for(exercise: Exercise, prefs: UserSettings) -> Loading:
    """How this user can load this exercise: their bar and plates, dumbbell and stack steps."""
    unit = prefs.unit
    kind = loading_kind(
        frozenset(e.slug for e in exercise.equipment.all()), float(exercise.bodyweight_fraction)
    )
    if kind == "barbell":
        setup = user_barbell(prefs)
        return Loading(kind, unit, setup.step, setup.bar)
    own_step = own_steps(prefs).get(kind)
    step = from_kg(own_step, unit, places=3) if own_step else default_step(kind, unit)
    return Loading(kind, unit, step)


def first_added_kg(exercise: Exercise) -> Decimal | None:
    """The first load to add to a bodyweight exercise, as its catalog page gives it (kg), if it does."""
    recommendation = (exercise.content or {}).get("recommendation")
    value = recommendation.get("first_added_kg") if isinstance(recommendation, dict) else None
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    return Decimal(str(value))


def override_from_json(stored: Any) -> Override | None:
    """A load set by hand as stored; None when the stored value is not one (it is then ignored)."""
    try:
        data = read_override(stored)
    except StoredValueError:
        return None

    def kg(key: str) -> Decimal | None:
        return Decimal(data[key]) if key in data else None

    return Override(data["after"], kg("load_kg"), kg("training_max_kg"))


def _names(row: Prescription, exercise: Exercise) -> bool:
    return exercise.pk in (row.exercise_id, row.alternative_id)


def _done(s: Set, session_pain: bool = False) -> DoneSet:
    """A logged set for the rules; pain marked on the whole session counts for each of its exercises."""
    rpe = s.rpe if s.rpe is not None else (Decimal(10 - s.rir) if s.rir is not None else None)
    return DoneSet(s.weight_kg, s.reps, s.duration_s, rpe, s.set_type, s.felt_pain or session_pain)

"""What the logging page shows: each exercise's sets, what you did last time, the next set."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import Any

from django.utils import timezone

from repbook.core.next_set import WARMUP, PlannedSet, SetAmounts
from repbook.core.next_set import next_set as choose_next_set
from repbook.core.plates import MAX_CALCULATOR_WEIGHT, BarbellSetup, plates_per_side
from repbook.core.units import from_kg, plain
from repbook.core.warmup import warmup_ramp
from repbook.services.account.accounts import settings_for, user_barbell
from repbook.services.workout.open_workouts import close_idle, is_idle
from repbook.services.workout.plate_words import closest_words, plates_words, warmup_words
from repbook.services.workout.supersets import step_in
from repbook.services.workout.workout_targets import grouped, target_sets
from repbook.storage import hot_path
from repbook.storage.models import Exercise, Set, Workout, WorkoutExercise
from repbook.storage.queries import workout_with_sets


@dataclass
class NextSet:
    """The values the form is prefilled with, in the user's unit."""

    number: int  # among the sets of its kind: warm-up 2, or working set 1 after any warm-ups
    weight: Decimal | None
    reps: int | None
    duration_s: int | None
    distance_m: Decimal | None
    last_time: Set | None
    target: str = ""  # what the program asks for this set, in words
    set_type: str = "working"

    @property
    def label(self) -> str:
        """ "set 2", "warm-up 1": how the lifter counts it (warm-ups apart from the working sets)."""
        return f"{'warm-up' if self.set_type == WARMUP else 'set'} {self.number}"


@dataclass
class EntryView:
    entry: WorkoutExercise
    sets: list[Set]
    next_set: NextSet
    last_sets: list[Set] = field(default_factory=list)
    plates: PlateHelp | None = None  # barbell exercises only
    paired_with_next: bool = False
    targets: list[str] = field(default_factory=list)  # every prescribed set, in words

    @property
    def warmups_done(self) -> int:
        return sum(1 for s in self.sets if s.set_type == WARMUP)

    @property
    def working_done(self) -> int:
        return len(self.sets) - self.warmups_done

    @property
    def numbered(self) -> list[tuple[str, Set]]:
        """Each set with its number as a lifter counts: warm-ups unnumbered (marked W), then 1, 2, 3."""
        out, working = [], 0
        for row in self.sets:
            if row.set_type == WARMUP:
                out.append(("", row))
            else:
                working += 1
                out.append((str(working), row))
        return out


@dataclass
class LoggingPage:
    workout: Workout
    entries: list[EntryView]
    unit: str
    rest_s: int
    last_logged: Set | None


def _last_time(user: Any, workout: Workout, exercises: dict[int, Exercise]) -> dict[int, list[Set]]:
    """Each exercise's sets from the latest earlier workout that had it: 2 queries, read from the
    session summaries' index (one row per exercise), so a ten-year history costs what a month does."""
    started = workout.started_at
    found: dict[int, list[Set]] = defaultdict(list)
    for row in hot_path.last_time_sets(user.pk, sorted(exercises), timezone.localdate(started), started):
        row.exercise = exercises[row.exercise_id]
        found[row.exercise_id].append(row)
    return found


def _shown(kg: Decimal | None, unit: str, row: Set | None = None) -> Decimal | None:
    if kg is None:
        return None
    if row is not None and row.typed_weight is not None and row.typed_unit == unit:
        return Decimal(plain(row.typed_weight))
    return Decimal(plain(from_kg(kg, unit, places=2)))


def _amounts(row: Set, unit: str) -> SetAmounts:
    return SetAmounts(
        row.set_type, _shown(row.weight_kg, unit, row), row.reps, row.duration_s, row.distance_m
    )


def _next_set(entry: WorkoutExercise, sets: list[Set], last: list[Set], unit: str) -> NextSet:
    """The form's prefill: the rule is core.next_set's; this converts rows and words the target."""
    targets = target_sets(entry.target)
    planned = [PlannedSet(t.set_type, _shown(t.weight_kg, unit), t.reps, t.seconds) for t in targets]
    chosen = choose_next_set([_amounts(s, unit) for s in sets], [_amounts(s, unit) for s in last], planned)
    values = chosen.values
    target = targets[chosen.target] if chosen.target is not None else None
    warmup = values.set_type == WARMUP
    return NextSet(
        sum(1 for s in sets if (s.set_type == WARMUP) == warmup) + 1,
        values.weight,
        values.reps,
        values.duration_s,
        values.distance_m,
        last[chosen.last_time] if chosen.last_time is not None else None,
        target.describe(unit, entry.exercise.is_bodyweight) if target is not None else "",
        values.set_type,
    )


def _working(sets: list[Set]) -> int:
    return sum(1 for s in sets if s.set_type != WARMUP)


@dataclass(frozen=True)
class PlateHelp:
    """The plate helper of a barbell exercise: the user's bar and plates, for the page's script to
    follow the typed weight, and core's answer in words for the prefilled one (empty without one)."""

    setup: BarbellSetup
    weight: Decimal | None
    plates: str = ""
    closest: str = ""
    warmup: str = ""

    @property
    def plate_list(self) -> str:
        """The plates as the script reads them: "25 20 15 10 5 2.5 1.25"."""
        return " ".join(plain(p) for p in self.setup.plates)


def _plate_help(entry: WorkoutExercise, weight: Decimal | None, setup: BarbellSetup) -> PlateHelp | None:
    """Plates for the prefilled weight, and a warm-up ramp unless the program writes its own warm-ups."""
    if "barbell" not in {e.slug for e in entry.exercise.equipment.all()}:
        return None
    if weight is None or not 0 < weight <= MAX_CALCULATOR_WEIGHT:
        return PlateHelp(setup, None)
    load = plates_per_side(weight, setup.bar, setup.plates)
    own_warmups = any(t.set_type == WARMUP for t in target_sets(entry.target))
    ramp = "" if own_warmups else warmup_words(warmup_ramp(weight, setup.bar, setup.step))
    return PlateHelp(setup, weight, plates_words(load), closest_words(load, setup.unit), ramp)


def logging_page(user: Any, workout_id: int) -> LoggingPage:
    """The logging page of one of the user's workouts; DoesNotExist for anyone else's."""
    workout = workout_with_sets(user, workout_id, with_equipment=True)
    prefs = settings_for(user)
    setup = user_barbell(prefs)
    entries = list(workout.entries.all())
    last = _last_time(user, workout, {e.exercise_id: e.exercise for e in entries})
    views = []
    all_sets: list[Set] = []
    for entry in entries:
        sets = list(entry.sets.all())
        all_sets += sets
        next_set = _next_set(entry, sets, last.get(entry.exercise_id, []), prefs.unit)
        plates = _plate_help(entry, next_set.weight, setup)
        targets = grouped(
            [t.describe(prefs.unit, entry.exercise.is_bodyweight) for t in target_sets(entry.target)]
        )
        views.append(
            EntryView(entry, sets, next_set, last.get(entry.exercise_id, []), plates, targets=targets)
        )
    for view, following in pairwise(views):
        group = view.entry.superset_group
        view.paired_with_next = bool(group) and following.entry.superset_group == group
    last_logged = max(all_sets, key=lambda s: s.performed_at, default=None)
    last_at = last_logged.performed_at if last_logged is not None else None
    if workout.is_open and is_idle(workout, last_at, timezone.now()):
        close_idle(workout, last_at)
    rest = prefs.default_rest_s
    if last_logged is not None:
        entry = next(e for e in entries if e.pk == last_logged.workout_exercise_id)
        rest = entry.rest_s or entry.exercise.rest_s or rest
        # Inside a superset's round the lifter goes straight on to its next exercise: no rest.
        step = step_in([(v.entry, _working(v.sets)) for v in views], last_logged)
        if step is not None and not step.rest:
            rest = 0
    return LoggingPage(workout, views, prefs.unit, rest, last_logged)

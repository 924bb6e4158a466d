"""Training across exercises: weekly totals, hard sets per muscle, best lifts, strength scores.

Everything reads a bounded window of weeks, or aggregates in SQL, so a ten-year history costs
the same handful of queries as a ten-week one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Final

from django.db.models import Max, Min, Q
from django.utils import timezone

from repbook.core.e1rm import RELIABLE_REPS, estimate_set
from repbook.core.stats.body import TOTAL_LIFTS, StrengthScores, strength_scores
from repbook.core.stats.lifts import body_weight_on, lifted_load
from repbook.core.stats.volume import (
    ExerciseMuscles,
    HardSets,
    MuscleWeeks,
    heat_level,
    parse_targets,
    week_starts,
    weekly_sets_by_muscle,
)
from repbook.core.stats.weeks import Comparison, DaySets, WeekTotals, compare_to_baseline, weekly_totals
from repbook.services.account.accounts import settings_for
from repbook.services.workout import body_weight
from repbook.storage.models import Exercise, ExerciseMuscle, Set, UserSettings

DEFAULT_WEEKS: Final = 8
MAX_WEEKS: Final = 520


@dataclass(frozen=True)
class TrainingWeeks:
    weeks: list[date]  # Mondays, oldest first; the last is the current week
    totals: list[WeekTotals]
    muscles: list[MuscleWeeks]
    secondary_weight: Decimal

    @property
    def sets_comparison(self) -> Comparison:
        return compare_to_baseline([t.sets for t in self.totals])

    @property
    def tonnage_comparison(self) -> Comparison:
        return compare_to_baseline([float(t.tonnage_kg) for t in self.totals])

    def heat(self) -> dict[str, int]:
        """Heat level per muscle: this week's sets against its target range."""
        return {m.muscle: heat_level(m.this_week, m.target) for m in self.muscles}


def _window(weeks: int, today: date) -> list[date]:
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"weeks must be from 1 to {MAX_WEEKS}")
    return week_starts(today, weeks)


def training_weeks(
    user: Any,
    weeks: int = DEFAULT_WEEKS,
    today: date | None = None,
    prefs: UserSettings | None = None,
    readings: list[tuple[date, Decimal]] | None = None,
) -> TrainingWeeks:
    """Totals and per-muscle hard sets for the last `weeks` weeks (this one included): ~5 queries.

    `prefs` and the body-weight `readings` may be passed by a caller that has them already.
    """
    prefs = prefs or settings_for(user)
    starts = _window(weeks, today or timezone.localdate())
    rows = list(
        Set.objects.filter(owner=user, completed=True, performed_at__gte=day_start(starts[0]))
        .exclude(set_type="warmup")
        .values_list("workout_id", "performed_at", "exercise_id", "weight_kg", "reps")
    )
    exercise_ids = {row[2] for row in rows}
    fractions = dict(Exercise.objects.filter(pk__in=exercise_ids).values_list("pk", "bodyweight_fraction"))
    if readings is None:
        readings = body_weight.readings(user) if any(fractions.values()) else []
    per_day: dict[tuple[date, int], int] = defaultdict(int)
    per_workout: dict[int, tuple[date, int, Decimal]] = {}
    for workout_id, when, exercise_id, weight, reps in rows:
        day = timezone.localdate(when)
        per_day[(day, exercise_id)] += 1
        # With no body weight logged yet, a bodyweight exercise counts its added load only.
        load = lifted_load(weight, fractions[exercise_id], body_weight_on(readings, day)) or weight
        tonnage = load * reps if load is not None and load > 0 and reps else Decimal(0)
        first_day, count, total = per_workout.get(workout_id, (day, 0, Decimal(0)))
        per_workout[workout_id] = (min(first_day, day), count + 1, total + tonnage)
    muscles = exercise_muscles(exercise_ids)
    hard = [HardSets(day, exercise_id, n) for (day, exercise_id), n in per_day.items()]
    days = [DaySets(day, pk, n, tonnage) for pk, (day, n, tonnage) in per_workout.items()]
    return TrainingWeeks(
        starts,
        weekly_totals(days, starts),
        weekly_sets_by_muscle(
            hard, muscles, starts, prefs.secondary_muscle_weight, parse_targets(prefs.muscle_targets or {})
        ),
        prefs.secondary_muscle_weight,
    )


def exercise_muscles(exercise_ids: set[int]) -> dict[int, ExerciseMuscles]:
    """Primary and secondary muscles of each exercise: one query."""
    found: dict[int, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    links = ExerciseMuscle.objects.filter(exercise_id__in=exercise_ids).values_list(
        "exercise_id", "muscle_id", "role"
    )
    for exercise_id, muscle, role in links:
        found[exercise_id][0 if role == ExerciseMuscle.Role.PRIMARY else 1].add(muscle)
    return {pk: ExerciseMuscles(frozenset(p), frozenset(s)) for pk, (p, s) in found.items()}


@dataclass(frozen=True)
class BestLift:
    exercise_id: int
    slug: str
    name: str
    e1rm_kg: float
    weight_kg: Decimal
    reps: int
    day: date | None


def best_lifts(user: Any, prefs: UserSettings | None = None) -> list[BestLift]:
    """The best reliable e1RM of every weighted exercise ever logged, heaviest first: 3 queries.

    SQL keeps only the heaviest weight per (exercise, reps, effort), so the Python side sees a few
    rows per exercise however long the history is. Bodyweight exercises are left out: their load
    moves with body weight; their own pages show them.
    """
    prefs = prefs or settings_for(user)
    groups = (
        Set.objects.filter(owner=user, completed=True, reps__gte=1, reps__lte=RELIABLE_REPS, weight_kg__gt=0)
        .exclude(set_type="warmup")
        .filter(exercise__bodyweight_fraction=0)
        .values("exercise_id", "reps", "rpe", "rir")
        .annotate(weight=Max("weight_kg"))
        .order_by()
        .values_list("exercise_id", "reps", "rpe", "rir", "weight")
    )
    best: dict[int, tuple[float, Decimal, int]] = {}
    for exercise_id, reps, rpe, rir, weight in groups:
        if reps is None or weight is None:  # excluded by the query; keeps the types honest
            continue
        estimate = estimate_set(float(weight), reps, rpe, rir, prefs.e1rm_formula)
        if estimate and (exercise_id not in best or estimate.kg > best[exercise_id][0]):
            best[exercise_id] = (estimate.kg, weight, reps)
    if not best:
        return []
    named = {pk: (slug, name) for pk, slug, name in Exercise.objects.filter(pk__in=best).values_list(
        "pk", "slug", "name"
    )}  # fmt: skip
    when = _first_days(user, best)
    lifts = [
        BestLift(pk, *named[pk], e1rm, weight, reps, when.get(pk))
        for pk, (e1rm, weight, reps) in best.items()
    ]
    return sorted(lifts, key=lambda lift: -lift.e1rm_kg)


def _first_days(user: Any, best: dict[int, tuple[float, Decimal, int]]) -> dict[int, date]:
    """When each best set was first done (one query over a handful of index lookups)."""
    # The owner goes inside every term so each one is an index seek (SQLite's multi-index OR,
    # PostgreSQL's bitmap OR); outside, the planner scans all of the user's sets.
    match = Q()
    for pk, (_, weight, reps) in best.items():
        match |= Q(owner=user, exercise_id=pk, reps=reps, weight_kg=weight)
    rows = (
        Set.objects.filter(match)
        .filter(completed=True)
        .exclude(set_type="warmup")
        .values("exercise_id")
        .annotate(first=Min("performed_at"))
        .order_by()
    )
    return {row["exercise_id"]: timezone.localdate(row["first"]) for row in rows}


def scores_for(
    prefs: UserSettings, lifts: list[BestLift], bodyweight_kg: float | None
) -> StrengthScores | None:
    """Wilks, Wilks 2020, DOTS and IPF GL of the user's best squat, bench and deadlift estimates."""
    best = {lift.slug: lift.e1rm_kg for lift in lifts if lift.slug in TOTAL_LIFTS}
    return strength_scores(best, bodyweight_kg, prefs.sex)


def day_start(day: date) -> datetime:
    """The aware datetime at which `day` begins in the server's time zone."""
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def days_before(today: date, days: int) -> datetime:
    """The start of the day `days` days before `today`."""
    return day_start(today - timedelta(days=days))

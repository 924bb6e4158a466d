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

from django.utils import timezone

from repbook.core.stats.body import TOTAL_LIFTS, StrengthScores, strength_scores
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
from repbook.storage.models import ExerciseBest, ExerciseMuscle, ExerciseSession, UserSettings, owned

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
    """Totals and per-muscle hard sets for the last `weeks` weeks (this one included): 2 or 3 queries.

    A set counts on its workout's day. `readings` is accepted for callers that pass it and unused:
    the session summaries already hold the lifted loads.
    """
    prefs = prefs or settings_for(user)
    starts = _window(weeks, today or timezone.localdate())
    # One summary row per exercise per workout in the window (storage.summaries), not every set.
    rows = list(
        owned(ExerciseSession, user)
        .filter(day__gte=starts[0], sets__gt=0)
        .values_list("workout_id", "day", "exercise_id", "sets", "week_tonnage_kg")
    )
    exercise_ids = {row[2] for row in rows}
    per_day: dict[tuple[date, int], int] = defaultdict(int)
    per_workout: dict[int, tuple[date, int, Decimal]] = {}
    for workout_id, day, exercise_id, sets, tonnage in rows:
        per_day[(day, exercise_id)] += sets
        first_day, count, total = per_workout.get(workout_id, (day, 0, Decimal(0)))
        per_workout[workout_id] = (min(first_day, day), count + sets, total + tonnage)
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
    """The best reliable e1RM of every weighted exercise ever logged, heaviest first: 2 queries.

    Read from the bests kept as sets are logged (storage.summaries): one row per exercise however
    long the history is. Bodyweight exercises are left out: their load moves with body weight;
    their own pages show them.
    """
    prefs = prefs or settings_for(user)
    rows = (
        owned(ExerciseBest, user)
        .filter(exercise__bodyweight_fraction=0)
        .values_list("exercise_id", "exercise__slug", "exercise__name", "best")
    )
    lifts = []
    for pk, slug, name, best in rows:
        entry = best.get(prefs.e1rm_formula)
        if entry:
            e1rm, weight, reps, day = entry
            lifts.append(
                BestLift(pk, slug, name, float(e1rm), Decimal(weight), reps, date.fromisoformat(day))
            )
    return sorted(lifts, key=lambda lift: -lift.e1rm_kg)


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

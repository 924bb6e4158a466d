from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from repbook.core import scores
from repbook.core.stats.body import strength_scores, trend
from repbook.core.stats.volume import (
    DEFAULT_TARGETS,
    ExerciseMuscles,
    HardSets,
    heat_level,
    parse_targets,
    week_start,
    week_starts,
    weekly_sets_by_muscle,
)
from repbook.core.stats.weeks import DaySets, compare_to_baseline, weekly_totals

BACK_EXTENSION = ExerciseMuscles(frozenset({"lower_back"}), frozenset({"glutes", "hamstrings"}))
DEADLIFT = ExerciseMuscles(frozenset({"glutes", "hamstrings", "lower_back"}), frozenset({"traps"}))


def test_weeks_start_on_monday() -> None:
    assert week_start(date(2026, 11, 21)) == date(2026, 11, 16)  # a Saturday
    assert week_start(date(2026, 11, 16)) == date(2026, 11, 16)
    assert week_starts(date(2026, 11, 21), 3) == [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]


def test_fractional_sets_primary_one_secondary_half_or_as_chosen() -> None:
    weeks = week_starts(date(2026, 11, 21), 2)
    done = [
        HardSets(date(2026, 11, 10), 1, 3),  # back extension, last week
        HardSets(date(2026, 11, 17), 1, 3),  # back extension, this week
        HardSets(date(2026, 11, 19), 2, 3),  # deadlift, this week
        HardSets(date(2026, 10, 1), 2, 5),  # before the window: ignored
    ]
    muscles = {1: BACK_EXTENSION, 2: DEADLIFT}
    rows = {m.muscle: m for m in weekly_sets_by_muscle(done, muscles, weeks)}
    assert rows["lower_back"].sets == (3.0, 6.0)
    assert rows["glutes"].sets == (1.5, 4.5)
    assert rows["traps"].sets == (0.0, 1.5)
    # Every day with a set counts for the muscle, as a primary or a secondary one.
    assert (
        rows["lower_back"].days == (1, 2) and rows["glutes"].days == (1, 2) and rows["traps"].days == (0, 1)
    )
    assert rows["chest"].days == (0, 0)
    assert rows["chest"].sets == (0.0, 0.0)
    custom = {m.muscle: m for m in weekly_sets_by_muscle(done, muscles, weeks, Decimal("0.25"))}
    assert custom["glutes"].sets == (0.75, 3.75)


def test_average_and_frequency_use_the_finished_weeks() -> None:
    weeks = week_starts(date(2026, 11, 21), 3)
    done = [
        HardSets(date(2026, 11, 3), 1, 4),
        HardSets(date(2026, 11, 5), 1, 4),
        HardSets(date(2026, 11, 17), 1, 2),
    ]
    (row,) = [m for m in weekly_sets_by_muscle(done, {1: BACK_EXTENSION}, weeks) if m.muscle == "lower_back"]
    assert row.this_week == 2.0 and row.average == 4.0 and row.frequency == 1.0


def test_heat_levels_and_targets() -> None:
    target = (10, 20)
    assert [heat_level(x, target) for x in (0, 4, 8, 10, 20, 21)] == [0, 1, 2, 3, 3, 4]
    assert DEFAULT_TARGETS["lats"] == (10, 20) and DEFAULT_TARGETS["neck"][1] < 20
    assert parse_targets(
        {"lats": [8, 16], "chest": [20, 10], "nope": [1, 2], "abs": "x", "calves": [0, 61]}
    ) == {"lats": (8, 16)}


def test_weekly_totals_and_baseline() -> None:
    weeks = week_starts(date(2026, 11, 21), 2)
    rows = [
        DaySets(date(2026, 11, 10), 1, 10, Decimal(1000)),
        DaySets(date(2026, 11, 10), 2, 5, Decimal(200)),
        DaySets(date(2026, 11, 18), 3, 12, Decimal(1500)),
    ]
    last, this = weekly_totals(rows, weeks)
    assert (last.sessions, last.sets, last.tonnage_kg, last.training_days) == (2, 15, Decimal(1200), 1)
    assert (this.sessions, this.sets, this.training_days) == (1, 12, 1)
    comparison = compare_to_baseline([10, 12, 14, 12, 18])
    assert comparison.average == 12 and comparison.percent == 150
    assert compare_to_baseline([5]).percent is None


def test_body_weight_trend_follows_slowly() -> None:
    readings = [(date(2026, 1, d), Decimal(w)) for d, w in ((1, 80), (2, 82), (12, 82))]
    (_, a), (_, b), (_, c) = trend(readings)
    assert a == 80 and b == pytest.approx(80.2) and 81 < c < 82


def test_strength_scores_need_the_three_lifts_sex_and_body_weight() -> None:
    best = {"back-squat": 180.0, "bench-press": 120.0, "deadlift": 220.0}
    got = strength_scores(best, 82.5, "m")
    assert got is not None and got.total_kg == 520
    assert got.dots == pytest.approx(scores.dots(520, 82.5, "m"))
    assert got.bench_gl == pytest.approx(scores.ipf_gl(120, 82.5, "m", event="bench"))
    assert strength_scores(best, 82.5, "") is None
    assert strength_scores(best, None, "f") is None
    assert strength_scores({"bench-press": 100.0}, 70, "f") is None

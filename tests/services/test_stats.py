"""Statistics through the services on a real database: exercise progress, muscles, best lifts, guidance."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from repbook.core.stats.volume import week_start
from repbook.services.account.accounts import settings_for
from repbook.services.exercise.exercise_stats import exercise_stats_by_slug
from repbook.services.progress import guidance, training_stats
from repbook.services.workout import body_weight
from repbook.storage.models import BodyWeight, Workout
from tests.services.stats_helpers import days_ago, lift

pytestmark = pytest.mark.django_db


def test_exercise_progress_records_and_rep_maxes(alice: Any, bob: Any) -> None:
    lift(alice, "deadlift", days_ago(14), "60", 5, set_type="warmup")
    lift(alice, "deadlift", days_ago(14), "100", 5, times=3)
    lift(alice, "deadlift", days_ago(7), "105", 5, times=3)
    lift(alice, "deadlift", days_ago(2), "110", 3, rpe=Decimal(9))
    lift(bob, "deadlift", days_ago(2), "200", 5)  # someone else's sets never show
    stats = exercise_stats_by_slug(alice, "deadlift")
    assert [s.sets for s in stats.sessions] == [3, 3, 1]  # warm-ups left out
    assert [float(s.tonnage_kg) for s in stats.sessions] == [1500, 1575, 330]
    e1rms = [round(s.e1rm.kg, 1) for s in stats.sessions if s.e1rm]
    assert e1rms == [116.7, 122.5, round(110 / 0.892, 1)]  # the last from the RPE chart (4 reps to failure)
    assert stats.best is not None and stats.best.day == days_ago(2)
    table = {r.reps: r.load_kg for r in stats.rep_maxes}
    assert table[1] == table[3] == Decimal(110) and table[5] == Decimal(105) and 6 not in table
    kinds = {(r.day, r.kind) for r in stats.records}
    assert (days_ago(7), "weight") in kinds and (days_ago(7), "e1rm") in kinds
    assert (days_ago(2), "e1rm") in kinds and (days_ago(2), "tonnage") not in kinds
    assert stats.total_sets == 7


def test_the_users_formula_is_used(alice: Any) -> None:
    lift(alice, "bench-press", days_ago(1), "100", 5)
    prefs = settings_for(alice)
    prefs.e1rm_formula = "brzycki"
    prefs.save()
    (session,) = exercise_stats_by_slug(alice, "bench-press").sessions
    assert session.e1rm is not None and round(session.e1rm.kg, 2) == 112.5


def test_bodyweight_exercises_count_body_weight(alice: Any) -> None:
    lift(alice, "pull-up", days_ago(10), None, 8)
    assert exercise_stats_by_slug(alice, "pull-up").needs_body_weight
    body_weight.log_body_weight(alice, Decimal(80), "kg", days_ago(20))
    body_weight.log_body_weight(alice, Decimal(82), "kg", days_ago(5))
    lift(alice, "pull-up", days_ago(3), "10", 5)
    stats = exercise_stats_by_slug(alice, "pull-up")
    assert not stats.needs_body_weight
    first, second = stats.sessions
    fraction = Decimal("0.95")  # the catalog's share of body weight lifted in a pull-up
    assert first.best is not None and first.best.load_kg == 80 * fraction
    assert second.best is not None and second.best.load_kg == 82 * fraction + 10


def test_muscle_weeks_with_fractional_sets_and_frequency(alice: Any) -> None:
    today = timezone.localdate()
    monday = week_start(today)
    lift(alice, "back-extension", monday - timedelta(days=7), "10", 12, times=3)
    lift(alice, "back-extension", monday, "10", 12, times=2)
    lift(alice, "deadlift", monday, "100", 5, times=3)
    lift(alice, "deadlift", monday, "60", 5, set_type="warmup")
    training = training_stats.training_weeks(alice, 2)
    rows = {m.muscle: m for m in training.muscles}
    assert rows["lower_back"].sets == (3.0, 5.0)
    assert rows["hamstrings"].sets == (1.5, 1.0 + 3.0)
    assert training.totals[-1].sets == 5 and training.totals[-1].sessions == 1
    assert training.totals[0].tonnage_kg == Decimal(360)
    settings = settings_for(alice)
    settings.secondary_muscle_weight = Decimal("0")
    settings.muscle_targets = {"lower_back": [2, 4]}
    settings.save()
    again = {m.muscle: m for m in training_stats.training_weeks(alice, 2).muscles}
    assert again["hamstrings"].sets == (0.0, 3.0)
    assert again["lower_back"].target == (2, 4)
    assert training_stats.training_weeks(alice, 2).heat()["lower_back"] == 4  # above the range


def test_muscle_weeks_cost_the_same_queries_however_long_the_history(alice: Any) -> None:
    lift(alice, "deadlift", days_ago(1), "100", 5, times=2)
    with CaptureQueriesContext(connection) as short:
        training_stats.training_weeks(alice, 8)
    for n in range(2, 30):
        lift(alice, "deadlift", days_ago(n * 3), "100", 5, times=2)
        lift(alice, "pull-up", days_ago(n * 3), None, 8)
    body_weight.log_body_weight(alice, Decimal(80), "kg", days_ago(100))
    with CaptureQueriesContext(connection) as long:
        training_stats.training_weeks(alice, 8)
    assert len(long) <= 6 and len(long) - len(short) <= 1  # the body-weight readings once pull-ups appear


def test_best_lifts_and_strength_scores(alice: Any) -> None:
    lift(alice, "back-squat", days_ago(30), "140", 5)
    lift(alice, "back-squat", days_ago(3), "150", 3)
    lift(alice, "bench-press", days_ago(3), "100", 5)
    lift(alice, "deadlift", days_ago(3), "180", 20)  # past the reliable limit: not a best lift
    lift(alice, "pull-up", days_ago(3), "20", 5)  # bodyweight: on its own page instead
    lifts = training_stats.best_lifts(alice)
    assert [(x.slug, x.weight_kg, x.reps, x.day) for x in lifts] == [
        ("back-squat", Decimal(150), 3, days_ago(3)),
        ("bench-press", Decimal(100), 5, days_ago(3)),
    ]
    assert training_stats.scores_for(settings_for(alice), lifts, 80.0) is None  # no deadlift, no sex given
    lift(alice, "deadlift", days_ago(2), "200", 1)
    prefs = settings_for(alice)
    prefs.sex = "m"
    prefs.save()
    lifts = training_stats.best_lifts(alice)
    scores = training_stats.scores_for(settings_for(alice), lifts, 80.0)
    assert scores is not None and round(scores.total_kg, 1) == round(165 + 100 * (1 + 5 / 30) + 200, 1)


def test_guidance_pain_new_exercise_and_volume_jump(alice: Any) -> None:
    for weeks_back in (5, 4, 3, 2, 1):
        lift(alice, "lat-pulldown", days_ago(7 * weeks_back), "50", 10, times=3)
    monday = week_start(timezone.localdate())
    lift(alice, "lat-pulldown", monday, "50", 10, times=12)
    lift(alice, "back-extension", days_ago(2), "10", 12, times=2, felt_pain=True)
    advice = guidance.guidance(alice, training_stats.training_weeks(alice))
    by_kind = {(a.kind, a.subject): a for a in advice}
    pain = by_kind[("pain", "Back Extension")]
    assert "one to two weeks off the back extension" in pain.message and pain.level == "caution"
    assert ("new_exercise", "Back Extension") in by_kind
    assert ("new_exercise", "Lat Pulldown") not in by_kind  # done for weeks now
    ramp = by_kind[("volume_ramp", "Lats")]
    assert ramp.reason.startswith("12 sets this week against 3.0 a week on average")
    assert advice[0].level == "caution"


def test_pain_on_a_whole_session_counts_for_its_exercises(alice: Any) -> None:
    (first,) = lift(alice, "deadlift", days_ago(3), "100", 5)
    Workout.objects.filter(pk=first.workout_id).update(felt_pain=True)
    advice = guidance.pain_guidance(alice, timezone.localdate())
    assert [a.subject for a in advice] == ["Deadlift"]
    lift(alice, "deadlift", days_ago(1), "80", 5)
    (back,) = guidance.pain_guidance(alice, timezone.localdate())
    assert "coming back after pain" in back.message and "1 time(s) since" in back.reason


def test_body_weight_log_validates_and_replaces_a_days_reading(alice: Any, bob: Any) -> None:
    body_weight.log_body_weight(alice, Decimal(180), "lb", days_ago(1))
    body_weight.log_body_weight(alice, Decimal(81), "kg", days_ago(1))
    log = body_weight.body_weight_log(alice)
    assert [(r.weight_kg, r.typed_unit) for r in log.rows] == [(Decimal(81), "kg")]
    for value, unit, day, field in [
        (Decimal(5), "kg", None, "weight"),
        (Decimal(900), "lb", None, "weight"),
        (Decimal("NaN"), "kg", None, "weight"),
        (Decimal(80), "st", None, "unit"),
        (Decimal(80), "kg", days_ago(-2), "date"),
    ]:
        with pytest.raises(body_weight.BodyWeightError) as caught:
            body_weight.log_body_weight(alice, value, unit, day)
        assert caught.value.field == field
    with pytest.raises(BodyWeight.DoesNotExist):
        body_weight.delete_body_weight(bob, days_ago(1))
    body_weight.delete_body_weight(alice, days_ago(1))
    assert body_weight.body_weight_log(alice).rows == []

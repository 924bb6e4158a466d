"""The statistics summaries kept as sets are logged equal a full recomputation, whatever happened.

Any sequence of logs, edits, deletions, moved and deleted workouts, body-weight changes and
imports must leave the summary rows and bests exactly as `rebuild` computes them from the sets,
and each exercise's statistics read from them equal to the ones computed from every set.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repbook.services.account.accounts import settings_for
from repbook.services.exercise.exercise_stats import exercise_stats, exercise_stats_from_sets
from repbook.services.progress import training_stats
from repbook.services.transfer.imports import ImportOptions, import_file
from repbook.services.workout import body_weight
from repbook.services.workout.workouts import (
    SetInput,
    delete_set,
    delete_workout,
    log_set,
    update_set,
    update_workout,
)
from repbook.storage import summaries
from repbook.storage.models import Exercise, ExerciseBest, ExerciseSession, Set, Workout
from tests.services.stats_helpers import at, days_ago

#: A weighted lift, another, a bodyweight one (its load needs the body weight), a timed hold.
SLUGS = ("deadlift", "bench-press", "pull-up", "plank")

log_op = st.tuples(
    st.just("log"),
    st.sampled_from(SLUGS),
    st.integers(0, 40),  # days ago
    st.sampled_from(["0", "20", "60", "62.5", "100", "140"]),
    st.integers(1, 20),  # reps
    st.sampled_from([None, Decimal("7"), Decimal("8.5"), Decimal("10")]),  # RPE
    st.sampled_from(["working", "warmup", "amrap", "failure"]),
)
edit_op = st.tuples(
    st.just("edit"), st.integers(0, 50), st.sampled_from(["40", "100", "180"]), st.integers(1, 15)
)
delete_op = st.tuples(st.just("delete"), st.integers(0, 50))
drop_workout_op = st.tuples(st.just("drop_workout"), st.integers(0, 50))
move_op = st.tuples(st.just("move"), st.integers(0, 50), st.integers(1, 60))
weigh_op = st.tuples(st.just("weigh"), st.integers(0, 45), st.sampled_from(["70", "82.5", "95"]))
unweigh_op = st.tuples(st.just("unweigh"), st.integers(0, 50))
import_op = st.tuples(st.just("import"), st.integers(1, 30), st.sampled_from(["80", "105"]))
ops = st.lists(
    st.one_of(
        log_op, log_op, log_op, edit_op, delete_op, drop_workout_op, move_op, weigh_op, unweigh_op, import_op
    ),
    min_size=1,
    max_size=12,
)


def _strong(days_back: int, weight: str) -> bytes:
    day = days_ago(days_back)
    rows = ["Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
            "Workout Notes,RPE"]  # fmt: skip
    for order, reps in enumerate((5, 5, 3), start=1):
        rows.append(f"{day:%Y-%m-%d} 07:00:00,Imported,1h,Deadlift (Barbell),{order},{weight},{reps},0,0,,,")
        rows.append(f"{day:%Y-%m-%d} 07:00:00,Imported,1h,Pull Up,{order},0,{reps + 3},0,0,,,")
    return ("\n".join(rows) + "\n").encode()


def _pick(user: Any, model: Any, index: int) -> Any:
    rows = list(model.objects.filter(owner=user).order_by("pk").values_list("pk", flat=True))
    return rows[index % len(rows)] if rows else None


def _apply(user: Any, op: tuple[Any, ...]) -> None:
    kind = op[0]
    if kind == "log":
        _, slug, back, weight, reps, rpe, set_type = op
        timed = slug == "plank"
        log_set(
            user,
            SetInput(
                slug,
                weight=None if timed or weight == "0" else Decimal(weight),
                reps=None if timed else reps,
                duration_s=reps * 5 if timed else None,
                rpe=None if timed else rpe,
                set_type=set_type,
                performed_at=at(days_ago(back)),
            ),
        )
    elif kind == "edit" and (pk := _pick(user, Set, op[1])) is not None:
        if Set.objects.get(pk=pk).reps is not None:
            update_set(user, pk, {"weight": Decimal(op[2]), "reps": op[3]})
    elif kind == "delete" and (pk := _pick(user, Set, op[1])) is not None:
        delete_set(user, pk)
    elif kind == "drop_workout" and (pk := _pick(user, Workout, op[1])) is not None:
        delete_workout(user, pk)
    elif kind == "move" and (pk := _pick(user, Workout, op[1])) is not None:
        update_workout(user, pk, {"started_at": at(days_ago(op[2]), hour=6)})
    elif kind == "weigh":
        body_weight.log_body_weight(user, Decimal(op[2]), "kg", days_ago(op[1]))
    elif kind == "unweigh":
        days = list(body_weight.readings(user))
        if days:
            body_weight.delete_body_weight(user, days[op[1] % len(days)][0])
    elif kind == "import":
        import_file(user, _strong(op[1], op[2]), ImportOptions(create_missing=True))


def _snapshot(user: Any) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    sessions = ExerciseSession.objects.filter(owner=user).order_by("workout_id", "exercise_id")
    bests = ExerciseBest.objects.filter(owner=user).order_by("exercise_id")
    return (
        list(sessions.values_list("workout_id", "exercise_id", *summaries.UPSERT_FIELDS)),
        list(bests.values_list("exercise_id", "best")),
    )


@pytest.mark.django_db(transaction=False)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops)
def test_summaries_equal_a_full_recomputation_after_any_history(
    alice: Any, ops: list[tuple[Any, ...]]
) -> None:
    with transaction.atomic():
        for op in ops:
            try:
                _apply(alice, op)
            except Exception as exc:  # an edit the rules refuse changes nothing: still must agree
                if type(exc).__name__ not in (
                    "LogError",
                    "UnusualSetError",
                    "BodyWeightError",
                    "ImportRefused",
                ):
                    raise
        kept = _snapshot(alice)
        summaries.rebuild(alice)
        assert _snapshot(alice) == kept
        prefs = settings_for(alice)
        for slug in SLUGS:
            exercise = Exercise.objects.get(slug=slug, owner=None)
            assert exercise_stats(alice, exercise, prefs) == exercise_stats_from_sets(alice, exercise, prefs)
        transaction.set_rollback(True)


def test_best_lifts_follow_edits_down_as_well_as_up(alice: Any) -> None:
    heavy = log_set(alice, SetInput("deadlift", weight=Decimal(200), reps=3, performed_at=at(days_ago(3))))
    log_set(alice, SetInput("deadlift", weight=Decimal(150), reps=3, performed_at=at(days_ago(1))))
    assert training_stats.best_lifts(alice)[0].weight_kg == 200
    update_set(alice, heavy.pk, {"weight": Decimal(100)})
    (best,) = training_stats.best_lifts(alice)
    assert best.weight_kg == 150 and best.day == days_ago(1)
    delete_workout(alice, Set.objects.get(weight_kg=150).workout_id)
    assert training_stats.best_lifts(alice)[0].weight_kg == 100


def test_changing_the_formula_needs_no_rebuild(alice: Any) -> None:
    log_set(alice, SetInput("deadlift", weight=Decimal(100), reps=10, performed_at=at(days_ago(2))))
    log_set(
        alice,
        SetInput(
            "deadlift", weight=Decimal(120), reps=3, performed_at=at(days_ago(2)) + timedelta(minutes=5)
        ),
    )
    prefs = settings_for(alice)
    for formula in ("epley", "brzycki", "lombardi"):
        prefs.e1rm_formula = formula
        prefs.save()
        exercise = Exercise.objects.get(slug="deadlift", owner=None)
        assert exercise_stats(alice, exercise, prefs) == exercise_stats_from_sets(alice, exercise, prefs)


def test_summaries_read_from_the_driver_equal_djangos_values(alice: Any) -> None:
    """`read_summaries` decodes the rows itself (one JSON parse for all of them, once per row
    content): it must give what `from_row` gives from Django's converted values, read after read."""
    for back, (slug, weight, reps) in enumerate(
        [("deadlift", "100.5", 5), ("pull-up", "-22.5", 8), ("pull-up", None, 12), ("plank", None, None)]
    ):
        body_weight.log_body_weight(alice, Decimal("81.3"), "kg", days_ago(back + 3))
        log_set(alice, SetInput(slug, Decimal(weight) if weight else None, reps=reps,
                                duration_s=60 if reps is None else None, rpe=Decimal("8.5"),
                                performed_at=at(days_ago(back))))  # fmt: skip
    for slug in ("deadlift", "pull-up", "plank"):
        rows = ExerciseSession.objects.filter(owner=alice, exercise__slug=slug).order_by("day", "workout_id")
        expected = [summaries.from_row(r) for r in rows.values_list(*summaries.SUMMARY_FIELDS)]
        assert summaries.read_summaries(rows) == expected and expected
        assert summaries.read_summaries(rows) == expected


def test_decoded_summaries_are_kept_read_only_and_bounded(alice: Any, monkeypatch: Any) -> None:
    """A decoded summary is kept by its row's content and shared between reads: nothing can change
    it, a changed row is decoded again, and the store starts again empty when full."""
    for back, weight in enumerate(["100", "102.5", "105", "107.5", "110"]):
        log_set(alice, SetInput("deadlift", Decimal(weight), reps=5, performed_at=at(days_ago(back + 1))))
    rows = ExerciseSession.objects.filter(owner=alice).order_by("day", "workout_id")
    first = summaries.read_summaries(rows)
    again = summaries.read_summaries(rows)
    assert all(a is b for a, b in zip(first, again, strict=True))
    with pytest.raises(TypeError):
        first[0].best["epley"] = first[0].best["epley"]  # type: ignore[index]
    assert len({id(b) for b in first[0].best.values()}) == 1  # one set, every formula's best
    newest = Set.objects.filter(owner=alice).latest("performed_at")
    update_set(alice, newest.pk, {"weight": Decimal("90")})
    changed = summaries.read_summaries(rows)
    assert changed[-1] is not first[-1] and changed[-1].heaviest_kg == Decimal("90.000")
    assert changed[:-1] == first[:-1]
    monkeypatch.setattr(summaries, "_SUMMARIES_KEPT", 2)
    summaries._summaries.clear()
    ids = [s.workout_id for s in changed]
    summaries.read_summaries(rows.filter(workout_id__in=ids[:2]))
    assert {id(s) for s in summaries._summaries.values()} == {
        id(s) for s in summaries.read_summaries(rows)[:2]
    }
    later = summaries.read_summaries(rows.filter(workout_id__in=ids[2:4]))
    # Full: it started again with the last read's two.
    assert sorted(map(id, summaries._summaries.values())) == sorted(map(id, later))
    # A read of more rows than it holds is decoded without being kept.
    assert summaries.read_summaries(rows) == changed
    assert sorted(map(id, summaries._summaries.values())) == sorted(map(id, later))

"""The benchmark data generators: reproducible, consistent, and shaped like logged data."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from bench.generate import GenerationError, GenerationReport, generate, main
from bench.lifts import LIFTS, slugs_used
from bench.strong_csv import HEADER, strong_rows, write_csv
from django.db.models import F

from repbook.core.sets import SetValues, check_set_values
from repbook.core.units import to_kg
from repbook.storage.models import BodyWeight, Exercise, Set, User, UserSettings, Workout

pytestmark = pytest.mark.django_db

END = date(2026, 11, 1)
SEED = 7
STRONG_SAMPLE = Path(__file__).resolve().parents[3] / "shared/fixtures/imports/strong_ios_comma_kg.csv"
SET_FIELDS = (
    "workout__started_at",
    "workout_exercise__order",
    "exercise__slug",
    "order",
    "set_type",
    "weight_kg",
    "typed_weight",
    "typed_unit",
    "reps",
    "rpe",
    "rir",
    "duration_s",
    "notes",
    "felt_pain",
    "performed_at",
)


def _small(prefix: str) -> GenerationReport:
    return generate(users=2, years=0.1, seed=SEED, end=END, prefix=prefix)


def _sets_of(username: str) -> list[tuple[object, ...]]:
    rows = Set.objects.filter(owner__username=username).order_by(
        "performed_at", "workout_exercise__order", "order"
    )
    return list(rows.values_list(*SET_FIELDS))


def _body_weights_of(username: str) -> list[tuple[object, ...]]:
    rows = BodyWeight.objects.filter(owner__username=username).order_by("date")
    return list(rows.values_list("date", "weight_kg", "typed_value", "typed_unit"))


@pytest.fixture
def generated() -> GenerationReport:
    return _small("gen")


def test_the_same_seed_gives_the_same_rows() -> None:
    first, second = _small("a"), _small("b")
    assert (first.workouts, first.entries, first.sets, first.body_weights) == (
        second.workouts,
        second.entries,
        second.sets,
        second.body_weights,
    )
    assert first.users == 2 and first.sets > 200
    for n in (1, 2):
        assert _sets_of(f"a{n}") == _sets_of(f"b{n}")
        assert _body_weights_of(f"a{n}") == _body_weights_of(f"b{n}")


def test_another_seed_gives_other_rows() -> None:
    _small("a")
    generate(users=1, years=0.1, seed=SEED + 100, end=END, prefix="c")
    assert _sets_of("a1")[:20] != _sets_of("c1")[:20]


def test_every_set_belongs_to_its_workout_owner_and_copies_its_entry(generated: GenerationReport) -> None:
    sets = Set.objects.filter(owner__username__startswith="gen")
    assert sets.count() == generated.sets
    assert not sets.exclude(owner=F("workout__owner")).exists()
    assert not sets.exclude(owner=F("workout_exercise__owner")).exists()
    assert not sets.exclude(workout=F("workout_exercise__workout")).exists()
    assert not sets.exclude(exercise=F("workout_exercise__exercise")).exists()


def test_set_orders_count_from_one_in_each_entry_with_warmups_first(generated: GenerationReport) -> None:
    by_entry: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = Set.objects.filter(owner__username__startswith="gen").order_by("performed_at")
    for entry_id, order, set_type in rows.values_list("workout_exercise_id", "order", "set_type"):
        by_entry[entry_id].append((order, set_type))
    for sets in by_entry.values():
        assert [order for order, _ in sets] == list(range(1, len(sets) + 1))
        types = [set_type for _, set_type in sets]
        assert types == sorted(types, key=lambda t: t != "warmup"), "warm-ups come before the work"
    assert Counter(t for sets in by_entry.values() for _, t in sets)["warmup"] > 20


def test_sets_happen_inside_their_workout_in_order(generated: GenerationReport) -> None:
    for workout in Workout.objects.filter(owner__username__startswith="gen").prefetch_related("sets"):
        times = sorted(s.performed_at for s in workout.sets.all())
        assert workout.finished_at is not None
        assert workout.started_at < times[0] and times[-1] < workout.finished_at
        assert len(set(times)) == len(times)
        assert workout.finished_at - workout.started_at < timedelta(hours=4)
        assert workout.started_at.date() < END


def test_every_set_passes_the_checks_a_logged_set_passes(generated: GenerationReport) -> None:
    for row in Set.objects.filter(owner__username__startswith="gen").select_related("exercise"):
        values = SetValues(
            weight_kg=row.weight_kg,
            reps=row.reps,
            rpe=row.rpe,
            rir=row.rir,
            set_type=row.set_type,
            duration_s=row.duration_s,
            notes=row.notes,
        )
        check_set_values(
            values,
            measure=row.exercise.measure,
            bodyweight=row.exercise.is_bodyweight,
            performed_on=row.performed_at.date(),
            today=END,
        )
        if row.exercise.measure == "time":
            assert row.duration_s and row.reps is None and row.weight_kg is None


def test_typed_weights_are_kept_beside_exact_kilograms(generated: GenerationReport) -> None:
    units = dict(
        UserSettings.objects.filter(owner__username__startswith="gen").values_list("owner__username", "unit")
    )
    assert units == {"gen1": "kg", "gen2": "lb"}
    rows = Set.objects.filter(owner__username__startswith="gen", typed_weight__isnull=False)
    for username, typed, unit, kg in rows.values_list(
        "owner__username", "typed_weight", "typed_unit", "weight_kg"
    ):
        assert unit == units[username]
        assert kg == to_kg(typed, unit)
        if unit == "lb":
            assert typed % 5 == 0, f"{typed} lb is not a plate weight"
        else:
            assert typed % Decimal("0.5") == 0
    bodyweight_sets = Set.objects.filter(
        owner__username="gen1", typed_weight__isnull=True, reps__isnull=False
    )
    assert not bodyweight_sets.exclude(exercise__bodyweight_fraction__gt=0).exists()


def test_body_weights_come_one_a_day_a_few_times_a_week(generated: GenerationReport) -> None:
    for user in User.objects.filter(username__startswith="gen"):
        days = list(BodyWeight.objects.filter(owner=user).values_list("date", flat=True))
        assert len(days) == len(set(days))
        assert 3 <= len(days) <= 3 * 6
    assert BodyWeight.objects.filter(owner__username__startswith="gen").count() == generated.body_weights


def test_existing_users_stop_the_generator_unless_replaced(generated: GenerationReport) -> None:
    with pytest.raises(GenerationError, match="--replace"):
        _small("gen")
    again = generate(users=2, years=0.1, seed=SEED, end=END, prefix="gen", replace=True)
    assert again.sets == generated.sets
    assert Set.objects.filter(owner__username__startswith="gen").count() == generated.sets


def test_the_lifts_match_the_catalog() -> None:
    catalog = {e.slug: e for e in Exercise.objects.filter(owner__isnull=True, slug__in=slugs_used())}
    assert set(catalog) == slugs_used()
    for slug, exercise in catalog.items():
        lift = LIFTS[slug]
        assert float(exercise.bodyweight_fraction) == lift.bodyweight, slug
        assert (exercise.measure == "time") == (lift.gear == "timed"), slug


def test_strong_csv_has_the_asked_rows_and_the_sample_header() -> None:
    out = io.StringIO()
    write_csv(500, seed=1, out=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 1 + 500
    assert lines[0] == HEADER
    if STRONG_SAMPLE.exists():
        assert STRONG_SAMPLE.read_text(encoding="utf-8").splitlines()[0] == HEADER
    assert strong_rows(500, seed=1) == lines[1:]
    assert {row["Set Order"] for row in csv.DictReader(io.StringIO(out.getvalue()))} >= {"W", "1", "2"}


def test_a_long_strong_file_is_shared_by_several_lifters_within_ten_years() -> None:
    rows = strong_rows(60_000, seed=1)
    assert len(rows) == 60_000
    days = sorted(row[:10] for row in rows)
    assert days[0] >= str(END - timedelta(days=3653))
    assert days[-1] < str(END)


def test_the_command_line_reports_counts_and_refuses_to_overwrite(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--users", "1", "--years", "0.05", "--seed", "3", "--end", "2026-11-01", "--prefix", "cli"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "done: 1 users" in out and "bench-password-123" in out
    assert main(args) == 2
    assert "--replace" in capsys.readouterr().err

"""Fill Repbook's database with realistic, reproducible training histories for benchmarks.

    python bench/generate.py --users 1 --years 10 --seed 1 [--end 2026-11-01] [--prefix bench] [--replace]

Uses the database Repbook is configured with (REPBOOK_DATA_DIR for SQLite, DATABASE_URL for
PostgreSQL), migrating it first. Users are named {prefix}1, {prefix}2, ...; user i's history is
drawn from random.Random(seed + i) (see bench/history.py), so the same arguments and --end give
the same rows. Rows are written with bulk_create, one transaction per user, and look like rows
logged through repbook.services.workout.workouts.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TypeVar

if __package__ in (None, ""):
    # Run as `python bench/generate.py`: the repository root must be importable for `bench.*`.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django
from django.apps import apps

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "repbook.settings")
if not apps.ready:
    django.setup()

from django.db import connection, transaction
from django.utils import timezone

from bench.history import simulate
from bench.lifts import slugs_used
from bench.records import History, SimSet
from repbook.core.units import to_kg
from repbook.services.account.accounts import AccountError, create_user
from repbook.services.system.bootstrap import ensure_ready
from repbook.services.system.data_dir import prepare_data_dir
from repbook.storage import summaries
from repbook.storage.models import (
    BodyWeight,
    Exercise,
    ExerciseBest,
    ExerciseSession,
    Set,
    User,
    UserSettings,
    Workout,
    WorkoutExercise,
)

PASSWORD = "bench-password-123"
#: Rows per bulk_create call (SQLite splits them further to stay under its variable limit).
BATCH = 5000
T = TypeVar("T")


class GenerationError(RuntimeError):
    """The generator cannot run as asked; the message says what to change."""


@dataclass(frozen=True)
class GenerationReport:
    users: int
    workouts: int
    entries: int
    sets: int
    body_weights: int
    seconds: float


@dataclass(frozen=True)
class UserCounts:
    workouts: int
    entries: int
    sets: int
    body_weights: int

    def __add__(self, other: UserCounts) -> UserCounts:
        return UserCounts(
            self.workouts + other.workouts,
            self.entries + other.entries,
            self.sets + other.sets,
            self.body_weights + other.body_weights,
        )


def usernames(prefix: str, users: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(1, users + 1)]


def generate(
    users: int,
    years: float,
    seed: int,
    end: date,
    prefix: str = "bench",
    *,
    replace: bool = False,
    progress: Callable[[str], None] | None = None,
) -> GenerationReport:
    """Create `users` users with `years` of history before `end`; GenerationError if they exist."""
    started = time.perf_counter()
    prefix = prefix.strip()
    if users < 1 or years <= 0 or not prefix:
        raise GenerationError("need at least one user, a positive number of years and a prefix")
    say = progress or (lambda _line: None)
    names = usernames(prefix, users)
    taken = existing_users(prefix, names)
    if taken and not replace:
        shown = ", ".join(u.username for u in taken[:5]) + (", ..." if len(taken) > 5 else "")
        raise GenerationError(
            f"{len(taken)} of the {users} users already exist ({shown}): "
            "pass --replace to delete them first, or choose another --prefix"
        )
    if taken:
        delete_users(taken)
        say(f"deleted {len(taken)} existing user(s)")
    exercise_ids = catalog_ids(say)
    total = UserCounts(0, 0, 0, 0)
    for index, name in enumerate(names, start=1):
        history = simulate(index, seed, years, end, available=exercise_ids.keys())
        counts = write_user(name, history, exercise_ids)
        total = total + counts
        if users <= 20 or index % 10 == 0 or index == users:
            style = history.profile.style.name
            say(
                f"{name}: {style}, {history.profile.unit}, {counts.workouts} workouts, {counts.sets} sets"
                f"  [{index}/{users}, {time.perf_counter() - started:.1f} s]"
            )
    # Fresh planner statistics: without them PostgreSQL picked plans 4× slower for the
    # exercise page until autovacuum got round to the new rows.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return GenerationReport(
        users, total.workouts, total.entries, total.sets, total.body_weights, time.perf_counter() - started
    )


def existing_users(prefix: str, names: list[str]) -> list[User]:
    """Users named like any of `names`, ignoring case as create_user does."""
    wanted = {name.lower() for name in names}
    candidates = User.objects.filter(username__istartswith=prefix).order_by("pk")
    return [user for user in candidates if user.username.lower() in wanted]


@transaction.atomic
def delete_users(users: list[User]) -> None:
    """Delete users and all their rows; sets first, so Django's cascade never loads them one by one."""
    ids = [user.pk for user in users]
    ExerciseSession.objects.filter(owner_id__in=ids).delete()
    ExerciseBest.objects.filter(owner_id__in=ids).delete()
    Set.objects.filter(owner_id__in=ids).delete()
    WorkoutExercise.objects.filter(owner_id__in=ids).delete()
    Workout.objects.filter(owner_id__in=ids).delete()
    User.objects.filter(pk__in=ids).delete()


def catalog_ids(say: Callable[[str], None]) -> dict[str, int]:
    """Catalog exercise ids by slug for the lifts the generator knows; missing ones are left out."""
    wanted = slugs_used()
    found = dict(
        Exercise.objects.filter(owner__isnull=True, slug__in=wanted)
        .values_list("slug", "pk")
        .order_by("slug")
    )
    if missing := sorted(wanted - found.keys()):
        say(f"not in the exercise catalog, left out: {', '.join(missing)}")
    if not found:
        raise GenerationError("the exercise catalog is empty: was the database migrated?")
    return found


@transaction.atomic
def write_user(name: str, history: History, exercise_ids: dict[str, int]) -> UserCounts:
    """One user, their settings and all their rows, in one transaction."""
    profile = history.profile
    try:
        user = create_user(name, PASSWORD)
    except AccountError as exc:
        raise GenerationError(f"cannot create {name!r}: {exc}") from exc
    UserSettings.objects.filter(owner=user).update(unit=profile.unit, sex=profile.sex_shown)
    workouts = Workout.objects.bulk_create(
        [
            Workout(
                owner=user,
                name=w.name,
                started_at=w.started_at,
                finished_at=w.finished_at,
                notes=w.notes,
                felt_pain=w.felt_pain,
            )
            for w in history.workouts
        ],
        batch_size=BATCH,
    )
    # Entries and sets are numbered from 1, as log_set and add_exercise number them.
    entries = [
        WorkoutExercise(
            owner_id=user.pk,
            workout_id=row.pk,
            exercise_id=exercise_ids[entry.slug],
            order=order,
            superset_group=entry.superset_group,
            notes=entry.notes,
            rest_s=entry.rest_s,
        )
        for row, w in zip(workouts, history.workouts, strict=True)
        for order, entry in enumerate(w.entries, start=1)
    ]
    WorkoutExercise.objects.bulk_create(entries, batch_size=BATCH)
    sims = (entry for w in history.workouts for entry in w.entries)
    rows = (
        _set_row(user.pk, profile.unit, row, order, one)
        for row, entry in zip(entries, sims, strict=True)
        for order, one in enumerate(entry.sets, start=1)
    )
    sets = 0
    for batch in _batches(rows, BATCH):
        Set.objects.bulk_create(batch, batch_size=BATCH)
        sets += len(batch)
    BodyWeight.objects.bulk_create(
        [
            BodyWeight(
                owner_id=user.pk,
                date=b.day,
                weight_kg=to_kg(b.typed_value, profile.unit),
                typed_value=b.typed_value,
                typed_unit=profile.unit,
            )
            for b in history.body_weights
        ],
        batch_size=BATCH,
    )
    # The rows went in without the services, so their statistics summaries are made here, as an
    # import makes them.
    summaries.rebuild(user)
    return UserCounts(len(workouts), len(entries), sets, len(history.body_weights))


def _set_row(owner_id: int, unit: str, entry: WorkoutExercise, order: int, one: SimSet) -> Set:
    # As log_set stores them: the kilograms beside the value and unit typed; no weight at all
    # for a bodyweight set without added load; the exercise copied from the entry.
    return Set(
        owner_id=owner_id,
        workout_id=entry.workout_id,
        workout_exercise_id=entry.pk,
        exercise_id=entry.exercise_id,
        order=order,
        set_type=one.set_type,
        weight_kg=to_kg(one.weight, unit) if one.weight is not None else None,
        typed_weight=one.weight,
        typed_unit=unit,
        reps=one.reps,
        rpe=one.rpe,
        rir=one.rir,
        duration_s=one.duration_s,
        notes=one.notes,
        felt_pain=one.felt_pain,
        completed=True,
        performed_at=one.performed_at,
    )


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _database() -> str:
    name = connection.settings_dict["NAME"]
    return f"{connection.vendor} database {name}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--users", type=int, default=1, help="how many users (default 1)")
    parser.add_argument("--years", type=float, default=1.0, help="years of history per user (default 1)")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same data (default 1)")
    parser.add_argument(
        "--end",
        type=date.fromisoformat,
        help="history up to the day before this date, YYYY-MM-DD (default: today)",
    )
    parser.add_argument(
        "--prefix", default="bench", help="user names are PREFIX1, PREFIX2, ... (default bench)"
    )
    parser.add_argument("--replace", action="store_true", help="delete those users first if they exist")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    prepare_data_dir()
    ensure_ready()
    # The only clock read, and only without --end: pass --end to get the same rows on another day.
    end: date = args.end or timezone.localdate()
    print(f"generating {args.users} user(s) × {args.years:g} year(s) before {end}, seed {args.seed}")
    print(f"into the {_database()}")
    try:
        report = generate(
            args.users, args.years, args.seed, end, args.prefix, replace=args.replace, progress=print
        )
    except GenerationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rate = report.sets / report.seconds if report.seconds else 0.0
    print(
        f"done: {report.users} users, {report.workouts} workouts, {report.entries} exercise entries, "
        f"{report.sets} sets, {report.body_weights} body weights in {report.seconds:.1f} s "
        f"({rate:,.0f} sets/s)"
    )
    print(f"log in as {args.prefix}1 (… {args.prefix}{args.users}) with the password {PASSWORD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

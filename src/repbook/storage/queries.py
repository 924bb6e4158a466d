"""Read queries shared by the web, the API and the CLI. Each says how many queries it costs."""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from repbook.core.alternatives import ExerciseFacts
from repbook.core.moments import MAX_YEAR, MIN_YEAR
from repbook.storage import hot_path
from repbook.storage.models import (
    Exercise,
    ExerciseMuscle,
    ExerciseSession,
    Set,
    SiteSettings,
    Workout,
    owned,
)
from repbook.storage.plain_sql import column_list


def exercises_with_facts(user: Any) -> QuerySet[Exercise]:
    """Catalog plus the user's custom exercises, with muscles and equipment: 3 queries."""
    return Exercise.objects.visible_to(user).prefetch_related(
        Prefetch("muscle_links", queryset=ExerciseMuscle.objects.order_by("muscle__order")),
        "equipment",
    )


@dataclass(frozen=True)
class ListedExercise:
    """An exercise as lists and searches need it: plain facts, no page text."""

    pk: int
    facts: ExerciseFacts
    aliases: tuple[str, ...]
    is_custom: bool


def listed_exercises(user: Any) -> list[ListedExercise]:
    """Catalog plus the user's custom exercises, by name, as plain values: 2 queries (4 when the
    user has exercises of their own).

    The directory lists every exercise, so it reads tuples rather than model rows with their
    page text (ten times the work for the same list). The catalog's part is kept per process
    (`catalog_rows`)."""
    catalog = catalog_rows()
    own = _listed(Exercise.objects.owned_by(user)) if getattr(user, "is_authenticated", False) else []
    if not own:
        return catalog
    return list(heapq.merge(catalog, own, key=_by_name))


#: The catalog's rows as `listed_exercises` gives them, with the key they were read under.
_catalog: tuple[tuple[Any, ...], list[ListedExercise]] | None = None


def catalog_rows() -> list[ListedExercise]:
    """The catalog exercises as `listed_exercises` lists them: one query while they are unchanged.

    The catalog changes when Repbook loads new catalog files, which stamps
    `SiteSettings.catalog_version`; its rows are not edited otherwise (the admin shows them read
    only). The key read on every call is that stamp with the catalog's count and highest id, so a
    database whose catalog rows were added or removed, or another database, is read again."""
    global _catalog
    key = _catalog_key()
    held = _catalog
    if held is not None and held[0] == key:
        return held[1]
    rows = _listed(Exercise.objects.filter(owner__isnull=True))
    _catalog = (key, rows)
    return rows


def forget_catalog_rows() -> None:
    """Read the catalog again on the next `catalog_rows` (after a change to catalog rows)."""
    global _catalog
    _catalog = None


def _catalog_key() -> tuple[Any, ...]:
    quote = connection.ops.quote_name
    sql = (
        f"SELECT COUNT(*), MAX({column_list(Exercise, ['id'])}), "
        f"(SELECT MAX({column_list(SiteSettings, ['catalog_version'])}) "
        f"FROM {quote(SiteSettings._meta.db_table)}) "
        f"FROM {quote(Exercise._meta.db_table)} WHERE {column_list(Exercise, ['owner_id'])} IS NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        count, last, version = cursor.fetchone()
    return (connection.alias, connection.settings_dict["NAME"], version, count, last)


def _by_name(row: ListedExercise) -> tuple[str, str, int]:
    """The directory's order: by name, whatever the letters' case, on every database."""
    return (row.facts.name.casefold(), row.facts.name, row.pk)


def _listed(exercises: QuerySet[Exercise]) -> list[ListedExercise]:
    """These exercises by name (`_by_name`) with their muscles and equipment: 3 queries, 1 when
    there are none."""
    rows = list(
        exercises.values_list("pk", "slug", "name", "aliases", "pattern", "level", "category", "owner_id")
    )
    if not rows:
        return []
    ids = [row[0] for row in rows]
    muscles: dict[int, dict[str, set[str]]] = defaultdict(lambda: {"primary": set(), "secondary": set()})
    for exercise_id, muscle, role in ExerciseMuscle.objects.filter(exercise__in=ids).values_list(
        "exercise_id", "muscle_id", "role"
    ):
        muscles[exercise_id][role].add(muscle)
    equipment: dict[int, set[str]] = defaultdict(set)
    links = Exercise.equipment.through.objects.filter(exercise__in=ids)
    for exercise_id, slug in links.values_list("exercise_id", "equipment_id"):
        equipment[exercise_id].add(slug)
    listed = []
    for pk, slug, name, aliases, pattern, level, category, owner_id in rows:
        roles = muscles[pk]
        facts = ExerciseFacts(
            slug=slug,
            name=name,
            pattern=pattern,
            level=level,
            primary=frozenset(roles["primary"]),
            secondary=frozenset(roles["secondary"]),
            equipment=frozenset(equipment[pk]),
            category=category,
        )
        listed.append(ListedExercise(pk, facts, tuple(aliases), owner_id is not None))
    return sorted(listed, key=_by_name)


def exercise_by_slug(user: Any, slug: str, with_facts: bool = True, *, lock_user: bool = False) -> Exercise:
    """The catalog exercise with this slug, else the user's own; DoesNotExist otherwise.

    With facts (muscles, equipment): 3 queries; without, 1 query and no page text loaded, and
    `lock_user` locks the user's row in it (hot_path.exercises_by_slug).
    """
    if with_facts:
        found = list(exercises_with_facts(user).filter(slug=slug)[:2])
    else:  # logging a set: one plain statement
        found = hot_path.exercises_by_slug(
            user.pk if getattr(user, "is_authenticated", False) else None, slug, lock_user=lock_user
        )
    if not found:
        raise Exercise.DoesNotExist(f"no exercise {slug!r}")
    # A later catalog may add a slug a user already has; the catalog one wins. Sorting here,
    # not in SQL, because databases disagree on where NULL owners sort.
    return min(found, key=lambda e: e.owner_id is not None)


def facts(exercise: Exercise) -> ExerciseFacts:
    """The core view of a row loaded through `exercises_with_facts` (no further query)."""
    links = list(exercise.muscle_links.all())
    return ExerciseFacts(
        slug=exercise.slug,
        name=exercise.name,
        pattern=exercise.pattern,
        level=exercise.level,
        primary=frozenset(link.muscle_id for link in links if link.role == "primary"),
        secondary=frozenset(link.muscle_id for link in links if link.role == "secondary"),
        equipment=frozenset(e.slug for e in exercise.equipment.all()),
        category=exercise.category,
    )


def workouts_between(user: Any, start: Any = None, end: Any = None) -> QuerySet[Workout]:
    """The user's workouts, newest first, with set count and volume (1 query)."""
    return with_totals(workouts_in(user, start, end)).order_by("-started_at")


def workouts_in(user: Any, start: Any = None, end: Any = None) -> QuerySet[Workout]:
    """The user's workouts started on the days from `start` to `end` (either may be None)."""
    rows = owned(Workout, user)
    # Day bounds as moments, so the (owner, started_at) index does the work.
    if start is not None:
        rows = rows.filter(started_at__gte=_day_start(start))
    if end is not None:
        rows = rows.filter(started_at__lt=_day_after(end))
    return rows


def latest_workouts(rows: QuerySet[Workout], limit: int) -> list[Workout]:
    """The newest `limit` of `rows` with their totals (`with_totals`): two queries, the first an
    index walk that stops at the limit; totals in the same query would add up every workout first."""
    ids = list(rows.order_by("-started_at", "-pk").values_list("pk", flat=True)[:limit])
    found = {w.pk: w for w in with_totals(Workout.objects.filter(pk__in=ids))}
    return [found[pk] for pk in ids]


def with_totals(rows: QuerySet[Workout]) -> QuerySet[Workout]:
    """`rows` with each workout's completed set count and volume, read from its session summaries
    (one row per exercise, not per set). The volume is `workout_volume`'s: working sets' lifted
    load × reps, the body's share included for bodyweight exercises."""
    sessions = ExerciseSession.objects.filter(workout=OuterRef("pk")).order_by().values("workout")
    return rows.annotate(
        set_count=Coalesce(Subquery(sessions.annotate(n=Sum("logged")).values("n")), 0),
        volume_kg=Subquery(sessions.annotate(v=Sum("week_tonnage_kg")).values("v")),
    )


def workout_volume(workout: Workout) -> Decimal:
    """A workout's volume: its working sets' lifted load × reps, as the statistics count a week's
    (for a bodyweight exercise the body's share and the added load; the added load alone while
    no body weight is logged). One query, from the session summaries."""
    total = ExerciseSession.objects.filter(workout=workout).aggregate(v=Sum("week_tonnage_kg"))["v"]
    return total if total is not None else Decimal(0)


def sets_between(
    user: Any, exercise_slug: str | None = None, start: Any = None, end: Any = None
) -> QuerySet[Set]:
    """The user's completed and planned sets, of one exercise (by slug) if given, performed on the
    days from `start` to `end` (either may be None): unordered, for the caller to page."""
    rows = owned(Set, user)
    if exercise_slug is not None:
        # The exercise's id first: filtered through a join, the planner cannot walk the (owner,
        # exercise, performed_at) index in order, and read every set of the exercise to sort them.
        found = Exercise.objects.filter(Q(owner=None) | Q(owner=user), slug=exercise_slug)
        rows = rows.filter(exercise_id__in=list(found.values_list("pk", flat=True)))
    # Day bounds as moments, so the (owner, exercise, performed_at) index does the work.
    if start is not None:
        rows = rows.filter(performed_at__gte=_day_start(start))
    if end is not None:
        rows = rows.filter(performed_at__lt=_day_after(end))
    return rows


def _day_start(day: date) -> datetime:
    """The moment `day` begins; days outside the years a moment may have (core.moments) are moved
    to their edge, so a filter from year 1 or to 9999-12-31 never overflows a date."""
    day = min(max(day, date(MIN_YEAR, 1, 1)), date(MAX_YEAR, 12, 31))
    return timezone.make_aware(datetime.combine(day, time.min))


def _day_after(day: date) -> datetime:
    """The moment the day after `day` begins (the end bound of a filter to `day`, inclusive)."""
    return _day_start(min(day, date(MAX_YEAR, 12, 30)) + timedelta(days=1))


def workout_with_sets(user: Any, workout_id: int, with_equipment: bool = False) -> Workout:
    """One of the user's workouts with its exercises and sets: 3 queries (4 with equipment),
    however many sets; DoesNotExist for anyone else's. Each set carries its entry's exercise, so
    showing a set never costs a query (nor reads the exercise's row again for every set).

    Read with plain SQL (storage.hot_path): the logging page reads it after every set logged from
    the page, and the offline clients after every sync."""
    workout = hot_path.workout_with_sets(user.pk, workout_id, with_equipment=with_equipment)
    if workout is None:
        raise Workout.DoesNotExist(f"no workout {workout_id} of this user")
    return workout

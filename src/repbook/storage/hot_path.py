"""The statements of logging a set, of the token that sends it, and of the logging page the
lifter sees after it, written out in SQL.

Logging a set is what a lifter does most, between two sets at the gym, and its answer should
take no longer than the tap; from the web, the logging page is read again after every set.
Built by the ORM, each of these statements cost 0.3 to 0.5 ms of Python, ten to twenty times
what SQLite takes to run them. Here each is written once per kind
of database (`_statement`), and storage.plain_sql converts values in and out as the ORM does.
The rules stay in services.workout, services.account and storage.summaries; this module only
reads and writes rows. Every statement runs on SQLite and PostgreSQL in the tests of logging
sets and of the logging page, and tests/storage/test_indexes.py checks that SQLite reads each
through an index.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import lru_cache, wraps
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection

from repbook.storage.models import (
    ApiToken,
    Equipment,
    Exercise,
    ExerciseBest,
    ExerciseSession,
    Set,
    SetType,
    UserSettings,
    Workout,
    WorkoutExercise,
)
from repbook.storage.plain_sql import (
    ID_RANGE,
    column_list,
    converted,
    execute,
    fetch,
    field_names,
    for_update,
    instance,
    placeholders,
    prepared,
    statement_cursor,
)


def _statement(build: Callable[..., str]) -> Callable[..., str]:
    """`build(*args)`'s SQL, written once per kind of database and arguments."""
    written = lru_cache(maxsize=32)(lambda vendor, *args: build(*args))
    return wraps(build)(lambda *args: written(connection.vendor, *args))


def _table(model: type[Any]) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))


def _q(name: str) -> str:
    return str(connection.ops.quote_name(name))


#: What a logged set needs of its exercise: everything but the page text.
EXERCISE_FIELDS = field_names(Exercise, leave_out=("content",))


def exercises_by_slug(user_id: int | None, slug: str, *, lock_user: bool = False) -> list[Exercise]:
    """The catalog exercise and the user's own with this slug (at most one of each; no user: the
    catalog's only). `lock_user`: `lock_user` in the same statement when there is one (logging a set
    takes both: one round trip less on PostgreSQL)."""
    lock = lock_user and user_id is not None and connection.features.has_select_for_update
    rows = fetch(_exercises_by_slug(lock), [*([user_id] if lock else []), slug, user_id])
    return [instance(Exercise, EXERCISE_FIELDS, row[: len(EXERCISE_FIELDS)]) for row in rows]


@_statement
def _exercises_by_slug(lock_user: bool) -> str:
    # The user's row is locked by a sub-select of the column list, run once for the statement.
    locked = f", ({_lock_user()})" if lock_user else ""
    return (
        f"SELECT {column_list(Exercise, EXERCISE_FIELDS)}{locked} FROM {_table(Exercise)}"
        f" WHERE {_q('slug')} = %s AND ({_q('owner_id')} IS NULL OR {_q('owner_id')} = %s) LIMIT 2"
    )


SETTINGS_FIELDS = field_names(UserSettings)


def user_settings(user_id: int) -> UserSettings | None:
    """The user's settings row (read by nearly every page and by logging a set); None if missing."""
    rows = fetch(_user_settings(), [user_id])
    return instance(UserSettings, SETTINGS_FIELDS, rows[0]) if rows else None


@_statement
def _user_settings() -> str:
    return (
        f"SELECT {column_list(UserSettings, SETTINGS_FIELDS)} FROM {_table(UserSettings)}"
        f" WHERE {_q('owner_id')} = %s"
    )


WORKOUT_FIELDS = field_names(Workout)


def _last_set(workout: str) -> str:
    """The moment of the workout's (alias `workout`) latest set, by the `set_workout_time` index."""
    return (
        f"(SELECT s.{_q('performed_at')} FROM {_table(Set)} s"
        f" WHERE s.{_q('workout_id')} = {workout}.{_q('id')} ORDER BY s.{_q('performed_at')} DESC LIMIT 1)"
    )


def unfinished_workouts(user_id: int, *, lock: bool) -> list[tuple[Workout, datetime | None]]:
    """The user's unfinished workouts, latest first, each with its last set's time (None without):
    read through the `workout_owner_open` and `set_workout_time` indexes, so neither years of
    finished workouts nor a workout's hundreds of sets are read. `lock`: FOR UPDATE."""
    return [
        (instance(Workout, WORKOUT_FIELDS, row[:-1]), converted(Set, ["performed_at"], row[-1:])[0])
        for row in fetch(_unfinished_workouts(lock), [user_id])
    ]


@_statement
def _unfinished_workouts(lock: bool) -> str:
    return (
        f"SELECT {column_list(Workout, WORKOUT_FIELDS, 'w')}, {_last_set('w')} FROM {_table(Workout)} w"
        + _unfinished_latest_first()
        + (for_update() if lock else "")
    )


def _unfinished_latest_first() -> str:
    """The owner's (one parameter) unfinished workouts `w`, latest started first."""
    return (
        f" WHERE w.{_q('owner_id')} = %s AND w.{_q('finished_at')} IS NULL"
        f" ORDER BY w.{_q('started_at')} DESC, w.{_q('id')} DESC"
    )


def open_workouts_for_set(
    user_id: int, exercise_id: int, names: tuple[str, ...]
) -> list[tuple[Workout, datetime | None, SetReads]]:
    """`unfinished_workouts(lock=True)`, each with what a set of the exercise logged into it reads
    there (`entry_and_session`): one statement for the workout a set joins and its reads."""
    width = len(WORKOUT_FIELDS)
    return [
        (
            instance(Workout, WORKOUT_FIELDS, row[:width]),
            converted(Set, ["performed_at"], row[width : width + 1])[0],
            _set_reads(row[width + 1 :]),
        )
        for row in fetch(_open_workouts_for_set(names), [exercise_id] * 3 + [user_id])
    ]


@_statement
def _open_workouts_for_set(names: tuple[str, ...]) -> str:
    return (
        f"SELECT {column_list(Workout, WORKOUT_FIELDS, 'w')}, {_last_set('w')}, {_set_reads_columns(names)}"
        f" FROM {_table(Workout)} w {_set_reads_joins('w.' + _q('owner_id'), 'w.' + _q('id'))}"
        + _unfinished_latest_first()
        + for_update(of="w")
    )


def locked_workout(
    user_id: int, workout_id: int, exercise_id: int, names: tuple[str, ...]
) -> tuple[Workout, SetReads] | None:
    """The user's workout with this id, locked until the transaction ends, with what a set of the
    exercise logged into it reads there (`entry_and_session`); None if there is no such workout."""
    if workout_id not in ID_RANGE:
        return None
    rows = fetch(_locked_workout(names), [exercise_id] * 3 + [user_id, workout_id])
    if not rows:
        return None
    width = len(WORKOUT_FIELDS)
    return instance(Workout, WORKOUT_FIELDS, rows[0][:width]), _set_reads(rows[0][width:])


@_statement
def _locked_workout(names: tuple[str, ...]) -> str:
    return (
        f"SELECT {column_list(Workout, WORKOUT_FIELDS, 'w')}, {_set_reads_columns(names)}"
        f" FROM {_table(Workout)} w {_set_reads_joins('w.' + _q('owner_id'), 'w.' + _q('id'))}"
        f" WHERE w.{_q('owner_id')} = %s AND w.{_q('id')} = %s" + for_update(of="w")
    )


def lock_user(user_id: int) -> None:
    """Hold the user's row until the transaction ends (FOR NO KEY UPDATE: see
    services.workout.open_workouts.lock_user_workouts); nothing on SQLite."""
    if connection.features.has_select_for_update:
        fetch(_lock_user(), [user_id])


@_statement
def _lock_user() -> str:
    return f"SELECT {_q('id')} FROM {_table(get_user_model())} WHERE {_q('id')} = %s" + for_update(
        no_key=True
    )


ENTRY_FIELDS = field_names(WorkoutExercise)


#: What a set logged into a workout reads there (`entry_and_session`).
SetReads = tuple[tuple[WorkoutExercise, int] | None, tuple[Any, ...] | None]


def entry_and_session(owner_id: int, workout_id: int, exercise_id: int, names: tuple[str, ...]) -> SetReads:
    """What a set logged into a workout reads there, in one statement:

    - the workout's last entry of the exercise and its highest set order (0 without sets), read
      through the entry's (entry, order) index whatever its number of sets; None when the workout
      has no entry of it;
    - the session summary's columns `names` as the driver gives them, with the exercise's stored
      bests (id and bests, or two NULLs) at the end; None without a summary.

    `open_workouts_for_set` and `locked_workout` read the same with the workout.
    """
    ((*row,),) = fetch(_entry_and_session(names), [owner_id, workout_id, *[exercise_id] * 3])
    return _set_reads(row)


@_statement
def _entry_and_session(names: tuple[str, ...]) -> str:
    # The two keys once, as a row the lookups join to: no RIGHT JOIN, which older SQLite lacks.
    return (
        f"SELECT {_set_reads_columns(names)}"
        " FROM (SELECT CAST(%s AS BIGINT) AS o, CAST(%s AS BIGINT) AS w) k"
        f" {_set_reads_joins('k.o', 'k.w')}"
    )


def _set_reads_columns(names: tuple[str, ...]) -> str:
    """The columns of `SetReads`, from the tables `_set_reads_joins` joins."""
    last_order = (
        f"(SELECT s.{_q('order')} FROM {_table(Set)} s WHERE s.{_q('workout_exercise_id')} = e.{_q('id')}"
        f" ORDER BY s.{_q('order')} DESC LIMIT 1)"
    )
    return (
        f"{column_list(WorkoutExercise, ENTRY_FIELDS, 'e')}, {last_order},"
        f" m.{_q('id')}, {column_list(ExerciseSession, names, 'm')}, b.{_q('id')}, b.{_q('best')}"
    )


def _set_reads_joins(owner: str, workout: str) -> str:
    """The entry (e), session summary (m) and bests (b) of the workout and owner given as SQL
    expressions, each joined on the exercise: three parameters, its id each time."""
    entries = _table(WorkoutExercise)
    last_entry = (
        f"(SELECT l.{_q('id')} FROM {entries} l WHERE l.{_q('workout_id')} = {workout}"
        f" AND l.{_q('exercise_id')} = %s ORDER BY l.{_q('order')} DESC LIMIT 1)"
    )
    return (
        f"LEFT JOIN {entries} e ON e.{_q('id')} = {last_entry}"
        f" LEFT JOIN {_table(ExerciseSession)} m ON m.{_q('owner_id')} = {owner}"
        f" AND m.{_q('workout_id')} = {workout} AND m.{_q('exercise_id')} = %s"
        f" LEFT JOIN {_table(ExerciseBest)} b ON b.{_q('owner_id')} = {owner} AND b.{_q('exercise_id')} = %s"
    )


def _set_reads(row: Sequence[Any]) -> SetReads:
    width = len(ENTRY_FIELDS)
    entry = None
    if row[0] is not None:
        entry = instance(WorkoutExercise, ENTRY_FIELDS, row[:width]), row[width] or 0
    found, summary = row[width + 1], row[width + 2 :]
    if found is None:
        return entry, None
    return entry, (*summary[:-1], *converted(ExerciseBest, ["best"], summary[-1:]))


def set_counts(entry_id: int) -> tuple[int, int]:
    """An entry's number of sets, and of warm-up sets among them."""
    ((sets, warmups),) = fetch(_set_counts(), [SetType.WARMUP.value, entry_id])
    return sets, warmups


@_statement
def _set_counts() -> str:
    return (
        f"SELECT COUNT(*), COUNT(CASE WHEN {_q('set_type')} = %s THEN 1 END)"
        f" FROM {_table(Set)} WHERE {_q('workout_exercise_id')} = %s"
    )


@_statement
def _insert_set(returning: bool) -> str:
    return (
        f"INSERT INTO {_table(Set)} ({column_list(Set, SET_FIELDS)})"
        f" VALUES ({placeholders(len(SET_FIELDS))})" + (f" RETURNING {_q('id')}" if returning else "")
    )


#: The columns a new set is written with: all but its id.
SET_FIELDS = field_names(Set, leave_out=("id",))


def insert_set(row: Set, session: tuple[tuple[str, ...], tuple[Any, ...]] | None = None) -> None:
    """Write a new set (its fields as set on `row`, `updated_at` stamped as `save` would) and give
    `row` its id, as `Set.objects.create` does. With `session` (a summary's fields and values, as
    `upsert_session` takes them), its session's summary is written too: on PostgreSQL in the
    same statement, so a set costs one round trip to the server, not two."""
    for field in Set._meta.concrete_fields:
        if field.name == "updated_at":
            setattr(row, field.attname, field.pre_save(row, add=True))
    values = prepared(Set, SET_FIELDS, [getattr(row, name) for name in SET_FIELDS])
    if session is not None and connection.vendor == "postgresql":
        names, summary = session
        values += prepared(ExerciseSession, names, summary)
        sql = _insert_set_and_session(names)
        session = None  # written by the same statement
    else:
        sql = _insert_set(connection.features.can_return_columns_from_insert)
    with statement_cursor() as cursor:
        cursor.execute(sql, values)
        row.pk = cursor.fetchone()[0] if cursor.description else cursor.lastrowid
    row._state.adding = False
    row._state.db = connection.alias
    if session is not None:
        upsert_session(*session)


@_statement
def _insert_set_and_session(names: tuple[str, ...]) -> str:
    # PostgreSQL runs a data-changing WITH part whether or not the query reads it.
    return (
        f"WITH new_set AS ({_insert_set(True)}), summary AS ({_upsert_session(names)})"
        f" SELECT {_q('id')} FROM new_set"
    )


def upsert_session(names: tuple[str, ...], values: tuple[Any, ...]) -> None:
    """Write one session's summary (fields `names`, owner, workout and exercise among them),
    replacing the stored one: one statement."""
    execute(_upsert_session(names), prepared(ExerciseSession, names, values))


@_statement
def _upsert_session(names: tuple[str, ...]) -> str:
    key = ("workout_id", "exercise_id")
    changed = [name for name in names if name not in ("owner_id", *key)]
    return (
        f"INSERT INTO {_table(ExerciseSession)} ({column_list(ExerciseSession, names)})"
        f" VALUES ({placeholders(len(names))})"
        f" ON CONFLICT ({column_list(ExerciseSession, key)}) DO UPDATE SET "
        + ", ".join(f"{_q(name)} = EXCLUDED.{_q(name)}" for name in changed)
    )


def write_bests(best_id: int, bests: dict[str, Any]) -> None:
    """Replace an exercise's stored bests (the ExerciseBest row `best_id`)."""
    execute(_write_bests(), [*prepared(ExerciseBest, ["best"], [bests]), best_id])


@_statement
def _write_bests() -> str:
    return f"UPDATE {_table(ExerciseBest)} SET {_q('best')} = %s WHERE {_q('id')} = %s"


USER_FIELDS = field_names(get_user_model())


def token_owner(token_hash: str, now: datetime) -> tuple[int, datetime | None, Any] | None:
    """The live token with this hash (not revoked or expired, of an active user): its id, when it
    was last used, and its user; None otherwise. One statement."""
    rows = fetch(_token_owner(), [token_hash, True, *prepared(ApiToken, ["expires_at"], [now])])
    if not rows:
        return None
    token_id, last_used = rows[0][0], converted(ApiToken, ["last_used_at"], rows[0][1:2])[0]
    return token_id, last_used, instance(get_user_model(), USER_FIELDS, rows[0][2:])


@_statement
def _token_owner() -> str:
    user_model = get_user_model()
    return (
        f"SELECT t.{_q('id')}, t.{_q('last_used_at')}, {column_list(user_model, USER_FIELDS, 'u')}"
        f" FROM {_table(ApiToken)} t INNER JOIN {_table(user_model)} u ON u.{_q('id')} = t.{_q('owner_id')}"
        f" WHERE t.{_q('token_hash')} = %s AND t.{_q('revoked_at')} IS NULL AND u.{_q('is_active')} = %s"
        f" AND (t.{_q('expires_at')} IS NULL OR t.{_q('expires_at')} > %s)"
    )


# --- The logging page's workout: read after every set logged from the page ---------------------

SET_COLUMNS = field_names(Set)


def workout_with_sets(user_id: int, workout_id: int, *, with_equipment: bool) -> Workout | None:
    """One of the user's workouts with its entries (and their exercises, with their equipment when
    asked), and each entry's sets in order, in 3 statements (4 with equipment); None for a workout
    the user does not have. Related rows are cached on the instances as `prefetch_related` and
    `select_related` cache them, so `workout.entries.all()` and `entry.sets.all()` read nothing."""
    if workout_id not in ID_RANGE:
        return None
    rows = fetch(_workout_of_owner(), [user_id, workout_id])
    if not rows:
        return None
    workout = instance(Workout, WORKOUT_FIELDS, rows[0])
    entries: list[WorkoutExercise] = []
    exercises: dict[int, Exercise] = {}
    width = len(ENTRY_FIELDS)
    for row in fetch(_workout_entries(), [workout_id]):
        entry = instance(WorkoutExercise, ENTRY_FIELDS, row[:width])
        exercise = exercises.get(entry.exercise_id)
        if exercise is None:
            exercise = exercises[entry.exercise_id] = instance(Exercise, EXERCISE_FIELDS, row[width:])
        entry.exercise = exercise
        entry.workout = workout
        entries.append(entry)
    by_entry: dict[int, list[Set]] = {entry.pk: [] for entry in entries}
    for row in fetch(_workout_sets(), [workout_id]):
        logged = instance(Set, SET_COLUMNS, row)
        by_entry[logged.workout_exercise_id].append(logged)
    for entry in entries:
        for logged in by_entry[entry.pk]:
            logged.workout_exercise = entry
            if logged.exercise_id == entry.exercise_id:
                logged.exercise = entry.exercise
        _cache_related(entry, "sets", by_entry[entry.pk])
    _cache_related(workout, "entries", entries)
    if with_equipment:
        equipment: dict[int, list[Equipment]] = {pk: [] for pk in exercises}
        if exercises:
            ids = sorted(exercises)
            for link in fetch(_exercise_equipment(len(ids)), ids, prepare=False):
                equipment[link[0]].append(instance(Equipment, EQUIPMENT_FIELDS, link[1:]))
        for pk, exercise in exercises.items():
            _cache_related(exercise, "equipment", equipment[pk])
    return workout


def _cache_related(owner: Any, name: str, rows: list[Any]) -> None:
    """`owner.<name>.all()` answers `rows` without a query, as after `prefetch_related(name)`.

    Django has no public way to hand a relation rows it did not read; this stores them where its
    `prefetch_one_level` does. The query budgets of the logging page, the API's workout and the
    finish summary (tests/bench) fail if a Django release moves that place."""
    related = getattr(owner, name).get_queryset()
    related._result_cache = rows
    related._prefetch_done = True
    owner.__dict__.setdefault("_prefetched_objects_cache", {})[name] = related


@_statement
def _workout_of_owner() -> str:
    return (
        f"SELECT {column_list(Workout, WORKOUT_FIELDS)} FROM {_table(Workout)}"
        f" WHERE {_q('owner_id')} = %s AND {_q('id')} = %s"
    )


@_statement
def _workout_entries() -> str:
    return (
        f"SELECT {column_list(WorkoutExercise, ENTRY_FIELDS, 'e')},"
        f" {column_list(Exercise, EXERCISE_FIELDS, 'x')} FROM {_table(WorkoutExercise)} e"
        f" INNER JOIN {_table(Exercise)} x ON x.{_q('id')} = e.{_q('exercise_id')}"
        f" WHERE e.{_q('workout_id')} = %s ORDER BY e.{_q('order')}, e.{_q('id')}"
    )


@_statement
def _workout_sets() -> str:
    return (
        f"SELECT {column_list(Set, SET_COLUMNS)} FROM {_table(Set)}"
        f" WHERE {_q('workout_id')} = %s ORDER BY {_q('order')}, {_q('id')}"
    )


EQUIPMENT_FIELDS = field_names(Equipment)


@_statement
def _exercise_equipment(count: int) -> str:
    links = Exercise.equipment.through
    return (
        f"SELECT l.{_q('exercise_id')}, {column_list(Equipment, EQUIPMENT_FIELDS, 'q')}"
        f" FROM {_table(links)} l INNER JOIN {_table(Equipment)} q ON q.{_q('slug')} = l.{_q('equipment_id')}"
        f" WHERE l.{_q('exercise_id')} IN ({placeholders(count)}) ORDER BY q.{_q('name')}"
    )


def last_time_sets(owner_id: int, exercise_ids: list[int], day: date, started: datetime) -> list[Set]:
    """The sets of each exercise in the latest of the owner's sessions of it that started before
    `started` (on `day` or earlier), by set order: 2 statements, each exercise's session found in
    one step of the session summaries' index however long the history."""
    if not exercise_ids:
        return []
    bounds = [
        *prepared(ExerciseSession, ["day"], [day]),
        *prepared(Workout, ["started_at"], [started]),
    ]
    pairs = {
        (exercise_id, workout_id)
        for exercise_id, workout_id in fetch(
            _last_sessions(len(exercise_ids)), [owner_id, *bounds, *exercise_ids], prepare=False
        )
        if workout_id is not None
    }
    if not pairs:
        return []
    exercises = sorted({exercise for exercise, _ in pairs})
    workouts = sorted({workout for _, workout in pairs})
    rows = fetch(_sets_of(len(exercises), len(workouts)), [owner_id, *exercises, *workouts], prepare=False)
    # The IN lists also match an exercise's sets in another exercise's session: left out unbuilt.
    return [
        instance(Set, SET_COLUMNS, row) for row in rows if (row[_SET_EXERCISE], row[_SET_WORKOUT]) in pairs
    ]


_SET_EXERCISE, _SET_WORKOUT = SET_COLUMNS.index("exercise_id"), SET_COLUMNS.index("workout_id")


@_statement
def _last_sessions(count: int) -> str:
    # Every session of an earlier day started earlier too: the day bounds the index's range, the
    # start time orders the workouts of one day (no OR, which SQLite cannot range over).
    latest = (
        f"(SELECT s.{_q('workout_id')} FROM {_table(ExerciseSession)} s"
        f" INNER JOIN {_table(Workout)} w ON w.{_q('id')} = s.{_q('workout_id')}"
        f" WHERE s.{_q('owner_id')} = %s AND s.{_q('day')} <= %s AND s.{_q('exercise_id')} = x.{_q('id')}"
        f" AND w.{_q('started_at')} < %s ORDER BY s.{_q('day')} DESC, w.{_q('started_at')} DESC LIMIT 1)"
    )
    return (
        f"SELECT x.{_q('id')}, {latest} FROM {_table(Exercise)} x"
        f" WHERE x.{_q('id')} IN ({placeholders(count)})"
    )


@_statement
def _sets_of(exercises: int, workouts: int) -> str:
    return (
        f"SELECT {column_list(Set, SET_COLUMNS)} FROM {_table(Set)} WHERE {_q('owner_id')} = %s"
        f" AND {_q('exercise_id')} IN ({placeholders(exercises)})"
        f" AND {_q('workout_id')} IN ({placeholders(workouts)}) ORDER BY {_q('order')}, {_q('id')}"
    )

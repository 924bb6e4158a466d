"""Logging sets and keeping workouts: every write of the log goes through here.

`log_set` is the hot path: it costs a handful of SQL queries (a test counts them).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from uuid import UUID

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from repbook.core.errors import FieldError
from repbook.core.moments import MomentError, check_moment
from repbook.core.next_set import WARMUP, target_slot
from repbook.core.sets import (
    WEIGHT_PLACES,
    SetValueError,
    SetValues,
    UnusualValue,
    check_set_values,
    unusual_set_values,
)
from repbook.core.text import MAX_WORKOUT_NAME, MAX_WORKOUT_NOTES, TextError, check_text
from repbook.core.units import has_places, to_kg
from repbook.services.workout.open_workouts import idle_limit, lock_user_workouts, open_workout, pick_open
from repbook.services.workout.workout_targets import target_sets
from repbook.storage import hot_path, summaries
from repbook.storage.models import Exercise, ExerciseSession, Set, Workout, WorkoutExercise, owned
from repbook.storage.queries import exercise_by_slug


class LogError(FieldError):
    """Bad input for the log."""


class WorkoutNotOpen(Exception):
    """The set's workout is finished (`workout`) or gone (None): raised by
    `log_set(..., only_open=True)` before anything is written, for the caller to place the set."""

    def __init__(self, workout: Workout | None) -> None:
        super().__init__("the workout is not open")
        self.workout = workout


class UnusualSetError(LogError):
    """A set within the limits but unusual enough to ask first (the web form's "are you sure?")."""

    def __init__(self, unusual: list[UnusualValue]) -> None:
        super().__init__(unusual[0].field, "; ".join(u.message for u in unusual))
        self.unusual = unusual


@dataclass(frozen=True)
class SetInput:
    exercise: str  # slug
    weight: Decimal | None = None  # as typed, in `unit`
    unit: str = "kg"
    reps: int | None = None
    rpe: Decimal | None = None
    rir: int | None = None
    set_type: str = "working"
    duration_s: int | None = None
    distance_m: Decimal | None = None
    side: str = "both"
    notes: str = ""
    felt_pain: bool = False
    performed_at: datetime | None = None
    workout: int | None = None
    target: dict[str, Any] | None = None
    #: The client's key for this set: one set per key and user (services/workout/sent_sets.py).
    client_id: UUID | None = None


def _values(data: SetInput) -> SetValues:
    if data.unit not in ("kg", "lb"):
        raise LogError("unit", "must be kg or lb")
    if data.weight is not None and data.weight.is_finite() and not has_places(data.weight, WEIGHT_PLACES):
        raise LogError("weight", f"must have at most {WEIGHT_PLACES} decimals")
    _moment(data.performed_at, "performed_at")
    try:
        weight_kg = to_kg(data.weight, data.unit) if data.weight is not None else None
    except InvalidOperation:
        # Infinity, or too many digits to round to the gram: left as typed for the set check
        # (core.sets), which says what is wrong with it, as it does for every other weight.
        weight_kg = data.weight
    return SetValues(
        weight_kg=weight_kg,
        reps=data.reps,
        rpe=data.rpe,
        rir=data.rir,
        set_type=data.set_type,
        duration_s=data.duration_s,
        distance_m=data.distance_m,
        side=data.side,
        notes=data.notes,
    )


def _check(values: SetValues, exercise: Exercise, performed_at: datetime) -> None:
    try:
        check_set_values(
            values,
            measure=exercise.measure,
            bodyweight=exercise.is_bodyweight,
            performed_on=timezone.localdate(performed_at),
            today=timezone.localdate(),
        )
    except SetValueError as exc:
        raise LogError(exc.field, exc.message) from exc


def exercise_for(user: Any, slug: str, *, lock_user: bool = False) -> Exercise:
    """The exercise a slug names for this user (catalog first); LogError if there is none.
    `lock_user`: and `lock_user_workouts` in the same statement, when there is one."""
    try:
        return exercise_by_slug(user, slug, with_facts=False, lock_user=lock_user)
    except Exercise.DoesNotExist as exc:
        raise LogError("exercise", f"no exercise {slug!r}; see GET /api/v1/exercises") from exc


def _workout_for(
    user: Any, exercise: Exercise, workout_id: int | None, when: datetime, only_open: bool = False
) -> tuple[Workout, hot_path.SetReads | None]:
    """The workout a set of `exercise` done at `when` joins, with what the set reads there when it
    was read with the workout (hot_path.SetReads). The given workout; else the open one (a new one
    if there is none); for a set older than the idle limit, the workout of that time. With
    `only_open`, a given workout that is finished or gone raises WorkoutNotOpen.

    The caller holds the user's row (`exercise_for(..., lock_user=True)`), so the workout and what
    the set reads there come in one statement: on PostgreSQL a statement that waits for a row
    lock goes on with what it saw when it started, and what it read beside the row could be older
    than the writes of the transaction it waited for. Every write that adds a workout, an entry or
    a set takes the user's row first, in its first statement, and a later statement sees them."""
    names = summaries.HELD_NAMES
    if workout_id is not None:
        found = hot_path.locked_workout(user.pk, workout_id, exercise.pk, names)
        workout = None if found is None else found[0]
        if only_open and (workout is None or not workout.is_open):
            raise WorkoutNotOpen(workout)
        if found is None:
            raise LogError("workout", f"you have no workout {workout_id}")
        return found
    now = timezone.now()
    if when >= now - idle_limit():
        current = pick_open(hot_path.open_workouts_for_set(user.pk, exercise.pk, names), now)
        if current is None:
            # A new workout: no entry, no summary yet.
            return Workout.objects.create(owner=user, started_at=when), (None, None)
        workout, _, reads = current
        if when < workout.started_at:
            workout.started_at = when
            workout.save(update_fields=["started_at"])
        return workout, reads
    return _past_workout(user, when), None


def _past_workout(user: Any, when: datetime) -> Workout:
    """The workout a set logged for a past time joins: the one that started up to the idle limit
    before it (stretched to hold the set), else a new one, closed at once: it is long over."""
    earlier = (
        owned(Workout, user)
        .select_for_update()
        .filter(started_at__lte=when, started_at__gte=when - idle_limit())
        .order_by("-started_at")
        .first()
    )
    if earlier is None:
        return Workout.objects.create(owner=user, started_at=when, finished_at=when)
    if earlier.finished_at is not None and earlier.finished_at < when:
        earlier.finished_at = when
        earlier.save(update_fields=["finished_at"])
    return earlier


@transaction.atomic
def log_set(user: Any, data: SetInput, *, ask_if_unusual: bool = False, only_open: bool = False) -> Set:
    """Log one set into the given workout or today's open one (created if needed).

    With `ask_if_unusual`, a set with unusual values (core.sets soft limits) raises
    UnusualSetError instead, for the caller to ask the user and send it again without the flag.
    With `only_open`, a given workout that is finished or gone raises WorkoutNotOpen."""
    performed_at = data.performed_at or timezone.now()
    values = _values(data)
    # The user's row is locked (`lock_user_workouts`) as the exercise is read, before any workout
    # is: the statements after it see what the user's earlier writes committed (see `_workout_for`).
    exercise = exercise_for(user, data.exercise, lock_user=True)
    _check(values, exercise, performed_at)
    if ask_if_unusual and (unusual := unusual_set_values(values)):
        raise UnusualSetError(unusual)
    workout, reads = _workout_for(user, exercise, data.workout, performed_at, only_open)
    # The workout row is locked (select_for_update; on SQLite the write transaction), so the
    # order computed here cannot be taken by a concurrent request.
    if reads is None:
        reads = hot_path.entry_and_session(user.pk, workout.pk, exercise.pk, summaries.HELD_NAMES)
    found, held = reads
    if found is None:
        next_entry = WorkoutExercise.objects.filter(workout=workout).aggregate(n=Max("order"))["n"]
        entry = WorkoutExercise.objects.create(
            owner=user, workout=workout, exercise=exercise, order=(next_entry or 0) + 1
        )
        order = 1
    else:
        entry, last_order = found
        order = last_order + 1
    target = data.target
    if target is None and entry.target:
        set_count, warmups = hot_path.set_counts(entry.pk)
        done_types = [WARMUP] * warmups + ["working"] * (set_count - warmups)
        planned = target_sets(entry.target)
        slot = target_slot(values.set_type, done_types, [t.set_type for t in planned])
        target = planned[slot].as_json() if slot is not None else None
    logged = Set(
        owner=user,
        workout=workout,
        workout_exercise=entry,
        exercise=exercise,
        order=order,
        set_type=values.set_type,
        weight_kg=values.weight_kg,
        typed_weight=data.weight,
        typed_unit=data.unit,
        reps=values.reps,
        rpe=values.rpe,
        rir=values.rir,
        duration_s=values.duration_s,
        distance_m=values.distance_m,
        side=values.side,
        notes=values.notes,
        felt_pain=data.felt_pain,
        target=target,
        performed_at=performed_at,
        client_id=data.client_id,
    )
    update = summaries.set_update(user, logged, exercise.bodyweight_fraction, held)
    hot_path.insert_set(logged, None if update is None else (summaries.SESSION_ATTNAMES, update.session))
    summaries.write_set_update(user, logged, update)
    return logged


@transaction.atomic
def log_sets(user: Any, sets: list[SetInput]) -> list[Set]:
    """Log several sets at once, all or nothing (the quick-log line)."""
    logged: list[Set] = []
    for data in sets:
        workout = data.workout if data.workout is not None else (logged[-1].workout_id if logged else None)
        logged.append(log_set(user, replace(data, workout=workout)))
    return logged


SET_FIELDS = ("weight", "unit", "reps", "rpe", "rir", "set_type", "duration_s", "distance_m", "side", "notes")


@transaction.atomic
def update_set(user: Any, set_id: int, changes: dict[str, Any]) -> Set:
    """Change some fields of one of the user's sets; raises Set.DoesNotExist for anyone else's."""
    row = owned(Set, user).select_related("exercise").get(pk=set_id)
    unknown = set(changes) - set(SET_FIELDS) - {"felt_pain", "performed_at"}
    if unknown:
        raise LogError(sorted(unknown)[0], "cannot be changed")
    current = SetInput(
        exercise=row.exercise.slug,
        weight=row.typed_weight if row.typed_weight is not None else row.weight_kg,
        unit=row.typed_unit if row.typed_weight is not None else "kg",
        reps=row.reps,
        rpe=row.rpe,
        rir=row.rir,
        set_type=row.set_type,
        duration_s=row.duration_s,
        distance_m=row.distance_m,
        side=row.side,
        notes=row.notes,
        performed_at=row.performed_at,
    )
    fields = {k: v for k, v in changes.items() if k in SET_FIELDS or k == "performed_at"}
    # A set holds RPE or RIR: giving one replaces the other unless both are given.
    if fields.get("rpe") is not None and "rir" not in fields:
        fields["rir"] = None
    if fields.get("rir") is not None and "rpe" not in fields:
        fields["rpe"] = None
    merged = replace(current, **fields)
    values = _values(merged)
    _check(values, row.exercise, merged.performed_at or row.performed_at)
    row.weight_kg, row.typed_weight, row.typed_unit = values.weight_kg, merged.weight, merged.unit
    for name in ("reps", "rpe", "rir", "set_type", "duration_s", "distance_m", "side", "notes"):
        setattr(row, name, getattr(values, name))
    if merged.performed_at is not None:
        row.performed_at = merged.performed_at
    if "felt_pain" in changes:
        row.felt_pain = bool(changes["felt_pain"])
    row.save()
    summaries.refresh(user, [row.workout_id], [row.exercise_id], lowered=True)
    return row


@transaction.atomic
def delete_set(user: Any, set_id: int) -> None:
    found = owned(Set, user).filter(pk=set_id).values_list("workout_id", "exercise_id").first()
    if found is None:
        raise Set.DoesNotExist(f"no set {set_id}")
    owned(Set, user).filter(pk=set_id).delete()
    summaries.refresh(user, [found[0]], [found[1]], lowered=True)


def _text(value: str, field: str, max_length: int) -> str:
    try:
        return check_text(value, field, max_length)
    except TextError as exc:
        raise LogError(exc.field, exc.message) from exc


def _moment(value: datetime | None, field: str) -> None:
    if value is not None:
        try:
            check_moment(value, field)
        except MomentError as exc:
            raise LogError(exc.field, exc.message) from exc


@transaction.atomic
def start_workout(user: Any, name: str = "") -> Workout:
    """Start an empty workout now, or resume the open one: a user has one open workout at a time.

    LogError for a name it cannot hold.
    """
    name = _text(name.strip(), "name", MAX_WORKOUT_NAME)
    lock_user_workouts(user)
    current = open_workout(user, lock=True)
    if current is not None:
        return current
    return Workout.objects.create(owner=user, name=name, started_at=timezone.now())


@transaction.atomic
def update_workout(user: Any, workout_id: int, changes: dict[str, Any]) -> Workout:
    workout = owned(Workout, user).get(pk=workout_id)
    allowed = {"name", "notes", "started_at", "finished_at", "felt_pain"}
    unknown = set(changes) - allowed
    if unknown:
        raise LogError(sorted(unknown)[0], "cannot be changed")
    for key, value in changes.items():
        setattr(workout, key, value)
    _text(workout.name, "name", MAX_WORKOUT_NAME)
    _text(workout.notes, "notes", MAX_WORKOUT_NOTES)
    _moment(workout.started_at, "started_at")
    _moment(workout.finished_at, "finished_at")
    if workout.started_at > timezone.now() + timedelta(minutes=5):
        raise LogError("started_at", "is in the future")
    if workout.finished_at is not None and workout.finished_at < workout.started_at:
        raise LogError("finished_at", "is before the start")
    workout.save()
    if "started_at" in changes:  # the sessions' day may have moved
        summaries.refresh(user, [workout.pk], lowered=True)
    return workout


@transaction.atomic
def delete_workout(user: Any, workout_id: int) -> None:
    # The workout first: a primary-key lookup answers "none" for any number, where a foreign-key
    # filter with a number past the database's integers would overflow.
    workout = owned(Workout, user).filter(pk=workout_id).first()
    if workout is None:
        raise Workout.DoesNotExist(f"no workout {workout_id}")
    exercises = list(
        owned(ExerciseSession, user).filter(workout_id=workout.pk).values_list("exercise_id", flat=True)
    )
    workout.delete()
    summaries.recompute_bests(user.pk, exercises)

"""Sets sent with the client's key (`client_id`): logged once however often they are sent, and kept
when their workout was finished or deleted while they waited in the client's outbox.

A phone at the gym may send a set long after it was lifted, and more than once: the answer to the
first try can be lost after the server stored the set. The key, a UUID the client makes when the
set is logged, is unique per user (a database constraint), so a second send finds the stored set
and returns it instead of logging another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal
from uuid import UUID, uuid5

from django.db import IntegrityError, transaction

from repbook.services.workout.workout_entries import ReopenError, reopen_workout
from repbook.services.workout.workouts import SetInput, WorkoutNotOpen, log_set
from repbook.storage.models import Set, Workout, owned

#: What became of a set whose workout changed while it waited: its workout had been finished and
#: was opened again for it ("reopened"), or it was deleted or could not be reopened, so the set
#: joined the workout any set of its time joins, the open one or a new one ("moved").
Conflict = Literal["reopened", "moved"]


@dataclass(frozen=True)
class SentSet:
    row: Set
    #: False when the key was known: `row` is the set stored by an earlier send, unchanged.
    created: bool
    conflict: Conflict | None = None


def stored_set(user: Any, client_id: UUID) -> Set | None:
    """The user's set logged with this key, if any (one indexed query)."""
    return owned(Set, user).select_related("exercise").filter(client_id=client_id).first()


def log_sent_set(user: Any, data: SetInput, *, ask_if_unusual: bool = False) -> SentSet:
    """Log a set once per `data.client_id`: a key seen before returns the stored set as it is.

    Without a key this is `log_set`. With one, a set for a workout finished or deleted meanwhile
    is kept, never refused: see `Conflict`."""
    if data.client_id is None:
        return SentSet(log_set(user, data, ask_if_unusual=ask_if_unusual), created=True)
    stored = stored_set(user, data.client_id)
    if stored is not None:
        return SentSet(stored, created=False)
    try:
        return _log_new(user, data, ask_if_unusual)
    except IntegrityError:
        # A twin of this request (same key) committed first: its set is the answer.
        stored = stored_set(user, data.client_id)
        if stored is None:
            raise
        return SentSet(stored, created=False)


def _log_new(user: Any, data: SetInput, ask_if_unusual: bool) -> SentSet:
    try:
        # The usual case: its workout is open (or none is named): no detour, no extra query.
        return SentSet(log_set(user, data, ask_if_unusual=ask_if_unusual, only_open=True), created=True)
    except WorkoutNotOpen as closed:
        named = closed.workout
    with transaction.atomic():
        rehomed, conflict = _rehome(user, data, named)
        row = log_set(user, rehomed, ask_if_unusual=ask_if_unusual)
    # Back in its own workout after all (a set of its time joins it): nothing changed for the user.
    back_home = conflict == "moved" and row.workout_id == data.workout
    return SentSet(row, created=True, conflict=None if back_home else conflict)


def _rehome(user: Any, data: SetInput, named: Workout | None) -> tuple[SetInput, Conflict]:
    """The set with the workout it can join now, per the open-workout rules, and what changed:
    its workout `named` was finished (reopened when the rules allow) or is gone (None)."""
    if named is None:
        return replace(data, workout=None), "moved"
    try:
        reopen_workout(user, named.pk)
    except ReopenError:
        return replace(data, workout=None), "moved"
    return data, "reopened"


def line_keys(client_id: UUID | None, count: int) -> list[UUID | None]:
    """One key per set of a quick-log line sent with one key: the same line sent again gets the
    same keys, so it finds its sets instead of logging them twice."""
    if client_id is None:
        return [None] * count
    return [uuid5(client_id, str(number)) for number in range(1, count + 1)]


def stored_sets(user: Any, keys: Sequence[UUID | None]) -> list[Set]:
    """The user's sets logged with these keys, in the keys' order (one query; none without keys)."""
    wanted = [key for key in keys if key is not None]
    if not wanted:
        return []
    rows = {row.client_id: row for row in owned(Set, user).filter(client_id__in=wanted)}
    return [rows[key] for key in wanted if key in rows]

"""Delete an account and every row it owns, in one transaction: the privacy promise.

Sets, workout entries and program prescriptions point at exercises with on_delete=PROTECT (so a
custom exercise in use can never vanish from under a log), which makes a plain `user.delete()` fail
for anyone who logged a set of their own exercise. So the rows go in an order where nothing still
points at what is being deleted: the log, then the programs, then the custom exercises, then the
user (whose cascade takes every other owned row, including models added later).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import authenticate
from django.db import models, transaction
from django.db.models import ProtectedError
from django.db.models.fields.related import ForeignObjectRel
from django.http import HttpRequest

from repbook.core.errors import FieldError
from repbook.storage.models import (
    ActiveProgram,
    ApiToken,
    BodyWeight,
    Exercise,
    ExerciseBest,
    ExerciseMapping,
    ExerciseSession,
    Program,
    ProgramDay,
    ProgressionState,
    Set,
    User,
    Workout,
    WorkoutExercise,
    owned,
)

#: Rows that others point at with PROTECT go after everything pointing at them.
DELETE_ORDER: tuple[type[models.Model], ...] = (
    ExerciseSession,
    ExerciseBest,
    Set,
    WorkoutExercise,
    Workout,
    ProgressionState,
    ActiveProgram,
    ExerciseBest,
    ExerciseMapping,
    ExerciseSession,
    Program,  # its days and prescriptions go with it
    Exercise,  # its muscles and equipment links go with it
)
#: What other rows may point at; none of another account's rows may point at this account's.
SHARED_TARGETS: tuple[type[models.Model], ...] = (Exercise, Program, ProgramDay)


class AccountDeletionError(ValueError):
    """The account cannot be deleted now; nothing was deleted. The message says why."""


class PasswordRefused(FieldError):
    """The password given to confirm a deletion was missing, wrong, or tried too often."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__("password", message)
        #: "missing", "wrong" or "locked" (too many wrong passwords: wait).
        self.reason = reason


@dataclass(frozen=True)
class OwnedData:
    """What an account holds, to show before it is deleted."""

    workouts: int
    sets: int
    custom_exercises: int
    programs: int
    body_weights: int
    tokens: int


@dataclass(frozen=True)
class DeletedAccount:
    username: str
    #: Rows deleted per model label ("storage.Set": 120, …).
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def workouts(self) -> int:
        return self.rows.get(Workout._meta.label, 0)

    @property
    def sets(self) -> int:
        return self.rows.get(Set._meta.label, 0)


def owned_data(user: User) -> OwnedData:
    """Counts of what deleting `user` removes (6 queries)."""
    return OwnedData(
        workouts=owned(Workout, user).count(),
        sets=owned(Set, user).count(),
        custom_exercises=Exercise.objects.owned_by(user).count(),
        programs=Program.objects.filter(owner_id=user.pk).count(),
        body_weights=owned(BodyWeight, user).count(),
        tokens=owned(ApiToken, user).count(),
    )


def check_password(request: HttpRequest, user: User, password: str) -> None:
    """Raise PasswordRefused unless `password` is the user's; wrong ones count towards the log-in lockout.

    Going through `authenticate` (not `check_password`) puts the log-in throttle in front, so a
    stolen token cannot be used to guess the password by trying it here.
    """
    if not password:
        raise PasswordRefused("missing", "type your password to confirm; nothing was deleted")
    confirmed = authenticate(request, username=user.get_username(), password=password)
    if confirmed is not None and confirmed.pk == user.pk:
        return
    if getattr(request, "axes_locked_out", False):
        # The throttle would swap the answer for its log-in page; each interface says it its own way.
        request.axes_locked_out = False  # type: ignore[attr-defined]
        cool_off = get_cool_off(request)
        wait = f"in {round(cool_off.total_seconds() / 60)} minutes" if cool_off else "later"
        raise PasswordRefused("locked", f"too many wrong passwords: try again {wait}; nothing was deleted")
    raise PasswordRefused("wrong", "the password is wrong; nothing was deleted")


def delete_account(user: User) -> DeletedAccount:
    """Delete `user` and every row they own, all or nothing; AccountDeletionError if it cannot be done."""
    try:
        return _delete(user)
    except ProtectedError as exc:
        # Only a row written by a request still running for this user can get here.
        raise AccountDeletionError(
            "new data was saved while the account was being deleted; nothing was deleted, try again"
        ) from exc


@transaction.atomic
def _delete(user: User) -> DeletedAccount:
    # The lock keeps two deletions of one account (two tabs, web and CLI) from interleaving.
    account = User.objects.select_for_update().filter(pk=user.pk).first()
    if account is None:
        raise AccountDeletionError("this account no longer exists")
    shared = _used_by_others(account)
    if shared:
        raise AccountDeletionError(
            f"other accounts use this account's exercises or programs ({', '.join(shared)}); "
            "nothing was deleted"
        )
    rows: Counter[str] = Counter()
    for model in DELETE_ORDER:
        rows.update(_model_manager(model).filter(owner_id=account.pk).delete()[1])
    rows.update(User.objects.filter(pk=account.pk).delete()[1])
    # The log-in throttle keeps the user name with addresses and browsers: personal data too.
    for log in (AccessAttempt, AccessFailureLog, AccessLog):
        rows.update(log.objects.filter(username=account.get_username()).delete()[1])
    return DeletedAccount(account.get_username(), {label: n for label, n in rows.items() if n})


def _used_by_others(user: User) -> list[str]:
    """Rows of other accounts pointing at this account's exercises, programs or program days.

    The services never write such a row (every lookup is scoped to its owner), but the schema
    cannot forbid one. Deleting would then delete or change another account's data, so refuse.
    Every relation into those models is checked, so a model added later is covered too.
    """
    found = []
    for target in SHARED_TARGETS:
        mine = _model_manager(target).filter(**{str(_owner_path(target)): user.pk}).values("pk")
        for relation in target._meta.get_fields(include_hidden=True):
            if not isinstance(relation, ForeignObjectRel) or relation.many_to_many:
                continue
            model: Any = relation.related_model
            path = _owner_path(model)
            if path is None:
                continue
            count = (
                _model_manager(model)
                .filter(**{f"{relation.field.name}__in": mine})
                .exclude(**{path: user.pk})
                .count()
            )
            if count:
                found.append(f"{count} × {model._meta.label}.{relation.field.name}")
    return found


def _owner_path(model: type[models.Model], depth: int = 3) -> str | None:
    """The lookup from `model` to its owning user ("owner", "day__program__owner"), or None."""
    fields = [f for f in model._meta.get_fields() if f.concrete and (f.many_to_one or f.one_to_one)]
    for f in fields:
        if f.related_model is User:
            return f.name
    if depth > 1:
        for f in fields:
            rest = _owner_path(f.related_model, depth - 1)  # type: ignore[arg-type]
            if rest is not None:
                return f"{f.name}__{rest}"
    return None


def _model_manager(model: type[models.Model]) -> models.Manager[Any]:
    return model._default_manager

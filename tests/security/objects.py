"""The first user's objects the matrix points the second user at, and a snapshot of everything a user owns.

Each builder creates one kind of object for a user and returns the URL parameters that name it and a
marker: a string that shows on the owner's pages and must never show on anyone else's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.apps import apps
from django.utils import timezone

from repbook.services.account.accounts import create_token
from repbook.services.exercise import custom_exercises
from repbook.services.exercise.custom_exercises import CustomExerciseInput
from repbook.services.program import programs
from repbook.services.transfer.pending_imports import keep_upload
from repbook.services.workout import body_weight
from repbook.services.workout.workout_entries import finish_workout
from repbook.services.workout.workouts import SetInput, log_set, start_workout
from repbook.storage.models import User

#: Every marker starts with this, so a page can be searched for any of the first user's objects at once.
MARKER = "AliceMarker"
#: A Strong export whose exercise names all match the catalog: what the import routes upload.
UPLOAD_FILE = Path(__file__).parent.parent / "importers" / "fixtures" / "strong_ios_comma_kg.csv"
#: A program of the caller's own, in the text format; the by-hand routes set the deadlift of
#: this built-in program, which both users follow where a route needs an active program.
PROGRAM_TEXT = "Program: Security Plan\nDays per week: 1\n\nDay: A\nDeadlift: 3x5; linear +5kg\n"
FOLLOWED = "back-workout"
BY_HAND = "deadlift"


@dataclass(frozen=True)
class Owned:
    """One object of a user: the URL parameters naming it and the marker its pages show."""

    params: dict[str, Any] = field(default_factory=dict)
    marker: str = MARKER


def _token(user: User) -> Owned:
    new = create_token(user, f"{MARKER} phone")
    return Owned({"token_id": new.token.pk}, f"{MARKER} phone")


def _custom_exercise(user: User) -> Owned:
    """A custom exercise no set uses yet (so its owner may still delete it)."""
    data = CustomExerciseInput(name=f"{MARKER} Curl", primary_muscles=("biceps",), equipment=("dumbbell",))
    exercise = custom_exercises.create(user, data)
    return Owned({"slug": exercise.slug}, exercise.name)


def _workout(user: User) -> Owned:
    """Today's open workout: a custom exercise with one set, then a deadlift with one set."""
    press = custom_exercises.create(
        user,
        CustomExerciseInput(
            name=f"{MARKER} Press",
            primary_muscles=("chest",),
            equipment=("barbell",),
            pattern="horizontal_push",
        ),
    )
    # Started now, not earlier: this month's history and this week's stats show it at any hour.
    workout = start_workout(user, name=f"{MARKER} Session")
    first = log_set(
        user,
        SetInput(press.slug, weight=Decimal("61.5"), reps=5, notes=f"{MARKER} note", workout=workout.pk),
    )
    log_set(user, SetInput("deadlift", weight=Decimal("187.5"), reps=5, workout=workout.pk))
    params = {
        "workout_id": workout.pk,
        "entry_id": first.workout_exercise_id,
        "direction": "down",  # the first entry: moving it down changes the order
        "set_id": first.pk,
        "slug": press.slug,
    }
    # Lists show the workout's name, stats the exercise's, the export the set's note: all carry it.
    return Owned(params, MARKER)


def _finished_workout(user: User) -> Owned:
    """A workout already finished: repeating it starts a new one (an open one would be resumed)."""
    owned = _workout(user)
    finish_workout(user, owned.params["workout_id"])
    return owned


def _program(user: User) -> Owned:
    text = f"Program: {MARKER} Plan\nDays per week: 1\n\nDay: {MARKER} Day\nDeadlift: 3x5; linear +5kg\n"
    program = programs.save_user_program(user, text).program
    return Owned({"slug": program.slug}, f"{MARKER} Plan")


def _active_program(user: User) -> Owned:
    owned = _program(user)
    programs.start_program(user, owned.params["slug"])
    return owned


def _body_weight(user: User) -> Owned:
    day = timezone.localdate() - timedelta(days=3)
    body_weight.log_body_weight(user, Decimal("123.45"), "kg", day)
    return Owned({"day": day.isoformat()}, "123.45")


def _pending_import(user: User) -> Owned:
    pending = keep_upload(user, f"{MARKER}.csv", UPLOAD_FILE.read_bytes(), "auto", "kg")
    return Owned({"pending_id": pending.pk}, f"{MARKER}.csv")


def _account(user: User) -> Owned:
    """The account itself: its user name is what /me shows."""
    return Owned({}, user.username)


#: Object name -> builder. `entry`, `set` and `logged_exercise` are parts of the one workout.
OBJECTS: dict[str, Callable[[User], Owned]] = {
    "token": _token,
    "custom_exercise": _custom_exercise,
    "workout": _workout,
    "finished_workout": _finished_workout,
    "entry": _workout,
    "set": _workout,
    "logged_exercise": _workout,
    "program": _program,
    "active_program": _active_program,
    "body_weight": _body_weight,
    "pending_import": _pending_import,
    "account": _account,
}


def _follows(user: User) -> None:
    programs.start_program(user, FOLLOWED)


def _by_hand(user: User) -> None:
    _follows(user)
    programs.set_by_hand(user, BY_HAND, load=Decimal(70))


#: What both users need before some routes can act at all (e.g. following a program).
SETUPS: dict[str, Callable[[User], None]] = {"follows": _follows, "by_hand": _by_hand}


def build(user: User, names: tuple[str, ...]) -> Owned:
    """Create the named objects for `user`; their parameters merged, and the marker of the first."""
    built = [OBJECTS[name](user) for name in names]
    params: dict[str, Any] = {}
    for owned in built:
        params |= owned.params
    return Owned(params, built[0].marker if built else MARKER)


#: Fields that change when an object is only read or a user only logs in.
VOLATILE = {"last_used_at", "last_login"}


def _plain(value: Any) -> Any:
    return bytes(value) if isinstance(value, memoryview) else value


def account_state(user: User) -> dict[str, Any]:
    """Everything `user` owns, row by row: every model with an `owner`, and the user row itself.

    New models with an owner are included without a change here.
    """
    state: dict[str, Any] = {}
    for model in apps.get_models():
        if not any(f.name == "owner" for f in model._meta.concrete_fields):
            continue
        rows = model._default_manager.filter(owner=user).order_by("pk").values()
        state[model._meta.label] = [
            {k: _plain(v) for k, v in row.items() if k not in VOLATILE} for row in rows
        ]
    state["user"] = list(User.objects.filter(pk=user.pk).values())
    return state

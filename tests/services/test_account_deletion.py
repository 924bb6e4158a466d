"""Deleting an account deletes every row it owns, in every model (found generically, so a model
added later is covered), and nothing of anyone else's, nor the catalog or the built-in programs."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.test import Client
from django.utils import timezone

from repbook.services.account.account_deletion import AccountDeletionError, delete_account, owned_data
from repbook.services.account.accounts import create_token, settings_for
from repbook.services.exercise import custom_exercises
from repbook.services.program import programs
from repbook.services.transfer.export import backup_text
from repbook.services.transfer.pending_imports import keep_upload
from repbook.services.workout.body_weight import log_body_weight
from repbook.services.workout.workouts import LogError, SetInput, log_set
from repbook.storage.models import (
    ActiveProgram,
    Exercise,
    ExerciseMapping,
    Program,
    ProgressionState,
    Set,
    User,
    Workout,
    WorkoutExercise,
)
from tests.conftest import PASSWORD

D = Decimal
MY_EXERCISE = "Pinwheel thing of mine"  # a name no catalog exercise resembles
PROGRAM = f"""Program: Pull day

Day: Pull
Deadlift: 3x5; linear +2.5kg
{MY_EXERCISE}: 3x10-12; double
Barbell curl or {MY_EXERCISE}: 2x8-10; double
"""


def rich_account(user: User) -> None:
    """Rows in every model a user can own, written the way Repbook writes them."""
    prefs = settings_for(user)
    prefs.unit = "lb"
    prefs.save()
    mine = custom_exercises.create(
        user,
        custom_exercises.CustomExerciseInput(
            name=MY_EXERCISE,
            primary_muscles=("biceps",),
            secondary_muscles=("forearms",),
            equipment=("machine",),
        ),
    )
    saved = programs.save_user_program(user, PROGRAM)
    programs.start_program(user, saved.program.slug)
    programs.set_by_hand(user, mine.slug, load=D(20))  # a load set by hand
    workout = programs.start_next_workout(user)
    log_set(user, SetInput("deadlift", D(100), "kg", reps=5, workout=workout.pk))
    log_set(user, SetInput(mine.slug, D(20), "kg", reps=12, workout=workout.pk))
    log_set(user, SetInput(mine.slug, D(40), "lb", reps=10, performed_at=timezone.now() - timedelta(days=3)))
    log_body_weight(user, D(80), "kg")
    create_token(user, "phone")
    ExerciseMapping.objects.create(owner=user, foreign_name="Curl (Machine)", exercise=mine)
    keep_upload(user, "strong.csv", b"Date,Exercise Name\n", "auto", "kg")
    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(Workout),
        object_id=str(workout.pk),
        object_repr=str(workout),
        action_flag=ADDITION,
    )
    user.groups.add(Group.objects.get_or_create(name="coached")[0])
    user.user_permissions.add(Permission.objects.get(codename="view_workout"))


def paths_to_user(model: type[models.Model], depth: int = 3) -> list[str]:
    """Every lookup from `model` to a user through foreign keys ("owner", "day__program__owner")."""
    found = []
    for field in model._meta.get_fields():
        if not (field.concrete and (field.many_to_one or field.one_to_one)):
            continue
        if field.related_model is User:
            found.append(field.name)
        elif depth > 1 and field.related_model is not model:
            found += [f"{field.name}__{rest}" for rest in paths_to_user(field.related_model, depth - 1)]
    return found


def user_models() -> dict[type[models.Model], list[str]]:
    """Every installed model (many-to-many tables too) that leads to a user, with the lookups."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        if model is not User and (paths := paths_to_user(model)):
            found[model] = paths
    return found


def rows_of(user: User) -> dict[str, int]:
    """Rows per model and lookup that lead to `user`."""
    counts = {
        f"{model._meta.label} via {path}": model._default_manager.filter(**{path: user.pk}).count()
        for model, paths in user_models().items()
        for path in paths
    }
    counts["storage.User"] = User.objects.filter(pk=user.pk).count()
    return counts


def unowned_rows(but: str) -> dict[str, int]:
    """Rows owned by nobody (the catalog, built-in programs, muscles, site settings…) and rows kept
    by user name (the log-in throttle's) of anyone but the user named `but`."""
    counts = {}
    owned_models = user_models()
    for model in apps.get_models(include_auto_created=True):
        if model is User:
            continue
        rows = model._default_manager.all()
        if any(field.name == "username" for field in model._meta.get_fields()):
            rows = rows.exclude(username=but)
        for path in owned_models.get(model, []):
            rows = rows.filter(**{f"{path}__isnull": True})
        counts[model._meta.label] = rows.count()
    return counts


def test_the_search_finds_the_models_a_user_owns() -> None:
    # Guards the generic loop itself: if it found nothing, the test below would prove nothing.
    labels = {model._meta.label for model in user_models()}
    assert {
        "storage.Workout",
        "storage.Set",
        "storage.Exercise",
        "storage.ExerciseMuscle",
        "storage.Program",
        "storage.ProgramDay",
        "storage.Prescription",
        "storage.ActiveProgram",
        "storage.ProgressionState",
        "storage.ExerciseMapping",
        "storage.PendingImport",
        "storage.UserSettings",
        "storage.BodyWeight",
        "storage.ApiToken",
        "admin.LogEntry",
    } <= labels
    assert "storage.Muscle" not in labels and "storage.SiteSettings" not in labels


def test_deleting_an_account_leaves_no_row_of_it_and_touches_nothing_else(
    alice: User, bob: User, make_user: Any
) -> None:
    rich_account(alice)
    rich_account(bob)
    make_user("carol")  # an account with nothing in it
    # Rows that the log-in throttle keeps about alice: a good log-in, then a failed one.
    Client().post("/login/", {"username": "alice", "password": PASSWORD})
    Client().post("/login/", {"username": "alice", "password": "not-her-password"})
    Client().post("/login/", {"username": "bob", "password": "not-his-password"})
    assert AccessAttempt.objects.filter(username="alice").exists()
    assert AccessLog.objects.filter(username="alice").exists()

    before = rows_of(alice)
    empty = {what.split(" via ")[0] for what in before} - {
        what.split(" via ")[0] for what, n in before.items() if n
    }
    assert not empty, f"rich_account() writes no row in {empty}: extend it for the new model"
    bob_before, bob_backup, nobody_before = rows_of(bob), backup_text(bob), unowned_rows(but="alice")

    deleted = delete_account(alice)

    assert {what: n for what, n in rows_of(alice).items() if n} == {}
    assert rows_of(bob) == bob_before
    assert backup_text(bob) == bob_backup
    assert unowned_rows(but="alice") == nobody_before  # catalog, built-in programs, muscles, groups, …
    assert Exercise.objects.filter(owner__isnull=True).count() > 100
    assert Program.objects.filter(owner__isnull=True, slug="back-workout").exists()
    assert User.objects.filter(username="carol").exists()
    for log in (AccessAttempt, AccessFailureLog, AccessLog):
        assert not log.objects.filter(username="alice").exists()
    assert AccessAttempt.objects.filter(username="bob").exists()
    assert (deleted.username, deleted.workouts, deleted.sets) == ("alice", 2, 3)
    assert deleted.rows["storage.User"] == 1


def test_what_will_be_deleted_is_counted_for_the_page(alice: User, bob: User) -> None:
    rich_account(alice)
    held = owned_data(alice)
    assert (held.workouts, held.sets, held.custom_exercises, held.programs) == (2, 3, 1, 1)
    assert (held.body_weights, held.tokens) == (1, 1)
    assert owned_data(bob) == type(held)(0, 0, 0, 0, 0, 0)


def test_the_services_never_let_one_account_use_anothers_exercise(alice: User, bob: User) -> None:
    rich_account(alice)
    slug = Exercise.objects.get(owner=alice).slug
    with pytest.raises(LogError, match="no exercise"):
        log_set(bob, SetInput(slug, D(20), "kg", reps=10))
    with pytest.raises(programs.ProgramError, match=MY_EXERCISE):
        programs.save_user_program(bob, PROGRAM)
    assert not Program.objects.filter(owner=bob).exists()


@pytest.mark.parametrize("reference", ["set", "mapping", "progression", "active_program"])
def test_a_row_of_another_account_pointing_at_this_ones_data_stops_the_deletion(
    alice: User, bob: User, reference: str
) -> None:
    """The schema cannot forbid it, so a row written past the services must not be deleted or
    changed by someone else's deletion: nothing is deleted, and the message says why."""
    rich_account(alice)
    exercise = Exercise.objects.get(owner=alice)
    program = Program.objects.get(owner=alice)
    if reference == "set":
        log_set(bob, SetInput("deadlift", D(60), "kg", reps=5))
        Set.objects.filter(owner=bob).update(exercise=exercise)
        WorkoutExercise.objects.filter(owner=bob).update(exercise=exercise)
    elif reference == "mapping":
        ExerciseMapping.objects.create(owner=bob, foreign_name="Curl", exercise=exercise)
    elif reference == "progression":
        ProgressionState.objects.create(owner=bob, program=program, exercise=exercise, override={})
    else:
        ActiveProgram.objects.create(owner=bob, program=program)
    alice_before, bob_before = rows_of(alice), rows_of(bob)

    with pytest.raises(AccountDeletionError, match="other accounts use this account's"):
        delete_account(alice)

    assert rows_of(alice) == alice_before
    assert rows_of(bob) == bob_before


def test_an_account_deleted_twice_says_so(alice: User) -> None:
    rich_account(alice)
    stale = User.objects.get(pk=alice.pk)
    delete_account(alice)
    with pytest.raises(AccountDeletionError, match="no longer exists"):
        delete_account(stale)

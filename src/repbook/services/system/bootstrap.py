"""Make a database ready to use: migrate, load the catalog and programs, first user.

Every command checks readiness, so the check must be cheap: one stored stamp (versions, migration
files, catalog and program files) is compared with the installed code; only when it differs are
the migrations planned and the catalog and programs hashed and reloaded.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

import repbook.core.pose
from repbook import __version__
from repbook.services.system.data_dir import NotReady
from repbook.storage.models import SiteSettings, User

#: (app label, folder) of the data files ensure_ready() loads: catalog/files.py and programs/files.py.
DATA_FOLDERS = [("catalog", "exercises"), ("programs", "builtin")]
#: The code that draws the position pictures kept with each catalog page.
POSE_CODE = Path(repbook.core.pose.__file__).parent
#: pg_advisory_lock key taken while migrating, so servers started together migrate once ("RBMIGRAT").
MIGRATION_LOCK_KEY = 0x52424D4947524154


class PendingMigrations(NotReady):
    """The database lacks migrations and this command may not apply them."""


def pending_migrations() -> int:
    """How many migrations the database lacks (all of them when it has no tables yet)."""
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def ready_stamp(folders: list[Path] | None = None) -> str:
    """A fingerprint of everything ensure_ready() applies: versions, migration, catalog and program files.

    File names, sizes and modification times are enough: an edit or a new install changes them.
    """
    digest = hashlib.sha256(f"{__version__} {django.__version__}".encode())
    if folders is None:
        # The catalog's and programs' data folders, found without importing their loaders.
        folders = [Path(apps.get_app_config(label).path) / data for label, data in DATA_FOLDERS]
        folders += [Path(app.path) / "migrations" for app in apps.get_app_configs()]
        folders.append(POSE_CODE)  # the position pictures are drawn when the catalog loads
    for folder in folders:
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_file():
                    stat = entry.stat()
                    digest.update(f"{folder}/{entry.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


def _stored_stamp() -> str | None:
    try:
        return SiteSettings.objects.filter(pk=1).values_list("ready_stamp", flat=True).first()
    except DatabaseError:
        return None  # no tables yet, or a schema older than the stamp


def ensure_ready(*, migrate: bool = True, trust_stamp: bool = True) -> int:
    """Migrate and load the catalog and programs when needed; returns the migrations applied.

    With `migrate=False`, a database that lacks migrations raises PendingMigrations instead.
    `trust_stamp=False` plans the migrations whatever the stamp says (`repbook migrate`).
    """
    stamp = ready_stamp()
    if trust_stamp and _stored_stamp() == stamp:
        return 0
    missing = pending_migrations()
    if missing and not migrate:
        raise PendingMigrations(
            f"the database lacks {missing} migration{'s' if missing != 1 else ''}: run `repbook migrate` "
            "once (stop or upgrade the other Repbook servers first), then start again."
        )
    if missing:
        missing = apply_migrations()
        if missing:
            fill_missing_summaries()
    # Imported here: the loaders (TOML, the program grammar) are needed only when something changed.
    from repbook.catalog.load import load_catalog_if_changed
    from repbook.programs.load import load_programs_if_changed

    load_catalog_if_changed()
    load_programs_if_changed()
    SiteSettings.objects.filter(pk=SiteSettings.current().pk).update(ready_stamp=stamp)
    return missing


def fill_missing_summaries() -> None:
    """Summarise the history of a database upgraded from a version that kept no summaries."""
    from repbook.storage import summaries
    from repbook.storage.models import ExerciseSession, Set

    if not ExerciseSession.objects.exists() and Set.objects.exists():
        summaries.rebuild_everyone()


def apply_migrations() -> int:
    """Run Django's migrate under a lock, so two servers or commands starting together migrate once.

    Returns the migrations this process applied (0 when another one did them meanwhile).
    """
    with _migration_lock():
        missing = pending_migrations()
        if missing:
            call_command("migrate", interactive=False, verbosity=0)
        return missing


@contextlib.contextmanager
def _migration_lock() -> Iterator[None]:
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK_KEY])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK_KEY])
        return
    try:
        import fcntl
    except ImportError:  # Windows: one process at a time is the operator's business there
        yield
        return
    lock_path = Path(settings.DATA_DIR) / "migrate.lock"
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass(frozen=True)
class FirstUser:
    username: str
    password: str


def create_first_user_if_none() -> FirstUser | None:
    """On a fresh install, create a local admin so the owner can log in at once."""
    if User.objects.exists():
        return None
    # Imported here: only a database without users needs them, and every command asks.
    from repbook.services.account.accounts import create_user, generate_password

    username = _local_username()
    password = generate_password()
    create_user(username, password, admin=True)
    return FirstUser(username=username, password=password)


def _local_username() -> str:
    try:
        name = re.sub(r"[^\w.@+-]", "", getpass.getuser())[:150]
    except (KeyError, OSError):
        name = ""
    # "root" on a server says nothing about the lifter; a neutral name reads better.
    return name if name and name != "root" else "lifter"

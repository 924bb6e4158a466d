"""Make a data directory ready to use: migrate, load the catalog and programs, first user."""

from __future__ import annotations

import getpass
import re
from dataclasses import dataclass

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from repbook.catalog.load import load_catalog_if_changed
from repbook.programs.load import load_programs_if_changed
from repbook.services.accounts import create_user, generate_password
from repbook.storage.models import User


def pending_migrations() -> bool:
    """True when the database lacks a migration (or has no tables yet)."""
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def ensure_ready() -> None:
    """Migrate and load the catalog and programs when needed; cheap when everything is up to date."""
    if pending_migrations():
        call_command("migrate", interactive=False, verbosity=0)
    load_catalog_if_changed()
    load_programs_if_changed()


@dataclass(frozen=True)
class FirstUser:
    username: str
    password: str


def create_first_user_if_none() -> FirstUser | None:
    """On a fresh install, create a local admin so the owner can log in at once."""
    if User.objects.exists():
        return None
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

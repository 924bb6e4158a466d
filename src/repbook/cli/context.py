"""What every command needs: Django set up, the database ready, the user to act as."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import wraps
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def loading() -> Iterator[None]:
    """Load modules with the cyclic garbage collector paused, then set what they built aside.

    Django and Repbook allocate a few hundred thousand objects while they load, all of which live
    as long as the process; the collector would scan them again and again meanwhile (about a
    tenth of a command's start). Afterwards gc.freeze() keeps them out of later collections.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "repbook.settings")
    import django
    from django.apps import apps
    from django.core.exceptions import ImproperlyConfigured

    if apps.ready:  # already set up in this process (a test running commands)
        return
    try:
        with loading():
            django.setup()
    except (ImproperlyConfigured, ValueError) as exc:
        # Settings that cannot be used (a DATABASE_URL that is no URL, an unknown time zone):
        # one sentence, no traceback.
        raise click.ClickException(" ".join(str(exc).split())) from exc


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Turn a database that cannot be reached into one clear sentence instead of a traceback."""
    from django.db import DatabaseError

    from repbook.catalog.errors import CatalogError
    from repbook.services.system.data_dir import NotReady

    try:
        yield
    except NotReady as exc:
        raise click.ClickException(str(exc)) from exc
    except CatalogError as exc:
        raise click.ClickException(f"the exercise catalog has an error: {exc}") from exc
    except DatabaseError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise click.ClickException(f"the database failed: {first_line}") from exc


def ready(func: F) -> F:
    """Decorator: set up Django and make sure the database is there and up to date.

    A command never creates a database (only serve and migrate do); on SQLite, the single-machine
    install, it applies the migrations a new version brings; on PostgreSQL it asks for
    `repbook migrate`, which the operator runs once for all servers.
    """

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        setup_django()
        from repbook.services.system.bootstrap import ensure_ready
        from repbook.services.system.data_dir import data_location, require_database

        with friendly_errors():
            require_database()
            ensure_ready(migrate=data_location().is_sqlite)
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def parse_date(value: str | None, option: str = "--date") -> date | None:
    """A YYYY-MM-DD option as a date (None when not given); a clear usage error otherwise."""
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date like 2026-03-14", param_hint=option) from exc


def resolve_user(name: str | None) -> Any:
    """The user named, or the only user; on a database without users, the first local user is created."""
    from repbook.services.system.bootstrap import create_first_user_if_none
    from repbook.storage.models import User

    if name:
        user = User.objects.filter(username=name).first()
        if user is None:
            raise click.UsageError(f"no user named {name!r}; see `repbook user list`")
        return user
    first = create_first_user_if_none()
    if first is not None:
        print_first_user(first.username, first.password, out=sys.stderr)
    users = list(User.objects.order_by("id")[:2])
    if len(users) > 1:
        raise click.UsageError("there are several users: say which one with --user NAME")
    return users[0]


def print_first_user(username: str, password: str, out: Any = None) -> None:
    click.echo(
        f"Created your Repbook account.\n  user name: {username}\n  password:  {password}\n"
        "Change the password on the web (or: repbook user password NAME).",
        file=out,
    )

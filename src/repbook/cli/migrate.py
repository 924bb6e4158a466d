"""`repbook migrate`: create or upgrade the database, as its own step for many servers."""

from __future__ import annotations

import click

from repbook.cli.context import friendly_errors, setup_django


@click.command()
def migrate() -> None:
    """Create or upgrade the database and load the exercise catalog and programs.

    `repbook serve` does this by itself on SQLite and with one worker. With several servers or
    workers on PostgreSQL, run it once before starting them (it takes a lock, so two at once
    migrate once).
    """
    setup_django()
    from repbook.services.system.bootstrap import ensure_ready
    from repbook.services.system.data_dir import data_location, prepare_data_dir

    prepare_data_dir()
    location = data_location()
    with friendly_errors():
        applied = ensure_ready(migrate=True, trust_stamp=False)
    click.echo(f"Data directory: {location.data_dir}\nDatabase: {location.database}")
    done = f"{applied} migration{'s' if applied != 1 else ''} applied" if applied else "already up to date"
    click.echo(f"Database ready ({done}).")

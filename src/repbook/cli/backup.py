"""`repbook backup FILE`: a consistent copy of the SQLite database, even while the server runs."""

from __future__ import annotations

from pathlib import Path

import click

from repbook.cli.context import friendly_errors, setup_django


@click.command()
@click.argument("path", metavar="FILE")
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
def backup(path: str, force: bool) -> None:
    """Copy the SQLite database to FILE, consistent even while `repbook serve` writes to it.

    Restore: stop the server and put the file at $REPBOOK_DATA_DIR/repbook.sqlite3. On
    PostgreSQL this prints the pg_dump command to use instead.
    """
    setup_django()
    from django.db import connections

    from repbook.services.system.data_dir import require_database
    from repbook.services.transfer.backup import BackupError, backup_sqlite, pg_dump_command

    # No migration first (unlike other commands): a backup taken before an upgrade must hold the
    # database as it was.
    connection = connections["default"]
    if connection.vendor != "sqlite":
        command = pg_dump_command(connection.settings_dict, path)
        raise click.ClickException(
            f"the database is {connection.display_name}, and `repbook backup` copies SQLite only. "
            f"Back it up with pg_dump:\n  {command}\n"
            "(pg_dump asks for the password, or reads PGPASSWORD or ~/.pgpass; restore with pg_restore; "
            "see docs/backup-and-privacy.md)"
        )
    with friendly_errors():
        require_database()
    try:
        report = backup_sqlite(Path(connection.settings_dict["NAME"]), Path(path), force=force)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"Wrote {report.path} ({_size(report.size_bytes)}): {_count(report.users, 'user')}, "
        f"{_count(report.workouts, 'workout')}, {_count(report.sets, 'set')}."
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _size(size_bytes: int) -> str:
    if size_bytes < 1024:
        return f"{size_bytes} bytes"
    size, unit = size_bytes / 1024, "KB"
    for bigger in ("MB", "GB"):
        if size < 1024:
            break
        size, unit = size / 1024, bigger
    return f"{size:.1f} {unit}"

"""`repbook check`: validate the configuration."""

from __future__ import annotations

import click

from repbook.cli.context import friendly_errors, setup_django


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="The host you will serve on.")
def check(host: str) -> None:
    """Check the configuration and print what is wrong."""
    setup_django()
    from django.conf import settings
    from django.db import connection

    from repbook.services.checks import configuration_problems

    problems = configuration_problems(host)
    with friendly_errors():
        connection.ensure_connection()
    click.echo(f"data dir: {settings.DATA_DIR}")
    click.echo(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    if problems:
        for problem in problems:
            click.echo(f"problem: {problem}", err=True)
        raise SystemExit(1)
    click.echo("configuration ok")

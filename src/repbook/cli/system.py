"""`repbook check`: validate the configuration."""

from __future__ import annotations

from typing import NoReturn

import click

from repbook.cli.context import setup_django


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="The host you will serve on.")
def check(host: str) -> None:
    """Check the configuration and print what is wrong.

    Problems keep `repbook serve` from starting and make this exit with status 1; warnings are
    printed too but may be what you want.
    """
    try:
        setup_django()
    except click.ClickException as exc:  # settings that cannot even be read
        _fail([exc.message])
    from repbook.services.system.checks import (
        cache_problems,
        configuration_problems,
        configuration_warnings,
        database_problems,
        database_warnings,
    )
    from repbook.services.system.data_dir import data_location

    problems = configuration_problems(host) + database_problems() + cache_problems()
    warnings = configuration_warnings(host)
    if not problems:
        warnings += database_warnings()
    location = data_location()
    click.echo(f"data dir: {location.data_dir}")
    click.echo(f"database: {location.database}")
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    if problems:
        _fail(problems)
    click.echo("configuration ok")


def _fail(problems: list[str]) -> NoReturn:
    for problem in problems:
        click.echo(f"problem: {problem}", err=True)
    raise SystemExit(1)

"""The `repbook` command: parse arguments, call a service, print. Nothing else lives here."""

from __future__ import annotations

import click

from repbook import __version__
from repbook.cli import (
    accounts,
    backup,
    calc,
    exercises,
    log,
    migrate,
    programs,
    serve,
    stats,
    system,
    transfer,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="repbook")
def main() -> None:
    """Repbook: a self-hosted strength-training log.

    Data lives in REPBOOK_DATA_DIR (SQLite) or DATABASE_URL (PostgreSQL).
    """


main.add_command(serve.serve)
main.add_command(migrate.migrate)
main.add_command(accounts.user)
main.add_command(accounts.token)
main.add_command(system.check)
main.add_command(exercises.exercises)
main.add_command(exercises.exercise)
main.add_command(log.log)
main.add_command(programs.programs_)
main.add_command(programs.program)
main.add_command(programs.next_)
main.add_command(calc.calc)
main.add_command(stats.stats)
main.add_command(stats.bodyweight)
main.add_command(transfer.import_)
main.add_command(transfer.export)
main.add_command(backup.backup)

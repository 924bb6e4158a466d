"""The `repbook` command: parse arguments, call a service, print. Nothing else lives here.

Each command's module is imported only when that command runs (or `--help` lists them all), so
`repbook log` does not pay for the calculators, the importers or the server.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from repbook import __version__

#: Command name -> "module:attribute" of the click command.
COMMANDS: dict[str, str] = {
    "serve": "serve:serve",
    "migrate": "migrate:migrate",
    "user": "accounts:user",
    "token": "accounts:token",
    "check": "system:check",
    "exercises": "exercises:exercises",
    "exercise": "exercises:exercise",
    "log": "log:log",
    "programs": "programs:programs_",
    "program": "programs:program",
    "next": "programs:next_",
    "calc": "calc:calc",
    "stats": "stats:stats",
    "bodyweight": "stats:bodyweight",
    "rebuild-stats": "stats:rebuild_stats",
    "import": "transfer:import_",
    "export": "transfer:export",
    "backup": "backup:backup",
}


class LazyGroup(click.Group):
    """A group whose commands are imported from COMMANDS when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = COMMANDS.get(cmd_name)
        if where is None:
            return None
        module, attribute = where.split(":")
        command: Any = getattr(importlib.import_module(f"repbook.cli.{module}"), attribute)
        return command  # type: ignore[no-any-return]


@click.group(
    cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, prog_name="repbook")
def main() -> None:
    """Repbook: a self-hosted strength-training log.

    Data lives in REPBOOK_DATA_DIR (SQLite) or DATABASE_URL (PostgreSQL).
    """

"""`repbook import FILE` (history from other apps, or a Repbook backup) and `repbook export`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from repbook.cli.context import ready, resolve_user
from repbook.cli.output import echo_json
from repbook.importers.formats import FORMAT_NAMES

USER_HELP = "The account (may be left out while there is one user)."


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise click.BadParameter(f"cannot read {path!r}: {exc.strerror}", param_hint="FILE") from exc


def _choices(mapping: str | None) -> dict[str, str]:
    if mapping is None:
        return {}
    from repbook.services.transfer.import_json import parse_mapping
    from repbook.services.transfer.imports import ImportRefused

    try:
        return parse_mapping(Path(mapping).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise click.BadParameter(f"cannot read {mapping!r}: {exc}", param_hint="--map") from exc
    except ImportRefused as exc:
        raise click.BadParameter(exc.message, param_hint="--map") from exc


def _progress(label: str) -> Any:
    """A progress callback drawing a bar on the terminal (and nothing when output is not a terminal)."""
    state: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        bar = state.get("bar")
        if bar is None:
            bar = state["bar"] = click.progressbar(length=max(total, 1), label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)
        if done >= total:
            bar.__exit__(None, None, None)

    return update


@click.command("import")
@click.argument("path", metavar="FILE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("auto", *FORMAT_NAMES)),
    default="auto",
    show_default=True,
    help="The app the file comes from; auto tells from the content.",
)
@click.option(
    "--unit",
    type=click.Choice(("kg", "lb")),
    help="The unit of weights in files that do not say (Strong on iOS); default: your unit.",
)
@click.option("--dry-run", is_flag=True, help="Show what would be imported and write nothing.")
@click.option(
    "--map",
    "mapping",
    type=click.Path(dir_okay=False),
    help="A file of `Foreign name = exercise-slug` lines (+new creates, -skip leaves out).",
)
@click.option("--create-missing", is_flag=True, help="Create your own exercises for names that match none.")
@click.option("--user", "username", help=USER_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (as POST /api/v1/imports).")
@ready
def import_(
    path: str,
    fmt: str,
    unit: str | None,
    dry_run: bool,
    mapping: str | None,
    create_missing: bool,
    username: str | None,
    as_json: bool,
) -> None:
    """Import your history from Strong, Hevy, FitNotes, StrengthLog, JEFIT, wger or a Repbook file.

    Try --dry-run first: it lists the workouts, the exercise names and how they match, and any
    lines that would be skipped. The real run writes everything or nothing; running it twice adds
    nothing the second time. FILE may be - for standard input.
    """
    from repbook.cli.import_text import print_report
    from repbook.services.transfer.import_json import mapping_template, report_json
    from repbook.services.transfer.imports import ImportOptions, ImportRefused, UnmatchedNames, import_file

    data, choices = _read(path), _choices(mapping)
    user = resolve_user(username)
    options = ImportOptions(fmt, unit, choices, create_missing, dry_run)
    progress = None if as_json or dry_run else _progress("Importing sets")
    try:
        report = import_file(user, data, options, progress)
    except UnmatchedNames as exc:
        hint = "Write a mapping file like this and pass it with --map FILE (or use --create-missing):\n"
        raise click.ClickException(f"{exc.message}.\n{hint}{mapping_template(exc.report)}") from exc
    except ImportRefused as exc:
        raise click.ClickException(exc.message if exc.field == "file" else str(exc)) from exc
    if as_json:
        echo_json(report_json(report))
        return
    print_report(report)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(("json", "csv")), default="json", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here (default: stdout)."
)
@click.option("--user", "username", help=USER_HELP)
@ready
def export(fmt: str, output: str | None, username: str | None) -> None:
    """Export everything: json is a full backup `repbook import` restores; csv is one row per set."""
    from repbook.services.transfer.export import backup_text, csv_lines

    user = resolve_user(username)
    chunks = [backup_text(user)] if fmt == "json" else csv_lines(user)
    if output is None:
        for chunk in chunks:
            click.echo(chunk, nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
    except OSError as exc:
        raise click.BadParameter(f"cannot write {output!r}: {exc.strerror}", param_hint="--output") from exc
    click.echo(f"Wrote {output}", err=True)

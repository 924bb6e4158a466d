"""`repbook programs`, `repbook program show|start|stop|tm|import|export`, and `repbook next`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from repbook.cli.context import ready, resolve_user
from repbook.cli.output import echo_json

USER_HELP = "The account (may be left out while there is one user)."


def _program_error() -> type[Exception]:
    from repbook.services.program.programs import ProgramError

    return ProgramError


@click.command("programs")
@click.option("--user", "username", help="Also list this user's own programs and mark the active one.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@ready
def programs_(username: str | None, as_json: bool) -> None:
    """List the program library."""
    from repbook.services.program.program_json import program_summary
    from repbook.services.program.programs import active_program, visible_programs
    from repbook.storage.models import User

    user = resolve_user(username) if username or User.objects.count() == 1 else None
    active = active_program(user) if user else None
    rows = [program_summary(p, active.program_id if active else None) for p in visible_programs(user)]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        mark = " (following)" if row["active"] else ""
        level = f"{row['level']}, " if row["level"] else ""
        click.echo(f"{row['slug']:<24} {row['name']}{mark}: {level}{row['days_per_week']} days a week")


@click.group("program")
def program() -> None:
    """Show, follow, import or export a program."""


@program.command("show")
@click.argument("slug")
@click.option("--user", "username", help=USER_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@ready
def show(slug: str, username: str | None, as_json: bool) -> None:
    """Show a program's weeks, days and exercises."""
    from repbook.services.program.program_json import program_detail
    from repbook.services.program.programs import program_for

    user = resolve_user(username)
    detail = _or_fail(lambda: program_detail(program_for(user, slug)))
    if as_json:
        echo_json(detail)
        return
    click.secho(detail["name"], bold=True)
    if detail["description"]:
        click.echo(detail["description"])
    for day in detail["days"]:
        week = f"Week {day['week']}, " if detail["weeks"] > 1 else ""
        click.secho(f"\n{week}{day['name']}", bold=True)
        for line in day["exercises"]:
            rest = f", rest {line['rest_s']} s" if line["rest_s"] else ""
            click.echo(f"  {line['name']}: {', '.join(line['sets'])} ({line['rule']}{rest})")


@program.command("start")
@click.argument("slug")
@click.option("--user", "username", help=USER_HELP)
@ready
def start(slug: str, username: str | None) -> None:
    """Follow a program from its first day."""
    from repbook.services.program.programs import start_program

    user = resolve_user(username)
    active = _or_fail(lambda: start_program(user, slug))
    click.echo(
        f"{user.username} now follows {active.program.name}. See the first workout with `repbook next`."
    )


@program.command("tm")
@click.argument("slug")
@click.argument("exercise")
@click.argument("load")
@click.option("--unit", type=click.Choice(["kg", "lb"]), help="The unit of LOAD (default: your setting).")
@click.option("--user", "username", help=USER_HELP)
@ready
def training_max(slug: str, exercise: str, load: str, unit: str | None, username: str | None) -> None:
    """Set the training max of a 5/3/1 lift, e.g. `repbook program tm 531 back-squat 100`."""
    from decimal import Decimal, InvalidOperation

    from repbook.core.units import format_weight
    from repbook.services.account.accounts import settings_for
    from repbook.services.program.programs import set_training_max

    try:
        value = Decimal(load)
    except InvalidOperation:
        raise click.BadParameter(f"{load!r} is not a number", param_hint="LOAD") from None
    user = resolve_user(username)
    shown = unit or settings_for(user).unit
    kg = _or_fail(lambda: set_training_max(user, slug, exercise, value, shown))
    click.echo(f"Training max of {exercise}: {format_weight(kg, shown)}, from its next session on.")


@program.command("stop")
@click.option("--user", "username", help=USER_HELP)
@ready
def stop(username: str | None) -> None:
    """Stop following a program (the log is kept)."""
    from repbook.services.program.programs import stop_program

    stop_program(resolve_user(username))
    click.echo("No program followed now.")


@program.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--user", "username", help=USER_HELP)
@ready
def import_(file: Path, username: str | None) -> None:
    """Add a program written in the program text format (see the README)."""
    from repbook.services.program.programs import save_user_program

    try:
        text = file.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError) as exc:
        raise click.ClickException(f"cannot read {file}: {exc}") from exc
    user = resolve_user(username)
    saved = _or_fail(lambda: save_user_program(user, text))
    click.echo(
        f"Saved {saved.program.name} as {saved.program.slug}. "
        f"Follow it with `repbook program start {saved.program.slug}`."
    )


@program.command("export")
@click.argument("slug")
@click.option("--user", "username", help=USER_HELP)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file.")
@ready
def export(slug: str, username: str | None, output: Path | None) -> None:
    """Print a program in the program text format."""
    from repbook.services.program.programs import program_for

    source = _or_fail(lambda: program_for(resolve_user(username), slug)).source
    if output is None:
        click.echo(source, nl=False)
    else:
        output.write_text(source, encoding="utf-8")
        click.echo(f"Wrote {output}")


@click.command("next")
@click.option("--user", "username", help=USER_HELP)
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON: every prescribed set with its load and reason."
)
@click.option("--start", is_flag=True, help="Also start it: sets logged today then count for the program.")
@ready
def next_(username: str | None, as_json: bool, start: bool) -> None:
    """The next workout of your program: each exercise, its sets, loads and why."""
    from django.utils import timezone

    from repbook.services.program.program_json import next_workout_json
    from repbook.services.program.program_plan import next_workout
    from repbook.services.program.programs import start_next_workout
    from repbook.services.workout.open_workouts import was_resumed

    user = resolve_user(username)
    upcoming = next_workout(user)
    if upcoming is None:
        raise click.ClickException(
            "you follow no program: see `repbook programs`, then `repbook program start SLUG`"
        )
    data = next_workout_json(upcoming)
    if start:
        asked_at = timezone.now()
        workout = _or_fail(lambda: start_next_workout(user))
        data["workout"] = workout.pk
        if not as_json:
            # One open workout at a time: starting while one is open resumes it.
            verb = "Resumed your open" if was_resumed(workout, asked_at) else "Started"
            click.echo(f'{verb} workout {workout.pk}, {workout.name}: log with `repbook log "..."`.')
    if as_json:
        echo_json(data)
        return
    day = data["day"]
    click.secho(f"{data['program']['name']}: {day['name']} (day {day['number']} of {day['of']})", bold=True)
    for item in data["exercises"]:
        click.secho(f"\n{item['name']}", bold=True)
        for group in item["sets"]:
            click.echo(f"  {_group_line(group)}")
        click.echo(f"  why: {item['reason']}")
        if item["caution"]:
            click.secho(f"  {item['caution']}", fg="yellow")


def _group_line(group: dict[str, Any]) -> str:
    label = f"{group['type_label']} " if group["type_label"] else ""
    load = f" @ {group['load']}" if group["load"] else ""
    rpe = f" @ RPE {group['rpe']}" if group["rpe"] and not group["load"] else ""
    return f"{label}{group['sets']} × {group['reps']}{load}{rpe}"


def _or_fail(call: Any) -> Any:
    try:
        return call()
    except _program_error() as exc:
        raise click.ClickException(str(exc)) from exc

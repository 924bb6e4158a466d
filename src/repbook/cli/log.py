"""`repbook log "TEXT"`: log sets with one line."""

from __future__ import annotations

import click

from repbook.cli.context import parse_date, ready, resolve_user


@click.command("log")
@click.argument("text")
@click.option("--user", "username", help="The account (may be left out while there is one user).")
@click.option("--date", "day", help="The day the sets were done (YYYY-MM-DD); default today.")
@ready
def log(text: str, username: str | None, day: str | None) -> None:
    """Log sets from one line, e.g. "Back extension 3x12 @ 10kg" or "Deadlift 140kg x 5,5,4".

    \b
    Forms:  SETSxREPS [@ WEIGHT | +WEIGHT | -WEIGHT]    3x12 @ 10kg, 3x8 +5kg, 3x60s, 3x40m @ 24kg
            WEIGHT x REPS[,REPS...] [x SETS]            140kg x 5,5,4, 100kg x 5 x 3
    Extras: @RPE or rpe N (after a weight), rir N, # note.  Units: kg or lb (default: yours).
    """
    from django.utils import timezone

    from repbook.core.units import format_weight
    from repbook.services.workout.quicklog import log_line
    from repbook.services.workout.workouts import LogError

    when = parse_date(day)
    if when is not None and when > timezone.localdate():
        raise click.BadParameter(f"{day} is in the future", param_hint="--date")
    user = resolve_user(username)
    try:
        logged = log_line(user, text, when)
    except LogError as exc:
        raise click.ClickException(exc.message if exc.field in ("text", "exercise") else str(exc)) from exc
    parts = []
    for row in logged.sets:
        amount = (
            f"{row.reps}"
            if row.reps is not None
            else f"{row.duration_s}s"
            if row.duration_s
            else f"{row.distance_m} m"
        )
        weight = format_weight(row.weight_kg, row.typed_unit, row.typed_weight, row.typed_unit)
        parts.append(f"{amount} × {weight}" if weight else amount)
    count = len(logged.sets)
    click.echo(
        f"Logged {count} set{'s' if count != 1 else ''} of {logged.exercise.name}: {', '.join(parts)}"
        f" (workout {logged.sets[0].workout_id})"
    )

"""`repbook stats` (progress, muscles, guidance) and `repbook bodyweight` (the body-weight log)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import click

from repbook.cli.context import parse_date, ready, resolve_user
from repbook.cli.output import echo_json

USER_HELP = "The account (may be left out while there is one user)."


@click.command("stats")
@click.option("--exercise", "slug", help="One exercise's progress: e1RM per session, rep maxes, records.")
@click.option(
    "--weeks", type=click.IntRange(1, 520), default=8, show_default=True, help="Weeks of muscle volume."
)
@click.option("--user", "username", help=USER_HELP)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print JSON; with --exercise the same as GET /api/v1/stats/exercises/SLUG.",
)
@ready
def stats(slug: str | None, weeks: int, username: str | None, as_json: bool) -> None:
    """Your progress: this week against your average, sets per muscle, best lifts and advice."""
    user = resolve_user(username)
    if slug:
        _exercise(user, slug, as_json)
        return
    from repbook.services.account.accounts import settings_for
    from repbook.services.progress import guidance, training_stats
    from repbook.services.progress.stats_json import advice_json, best_lifts_json, training_json
    from repbook.services.workout import body_weight

    prefs = settings_for(user)
    log = body_weight.body_weight_log(user)
    training = training_stats.training_weeks(user, weeks, prefs=prefs, readings=log.readings)
    lifts = training_stats.best_lifts(user, prefs)
    advice = guidance.guidance(user, training)
    if as_json:
        data = {
            "training": training_json(training),
            "best_lifts": best_lifts_json(lifts),
            "guidance": advice_json(advice),
            "body_weight_trend_kg": round(log.latest_trend_kg, 2) if log.latest_trend_kg else None,
        }
        echo_json(data)
        return
    from repbook.cli.stats_text import print_overview

    print_overview(prefs.unit, training, lifts, advice)


def _exercise(user: Any, slug: str, as_json: bool) -> None:
    from repbook.services.exercise.exercise_stats import exercise_stats_by_slug
    from repbook.services.progress.stats_json import exercise_stats_json
    from repbook.storage.models import Exercise

    try:
        found = exercise_stats_by_slug(user, slug)
    except Exercise.DoesNotExist as exc:
        raise click.ClickException(f"no exercise {slug!r}; try `repbook exercises -q {slug}`") from exc
    if as_json:
        echo_json(exercise_stats_json(found))
        return
    from repbook.cli.stats_text import print_exercise

    print_exercise(found)


def _weight(value: str) -> Decimal:
    try:
        weight = Decimal(value)
    except InvalidOperation as exc:
        raise click.BadParameter(f"{value!r} is not a number", param_hint="WEIGHT") from exc
    if not weight.is_finite():
        raise click.BadParameter(f"{value!r} is not a number", param_hint="WEIGHT")
    return weight


@click.command("bodyweight")
@click.argument("weight", required=False)
@click.option("--unit", type=click.Choice(["kg", "lb"]), help="The unit of WEIGHT (default: yours).")
@click.option("--date", "day", help="The day of the reading (YYYY-MM-DD); default today.")
@click.option("--user", "username", help=USER_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the readings as JSON.")
@ready
def bodyweight(
    weight: str | None, unit: str | None, day: str | None, username: str | None, as_json: bool
) -> None:
    """Log your body weight (`repbook bodyweight 81.5`), or list the readings with their trend."""
    from repbook.core.units import format_weight
    from repbook.services.account.accounts import settings_for
    from repbook.services.workout import body_weight

    user = resolve_user(username)
    shown = settings_for(user).unit
    if weight is not None:
        try:
            row = body_weight.log_body_weight(user, _weight(weight), unit or shown, parse_date(day))
        except body_weight.BodyWeightError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(
            f"Logged {format_weight(row.weight_kg, shown, row.typed_value, row.typed_unit)} on {row.date}."
        )
        return
    log = body_weight.body_weight_log(user)
    if as_json:
        from repbook.services.progress.stats_json import body_weight_json

        echo_json([body_weight_json(r) for r in log.rows])
        return
    if not log.rows:
        click.echo("No body weight logged yet: `repbook bodyweight 80` logs 80 today.")
        return
    trend = dict(log.trend)
    for r in log.rows[:14]:
        smoothed = format_weight(Decimal(str(round(trend[r.date], 2))), shown)
        reading = format_weight(r.weight_kg, shown, r.typed_value, r.typed_unit)
        click.echo(f"{r.date}  {reading:>10}  trend {smoothed}")


@click.command("rebuild-stats")
@click.option("--user", "username", help="Only this account (all accounts when left out).")
@ready
def rebuild_stats(username: str | None) -> None:
    """Recompute the statistics summaries from the logged sets (they are kept as you log; this is
    for safety, e.g. after editing the database by hand)."""
    from repbook.services.progress.summaries import rebuild_stats as rebuild

    user = resolve_user(username) if username else None
    for name, sessions in rebuild(user).items():
        click.echo(f"{name}: {sessions} exercise sessions summarised")

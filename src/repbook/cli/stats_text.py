"""Statistics as text for the terminal, in the user's unit."""

from __future__ import annotations

import click

from repbook.core.guidance import Advice
from repbook.core.muscles import MUSCLES
from repbook.services.exercise.exercise_stats import ExerciseStats
from repbook.services.progress.stats_words import (
    UNRELIABLE,
    count_words,
    estimate_words,
    load_words,
    records_by_session,
)
from repbook.services.progress.training_stats import BestLift, TrainingWeeks

_w = load_words


def print_overview(unit: str, training: TrainingWeeks, lifts: list[BestLift], advice: list[Advice]) -> None:
    sets, tonnage = training.sets_comparison, training.tonnage_comparison
    click.secho("This week against your 4-week average", bold=True)
    click.echo(f"  sets    {sets.this_week:g} vs {sets.average:.1f}" + _percent(sets.percent))
    click.echo(
        f"  volume  {_w(tonnage.this_week, unit)} vs {_w(tonnage.average, unit)}" + _percent(tonnage.percent)
    )
    click.secho(f"\nHard sets per muscle over {len(training.weeks)} weeks", bold=True)
    click.echo(f"  {'muscle':<12} {'this wk':>7} {'average':>7} {'target':>7} {'days/wk':>7}")
    for m in training.muscles:
        if not any(m.sets):
            continue
        target = f"{m.target[0]}–{m.target[1]}"
        click.echo(
            f"  {MUSCLES[m.muscle]:<12} {m.this_week:>7g} {m.average:>7.1f} {target:>7} {m.frequency:>7.1f}"
        )
    click.echo(
        f"  (average: the weeks before this one since you began; secondary muscles count "
        f"{float(training.secondary_weight):g} of a set; warm-ups do not count)"
    )
    if lifts:
        click.secho("\nBest lifts (estimated 1RM)", bold=True)
        for lift in lifts[:12]:
            done = f"{_w(lift.weight_kg, unit)} × {lift.reps}"
            click.echo(
                f"  {lift.name:<28} {estimate_words(lift.e1rm_kg, unit):>10}  from {done}  on {lift.day}"
            )
    if advice:
        click.secho("\nAdvice", bold=True)
        for a in advice:
            click.secho(f"  {a.subject}: {a.message}", fg="yellow" if a.level == "caution" else None)
            click.echo(f"    why: {a.reason}")


def _percent(value: int | None) -> str:
    return f"  ({value} %)" if value is not None else ""


def print_exercise(stats: ExerciseStats) -> None:
    unit = stats.unit
    click.secho(stats.exercise.name, bold=True)
    if not stats.sessions:
        click.echo("  Not logged yet. New to it? Start light with a few sets and build up gradually.")
        return
    if stats.needs_body_weight:
        click.echo("  Log your body weight (`repbook bodyweight 80`) to count it in the loads.")
    best = stats.best
    if best is not None and best.e1rm is not None and best.best is not None:
        mark = "" if best.e1rm.reliable else f" ({UNRELIABLE})"
        click.echo(
            f"  best e1RM {estimate_words(best.e1rm.kg, unit)} ({stats.formula}) from "
            f"{_w(best.best.load_kg, unit)} × {best.best.reps} on {best.day}{mark}"
        )
    click.echo(f"  {count_words(stats.total_sets, 'set')} in {count_words(len(stats.sessions), 'session')}")
    click.secho("\nLast sessions", bold=True)
    for s in stats.sessions[-8:]:
        e1rm = estimate_words(s.e1rm.kg, unit) + ("*" if not s.e1rm.reliable else "") if s.e1rm else "–"
        click.echo(
            f"  {s.day}  {s.sets} sets  {s.reps:>3} reps  volume {_w(s.tonnage_kg, unit):>10}  e1RM {e1rm}"
        )
    if stats.rep_maxes:
        click.secho("\nRep maxes (heaviest for at least that many reps)", bold=True)
        for r in stats.rep_maxes:
            click.echo(f"  {r.reps:>2} reps  {_w(r.load_kg, unit):>10}  on {r.day}")
    if stats.records:
        click.secho("\nRecent records", bold=True)
        for first, words in records_by_session(stats.records, unit, bodyweight=stats.exercise.is_bodyweight):
            click.echo(f"  {first.day}  {'; '.join(words)}")

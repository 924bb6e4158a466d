"""The import report in words for the terminal."""

from __future__ import annotations

import click

from repbook.importers.formats import FORMAT_LABELS
from repbook.services.progress.stats_words import count_words
from repbook.services.transfer.import_matching import NameMatch
from repbook.services.transfer.imports import ImportReport

#: Skipped lines shown in full; the rest are counted.
SHOWN_PROBLEMS = 20

_CONFIDENCE = {
    "remembered": "your earlier answer",
    "exact": "exact",
    "chosen": "your mapping",
    "likely": "likely: check it",
    "new": "new exercise of your own",
    "skip": "left out",
}


def _name_line(match: NameMatch, width: int) -> str:
    head = f"  {match.foreign_name:<{width}}  {count_words(match.sets, 'set'):>9}  "
    if match.choice is not None:
        return head + f"→ {match.choice.name} ({match.choice.slug}), {_CONFIDENCE[match.confidence]}"
    if match.confidence in ("new", "skip"):
        return head + _CONFIDENCE[match.confidence]
    closest = ", ".join(f"{s.name} ({s.slug})" for s in match.suggestions[:3])
    note = f" ({match.note})" if match.note else ""
    return head + f"✗ no match{note}" + (f"; closest: {closest}" if closest else "")


def _print_tally(report: ImportReport) -> None:
    """Where every set of the file went, and how its names matched."""
    verb = "to write" if report.dry_run else "written"
    gone = [
        (report.duplicate_sets, "in workouts already in your log"),
        (report.left_out_sets, "left out by your answer"),
        (report.refused_sets, "refused (see the lines below)"),
    ]
    rest = "".join(f", {n} {what}" for n, what in gone if n)
    click.echo(f"Sets: {report.sets_read} read, {report.sets} {verb}{rest}.")
    click.echo(
        f"Names: {report.names_matched} matched, {report.names_suggested} suggested (check them), "
        f"{report.names_created} created as your own, {len(report.unmatched)} without an answer."
    )


def print_report(report: ImportReport) -> None:
    verb = "Would import" if report.dry_run else "Imported"
    span = f" from {report.first_day} to {report.last_day}" if report.first_day else ""
    click.echo(
        f"{FORMAT_LABELS.get(report.format, report.format)}; weights without a unit read as {report.unit}."
    )
    click.echo(
        f"{verb} {count_words(report.workouts, 'workout')} ({count_words(report.sets, 'set')}){span}"
        f" and {count_words(report.body_weights, 'body weight')}."
    )
    _print_tally(report)
    if report.duplicates:
        click.echo(f"{count_words(report.duplicates, 'workout')} already in your log: left as they are.")
    if report.restored:
        click.echo("Restored: " + ", ".join(report.restored) + ".")
    if report.names:
        width = min(max(len(n.foreign_name) for n in report.names), 40)
        click.echo("\nExercise names:")
        for match in report.names:
            click.echo(_name_line(match, width))
    if report.problems:
        click.echo(f"\nSkipped ({count_words(len(report.problems), 'line')}), by reason:")
        for reason, lines in report.skipped_reasons[:SHOWN_PROBLEMS]:
            click.echo(f"  {lines:>6} × {reason}")
        click.echo("The lines:")
        for problem in report.problems[:SHOWN_PROBLEMS]:
            where = f"line {problem.line}: " if problem.line else ""
            click.echo(f"  {where}{problem.message}")
        if len(report.problems) > SHOWN_PROBLEMS:
            click.echo(f"  … and {len(report.problems) - SHOWN_PROBLEMS} more (see --json)")
    if report.dry_run and report.unmatched:
        click.echo(
            f"\n{count_words(len(report.unmatched), 'name')} match no exercise: map them with --map FILE "
            "or create them with --create-missing."
        )

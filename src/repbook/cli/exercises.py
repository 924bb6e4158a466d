"""`repbook exercises` and `repbook exercise SLUG`."""

from __future__ import annotations

import textwrap
from typing import Any

import click

from repbook.cli.context import ready
from repbook.cli.output import echo_json
from repbook.core.equipment import EQUIPMENT
from repbook.core.muscles import MUSCLES


@click.command("exercises")
@click.option("--muscle", type=click.Choice(list(MUSCLES)), help="Only exercises that work this muscle.")
@click.option("--equipment", type=click.Choice(list(EQUIPMENT)), help="Only exercises using this equipment.")
@click.option("--search", "-q", "query", default="", help="Search by name or alias (typos are fine).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: every exercise with its whole page.")
@ready
def exercises(muscle: str | None, equipment: str | None, query: str, as_json: bool) -> None:
    """List the exercise directory."""
    from repbook.services.exercise.exercise_catalog import (
        DirectoryFilters,
        directory,
        exercise_detail,
        exercise_pages,
    )

    found = directory(None, DirectoryFilters(q=query, muscle=muscle or "", equipment=equipment or ""))
    cards = {c.facts.slug: c for g in found.groups for c in g.cards}
    if as_json:
        pages = [exercise_detail(page) for page in exercise_pages(None) if page.facts.slug in cards]
        echo_json(pages)
        return
    for group in found.groups:
        click.secho(group.title, bold=True)
        for card in group.cards:
            muscles = ", ".join(MUSCLES[m] for m in MUSCLES if m in card.facts.primary)
            click.echo(f"  {card.facts.slug:<34} {card.facts.name}  ({muscles})")
    click.echo(f"{len(cards)} exercises")


@click.command("exercise")
@click.argument("slug")
@click.option("--json", "as_json", is_flag=True, help="Print the page as JSON.")
@ready
def exercise(slug: str, as_json: bool) -> None:
    """Show the page of one exercise (see `repbook exercises` for slugs)."""
    from repbook.services.exercise.exercise_catalog import exercise_detail, exercise_page
    from repbook.storage.models import Exercise

    try:
        page = exercise_detail(exercise_page(None, slug))
    except Exercise.DoesNotExist as exc:
        raise click.ClickException(f"no exercise {slug!r}; try `repbook exercises -q {slug}`") from exc
    if as_json:
        echo_json(page)
        return
    click.echo(render_page(page))


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def render_page(page: dict[str, Any]) -> str:
    rec = page["recommendations"]
    lines = [click.style(page["name"], bold=True)]
    if page["aliases"]:
        lines.append(f"Also called: {', '.join(page['aliases'])}")
    lines += [
        f"Primary: {', '.join(MUSCLES[m] for m in page['primary_muscles'])}",
        f"Secondary: {', '.join(MUSCLES[m] for m in page['secondary_muscles']) or '-'}",
        f"Equipment: {', '.join(EQUIPMENT[e] for e in page['equipment'])}",
        "",
        _wrap(page["introduction"], ""),
        "",
        click.style("How to do it", bold=True),
        *(_wrap(f"{i}. {step}") for i, step in enumerate(page["steps"], 1)),
        "",
        click.style("Sets, reps and how often", bold=True),
    ]
    amount = ""
    for key, unit in (("reps", "reps"), ("seconds", "s"), ("meters", "m")):
        if rec.get(key):
            amount = f"{rec[key][0]}–{rec[key][1]} {unit}"
            break
    lines += [
        f"  {rec['sets'][0]}–{rec['sets'][1]} sets × {amount}, "
        f"{rec['per_week'][0]}–{rec['per_week'][1]}× a week",
        _wrap(rec["note"]),
        "",
        click.style("Alternatives", bold=True),
        *(_wrap(f"{a['name']} ({a['slug']}): {a['why']}") for a in page["alternatives"]),
        "",
        click.style("Questions", bold=True),
    ]
    for faq in page["faq"]:
        lines += [f"  {faq['question']}", _wrap(faq["answer"], "    ")]
    return "\n".join(lines)

"""Write a parsed program into the database: its days and exercise lines, with exercises resolved."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction

from repbook.core.program import Program as ProgramSpec
from repbook.core.program_text import prescription_line
from repbook.storage.models import Exercise, Prescription, Program, ProgramDay, User


@transaction.atomic
def save_program(
    owner: User | None, slug: str, spec: ProgramSpec, source: str, exercises: Mapping[str, Exercise]
) -> Program:
    """Create or update the program `slug` of `owner` (None: built in) from `spec`.

    `exercises` maps every exercise name in the program to its resolved exercise. Days are kept
    (workouts point at them) and updated in place; exercise lines are rewritten.
    """
    program, _ = Program.objects.update_or_create(
        owner=owner,
        slug=slug,
        defaults={
            "name": spec.name,
            "description": spec.about,
            "level": spec.level,
            "days_per_week": spec.days_per_week,
            "weeks": spec.weeks,
            "source": source,
        },
    )
    existing = {(d.week, d.order): d for d in program.days.all()}
    keep = []
    for order, day_spec in enumerate(spec.days):
        day = existing.get((day_spec.week, order)) or ProgramDay(
            program=program, week=day_spec.week, order=order
        )
        day.name = day_spec.name
        day.save()
        keep.append(day.pk)
        day.prescriptions.all().delete()
        Prescription.objects.bulk_create(
            Prescription(
                day=day,
                order=index,
                exercise=exercises[p.exercise],
                alternative=exercises[p.alternative] if p.alternative else None,
                line=prescription_line(p),
                note=p.note,
            )
            for index, p in enumerate(day_spec.prescriptions)
        )
    program.days.exclude(pk__in=keep).delete()
    return program

"""Load the built-in programs into the database (idempotent; skipped when nothing changed)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.db import transaction

from repbook.programs.files import PROGRAMS_DIR, ProgramFile, check_exercises, read_programs
from repbook.programs.store import save_program
from repbook.storage.models import Exercise, Program, SiteSettings


def programs_fingerprint(directory: Path = PROGRAMS_DIR) -> str:
    """A hash of every program file and of the catalog it points into."""
    digest = hashlib.sha256(SiteSettings.current().catalog_version.encode())
    for path in sorted(directory.glob("*.txt")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_programs_if_changed(directory: Path = PROGRAMS_DIR) -> int | None:
    """Load the built-in programs when their files changed since the last load; returns the count."""
    fingerprint = programs_fingerprint(directory)
    if SiteSettings.current().programs_version == fingerprint:
        return None
    count = load_programs(read_programs(directory))
    SiteSettings.objects.filter(pk=SiteSettings.current().pk).update(programs_version=fingerprint)
    return count


@transaction.atomic
def load_programs(files: list[ProgramFile]) -> int:
    """Insert or update every built-in program; programs no longer shipped are left alone."""
    builtin = Exercise.objects.filter(owner__isnull=True)
    by_name: dict[str, Exercise] = {}
    for exercise in builtin:
        for label in (exercise.slug, exercise.name, *exercise.aliases):
            by_name.setdefault(label.casefold(), exercise)
    check_exercises(files, {name: e.slug for name, e in by_name.items()})
    for file in files:
        names = {
            name: by_name[name.casefold()]
            for day in file.program.days
            for p in day.prescriptions
            for name in filter(None, (p.exercise, p.alternative))
        }
        save_program(None, file.slug, file.program, file.source, names)
    return Program.objects.filter(owner__isnull=True).count()

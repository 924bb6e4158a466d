"""Restore what a Repbook JSON backup holds besides the log: settings, custom exercises, programs,
the active program, remembered mappings and loads set by hand.

Rows come checked for types and bounds by the importer (importers/repbook_json.py); here the
services check what needs the account (names taken, programs' exercises). Settings are checked
as the settings page checks them. A value that cannot be restored becomes a problem in the
report, named by its path in the file, and the rest goes on. Nothing already in the account is
overwritten except settings (a backup restores them).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from decimal import Decimal
from typing import Any, Final

from repbook.core.e1rm import FORMULA_NAMES
from repbook.core.equipment import EQUIPMENT
from repbook.core.imported import Backup, BackupExercise, BackupProgram, ParsedFile, Problem
from repbook.core.program_text import MAX_REST_S
from repbook.core.stats.volume import parse_targets
from repbook.core.stored import StoredValueError, number, read_increments
from repbook.services.account.accounts import settings_for
from repbook.services.exercise.custom_exercises import CustomExerciseError, create
from repbook.services.program.programs import ProgramError, save_user_program
from repbook.services.transfer.import_matching import Choice, Matcher
from repbook.services.transfer.import_plan import aware
from repbook.storage.models import (
    ActiveProgram,
    Exercise,
    ExerciseMapping,
    Program,
    ProgressionState,
    owned,
)

#: More plates than any gym rack holds.
MAX_PLATES: Final = 30


def _decimal(value: Any, low: Decimal, high: Decimal) -> Decimal | None:
    try:
        return number(value, "", low, high)
    except StoredValueError:
        return None


def _one_of(value: Any, allowed: Collection[str]) -> str | None:
    return value if isinstance(value, str) and value in allowed else None


def _plates(value: Any) -> list[str] | None:
    if not isinstance(value, list) or len(value) > MAX_PLATES:
        return None
    plates = [_decimal(p, Decimal("0.01"), Decimal(100)) for p in value]
    return None if None in plates else [str(p) for p in plates]


def _settings(user: Any, data: dict[str, Any]) -> list[str]:
    """Apply the backup's settings that are valid; return a problem for each one left out."""
    prefs = settings_for(user)
    rejected = []
    checks: dict[str, Any] = {
        "unit": lambda v: _one_of(v, ("kg", "lb")),
        "bar_kg": lambda v: _decimal(v, Decimal(0), Decimal(50)),
        "default_rest_s": lambda v: v if type(v) is int and 0 <= v <= MAX_REST_S else None,
        "e1rm_formula": lambda v: _one_of(v, FORMULA_NAMES),
        "sex": lambda v: _one_of(v, ("", "m", "f")),
        "secondary_muscle_weight": lambda v: _decimal(v, Decimal(0), Decimal(1)),
        "equipment": lambda v: v if isinstance(v, list) and all(_one_of(e, EQUIPMENT) for e in v) else None,
        "muscle_targets": lambda v: (
            {m: list(r) for m, r in parse_targets(v).items()} if isinstance(v, dict) else None
        ),
        "plates_kg": _plates,
    }
    for name, check in checks.items():
        if name not in data:
            continue
        value = check(data[name])
        if value is None and not (name == "bar_kg" and data[name] is None):
            rejected.append(f"settings.{name}: has a value Repbook cannot use")
            continue
        setattr(prefs, name, value)
    if "increments_kg" in data:
        try:
            prefs.increments_kg = read_increments(data["increments_kg"], "settings.increments_kg")
        except StoredValueError as exc:
            rejected.append(str(exc))
    prefs.save()
    return rejected


def new_custom_exercises(user: Any, parsed: ParsedFile, matcher: Matcher) -> list[str]:
    """Let the backup's custom exercises be matched by slug before they exist; their names."""
    if parsed.backup is None:
        return []
    names = []
    for row in parsed.backup.custom_exercises:
        if row.slug not in matcher.by_slug:
            data = row.exercise
            bodyweight = data.bodyweight_fraction > 0
            matcher.by_slug[row.slug] = Choice(row.slug, data.name, data.measure, bodyweight)
            names.append(data.name)
    return names


def _create_custom(user: Any, row: BackupExercise) -> Exercise:
    """The backup's exercise under its own slug; a name already taken gets " (restored)"."""
    try:
        exercise = create(user, row.exercise)
    except CustomExerciseError as exc:
        if exc.field != "name":
            raise
        renamed = replace(row.exercise, name=f"{row.exercise.name.strip()[:100]} (restored)")
        exercise = create(user, renamed)
    if exercise.slug != row.slug:
        exercise.slug = row.slug
        exercise.save(update_fields=["slug"])
    return exercise


def _restore_customs(user: Any, rows: list[BackupExercise], problems: list[Problem]) -> int:
    mine = set(Exercise.objects.owned_by(user).values_list("slug", flat=True))
    count = 0
    for row in rows:
        if row.slug in mine:
            continue
        try:
            _create_custom(user, row)
        except CustomExerciseError as exc:
            problems.append(Problem(0, f"{row.path}.{exc.field}: {exc.message}"))
            continue
        count += 1
    return count


def _restore_programs(user: Any, rows: list[BackupProgram], problems: list[Problem]) -> int:
    mine = set(Program.objects.filter(owner_id=user.pk).values_list("slug", flat=True))
    count = 0
    for row in rows:
        if row.slug in mine:
            continue
        try:
            save_user_program(user, row.source, slug=row.slug)
        except ProgramError as exc:
            field = "source" if exc.field == "text" else exc.field
            problems.append(Problem(0, f"{row.path}.{field}: {exc}"))
            continue
        count += 1
    return count


def _restore_links(user: Any, backup: Backup, problems: list[Problem]) -> None:
    exercises: dict[str, Exercise] = {}
    for exercise in Exercise.objects.visible_to(user):
        if exercise.owner_id is not None or exercise.slug not in exercises:  # custom shadows catalog
            exercises[exercise.slug] = exercise
    programs = {p.slug: p for p in Program.objects.filter(owner_id__in=[user.pk])}
    for p in Program.objects.filter(owner__isnull=True):
        programs.setdefault(p.slug, p)
    active = backup.active_program
    if active and not owned(ActiveProgram, user).exists():
        program = programs.get(active.program)
        if program is None:
            problems.append(Problem(0, f"active_program.program: {active.program!r} is not in this Repbook"))
        else:
            ActiveProgram.objects.create(owner=user, program=program, started_at=aware(active.started_at))
    for mapping in backup.mappings:
        mapped = exercises.get(mapping.exercise)
        if mapped is not None:
            ExerciseMapping.objects.get_or_create(
                owner=user, foreign_name=mapping.foreign_name, defaults={"exercise": mapped}
            )
    for row in backup.progression_overrides:
        state_program = programs.get(row.program)
        state_exercise = exercises.get(row.exercise)
        if state_program is not None and state_exercise is not None:
            ProgressionState.objects.get_or_create(
                owner=user,
                program=state_program,
                exercise=state_exercise,
                slot=row.slot,
                defaults={"override": row.override},
            )


def restore_extras(user: Any, parsed: ParsedFile, problems: list[Problem]) -> list[str]:
    """Restore the non-log parts of a backup (inside the import's transaction); what was restored."""
    if parsed.backup is None:
        return []
    restored = []
    if parsed.backup.settings:
        problems.extend(Problem(0, message) for message in _settings(user, parsed.backup.settings))
        restored.append("settings")
    if count := _restore_customs(user, parsed.backup.custom_exercises, problems):
        restored.append(f"{count} custom exercises")
    if count := _restore_programs(user, parsed.backup.programs, problems):
        restored.append(f"{count} programs")
    _restore_links(user, parsed.backup, problems)
    return restored

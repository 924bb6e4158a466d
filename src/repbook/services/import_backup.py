"""Restore what a Repbook JSON backup holds besides the log: settings, custom exercises, programs,
the active program, remembered mappings and loads set by hand.

Values are checked as the settings page and the services check them; a value that cannot be
restored becomes a problem in the report and the rest goes on. Nothing already in the account is
overwritten except settings (a backup restores them).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from repbook.core.e1rm import FORMULA_NAMES
from repbook.core.equipment import EQUIPMENT
from repbook.core.imported import ParsedFile, Problem
from repbook.core.stats.volume import parse_targets
from repbook.services.accounts import settings_for
from repbook.services.custom_exercises import CustomExerciseError, CustomExerciseInput, create
from repbook.services.import_matching import Choice, Matcher
from repbook.services.programs import ProgramError, save_user_program
from repbook.storage.models import (
    ActiveProgram,
    Exercise,
    ExerciseMapping,
    Program,
    ProgressionState,
    owned,
)

_CUSTOM_FIELDS: Final = (
    "pattern",
    "level",
    "mechanics",
    "measure",
    "unilateral",
    "introduction",
)


def _decimal(value: Any, low: Decimal, high: Decimal) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() and low <= number <= high else None


def _settings(user: Any, data: dict[str, Any]) -> list[str]:
    """Apply the backup's settings that are valid; return the names of those left out."""
    prefs = settings_for(user)
    rejected = []
    checks: dict[str, Any] = {
        "unit": lambda v: v if v in ("kg", "lb") else None,
        "bar_kg": lambda v: _decimal(v, Decimal(0), Decimal(50)),
        "default_rest_s": lambda v: v if isinstance(v, int) and 0 <= v <= 1800 else None,
        "e1rm_formula": lambda v: v if v in FORMULA_NAMES else None,
        "sex": lambda v: v if v in ("", "m", "f") else None,
        "secondary_muscle_weight": lambda v: _decimal(v, Decimal(0), Decimal(1)),
        "equipment": lambda v: v if isinstance(v, list) and all(e in EQUIPMENT for e in v) else None,
        "muscle_targets": lambda v: (
            {m: list(r) for m, r in parse_targets(v).items()} if isinstance(v, dict) else None
        ),
        "plates_kg": lambda v: (
            v if isinstance(v, list) and all(_decimal(p, Decimal(0), Decimal(100)) for p in v) else None
        ),
        "increments_kg": lambda v: v if isinstance(v, dict) else None,
    }
    for name, check in checks.items():
        if name not in data:
            continue
        value = check(data[name])
        if value is None and not (name == "bar_kg" and data[name] is None):
            rejected.append(name)
            continue
        setattr(prefs, name, value)
    prefs.save()
    return rejected


def _custom_input(data: dict[str, Any]) -> CustomExerciseInput:
    fields = {k: data[k] for k in _CUSTOM_FIELDS if isinstance(data.get(k), str | bool)}
    return CustomExerciseInput(
        name=str(data.get("name", "")),
        primary_muscles=tuple(data.get("primary_muscles") or ()),
        secondary_muscles=tuple(data.get("secondary_muscles") or ()),
        equipment=tuple(data.get("equipment") or ()),
        bodyweight_fraction=_decimal(data.get("bodyweight_fraction", 0), Decimal(0), Decimal("1.2"))
        or Decimal(0),
        steps=tuple(str(s) for s in data.get("steps") or ()),
        **fields,
    )


def new_custom_exercises(user: Any, parsed: ParsedFile, matcher: Matcher) -> list[str]:
    """Let the backup's custom exercises be matched by slug before they exist; their names."""
    if parsed.backup is None:
        return []
    names = []
    for data in parsed.backup.custom_exercises:
        slug = str(data.get("slug", ""))
        if slug and slug not in matcher.by_slug:
            measure = str(data.get("measure", "reps"))
            fraction = _decimal(data.get("bodyweight_fraction", 0), Decimal(0), Decimal("1.2")) or 0
            matcher.by_slug[slug] = Choice(slug, str(data.get("name", slug)), measure, fraction > 0)
            names.append(str(data.get("name", slug)))
    return names


def _restore_customs(user: Any, items: list[dict[str, Any]], problems: list[Problem]) -> int:
    mine = set(Exercise.objects.owned_by(user).values_list("slug", flat=True))
    count = 0
    for number, data in enumerate(items, start=1):
        slug = str(data.get("slug", ""))
        if not slug or slug in mine:
            continue
        try:
            exercise = create(user, _custom_input(data))
        except (CustomExerciseError, TypeError) as exc:
            problems.append(Problem(number, f"custom exercise {data.get('name')!r}: {exc}"))
            continue
        if exercise.slug != slug:
            exercise.slug = slug
            exercise.save(update_fields=["slug"])
        count += 1
    return count


def _restore_programs(user: Any, items: list[dict[str, Any]], problems: list[Problem]) -> int:
    mine = set(Program.objects.filter(owner_id=user.pk).values_list("slug", flat=True))
    count = 0
    for number, data in enumerate(items, start=1):
        slug = str(data.get("slug", ""))
        if not slug or slug in mine:
            continue
        try:
            save_user_program(user, str(data.get("source", "")), slug=slug)
        except ProgramError as exc:
            problems.append(Problem(number, f"program {data.get('name')!r}: {exc}"))
            continue
        count += 1
    return count


def _restore_links(user: Any, parsed: ParsedFile, problems: list[Problem]) -> None:
    assert parsed.backup is not None
    exercises: dict[str, Exercise] = {}
    for exercise in Exercise.objects.visible_to(user):
        if exercise.owner_id is not None or exercise.slug not in exercises:  # custom shadows catalog
            exercises[exercise.slug] = exercise
    programs = {p.slug: p for p in Program.objects.filter(owner_id__in=[user.pk])}
    for p in Program.objects.filter(owner__isnull=True):
        programs.setdefault(p.slug, p)
    active = parsed.backup.active_program
    if active and not owned(ActiveProgram, user).exists():
        program = programs.get(str(active.get("program")))
        if program is None:
            problems.append(
                Problem(0, f"the active program {active.get('program')!r} is not in this Repbook")
            )
        else:
            started = datetime.fromisoformat(str(active.get("started_at")))
            ActiveProgram.objects.create(owner=user, program=program, started_at=started)
    for data in parsed.backup.mappings:
        mapped = exercises.get(str(data.get("exercise")))
        name = str(data.get("foreign_name", ""))[:200]
        if mapped is not None and name:
            ExerciseMapping.objects.get_or_create(
                owner=user, foreign_name=name, defaults={"exercise": mapped}
            )
    for data in parsed.backup.progression_overrides:
        state_program = programs.get(str(data.get("program")))
        state_exercise = exercises.get(str(data.get("exercise")))
        if state_program is not None and state_exercise is not None:
            ProgressionState.objects.get_or_create(
                owner=user,
                program=state_program,
                exercise=state_exercise,
                slot=str(data.get("slot", ""))[:16],
                defaults={"override": data.get("override")},
            )


def restore_extras(user: Any, parsed: ParsedFile, problems: list[Problem]) -> list[str]:
    """Restore the non-log parts of a backup (inside the import's transaction); what was restored."""
    if parsed.backup is None:
        return []
    restored = []
    if parsed.backup.settings:
        rejected = _settings(user, parsed.backup.settings)
        problems.extend(Problem(0, f"setting {name!r} has a value Repbook cannot use") for name in rejected)
        restored.append("settings")
    if count := _restore_customs(user, parsed.backup.custom_exercises, problems):
        restored.append(f"{count} custom exercises")
    if count := _restore_programs(user, parsed.backup.programs, problems):
        restored.append(f"{count} programs")
    try:
        _restore_links(user, parsed, problems)
    except (ValueError, TypeError) as exc:
        problems.append(Problem(0, f"the active program or a mapping could not be restored: {exc}"))
    return restored

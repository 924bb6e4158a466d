"""The rows an import would write, checked set by set before anything is written.

A dry run and the real run build the same plan, so the preview tells the truth: the same sets,
the same skipped lines with the same reasons.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from repbook.core.imported import ImportedSet, ImportedWorkout, ParsedFile, Problem
from repbook.core.program_text import MAX_REST_S
from repbook.core.sets import MAX_DISTANCE_M, SetValueError, SetValues, check_set_values
from repbook.core.text import MAX_WORKOUT_NOTES, TextError, check_text
from repbook.core.units import recover_typed, to_kg
from repbook.services.transfer.import_matching import Choice


@dataclass(slots=True)
class PlannedSet:
    values: SetValues
    typed_weight: Decimal | None
    typed_unit: str
    performed_at: datetime
    felt_pain: bool = False
    completed: bool = True
    target: dict[str, Any] | None = None


@dataclass(slots=True)
class PlannedEntry:
    foreign_name: str
    superset: str
    notes: str
    rest_s: int | None
    target: dict[str, Any] | None
    sets: list[PlannedSet] = field(default_factory=list)


@dataclass(slots=True)
class PlannedWorkout:
    started_at: datetime
    finished_at: datetime | None
    name: str
    notes: str
    felt_pain: bool
    program_day: tuple[str, int, int] | None
    key: str
    entries: list[PlannedEntry] = field(default_factory=list)

    @property
    def set_count(self) -> int:
        return sum(len(e.sets) for e in self.entries)


@dataclass(slots=True)
class Plan:
    """What will be written, and where every other set read from the file went: each set read is
    written, in a workout already in the log, left out by the user's answer, or refused on a line."""

    workouts: list[PlannedWorkout] = field(default_factory=list)
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)
    sets_read: int = 0
    duplicate_sets: int = 0
    left_out_sets: int = 0
    refused_sets: int = 0

    @property
    def set_count(self) -> int:
        return sum(w.set_count for w in self.workouts)


def aware(moment: datetime) -> datetime:
    """A file's wall-clock time in the server's zone; times that carry a zone are kept."""
    if timezone.is_aware(moment):
        return moment
    return timezone.make_aware(moment)


def workout_key(started_at: datetime, name: str) -> str:
    """What identifies an imported workout: its start (to the microsecond) and name."""
    moment = started_at.astimezone(UTC).isoformat()
    return hashlib.sha256(f"{moment}|{name}".encode()).hexdigest()[:40]


def _weight(raw: ImportedSet, unit: str, as_typed: bool) -> tuple[Decimal | None, str]:
    if raw.weight is None:
        return None, raw.unit or unit
    if not raw.weight.is_finite():
        raise SetValueError("weight", "must be a number")
    written_unit = raw.unit or unit
    if as_typed:
        return raw.weight, written_unit
    return recover_typed(raw.weight, written_unit)


def _centimetres(distance_m: Decimal | None) -> Decimal | None:
    """Other apps convert miles and kilometres: a distance is kept to the centimetre, as stored."""
    if distance_m is None or not distance_m.is_finite() or abs(distance_m) > MAX_DISTANCE_M:
        return distance_m  # the set check says what is wrong with it
    return distance_m.quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class _Context:
    """What every set of one import is read against."""

    unit: str
    exact: bool
    today: date


def _planned_set(
    raw: ImportedSet, choice: Choice, ctx: _Context, start: datetime, start_day: date
) -> PlannedSet:
    typed, typed_unit = _weight(raw, ctx.unit, ctx.exact)
    if typed_unit not in ("kg", "lb"):
        raise SetValueError("unit", f"{typed_unit!r} is not kg or lb")
    if typed is None and choice.measure == "reps" and not choice.bodyweight:
        typed = Decimal(0)  # other apps leave the weight of an unloaded set empty
    values = SetValues(
        weight_kg=None if typed is None else to_kg(typed, typed_unit),
        # Other apps write 0 reps on a timed or distance set (FitNotes, Hevy cardio): no reps.
        reps=None if raw.reps == 0 and (raw.duration_s or raw.distance_m) else raw.reps,
        rpe=raw.rpe,
        rir=raw.rir,
        set_type=raw.set_type,
        duration_s=raw.duration_s,
        distance_m=_centimetres(raw.distance_m),
        side=raw.side,
        notes=raw.notes,
    )
    performed_at = aware(raw.performed_at) if raw.performed_at else start
    check_set_values(
        values,
        measure=choice.measure,
        bodyweight=choice.bodyweight,
        performed_on=timezone.localdate(performed_at) if raw.performed_at else start_day,
        today=ctx.today,
    )
    return PlannedSet(values, typed, typed_unit, performed_at, raw.felt_pain, raw.completed, raw.target)


def _set_problem(raw: ImportedSet, exercise: str, exc: SetValueError) -> str:
    """'workouts[3].exercises[0].sets[2].weight_kg: ...' for a backup, 'Deadlift: weight ...' else."""
    if raw.path:
        return f"{raw.path}.{exc.field}: {exc.message}"
    return f"{exercise}: {exc.field} {exc.message}"


def _planned_workout(raw: ImportedWorkout, start: datetime, name: str, exact: bool) -> PlannedWorkout:
    """Other apps' workouts are over (ended after their duration); Repbook's own keep their end,
    or none when they were still open."""
    finished: datetime | None
    if raw.finished_at is not None:
        finished = max(aware(raw.finished_at), start)
    elif exact:
        finished = None
    else:
        finished = start + timedelta(seconds=min(raw.duration_s or 0, 24 * 3600))
    return PlannedWorkout(
        started_at=start,
        finished_at=finished,
        name=name,
        notes=raw.notes,
        felt_pain=raw.felt_pain,
        program_day=raw.program_day,
        key=workout_key(start, name),
    )


def build_plan(
    parsed: ParsedFile,
    choices: Mapping[str, Choice | None],
    unit: str,
    existing: set[str],
) -> Plan:
    """Every workout not already in `existing` (keys), with its checked sets.

    `choices` gives each foreign name's exercise, or None to leave its sets out. A set that
    cannot be stored becomes a problem on its line; a workout left with no sets is not written.
    """
    plan = Plan(problems=list(parsed.problems))
    seen = set(existing)
    ctx = _Context(unit, parsed.exact, timezone.localdate())
    for raw in parsed.workouts:
        start = aware(raw.started_at)
        start_day = timezone.localdate(start)
        name = raw.name.strip()[:120]
        count = raw.set_count
        plan.sets_read += count
        if start_day > ctx.today:
            plan.problems.append(
                Problem(raw.line, f"the workout on {start:%Y-%m-%d} is in the future ({count} sets)")
            )
            plan.refused_sets += count
            continue
        try:
            check_text(raw.notes, "notes", MAX_WORKOUT_NOTES)
        except TextError as exc:
            plan.problems.append(Problem(raw.line, f"the workout on {start:%Y-%m-%d} ({count} sets): {exc}"))
            plan.refused_sets += count
            continue
        planned = _planned_workout(raw, start, name, parsed.exact)
        if planned.key in seen:
            plan.duplicates += 1
            plan.duplicate_sets += count
            continue
        for entry in raw.exercises:
            choice = choices.get(entry.name)
            if choice is None:
                plan.left_out_sets += len(entry.sets)
                continue
            rest_s = entry.rest_s if entry.rest_s is not None and 0 < entry.rest_s <= MAX_REST_S else None
            target = PlannedEntry(entry.name, entry.superset[:8], entry.notes, rest_s, entry.target)
            for raw_set in entry.sets:
                try:
                    target.sets.append(_planned_set(raw_set, choice, ctx, start, start_day))
                except SetValueError as exc:
                    plan.problems.append(Problem(raw_set.line, _set_problem(raw_set, entry.name, exc)))
                    plan.refused_sets += 1
            if target.sets:
                planned.entries.append(target)
        if planned.entries:
            seen.add(planned.key)
            plan.workouts.append(planned)
    plan.problems.sort(key=lambda p: p.line)
    return plan


def day_range(plan: Plan) -> tuple[date | None, date | None]:
    days = [timezone.localdate(w.started_at) for w in plan.workouts]
    return (min(days), max(days)) if days else (None, None)

"""Import another app's export (or a Repbook backup): read, match names, check, then write all or nothing.

A dry run stops after the check and reports what would be written. The real run writes in one
transaction; workouts already in the account (same start and name) are left alone, so importing
the same file twice adds nothing the second time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from django.db import IntegrityError, transaction

from repbook.core.errors import FieldError
from repbook.core.imported import ImportFileError, ParsedFile, Problem, skipped_by_reason
from repbook.importers.formats import FORMAT_NAMES
from repbook.importers.registry import read
from repbook.services.account.accounts import settings_for
from repbook.services.transfer.import_backup import new_custom_exercises, restore_extras
from repbook.services.transfer.import_matching import CREATE, SKIP, Choice, Matcher, NameMatch, remember
from repbook.services.transfer.import_plan import Plan, aware, build_plan, day_range, workout_key
from repbook.services.transfer.import_write import write_plan
from repbook.services.workout.body_weight import BodyWeightError, check_body_weight
from repbook.storage import summaries
from repbook.storage.models import BodyWeight, Workout, owned

#: Progress is reported as (stage, done, total); stages: "checking", "writing".
Progress = Callable[[str, int, int], None]
UNITS: Final = ("kg", "lb")


class ImportRefused(FieldError):
    """The import cannot go ahead as asked; nothing was written."""


class UnmatchedNames(ImportRefused):
    """Some exercise names match nothing and the user has not said what they are; `report` is the
    dry run's, to show them."""

    def __init__(self, report: ImportReport) -> None:
        names = [n.foreign_name for n in report.unmatched]
        listed = ", ".join(repr(n) for n in names[:5]) + (", …" if len(names) > 5 else "")
        super().__init__(
            "mapping",
            f"these exercise names match no exercise: {listed}. Map them to exercises, leave them out, "
            "or create them as your own exercises",
        )
        self.names = names
        self.report = report


@dataclass(frozen=True)
class ImportOptions:
    format: str = "auto"
    unit: str | None = None  # for files that do not say; default: the user's unit
    choices: Mapping[str, str] = field(default_factory=dict)  # foreign name -> slug, CREATE or SKIP
    create_missing: bool = False  # unmatched names become custom exercises
    dry_run: bool = False


@dataclass
class ImportReport:
    format: str
    unit: str
    dry_run: bool
    names: list[NameMatch]
    workouts: int = 0
    duplicates: int = 0
    sets: int = 0
    body_weights: int = 0
    first_day: date | None = None
    last_day: date | None = None
    problems: list[Problem] = field(default_factory=list)
    created_exercises: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    #: Every set the file holds, and where those not written went (their sum is `sets_read`).
    sets_read: int = 0
    duplicate_sets: int = 0
    left_out_sets: int = 0
    refused_sets: int = 0

    @property
    def skipped_reasons(self) -> list[tuple[str, int]]:
        """Lines skipped, counted by reason, most frequent first."""
        return skipped_by_reason(self.problems)

    @property
    def names_matched(self) -> int:
        """Names taken without asking: exact names, earlier answers, the user's mapping."""
        return sum(n.confidence in ("exact", "remembered", "chosen") for n in self.names)

    @property
    def names_suggested(self) -> int:
        """Names matched by movement and equipment, for the user to check."""
        return sum(n.confidence == "likely" for n in self.names)

    @property
    def names_created(self) -> int:
        """Names that become the user's own exercises."""
        return sum(n.confidence == "new" for n in self.names)

    @property
    def unmatched(self) -> list[NameMatch]:
        return [n for n in self.names if n.confidence == "unmatched"]

    @property
    def to_review(self) -> list[NameMatch]:
        return [n for n in self.names if n.needs_review]


def read_file(data: bytes, options: ImportOptions) -> ParsedFile:
    """The file read as `options` say (no database): ImportRefused when it cannot be."""
    if options.format not in ("auto", *FORMAT_NAMES):
        raise ImportRefused("format", f"must be auto or one of {', '.join(FORMAT_NAMES)}")
    if options.unit is not None and options.unit not in UNITS:
        raise ImportRefused("unit", "must be kg or lb")
    try:
        return read(data, options.format)
    except ImportFileError as exc:
        raise ImportRefused("file", str(exc)) from exc


def _choices(matcher: Matcher, parsed: ParsedFile, options: ImportOptions) -> list[NameMatch]:
    unknown = [s for s in options.choices.values() if s not in (CREATE, SKIP) and s not in matcher.by_slug]
    if unknown:
        raise ImportRefused("mapping", f"no exercise {unknown[0]!r} (give an exercise slug, +new or -skip)")
    matches = matcher.match_all(parsed, options.choices)
    if options.create_missing:
        matches = [
            NameMatch(m.foreign_name, m.sets, m.kind, None, "new") if m.confidence == "unmatched" else m
            for m in matches
        ]
    return matches


def _exercise_for(match: NameMatch) -> Choice | None:
    """What a name's sets are checked against; an unmatched name is planned as a new exercise, so
    the preview counts its sets (the real run refuses until the user answers)."""
    if match.confidence == "skip":
        return None
    if match.choice is None:
        return Choice("", match.foreign_name, match.kind, False)
    return match.choice


def _existing_keys(user: Any, parsed: ParsedFile) -> set[str]:
    starts = [aware(w.started_at) for w in parsed.workouts]
    if not starts:
        return set()
    rows = owned(Workout, user).filter(started_at__gte=min(starts), started_at__lte=max(starts))
    return {workout_key(start, name) for start, name in rows.values_list("started_at", "name")}


def _body_weights(user: Any, parsed: ParsedFile, unit: str, problems: list[Problem]) -> list[BodyWeight]:
    taken = set(owned(BodyWeight, user).values_list("date", flat=True))
    rows: dict[date, BodyWeight] = {}
    for reading in parsed.body_weights:
        typed_unit = reading.unit or unit
        try:
            kg = check_body_weight(reading.weight, typed_unit, reading.day)
        except BodyWeightError as exc:
            problems.append(Problem(reading.line, f"body weight on {reading.day}: {exc.message}"))
            continue
        if reading.day not in taken:
            rows[reading.day] = BodyWeight(
                owner=user, date=reading.day, weight_kg=kg, typed_value=reading.weight, typed_unit=typed_unit
            )
    return list(rows.values())


def import_file(
    user: Any, data: bytes, options: ImportOptions | None = None, progress: Progress | None = None
) -> ImportReport:
    """Import `data` for `user` as `options` say; ImportRefused (nothing written) when it cannot."""
    options = options or ImportOptions()
    parsed = read_file(data, options)
    unit = options.unit or parsed.unit or settings_for(user).unit
    matcher = Matcher(user)
    extra_customs = new_custom_exercises(user, parsed, matcher)
    names = _choices(matcher, parsed, options)
    plan: Plan = build_plan(
        parsed, {n.foreign_name: _exercise_for(n) for n in names}, unit, _existing_keys(user, parsed)
    )
    weights = _body_weights(user, parsed, unit, plan.problems)
    first, last = day_range(plan)
    report = ImportReport(
        format=parsed.format,
        unit=unit,
        dry_run=options.dry_run,
        names=names,
        workouts=len(plan.workouts),
        duplicates=plan.duplicates,
        sets=plan.set_count,
        body_weights=len(weights),
        first_day=first,
        last_day=last,
        problems=plan.problems,
        created_exercises=[n.foreign_name for n in names if n.confidence == "new"] + extra_customs,
        sets_read=plan.sets_read,
        duplicate_sets=plan.duplicate_sets,
        left_out_sets=plan.left_out_sets,
        refused_sets=plan.refused_sets,
    )
    if options.dry_run:
        return report
    if report.unmatched:
        report.dry_run = True  # what it holds is what would be imported
        raise UnmatchedNames(report)
    try:
        with transaction.atomic():
            report.restored = restore_extras(user, parsed, report.problems)
            since = summaries.last_set_id()
            exercises = write_plan(user, plan, names, progress)
            BodyWeight.objects.bulk_create(weights, batch_size=1000)
            remember(user, names, exercises)
            summaries.refresh_after_import(user, since, body_weights=bool(weights))
    except IntegrityError as exc:
        raise ImportRefused(
            "file", "these workouts were added while this import ran (is it running twice?); try again"
        ) from exc
    return report

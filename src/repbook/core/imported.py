"""What an importer reads out of another app's export: workouts, sets and body weights as typed.

Importers (repbook.importers) turn a file into a `ParsedFile`; the import service matches the
exercise names, converts units and writes the rows. Nothing here knows about the database.
Times are the wall-clock times the file holds, without a zone; weights are the numbers as written,
in `unit` when the file says which, else `None` (the user is asked).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from repbook.core.custom_exercise import CustomExerciseInput


class ImportFileError(ValueError):
    """The file cannot be read at all (wrong format, no header, not text); nothing was imported."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class Problem:
    """A line that was skipped (or read with a change), and why, in words for the user."""

    line: int
    message: str

    @property
    def reason(self) -> str:
        """The message without the values it quotes, so lines skipped for one reason group together:
        "date '31 Xyz 2026' has a month we cannot read ('Xyz')" -> "date … has a month we cannot read (…)"."""
        return _QUOTED.sub("…", self.message)


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\b\d+(?:[.,]\d+)?\b")


def skipped_by_reason(problems: Iterable[Problem]) -> list[tuple[str, int]]:
    """How many lines were skipped for each reason, most frequent first."""
    counts = Counter(problem.reason for problem in problems)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


@dataclass(slots=True)
class ImportedSet:
    line: int
    set_type: str = "working"  # one of core.sets.SET_TYPES
    weight: Decimal | None = None  # as written in the file; for bodyweight exercises the added load
    unit: str | None = None  # "kg" or "lb" when the file says; None: ask the user
    reps: int | None = None
    rpe: Decimal | None = None
    rir: int | None = None
    duration_s: int | None = None
    distance_m: Decimal | None = None
    notes: str = ""
    # Only Repbook's own files carry these; other apps' sets take the defaults.
    side: str = "both"
    felt_pain: bool = False
    completed: bool = True
    performed_at: datetime | None = None  # aware
    target: dict[str, Any] | None = None
    path: str = ""  # where a Repbook backup holds it: "workouts[3].exercises[0].sets[2]"


@dataclass(slots=True)
class ImportedExercise:
    name: str  # the other app's name, matched to an exercise by the import service
    line: int
    sets: list[ImportedSet] = field(default_factory=list)
    notes: str = ""
    superset: str = ""  # entries sharing a non-empty value form one superset
    rest_s: int | None = None
    category: str = ""  # the other app's body part or category, a hint for a new custom exercise
    slug: str = ""  # Repbook's own files name the exercise by slug
    target: dict[str, Any] | None = None


@dataclass(slots=True)
class ImportedWorkout:
    started_at: datetime  # naive local wall-clock time
    line: int
    name: str = ""
    duration_s: int | None = None
    notes: str = ""
    exercises: list[ImportedExercise] = field(default_factory=list)
    # Only Repbook's own files carry these.
    finished_at: datetime | None = None
    felt_pain: bool = False
    program_day: tuple[str, int, int] | None = None  # (program slug, week, day order)

    def exercise(self, name: str, line: int, superset: str = "") -> ImportedExercise:
        """The entry for `name` to add sets to: the last one if it is that exercise, else a new one."""
        if self.exercises and self.exercises[-1].name == name and self.exercises[-1].superset == superset:
            return self.exercises[-1]
        entry = ImportedExercise(name=name, line=line, superset=superset)
        self.exercises.append(entry)
        return entry

    @property
    def set_count(self) -> int:
        return sum(len(e.sets) for e in self.exercises)


@dataclass(frozen=True, slots=True)
class ImportedBodyWeight:
    day: date
    weight: Decimal
    line: int
    unit: str | None = None


@dataclass(slots=True)
class ParsedFile:
    format: str  # the importer's name: "strong", "hevy", ...
    workouts: list[ImportedWorkout] = field(default_factory=list)
    body_weights: list[ImportedBodyWeight] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: The unit every weight is in when the file says so once for all (a header or settings).
    unit: str | None = None
    #: Repbook's own file: weights are as typed (no recovery from conversions), open workouts stay open.
    exact: bool = False
    #: What a Repbook backup holds besides the log: settings, custom exercises, programs...
    backup: Backup | None = None

    def skip(self, line: int, message: str) -> None:
        self.problems.append(Problem(line, message))

    @property
    def set_count(self) -> int:
        return sum(w.set_count for w in self.workouts)


@dataclass(frozen=True, slots=True)
class BackupExercise:
    """A custom exercise of a backup, checked as the form checks one; `path` says where it was."""

    path: str  # "custom_exercises[2]"
    slug: str
    exercise: CustomExerciseInput


@dataclass(frozen=True, slots=True)
class BackupProgram:
    path: str
    slug: str
    source: str  # the program in the text format, checked by the program service


@dataclass(frozen=True, slots=True)
class BackupOverride:
    path: str
    program: str
    exercise: str
    slot: str
    override: dict[str, Any]  # as core.stored.read_override gives it


@dataclass(frozen=True, slots=True)
class BackupMapping:
    path: str
    foreign_name: str
    exercise: str


@dataclass(frozen=True, slots=True)
class BackupActiveProgram:
    program: str
    started_at: datetime  # aware


@dataclass(slots=True)
class Backup:
    """The rest of a Repbook JSON backup, each row checked for its types and bounds by the importer;
    settings stay JSON values, checked by the import service as the settings page checks them."""

    settings: dict[str, Any] = field(default_factory=dict)
    custom_exercises: list[BackupExercise] = field(default_factory=list)
    programs: list[BackupProgram] = field(default_factory=list)
    active_program: BackupActiveProgram | None = None
    mappings: list[BackupMapping] = field(default_factory=list)
    progression_overrides: list[BackupOverride] = field(default_factory=list)

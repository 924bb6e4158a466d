"""A training program as plain data: weeks → days → prescriptions → set groups.

The text format that reads and writes these lives in `core.program_text`; the rules that move
a prescription on from session to session live in `core.progression`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final, Literal

LoadKind = Literal["none", "weight", "added", "pct_1rm", "pct_tm", "rpe"]
GroupType = Literal["working", "warmup", "backoff", "drop", "failure"]
RuleName = Literal["double", "linear", "gzclp", "531", "rpe", "amrap", "fixed"]

RULE_NAMES: Final[tuple[RuleName, ...]] = ("double", "linear", "gzclp", "531", "rpe", "amrap", "fixed")
LEVELS: Final = ("beginner", "intermediate", "advanced")
#: What each group type is called in the text format and on screen.
GROUP_TYPE_WORDS: Final[dict[GroupType, str]] = {
    "working": "",
    "warmup": "warm-up",
    "backoff": "back-off",
    "drop": "drop",
    "failure": "to failure",
}


@dataclass(frozen=True, slots=True)
class Load:
    """How heavy: nothing given, a weight, added to body weight, % of 1RM or training max, or an RPE."""

    kind: LoadKind = "none"
    value: Decimal | None = None
    unit: str = "kg"  # for "weight" and "added"


@dataclass(frozen=True, slots=True)
class SetGroup:
    """`sets` alike sets: a rep target (or a range, or seconds), a load and a type.

    `amrap` marks the group's last set "as many reps as possible" (written 5+).
    """

    sets: int
    reps_min: int | None = None
    reps_max: int | None = None
    seconds: int | None = None
    amrap: bool = False
    set_type: GroupType = "working"
    load: Load = field(default_factory=Load)

    @property
    def is_range(self) -> bool:
        return self.reps_min is not None and self.reps_max is not None and self.reps_max > self.reps_min


@dataclass(frozen=True, slots=True)
class Rule:
    """The progression rule and its parameters (increment None: the smallest step of the equipment)."""

    name: RuleName = "double"
    increment: Decimal | None = None
    increment_unit: str = "kg"
    tier: int | None = None  # GZCLP tier 1, 2 or 3
    deload_percent: int = 10
    deload_after: int = 3  # failed sessions at one weight before the deload


@dataclass(frozen=True, slots=True)
class Prescription:
    """One exercise of a day: its set groups, rule, rest and superset, with an optional alternative."""

    exercise: str
    groups: tuple[SetGroup, ...]
    rule: Rule = field(default_factory=Rule)
    alternative: str | None = None
    rest_s: int | None = None
    superset: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Day:
    name: str
    week: int
    prescriptions: tuple[Prescription, ...]


@dataclass(frozen=True, slots=True)
class Program:
    name: str
    days: tuple[Day, ...]
    level: str = ""
    days_per_week: int = 3
    about: str = ""

    @property
    def weeks(self) -> int:
        return max((d.week for d in self.days), default=1)

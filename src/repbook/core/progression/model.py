"""What the progression rules read and write: sessions done, the rule's state, the plan for next time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from repbook.core.loadable import Loading
from repbook.core.program import GroupType, SetGroup


@dataclass(frozen=True, slots=True)
class DoneSet:
    """A set the user logged. For a bodyweight exercise `weight_kg` is the load added to the body."""

    weight_kg: Decimal | None
    reps: int | None
    seconds: int | None = None
    rpe: Decimal | None = None
    set_type: str = "working"
    pain: bool = False


@dataclass(frozen=True, slots=True)
class Session:
    """One workout's sets of the exercise, and what that program day prescribed for it."""

    sets: tuple[DoneSet, ...]
    groups: tuple[SetGroup, ...]
    week: int = 1
    last_week: bool = False  # the program's last week: a cycle ends here (5/3/1)
    on: date | None = None


@dataclass(frozen=True, slots=True)
class BestSet:
    """The user's best recent set of the exercise before the program (for a starting load)."""

    weight_kg: Decimal
    reps: int
    e1rm_kg: Decimal
    on: date | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule needs to know about the user and the exercise besides its own state."""

    unit: str
    loading: Loading
    increment_kg: Decimal
    bodyweight: bool = False
    best: BestSet | None = None
    new_exercise: bool = False
    #: Bodyweight exercises: the first load to add past the top of the range (None: the increment).
    first_added_kg: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Override:
    """A load or training max the user set by hand for the next session of this exercise.

    `after` is how many sessions had been done when it was set: it applies to the one after.
    """

    after: int
    load_kg: Decimal | None = None
    training_max_kg: Decimal | None = None


@dataclass(frozen=True, slots=True)
class State:
    """A rule's memory between sessions. `load_kg` is exact: it is rounded only when shown."""

    load_kg: Decimal | None = None
    shown_kg: Decimal | None = None  # the load prescribed for the session being judged, as rounded
    last_kg: Decimal | None = None  # the load lifted last time
    direction: int = 0  # +1 the rule raised the load from last_kg, -1 lowered it, 0 held it
    failures: int = 0
    stage: int = 0
    stage_one_kg: Decimal | None = None  # GZCLP T2: the load of the last session at its first stage
    training_max_kg: Decimal | None = None
    e1rm_kg: Decimal | None = None
    missed_amrap: bool = False
    sessions: int = 0
    why: str = ""
    pain: bool = False
    by_hand: bool = False


@dataclass(frozen=True, slots=True)
class PlannedGroup:
    """Sets to do next time, with the load already rounded to what the user can load."""

    sets: int
    reps_min: int | None
    reps_max: int | None
    seconds: int | None
    amrap: bool
    set_type: GroupType
    load_kg: Decimal | None  # None: the user chooses
    rpe: Decimal | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Plan:
    """The next prescription for one exercise and why."""

    groups: tuple[PlannedGroup, ...]
    reason: str
    caution: str = ""

    @property
    def main_load_kg(self) -> Decimal | None:
        working = [g for g in self.groups if g.set_type == "working" and g.load_kg is not None]
        return max((g.load_kg for g in working if g.load_kg is not None), default=None)

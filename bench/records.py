"""What the simulation produces: plain records, written to the database by `bench.generate`.

Weights are in the lifter's unit, exactly as they would have typed them (`None` for a bodyweight
set without added load, negative for assistance), like `Set.typed_weight`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Literal

from bench.lifts import Style

Effort = Literal["none", "rpe", "rir"]

#: Placeholder until the session's timeline gives a set its time.
NOT_YET = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(slots=True)
class SimSet:
    set_type: str
    weight: Decimal | None
    reps: int | None
    rpe: Decimal | None = None
    rir: int | None = None
    duration_s: int | None = None
    notes: str = ""
    felt_pain: bool = False
    performed_at: datetime = NOT_YET


@dataclass(slots=True)
class SimEntry:
    slug: str
    role: str
    sets: list[SimSet]
    notes: str = ""
    rest_s: int | None = None
    superset_group: str = ""


@dataclass(slots=True)
class SimWorkout:
    name: str
    started_at: datetime
    finished_at: datetime
    entries: list[SimEntry]
    notes: str = ""
    felt_pain: bool = False


@dataclass(frozen=True, slots=True)
class SimBodyWeight:
    day: date
    typed_value: Decimal


@dataclass(frozen=True, slots=True)
class Profile:
    """Who the lifter is and their habits, drawn once from the user's RNG."""

    unit: str  # "kg" or "lb"
    sex: str  # "m" or "f": drives body weight and strength
    sex_shown: str  # what the settings say: "", "m" or "f"
    style: Style
    weekdays: tuple[int, ...]
    start_hour: float  # weekday sessions start around this hour (UTC)
    body_weight_kg: float
    talent: float  # × the strength ceilings
    learn_rate: float  # share of the gap to the ceiling closed per session of a lift
    main_sets: int
    accessory_sets: int
    rep_bias: int  # main lifts train this many reps above the bottom of their range
    effort: Effort  # whether the lifter logs RPE, RIR or neither
    amrap_last: bool  # last main set as many reps as possible
    supersets: bool  # pairs the last two accessories
    names_workouts: bool
    rest_timer: bool
    deload_every: int  # weeks; 0: only when a lift stalls
    weigh_ins: int  # body-weight readings in a usual week


@dataclass(slots=True)
class History:
    profile: Profile
    workouts: list[SimWorkout] = field(default_factory=list)
    body_weights: list[SimBodyWeight] = field(default_factory=list)

    @property
    def set_count(self) -> int:
        return sum(len(e.sets) for w in self.workouts for e in w.entries)

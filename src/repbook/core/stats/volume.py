"""Weekly hard sets and training frequency per muscle, against editable target ranges.

A hard set counts 1.0 for each primary muscle of its exercise and `secondary_weight` (0.5 by
default) for each secondary one (the fractional method; Pelland et al. 2024). Warm-ups never count.
Weeks start on Monday.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

from repbook.core.muscles import MUSCLES

DEFAULT_SECONDARY_WEIGHT: Final = Decimal("0.5")
#: About two sessions per muscle per week is a sensible default (DOMAIN: volume and frequency).
RECOMMENDED_FREQUENCY: Final = 2
#: The most weekly sets a target range may name.
MAX_TARGET: Final = 60

#: Weekly hard-set ranges shown as editable defaults, not science: the common "10+ sets" guideline
#: for the big groups (Schoenfeld et al. 2017), less for small muscles that compound lifts already work.
_SMALL: Final = (
    "neck",
    "forearms",
    "abductors",
    "adductors",
    "obliques",
    "traps",
    "calves",
    "abs",
    "rotator_cuff",
    "tibialis",
)
DEFAULT_TARGETS: Final[dict[str, tuple[int, int]]] = {
    m: ((4, 12) if m in _SMALL else (10, 20)) for m in MUSCLES
}


def week_start(day: date) -> date:
    """The Monday of the week `day` falls in."""
    return day - timedelta(days=day.weekday())


def week_starts(last_day: date, weeks: int) -> list[date]:
    """The Mondays of the `weeks` weeks ending with the week of `last_day`, oldest first."""
    newest = week_start(last_day)
    return [newest - timedelta(weeks=i) for i in reversed(range(weeks))]


@dataclass(frozen=True, slots=True)
class ExerciseMuscles:
    primary: frozenset[str]
    secondary: frozenset[str]


@dataclass(frozen=True, slots=True)
class HardSets:
    """How many counted sets of one exercise were done on one day."""

    day: date
    exercise_id: int
    sets: int


@dataclass(frozen=True, slots=True)
class MuscleWeeks:
    muscle: str
    sets: tuple[float, ...]  # per week, oldest first
    #: Days per week with at least one counted set for the muscle, as a primary or a secondary one:
    #: a day of deadlifts trains the traps even though they are not its main muscle.
    days: tuple[int, ...]
    target: tuple[int, int]
    #: The first week the user trained at all: averages leave out the empty weeks before they began.
    active_from: int = 0

    @property
    def this_week(self) -> float:
        return self.sets[-1] if self.sets else 0.0

    @property
    def average(self) -> float:
        """Average weekly sets over the weeks before this one (this week is still running)."""
        earlier = self.sets[self.active_from : -1]
        return sum(earlier) / len(earlier) if earlier else 0.0

    @property
    def frequency(self) -> float:
        """Average days a week with a set for the muscle, in the weeks before this one (or this one)."""
        earlier = self.days[self.active_from : -1]
        return sum(earlier) / len(earlier) if earlier else float(self.days[-1] if self.days else 0)


def weekly_sets_by_muscle(
    done: Iterable[HardSets],
    muscles: Mapping[int, ExerciseMuscles],
    weeks: Sequence[date],
    secondary_weight: Decimal = DEFAULT_SECONDARY_WEIGHT,
    targets: Mapping[str, tuple[int, int]] | None = None,
) -> list[MuscleWeeks]:
    """Weekly fractional hard sets and training days per muscle, in MUSCLES order."""
    index = {start: i for i, start in enumerate(weeks)}
    sets = {m: [0.0] * len(weeks) for m in MUSCLES}
    trained_days: dict[str, list[set[date]]] = {m: [set() for _ in weeks] for m in MUSCLES}
    share = float(secondary_weight)
    for row in done:
        i = index.get(week_start(row.day))
        worked = muscles.get(row.exercise_id)
        if i is None or worked is None:
            continue
        for muscle in worked.primary:
            sets[muscle][i] += row.sets
            trained_days[muscle][i].add(row.day)
        for muscle in worked.secondary - worked.primary:
            sets[muscle][i] += row.sets * share
            if share > 0:
                trained_days[muscle][i].add(row.day)
    chosen = {**DEFAULT_TARGETS, **(targets or {})}
    active = [i for i in range(len(weeks)) if any(sets[m][i] for m in MUSCLES)]
    start = active[0] if active else 0
    return [
        MuscleWeeks(m, tuple(sets[m]), tuple(len(d) for d in trained_days[m]), chosen[m], start)
        for m in MUSCLES
    ]


def heat_level(sets: float, target: tuple[int, int]) -> int:
    """0 untrained, 1 under half the low end, 2 under the range, 3 within it, 4 above it."""
    low, high = target
    if sets <= 0:
        return 0
    if sets < low / 2:
        return 1
    if sets < low:
        return 2
    return 3 if sets <= high else 4


def parse_targets(raw: Mapping[str, object]) -> dict[str, tuple[int, int]]:
    """Stored targets ({"lats": [10, 20]}) checked: known muscles, 0 ≤ low ≤ high ≤ 60; others dropped."""
    out = {}
    for muscle, value in raw.items():
        if muscle not in MUSCLES or not isinstance(value, (list, tuple)) or len(value) != 2:
            continue
        low, high = value
        if isinstance(low, int) and isinstance(high, int) and 0 <= low <= high <= MAX_TARGET:
            out[muscle] = (low, high)
    return out

"""The next set of an exercise in a workout: which program target it fills and what it is prefilled with.

One rule for every page that offers a next set:
- the program's warm-ups come first, while no working set is done, prefilled as warm-ups;
- a warm-up fills warm-up targets only, any other set the working targets, each in order, so a
  warm-up never takes a working set's target;
- the next working set copies the working set just done (what a lifter repeats), unless the program
  prescribes something else for it (another load or rep count);
- the first working set follows the program's target, else last time's first *working* set.
Weights are in whatever unit the caller shows; this module never converts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Final

WARMUP: Final = "warmup"


@dataclass(frozen=True, slots=True)
class SetAmounts:
    """A set done (or to do): its type and values, weight in the unit shown."""

    set_type: str = "working"
    weight: Decimal | None = None
    reps: int | None = None
    duration_s: int | None = None
    distance_m: Decimal | None = None


@dataclass(frozen=True, slots=True)
class PlannedSet:
    """One set the program prescribes (reps is the bottom of a range)."""

    set_type: str
    weight: Decimal | None = None
    reps: int | None = None
    duration_s: int | None = None


@dataclass(frozen=True, slots=True)
class NextSet:
    """The prefill, the index of the target it fills and of the comparable set last time (or None)."""

    values: SetAmounts
    target: int | None
    last_time: int | None


def _in_lane(set_type: str, warmup: bool) -> bool:
    return (set_type == WARMUP) == warmup


def target_slot(set_type: str, done_types: Sequence[str], target_types: Sequence[str]) -> int | None:
    """Index of the target a new set of `set_type` fills after `done_types`; None past the last."""
    warmup = set_type == WARMUP
    done = sum(1 for t in done_types if _in_lane(t, warmup))
    lane = [i for i, t in enumerate(target_types) if _in_lane(t, warmup)]
    return lane[done] if done < len(lane) else None


def _repeated(set_type: str) -> str:
    # An AMRAP set ends a run: the set after it (or the same set next time) is a plain working set.
    return "working" if set_type == "amrap" else set_type


def _same_prescription(a: PlannedSet, b: PlannedSet) -> bool:
    return (a.weight, a.reps, a.duration_s) == (b.weight, b.reps, b.duration_s)


def _from_target(planned: PlannedSet, fallback: SetAmounts | None) -> SetAmounts:
    base = fallback or SetAmounts()
    return SetAmounts(
        set_type=planned.set_type,
        weight=planned.weight if planned.weight is not None else base.weight,
        reps=planned.reps if planned.reps is not None else base.reps,
        duration_s=planned.duration_s if planned.duration_s is not None else base.duration_s,
        distance_m=base.distance_m,
    )


def next_set(
    done: Sequence[SetAmounts], last_time: Sequence[SetAmounts], targets: Sequence[PlannedSet]
) -> NextSet:
    """The next set after `done` in this workout, given last time's sets and the program's targets."""
    working = [s for s in done if s.set_type != WARMUP]
    warmups_done = len(done) - len(working)
    warmup_targets = [i for i, t in enumerate(targets) if t.set_type == WARMUP]
    last_warmups = [i for i, s in enumerate(last_time) if s.set_type == WARMUP]
    if not working and warmups_done < len(warmup_targets):
        warmup = warmup_targets[warmups_done]
        similar = last_warmups[warmups_done] if warmups_done < len(last_warmups) else None
        return NextSet(_from_target(targets[warmup], None), warmup, similar)

    last_working = [i for i, s in enumerate(last_time) if s.set_type != WARMUP]
    comparable = last_working[len(working)] if len(working) < len(last_working) else None
    types = [t.set_type for t in targets]
    slot = target_slot("working", [s.set_type for s in done], types)
    previous = working[-1] if working else None
    if slot is not None:
        planned = targets[slot]
        before = target_slot("working", [s.set_type for s in working[:-1]], types) if previous else None
        if previous is not None and before is not None and _same_prescription(targets[before], planned):
            return NextSet(replace(previous, set_type=planned.set_type), slot, comparable)
        first_last_time = last_time[last_working[0]] if last_working else None
        return NextSet(_from_target(planned, previous or first_last_time), slot, comparable)
    if previous is not None:
        return NextSet(replace(previous, set_type=_repeated(previous.set_type)), None, comparable)
    if last_working:
        first = last_time[last_working[0]]
        return NextSet(replace(first, set_type=_repeated(first.set_type)), None, comparable)
    if done:
        # Only warm-ups so far and nothing else to go by: another warm-up like the last one.
        return NextSet(done[-1], None, None)
    return NextSet(SetAmounts(), None, None)

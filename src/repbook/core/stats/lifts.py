"""One exercise's history in numbers: e1RM per session, rep maxes, volume and records.

Loads are the lifted load in kg: the external weight, or for a bodyweight exercise the body-weight
share plus the added load (see `lifted_load`). Warm-ups never count.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from repbook.core.e1rm import Estimate, estimate_set

#: The rep maxes table covers 1 to this many reps.
REP_MAX_LIMIT: Final = 15


@dataclass(frozen=True, slots=True)
class LoggedSet:
    day: date
    workout_id: int
    load_kg: Decimal | None  # lifted load; None when unknown (no weight, or body weight not logged)
    reps: int | None
    rpe: Decimal | None = None
    rir: int | None = None
    set_type: str = "working"
    duration_s: int | None = None

    @property
    def counts(self) -> bool:
        """A set that counts for statistics: anything but a warm-up."""
        return self.set_type != "warmup"


def body_weight_on(readings: Sequence[tuple[date, Decimal]], day: date) -> Decimal | None:
    """The last reading on or before `day` (readings sorted by date); before the first, the first."""
    if not readings:
        return None
    i = bisect.bisect_right(readings, day, key=lambda r: r[0])
    return readings[i - 1][1] if i else readings[0][1]


def lifted_load(
    weight_kg: Decimal | None, bodyweight_fraction: Decimal, body_kg: Decimal | None
) -> Decimal | None:
    """External load, or body weight × fraction + added load (negative: assistance) for bodyweight
    exercises; None for a bodyweight exercise while the body weight is unknown."""
    if not bodyweight_fraction:
        return weight_kg
    if body_kg is None:
        return None
    return body_kg * bodyweight_fraction + (weight_kg or Decimal(0))


@dataclass(frozen=True, slots=True)
class SessionStats:
    day: date
    workout_id: int
    sets: int
    reps: int
    tonnage_kg: Decimal  # lifted load × reps over the counted sets
    best: LoggedSet | None  # the set with the best estimate
    e1rm: Estimate | None
    longest_s: int | None  # the longest timed set


def _estimate(s: LoggedSet, formula: str) -> Estimate | None:
    if s.load_kg is None or not s.reps or not s.counts:
        return None
    return estimate_set(float(s.load_kg), s.reps, s.rpe, s.rir, formula)


def _better(a: Estimate | None, b: Estimate | None) -> bool:
    """Whether `a` beats `b`: a reliable estimate beats any unreliable one, then the larger wins."""
    if a is None:
        return False
    if b is None:
        return True
    return (a.reliable, a.kg) > (b.reliable, b.kg)


def sessions(sets: Iterable[LoggedSet], formula: str = "epley") -> list[SessionStats]:
    """Per workout, oldest first: counted sets, reps, tonnage, best e1RM and longest hold."""
    by_workout: dict[int, list[LoggedSet]] = {}
    for s in sets:
        if s.counts:
            by_workout.setdefault(s.workout_id, []).append(s)
    out = []
    for workout_id, rows in by_workout.items():
        best: LoggedSet | None = None
        best_estimate: Estimate | None = None
        for s in rows:
            estimate = _estimate(s, formula)
            if _better(estimate, best_estimate):
                best, best_estimate = s, estimate
        holds = [s.duration_s for s in rows if s.duration_s]
        out.append(
            SessionStats(
                day=rows[0].day,
                workout_id=workout_id,
                sets=len(rows),
                reps=sum(s.reps or 0 for s in rows),
                tonnage_kg=sum((_tonnage(s) for s in rows), Decimal(0)),
                best=best,
                e1rm=best_estimate,
                longest_s=max(holds) if holds else None,
            )
        )
    return sorted(out, key=lambda s: (s.day, s.workout_id))


def _tonnage(s: LoggedSet) -> Decimal:
    if s.load_kg is None or s.load_kg <= 0 or not s.reps:
        return Decimal(0)
    return s.load_kg * s.reps


@dataclass(frozen=True, slots=True)
class RepMax:
    reps: int  # the row of the table: the best load lifted for at least this many reps
    load_kg: Decimal
    done_reps: int  # what that set actually did (≥ reps)
    day: date
    workout_id: int


def rep_maxes(sets: Iterable[LoggedSet], limit: int = REP_MAX_LIMIT) -> list[RepMax]:
    """Best load for 1..limit reps (a set of 5 also proves its load for 3); first date it was done.

    Ties on the load go to the earliest workout (by day, then id), and within one workout to the
    set with the most reps, so the answer never depends on the order the sets arrive in."""
    best: dict[int, tuple[Decimal, int, LoggedSet]] = {}  # reps -> the load, reps and set holding it
    for s in sorted(sets, key=lambda s: (s.day, s.workout_id, -(s.reps or 0))):
        load, reps = s.load_kg, s.reps
        if not s.counts or load is None or load <= 0 or not reps:
            continue
        for r in range(1, min(reps, limit) + 1):
            held = best.get(r)
            if held is None or load > held[0]:
                best[r] = (load, reps, s)
    return [RepMax(r, load, reps, s.day, s.workout_id) for r, (load, reps, s) in sorted(best.items())]


@dataclass(frozen=True, slots=True)
class Record:
    day: date
    workout_id: int
    kind: str  # "e1rm", "weight", "tonnage", "reps" (reps at a weight), "hold", "rep_max"
    value: Decimal  # kg for e1rm/weight/tonnage/rep_max, reps for "reps", seconds for "hold"
    previous: Decimal
    reliable: bool = True  # False for an e1RM record set above RELIABLE_REPS
    load_kg: Decimal | None = None  # for "reps": the load the reps were done with
    reps: int | None = None  # for "rep_max": the row of the rep maxes table


@dataclass(frozen=True, slots=True)
class SessionMarks:
    """What a session's records are judged on besides its SessionStats."""

    heaviest_kg: Decimal | None  # the heaviest lifted load done for reps
    reps_at: Mapping[Decimal, int]  # load -> the most reps done with it

    @classmethod
    def of(cls, rows: Iterable[LoggedSet]) -> SessionMarks:
        """The marks of one session's counted sets."""
        reps_at: dict[Decimal, int] = {}
        heaviest: Decimal | None = None
        for s in rows:
            if s.load_kg and s.reps:
                heaviest = s.load_kg if heaviest is None else max(heaviest, s.load_kg)
                if s.load_kg > 0:
                    reps_at[s.load_kg] = max(reps_at.get(s.load_kg, 0), s.reps)
        return cls(heaviest, reps_at)


def records(stats: Sequence[SessionStats], sets: Iterable[LoggedSet]) -> list[Record]:
    """Records broken, oldest first. The first session sets the marks and breaks nothing."""
    by_workout: dict[int, list[LoggedSet]] = {}
    for s in sets:
        if s.counts:
            by_workout.setdefault(s.workout_id, []).append(s)
    return records_of(stats, {pk: SessionMarks.of(rows) for pk, rows in by_workout.items()})


def records_of(stats: Sequence[SessionStats], marks_of: Mapping[int, SessionMarks]) -> list[Record]:
    """As `records`, from each session's marks (by workout id) instead of its sets."""
    found: list[Record] = []
    marks: dict[str, Decimal] = {}
    reps_at = RepsFrontier()
    empty = SessionMarks(None, {})
    for session in stats:
        here = marks_of.get(session.workout_id, empty)
        _e1rm_record(found, marks, session)
        _mark(found, marks, session, "weight", here.heaviest_kg)
        _mark(found, marks, session, "tonnage", session.tonnage_kg or None)
        _mark(found, marks, session, "hold", Decimal(session.longest_s) if session.longest_s else None)
        found.extend(_rep_records(session, here.reps_at, reps_at))
    return found


def _e1rm_record(found: list[Record], marks: dict[str, Decimal], session: SessionStats) -> None:
    """A reliable estimate competes with reliable ones; an unreliable one must beat every estimate
    and is marked, so a 20-rep set never quietly sets the e1RM record."""
    if session.e1rm is None:
        return
    value = Decimal(str(round(session.e1rm.kg, 2)))
    kind = "e1rm" if session.e1rm.reliable else "e1rm_any"
    previous = marks.get(kind)
    if previous is not None and value > previous:
        found.append(_record(session, "e1rm", value, previous, session.e1rm.reliable))
    for key in ("e1rm", "e1rm_any") if session.e1rm.reliable else ("e1rm_any",):
        if key not in marks or value > marks[key]:
            marks[key] = value


def _record(
    session: SessionStats, kind: str, value: Decimal, previous: Decimal, reliable: bool = True
) -> Record:
    return Record(session.day, session.workout_id, kind, value, previous, reliable)


def _mark(found: list[Record], marks: dict[str, Decimal], session: SessionStats, kind: str,
          value: Decimal | None) -> None:  # fmt: skip
    if value is None:
        return
    previous = marks.get(kind)
    if previous is not None and value > previous:
        found.append(_record(session, kind, value, previous))
    if previous is None or value > previous:
        marks[kind] = value


def _rep_records(session: SessionStats, best_here: Mapping[Decimal, int], before: RepsFrontier
                 ) -> list[Record]:  # fmt: skip
    """More reps than ever before at a load already lifted (heavier loads count as that load too)."""
    found = []
    for load, reps in sorted(best_here.items()):
        most = before.most_at_or_above(load)
        if most is not None and reps > most:
            found.append(Record(session.day, session.workout_id, "reps", Decimal(reps), Decimal(most),
                                load_kg=load))  # fmt: skip
    for load, reps in best_here.items():
        before.add(load, reps)
    return found


class RepsFrontier:
    """The most reps done with at least each load, kept as the loads no heavier load beats: a
    history's dozens of loads collapse to the few where the reps change, and each question costs
    one binary search instead of a walk over every load ever lifted."""

    def __init__(self) -> None:
        self.loads: list[Decimal] = []  # ascending
        self.reps: list[int] = []  # descending: a heavier load kept was done for fewer reps

    def most_at_or_above(self, load: Decimal) -> int | None:
        """The most reps done with `load` or more; None when nothing that heavy was lifted."""
        i = bisect.bisect_left(self.loads, load)
        return self.reps[i] if i < len(self.loads) else None

    def add(self, load: Decimal, reps: int) -> None:
        """`reps` were done with `load`."""
        most = self.most_at_or_above(load)
        if most is not None and most >= reps:
            return
        i = bisect.bisect_left(self.loads, load)
        end = i + 1 if i < len(self.loads) and self.loads[i] == load else i
        start = i
        while start > 0 and self.reps[start - 1] <= reps:  # lighter loads done for no more reps
            start -= 1
        self.loads[start:end] = [load]
        self.reps[start:end] = [reps]


def rep_max_records(sets: Sequence[LoggedSet], workout_id: int, limit: int = REP_MAX_LIMIT) -> list[Record]:
    """The rep maxes one workout beat: for each rep count it did (up to `limit`), a heavier load
    than the rep maxes table held before it (sessions ordered as `sessions` orders them). A rep
    count never done before breaks nothing, as the first session breaks nothing."""
    mine = [s for s in sets if s.workout_id == workout_id]
    if not mine:
        return []
    here = (mine[0].day, workout_id)
    before = rep_maxes((s for s in sets if (s.day, s.workout_id) < here), limit)
    return beaten_rep_maxes(before, rep_maxes(mine, limit), workout_id)


def beaten_rep_maxes(before: Sequence[RepMax], here: Sequence[RepMax], workout_id: int) -> list[Record]:
    """The rows of the rep maxes table `before` that a workout's own table `here` beat: only the
    rep counts a set really did (a set of 5 proves its load for 3, but is no 3-rep max)."""
    previous_of = {m.reps: m.load_kg for m in before}
    found = []
    for best in here:
        previous = previous_of.get(best.reps)
        if best.done_reps == best.reps and previous is not None and best.load_kg > previous:
            found.append(Record(best.day, workout_id, "rep_max", best.load_kg, previous, reps=best.reps))
    return found

"""One exercise in one workout boiled down to the few numbers its statistics need.

A summary is derived data: computed from the session's sets, stored beside them, and read back
instead of the sets, so an exercise's statistics cost one row per session rather than one per set.
It keeps the best set under every e1RM formula, so changing the formula needs no recomputation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from repbook.core.e1rm import FORMULAS, Estimate, estimate_set
from repbook.core.stats.lifts import (
    REP_MAX_LIMIT,
    LoggedSet,
    RepMax,
    SessionMarks,
    SessionStats,
    rep_maxes,
)


@dataclass(frozen=True, slots=True)
class BestSet:
    """The set with the best estimate of a session under one formula."""

    load_kg: Decimal
    reps: int
    rpe: Decimal | None
    rir: int | None
    set_type: str = "working"
    duration_s: int | None = None


@dataclass(frozen=True)
class SessionSummary:
    day: date
    workout_id: int
    logged: int  # completed sets, warm-ups included
    sets: int  # counted sets (no warm-ups)
    reps: int
    tonnage_kg: Decimal  # lifted load × reps, as `sessions` counts it
    heaviest_kg: Decimal | None  # the heaviest lifted load with reps
    longest_s: int | None
    best: Mapping[str, BestSet] = field(default_factory=dict)  # per formula
    rep_loads: Mapping[int, tuple[Decimal, int]] = field(default_factory=dict)  # reps -> (load, done reps)
    reps_at: Mapping[Decimal, int] = field(default_factory=dict)  # load -> most reps done with it
    #: `stats` by formula, worked out once: a summary read from storage is shared by the requests
    #: that read its row, and never changes.
    _stats: dict[str, SessionStats] = field(default_factory=dict, init=False, repr=False, compare=False)

    def stats(self, formula: str) -> SessionStats:
        """The session as `sessions` gives it, for `formula`."""
        held = self._stats.get(formula)
        if held is None:
            held = self._stats[formula] = self._stats_for(formula)
        return held

    def _stats_for(self, formula: str) -> SessionStats:
        best = self.best.get(formula)
        estimate: Estimate | None = None
        logged: LoggedSet | None = None
        if best is not None:
            estimate = estimate_set(float(best.load_kg), best.reps, best.rpe, best.rir, formula)
            logged = LoggedSet(
                self.day,
                self.workout_id,
                best.load_kg,
                best.reps,
                best.rpe,
                best.rir,
                best.set_type,
                best.duration_s,
            )
        return SessionStats(
            self.day, self.workout_id, self.sets, self.reps, self.tonnage_kg, logged, estimate, self.longest_s
        )

    def marks(self) -> SessionMarks:
        return SessionMarks(self.heaviest_kg, self.reps_at)

    def rep_maxes(self, limit: int = REP_MAX_LIMIT) -> list[RepMax]:
        """This session's own rep maxes table, as `rep_maxes` gives it for its sets."""
        return [
            RepMax(reps, load, done, self.day, self.workout_id)
            for reps, (load, done) in sorted(self.rep_loads.items())
            if reps <= limit
        ]


def summarize(rows: Sequence[LoggedSet]) -> SessionSummary | None:
    """The summary of one session's completed sets (one workout, one exercise); None without sets."""
    if not rows:
        return None
    counted = [s for s in rows if s.counts]
    first = rows[0]
    best: dict[str, BestSet] = {}
    made: dict[int, BestSet] = {}  # one per set: most formulas pick the same set
    for formula, s in _best_sets(counted).items():
        if s.load_kg is not None and s.reps:
            if id(s) not in made:
                made[id(s)] = BestSet(s.load_kg, s.reps, s.rpe, s.rir, s.set_type, s.duration_s)
            best[formula] = made[id(s)]
    tonnage = sum((s.load_kg * s.reps for s in counted if s.load_kg and s.load_kg > 0 and s.reps), Decimal(0))
    holds = [s.duration_s for s in counted if s.duration_s]
    marks = SessionMarks.of(counted)
    return SessionSummary(
        day=first.day,
        workout_id=first.workout_id,
        logged=len(rows),
        sets=len(counted),
        reps=sum(s.reps or 0 for s in counted),
        tonnage_kg=tonnage,
        heaviest_kg=marks.heaviest_kg,
        longest_s=max(holds) if holds else None,
        best=best,
        rep_loads={m.reps: (m.load_kg, m.done_reps) for m in rep_maxes(counted)},
        reps_at=marks.reps_at,
    )


def with_set(summary: SessionSummary, s: LoggedSet) -> SessionSummary:
    """`summary` with one more set done after all of its sets: what `summarize` would give for
    them all, without reading them again (logging a set costs the same in a session of 5 or 500)."""
    if not s.counts:
        return replace(summary, logged=summary.logged + 1)
    load, reps = s.load_kg, s.reps
    best = dict(summary.best)
    rep_loads = dict(summary.rep_loads)
    reps_at = dict(summary.reps_at)
    heaviest = summary.heaviest_kg
    tonnage = summary.tonnage_kg
    if load and reps:  # as SessionMarks.of counts the heaviest load
        heaviest = load if heaviest is None else max(heaviest, load)
    if load is not None and reps:
        for formula in FORMULAS:
            held = best.get(formula)
            new = estimate_set(float(load), reps, s.rpe, s.rir, formula)
            old = (
                None
                if held is None
                else estimate_set(float(held.load_kg), held.reps, held.rpe, held.rir, formula)
            )
            if new is not None and (old is None or (new.reliable, new.kg) > (old.reliable, old.kg)):
                best[formula] = BestSet(load, reps, s.rpe, s.rir, s.set_type, s.duration_s)
        if load > 0:
            tonnage += load * reps
            reps_at[load] = max(reps_at.get(load, 0), reps)
            for r in range(1, min(reps, REP_MAX_LIMIT) + 1):
                # A tie on the load goes to the set with more reps, as `rep_maxes` decides it.
                if r not in rep_loads or (load, reps) > rep_loads[r]:
                    rep_loads[r] = (load, reps)
    holds = [h for h in (summary.longest_s, s.duration_s) if h]
    return replace(
        summary,
        logged=summary.logged + 1,
        sets=summary.sets + 1,
        reps=summary.reps + (reps or 0),
        tonnage_kg=tonnage,
        heaviest_kg=heaviest,
        longest_s=max(holds) if holds else None,
        best=best,
        rep_loads=rep_loads,
        reps_at=reps_at,
    )


def _best_sets(counted: Sequence[LoggedSet]) -> dict[str, LoggedSet]:
    """The set with the best estimate under each formula, as `sessions` picks it (first of equals).

    An estimate from the RPE chart is the same under every formula, so it is worked out once.
    """
    best: dict[str, tuple[tuple[bool, float], LoggedSet]] = {}
    for s in _candidates(counted):
        if s.load_kg is None or not s.reps:  # never: _candidates keeps only sets with both
            continue
        weight = float(s.load_kg)
        first = estimate_set(weight, s.reps, s.rpe, s.rir, "epley")
        if first is None:
            continue
        for formula in FORMULAS:
            estimate = first if first.from_rpe else estimate_set(weight, s.reps, s.rpe, s.rir, formula)
            if estimate is None:
                continue
            key = (estimate.reliable, estimate.kg)
            if formula not in best or key > best[formula][0]:
                best[formula] = (key, s)
    return {formula: s for formula, (_, s) in best.items()}


def _candidates(counted: Sequence[LoggedSet]) -> list[LoggedSet]:
    """The sets that can hold a session's best estimate, in their order: every set with an effort
    (the RPE chart rates it), and of the others only the first of the heaviest for each rep count,
    since every formula grows with the load at a given number of reps."""
    heaviest: dict[int, LoggedSet] = {}
    for s in counted:
        if s.load_kg is None or not s.reps or s.rpe is not None or s.rir is not None:
            continue
        top = heaviest.get(s.reps)
        if top is None or top.load_kg is None or s.load_kg > top.load_kg:
            heaviest[s.reps] = s
    kept = {id(s) for s in heaviest.values()}
    return [
        s
        for s in counted
        if s.load_kg is not None and s.reps and (id(s) in kept or s.rpe is not None or s.rir is not None)
    ]


def merged_rep_maxes(summaries: Iterable[SessionSummary], limit: int = REP_MAX_LIMIT) -> list[RepMax]:
    """The rep maxes table of a whole history from its sessions' own tables, as `rep_maxes` gives it."""
    best: dict[int, RepMax] = {}
    for s in sorted(summaries, key=lambda s: (s.day, s.workout_id)):
        for reps, (load, done) in s.rep_loads.items():
            if reps <= limit and (reps not in best or load > best[reps].load_kg):
                best[reps] = RepMax(reps, load, done, s.day, s.workout_id)
    return [best[r] for r in sorted(best)]

"""5/3/1: loads are percentages of a training max (90 % of the 1RM) that rises once per cycle.

At the end of each cycle (the program's last week) the training max goes up by the increment,
unless a "+" set fell short of its reps during the cycle: then it goes down 10 %. A training max
worked out from a 1RM is rounded down to a loadable weight, as Wendler's book does.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Final

from repbook.core.program import Rule, SetGroup
from repbook.core.progression.loads import percent_group, planned
from repbook.core.progression.model import Context, Plan, Session, State
from repbook.core.progression.sessions import main_pairs, set_e1rm
from repbook.core.units import format_weight

TM_SHARE: Final = Decimal("0.9")
MISSED_CUT: Final = Decimal("0.9")


def start(rule: Rule, groups: tuple[SetGroup, ...], ctx: Context) -> State:
    if ctx.best is None:
        return State(
            why="no training max yet: do the first session with weights you choose, or set it by hand"
        )
    tm = ctx.loading.at_most(ctx.best.e1rm_kg * TM_SHARE)
    best = ctx.best
    why = (
        f"training max {format_weight(tm, ctx.unit)}: 90 % of your estimated 1RM "
        f"{format_weight(best.e1rm_kg, ctx.unit)} ({format_weight(best.weight_kg, ctx.unit)} × {best.reps})"
    )
    return State(training_max_kg=tm, why=why)


def advance(rule: Rule, state: State, session: Session, ctx: Context) -> State:
    pairs = main_pairs(session)
    tm = state.training_max_kg
    unit = ctx.unit
    if tm is None:
        estimate = _from_session(session)
        if estimate is None:
            return replace(state, sessions=state.sessions + 1)
        tm = ctx.loading.at_most(estimate)
        why = f"training max {format_weight(tm, unit)}: 90 % of the 1RM your sets estimate"
        return replace(state, training_max_kg=tm, why=why, sessions=state.sessions + 1)
    missed = state.missed_amrap or any(
        t.amrap and s is not None and (s.reps or 0) < (t.reps_min or 0) for t, s in pairs
    )
    common = {"sessions": state.sessions + 1, "pain": False, "by_hand": False}
    if not session.last_week:
        why = f"training max {format_weight(tm, unit)}" + (
            " (a + set fell short this cycle)" if missed else ""
        )
        return replace(state, training_max_kg=tm, missed_amrap=missed, why=why, **common)  # type: ignore[arg-type]
    new = ctx.loading.at_most(tm * MISSED_CUT) if missed else tm + ctx.increment_kg
    change = f"training max {format_weight(tm, unit)} → {format_weight(new, unit)}"
    if missed:
        why = f"cycle done, but a + set fell short of its reps: {change} (−10 %)"
    else:
        why = f"cycle done, every + set made its reps: {change}"
    return replace(state, training_max_kg=new, missed_amrap=False, why=why, **common)  # type: ignore[arg-type]


def plan(rule: Rule, state: State, groups: tuple[SetGroup, ...], ctx: Context) -> Plan:
    out = [
        percent_group(g, state, ctx) if g.load.kind in ("pct_tm", "pct_1rm", "rpe") else planned(g, None)
        for g in groups
    ]
    return Plan(tuple(out), state.why)


def _from_session(session: Session) -> Decimal | None:
    """90 % of the best 1RM the session's sets estimate."""
    best = max(filter(None, (set_e1rm(s) for s in session.sets)), default=None)
    return best * TM_SHARE if best else None

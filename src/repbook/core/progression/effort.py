"""RPE-based loads from the current estimated 1RM, and fixed prescriptions that do not progress."""

from __future__ import annotations

from dataclasses import replace

from repbook.core.program import Rule, SetGroup
from repbook.core.progression.common import moved
from repbook.core.progression.loads import given_load, percent_group, planned, weight_plan
from repbook.core.progression.model import Context, Plan, Session, State
from repbook.core.progression.sessions import done_main, performed_load, set_e1rm
from repbook.core.units import format_weight, plain


def start(rule: Rule, groups: tuple[SetGroup, ...], ctx: Context) -> State:
    if ctx.best is None:
        return State(why="no estimated 1RM yet: choose the weights; Repbook estimates it from what you log")
    why = (
        f"estimated 1RM {format_weight(ctx.best.e1rm_kg, ctx.unit)} from "
        f"{format_weight(ctx.best.weight_kg, ctx.unit)} × {ctx.best.reps}"
    )
    return State(e1rm_kg=ctx.best.e1rm_kg, why=why)


def advance(rule: Rule, state: State, session: Session, ctx: Context) -> State:
    """Re-estimate the 1RM from the session's best set (using its RPE when logged)."""
    best = max(((set_e1rm(s), s) for s in done_main(session)), key=lambda pair: pair[0] or 0, default=None)
    if best is None or best[0] is None:
        return replace(state, sessions=state.sessions + 1, pain=False, by_hand=False)
    e1rm, top = best
    rpe = f" @ RPE {plain(top.rpe)}" if top.rpe is not None else ""
    why = (
        f"estimated 1RM {format_weight(e1rm, ctx.unit)} from {format_weight(top.weight_kg, ctx.unit)} "
        f"× {top.reps}{rpe} last time"
    )
    return replace(state, e1rm_kg=e1rm, why=why, sessions=state.sessions + 1, pain=False, by_hand=False)


def plan(rule: Rule, state: State, groups: tuple[SetGroup, ...], ctx: Context) -> Plan:
    out = [
        percent_group(g, state, ctx) if g.load.kind in ("rpe", "pct_1rm", "pct_tm") else planned(g, None)
        for g in groups
    ]
    return Plan(tuple(out), state.why)


def start_fixed(rule: Rule, groups: tuple[SetGroup, ...], ctx: Context) -> State:
    given = given_load(groups)
    e1rm = ctx.best.e1rm_kg if ctx.best else None
    return State(load_kg=given, e1rm_kg=e1rm, why="as the program sets it" if given else "")


def advance_fixed(rule: Rule, state: State, session: Session, ctx: Context) -> State:
    """Nothing progresses; the load of the day is remembered so an unloaded line repeats it."""
    performed = performed_load(done_main(session))
    if performed is None:
        return replace(state, sessions=state.sessions + 1)
    return moved(state, performed, performed, 0, "the same as last time: this exercise does not progress")


def plan_fixed(rule: Rule, state: State, groups: tuple[SetGroup, ...], ctx: Context) -> Plan:
    if any(g.load.kind in ("rpe", "pct_1rm", "pct_tm") for g in groups):
        return plan(rule, state, groups, ctx)
    return weight_plan(state, groups, ctx)

"""Double progression: add reps inside the range at one load; when every set reaches the top, add load.

For a bodyweight exercise the load is what is added to the body, so reaching the top of the range
with body weight alone means: start adding weight (hold a plate) with the smallest step there is.
"""

from __future__ import annotations

from decimal import Decimal

from repbook.core.program import Rule, SetGroup
from repbook.core.progression.common import deloaded, exact_base, moved
from repbook.core.progression.loads import weight_plan, working_groups
from repbook.core.progression.model import Context, Plan, Session, State
from repbook.core.progression.sessions import (
    at_weight,
    done_main,
    main_pairs,
    performed_load,
    reps_done,
    weight_words,
)
from repbook.core.units import format_weight

#: Two sessions in a row below the range mean the load is too heavy: take this much off.
TOO_HEAVY_CUT = Decimal("0.9")


def advance(rule: Rule, state: State, session: Session, ctx: Context) -> State:
    """Judge a session against the range: all at the top → more load; all below the bottom twice → less."""
    pairs = main_pairs(session)
    done = done_main(session)
    performed = performed_load(done) or Decimal(0)
    base = exact_base(state, performed)
    low, high = _range(session.groups)
    said = f"last time {reps_done(done)} {at_weight(performed, ctx)}"
    if pairs and all(s is not None and (s.reps or 0) >= high for _, s in pairs):
        why = f"{said}, the top of {low}–{high} on every set"
        step = ctx.increment_kg
        if ctx.bodyweight and not performed:
            why += ": time to add weight (hold a plate or wear a belt)"
            if ctx.first_added_kg:
                step = ctx.first_added_kg
                why += f", {format_weight(step, ctx.unit)} to start as the exercise's page suggests"
        return moved(state, performed, base + step, +1, why, failures=0)
    if done and all((s.reps or 0) < low for s in done):
        failures = state.failures + 1
        if failures >= 2:
            why = f"{said}: below {low} reps two sessions running, so 10 % lighter"
            return moved(state, performed, deloaded(performed, TOO_HEAVY_CUT, ctx), -1, why, failures=0)
        stay = weight_words(performed, ctx)
        why = f"{said}, below {low}–{high}: stay at {stay}; if it happens again, 10 % lighter"
        return moved(state, performed, base, 0, why, failures=failures)
    why = f"{said}: stay at {weight_words(performed, ctx)} and add reps until every set reaches {high}"
    return moved(state, performed, base, 0, why, failures=0)


def plan(rule: Rule, state: State, groups: tuple[SetGroup, ...], ctx: Context) -> Plan:
    low, high = _range(groups)
    reps = str(low) if state.direction > 0 else f"{low}–{high}"
    return weight_plan(state, groups, ctx, reps_said=reps)


def _range(groups: tuple[SetGroup, ...]) -> tuple[int, int]:
    main = working_groups(groups) or list(groups)
    return main[0].reps_min or 1, main[0].reps_max or main[0].reps_min or 1

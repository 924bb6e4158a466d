"""GZCLP tiers: heavy T1 (5×3+ → 6×2+ → 10×1+), T2 volume (3×10 → 3×8 → 3×6), T3 pump work (3×15+).

T1 and T2 add weight after a session with every rep and move to the next stage at the same weight
after a miss; a miss at the last stage starts over at the first stage with 85 % of the weight.
T3 adds weight once the last set reaches 25 reps.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Final

from repbook.core.program import Rule, SetGroup
from repbook.core.progression.common import exact_base, moved
from repbook.core.progression.loads import starting_state, weight_plan
from repbook.core.progression.model import Context, Plan, Session, State
from repbook.core.progression.sessions import at_weight, performed_load, reps_done, weight_words

#: tier -> stages of (sets, reps); the last set of T1 and T3 is "as many as possible".
STAGES: Final[dict[int, tuple[tuple[int, int], ...]]] = {
    1: ((5, 3), (6, 2), (10, 1)),
    2: ((3, 10), (3, 8), (3, 6)),
    3: ((3, 15),),
}
T3_ADD_AT: Final = 25
RESTART_SHARE: Final = Decimal("0.85")


def start(rule: Rule, groups: tuple[SetGroup, ...], ctx: Context) -> State:
    return starting_state(_staged(rule, groups, 0), ctx)


def advance(rule: Rule, state: State, session: Session, ctx: Context) -> State:
    tier = rule.tier or 1
    stages = STAGES[tier]
    sets, reps = stages[min(state.stage, len(stages) - 1)]
    done = [s for s in session.sets if s.set_type != "warmup"][:sets]
    performed = performed_load(done) or Decimal(0)
    base = exact_base(state, performed)
    said = f"last time {reps_done(done)} {at_weight(performed, ctx)}"
    if tier == 3:
        last = done[-1].reps or 0 if done else 0
        if len(done) >= sets and last >= T3_ADD_AT:
            return moved(
                state, performed, base + ctx.increment_kg, +1, f"{said}: the last set reached {T3_ADD_AT}"
            )
        why = f"{said}: add weight once the last set reaches {T3_ADD_AT} reps"
        return moved(state, performed, base, 0, why)
    if len(done) >= sets and all((s.reps or 0) >= reps for s in done):
        return moved(state, performed, base + ctx.increment_kg, +1, f"{said}, every rep of {sets} × {reps}")
    if state.stage + 1 < len(stages):
        next_sets, next_reps = stages[state.stage + 1]
        why = (
            f"{said}, short of {sets} × {reps}: next stage, {next_sets} × {next_reps} "
            f"at the same {weight_words(performed, ctx)}"
        )
        return moved(state, performed, base, 0, why, stage=state.stage + 1)
    first_sets, first_reps = stages[0]
    why = (
        f"{said}, short of {sets} × {reps} at the last stage: "
        f"start again at {first_sets} × {first_reps} with 85 %"
    )
    return moved(state, performed, base * RESTART_SHARE, -1, why, stage=0)


def plan(rule: Rule, state: State, groups: tuple[SetGroup, ...], ctx: Context) -> Plan:
    return weight_plan(state, _staged(rule, groups, state.stage), ctx)


def _staged(rule: Rule, groups: tuple[SetGroup, ...], stage: int) -> tuple[SetGroup, ...]:
    """The day's working group rewritten to the tier's current stage."""
    stages = STAGES[rule.tier or 1]
    sets, reps = stages[min(stage, len(stages) - 1)]
    amrap = rule.tier in (1, 3)
    return tuple(
        replace(g, sets=sets, reps_min=reps, reps_max=reps, seconds=None, amrap=amrap)
        if g.set_type == "working"
        else g
        for g in groups
    )

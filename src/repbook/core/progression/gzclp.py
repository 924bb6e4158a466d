"""GZCLP tiers: heavy T1 (5×3+ → 6×2+ → 10×1+), T2 volume (3×10 → 3×8 → 3×6), T3 pump work (3×15+).

The rules follow Cody Lefever's GZCLP (the GZCL method's linear progression for beginners):
- T1 and T2 add weight after a session with every rep and move to the next stage at the same
  weight after a miss;
- a miss at T1's last stage (10×1) is followed by a session that tests a new 5-rep max; 5×3
  starts again at 85 % of it;
- a miss at T2's last stage (3×6) goes back to 3×10 at the last 3×10 load plus 7.5 kg on presses,
  10 kg on squats and deadlifts (the source says 15–20 lb, that is 7.5–10 kg; Repbook takes twice
  the lift's increment, at least 7.5 kg);
- T3 adds weight once the last set reaches 25 reps;
- starting loads from the user's history: T1 at about 85 % of the 5-rep max, T2 at about 65 %.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Final

from repbook.core.program import Rule, SetGroup
from repbook.core.progression.common import exact_base, moved
from repbook.core.progression.loads import starting_state, weight_plan
from repbook.core.progression.model import Context, DoneSet, Plan, Session, State
from repbook.core.progression.sessions import at_weight, performed_load, reps_done, set_e1rm, weight_words
from repbook.core.units import format_weight

#: tier -> stages of (sets, reps); the last set of T1 and T3 is "as many as possible".
STAGES: Final[dict[int, tuple[tuple[int, int], ...]]] = {
    1: ((5, 3), (6, 2), (10, 1)),
    2: ((3, 10), (3, 8), (3, 6)),
    3: ((3, 15),),
}
#: T1's stage after a miss at 10×1: one session working up to a new 5-rep max.
T1_TEST: Final = 3
T3_ADD_AT: Final = 25
#: Share of the 5-rep max each tier starts at (and T1 restarts at after the test).
START_SHARE: Final = {1: Decimal("0.85"), 2: Decimal("0.65")}
T2_RESET_MIN: Final = Decimal("7.5")


def start(rule: Rule, groups: tuple[SetGroup, ...], ctx: Context) -> State:
    tier = rule.tier or 1
    state = starting_state(_staged(rule, groups, 0), ctx)
    if ctx.best is None or ctx.bodyweight or tier not in START_SHARE:
        return state
    five = five_rep_max(ctx.best.weight_kg, ctx.best.reps, ctx.best.e1rm_kg)
    share = START_SHARE[tier]
    why = (
        f"your 5-rep max is about {format_weight(five, ctx.unit)} "
        f"(from {format_weight(ctx.best.weight_kg, ctx.unit)} × {ctx.best.reps}): "
        f"T{tier} starts at {int(share * 100)} % of it"
    )
    return State(load_kg=five * share, why=why)


def five_rep_max(weight_kg: Decimal, reps: int, e1rm_kg: Decimal) -> Decimal:
    """A set of five is the 5-rep max itself; other sets go through the 1RM (Epley, inverted)."""
    if reps == 5:
        return weight_kg
    return e1rm_kg / (1 + Decimal(5) / 30)


def advance(rule: Rule, state: State, session: Session, ctx: Context) -> State:
    tier = rule.tier or 1
    if tier == 1 and state.stage == T1_TEST:
        return _after_test(state, session, ctx)
    stages = STAGES[tier]
    sets, reps = stages[min(state.stage, len(stages) - 1)]
    shown = sum(g.sets for g in session.groups if g.set_type == "working") or sets
    done = [s for s in session.sets if s.set_type != "warmup"][:shown]
    performed = performed_load(done) or Decimal(0)
    base = exact_base(state, performed)
    said = f"last time {reps_done(done)} {at_weight(performed, ctx)}"
    if tier == 2 and state.stage == 0:
        state = replace(state, stage_one_kg=performed)
    if tier == 3:
        last = done[-1].reps or 0 if done else 0
        if len(done) >= shown and last >= T3_ADD_AT:
            return moved(
                state, performed, base + ctx.increment_kg, +1, f"{said}: the last set reached {T3_ADD_AT}"
            )
        why = f"{said}: add weight once the last set reaches {T3_ADD_AT} reps"
        return moved(state, performed, base, 0, why)
    if len(done) >= shown and all((s.reps or 0) >= reps for s in done):
        return moved(state, performed, base + ctx.increment_kg, +1, f"{said}, every rep of {shown} × {reps}")
    if state.stage + 1 < len(stages):
        next_sets, next_reps = stages[state.stage + 1]
        why = (
            f"{said}, short of {shown} × {reps}: next stage, {next_sets} × {next_reps} "
            f"at the same {weight_words(performed, ctx)}"
        )
        return moved(state, performed, base, 0, why, stage=state.stage + 1)
    if tier == 1:
        why = (
            f"{said}, short of {sets} × {reps} at the last stage: test a new 5-rep max "
            "(work up to the heaviest clean 5), then 5 × 3 at 85 % of it"
        )
        return replace(moved(state, performed, base, 0, why, stage=T1_TEST), load_kg=None, last_kg=None)
    last_ten = state.stage_one_kg if state.stage_one_kg is not None else performed
    step = max(T2_RESET_MIN, 2 * ctx.increment_kg)
    why = (
        f"{said}, short of {sets} × {reps} at the last stage: back to 3 × 10 at your last 3 × 10 "
        f"weight, {weight_words(last_ten, ctx)}, + {format_weight(step, ctx.unit)}"
    )
    return replace(moved(state, performed, last_ten + step, +1, why, stage=0), last_kg=None)


def _after_test(state: State, session: Session, ctx: Context) -> State:
    """The session after the 5-rep max test: 5×3 again at 85 % of what the test found."""
    done = [s for s in session.sets if s.set_type != "warmup" and s.weight_kg]
    five = _tested_five(done)
    if five is None:
        return replace(
            state, sessions=state.sessions + 1, why="no set to read a 5-rep max from: test it again"
        )
    words = format_weight(five, ctx.unit)
    why = f"new 5-rep max {words}: 5 × 3 again at 85 % of it"
    load = five * START_SHARE[1]
    return replace(moved(state, five, load, -1, why, stage=0), last_kg=None)


def _tested_five(done: list[DoneSet]) -> Decimal | None:
    """The heaviest set of at least five reps; without one, five reps estimated from the best set."""
    fives = [s.weight_kg for s in done if s.weight_kg and (s.reps or 0) >= 5]
    if fives:
        return max(fives)
    estimates = [e for e in (set_e1rm(s) for s in done) if e]
    return five_rep_max(Decimal(0), 0, max(estimates)) if estimates else None


def plan(rule: Rule, state: State, groups: tuple[SetGroup, ...], ctx: Context) -> Plan:
    return weight_plan(state, _staged(rule, groups, state.stage), ctx)


def _staged(rule: Rule, groups: tuple[SetGroup, ...], stage: int) -> tuple[SetGroup, ...]:
    """The day's working group rewritten to the tier's current stage (or T1's 5-rep max test)."""
    if (rule.tier or 1) == 1 and stage == T1_TEST:
        sets, reps, amrap = 1, 5, False
    else:
        stages = STAGES[rule.tier or 1]
        sets, reps = stages[min(stage, len(stages) - 1)]
        amrap = rule.tier in (1, 3)
    return tuple(
        replace(g, sets=sets, reps_min=reps, reps_max=reps, seconds=None, amrap=amrap)
        if g.set_type == "working"
        else g
        for g in groups
    )

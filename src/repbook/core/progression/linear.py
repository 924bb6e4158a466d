"""Linear progression (add the increment after every session with all reps; deload after N failures)
and its AMRAP-driven cousin (the more reps on the last set, the bigger the jump)."""

from __future__ import annotations

from decimal import Decimal

from repbook.core.program import Rule, SetGroup
from repbook.core.progression.common import deloaded, exact_base, moved, plural, sessions_word
from repbook.core.progression.loads import weight_plan
from repbook.core.progression.model import Context, Plan, Session, State
from repbook.core.progression.sessions import (
    at_weight,
    done_main,
    main_pairs,
    performed_load,
    reps_done,
    weight_words,
)
from repbook.core.units import format_weight, plain


def plan(rule: Rule, state: State, groups: tuple[SetGroup, ...], ctx: Context) -> Plan:
    return weight_plan(state, groups, ctx)


def advance(rule: Rule, state: State, session: Session, ctx: Context) -> State:
    """Every prescribed rep done → load + increment; else count a failure and deload after N of them."""
    done = done_main(session)
    performed = performed_load(done) or Decimal(0)
    if _all_reps(session):
        why = f"last time {reps_done(done)} {at_weight(performed, ctx)}, every rep"
        base = exact_base(state, performed)
        return moved(state, performed, base + ctx.increment_kg, +1, why, failures=0)
    return failed(rule, state, session, ctx)


def advance_amrap(rule: Rule, state: State, session: Session, ctx: Context) -> State:
    """Like linear, but the reps beyond the target on the last (AMRAP) set size the jump: 1, 2 or 3 steps."""
    pairs = main_pairs(session)
    last = next(((t, s) for t, s in reversed(pairs) if t.amrap), None)
    if last is None or last[1] is None or not _all_reps(session):
        return advance(rule, state, session, ctx) if last is None else failed(rule, state, session, ctx)
    target, done_set = last
    assert done_set is not None  # checked above
    extra = (done_set.reps or 0) - (target.reps_min or 0)
    steps = 1 if extra <= 1 else 2 if extra <= 4 else 3
    done = done_main(session)
    performed = performed_load(done) or Decimal(0)
    step = format_weight(ctx.increment_kg, ctx.unit)
    why = (
        f"last time {reps_done(done)} {at_weight(performed, ctx)}: the last set went "
        f"{plural(extra, 'rep')} past {target.reps_min}, so {steps} × {step}"
    )
    base = exact_base(state, performed)
    return moved(state, performed, base + steps * ctx.increment_kg, +1, why, failures=0)


def failed(rule: Rule, state: State, session: Session, ctx: Context) -> State:
    """A failed session: hold the load, or deload by the rule's percentage after enough failures."""
    done = done_main(session)
    performed = performed_load(done) or Decimal(0)
    same_weight = state.last_kg == performed or state.failures == 0
    failures = state.failures + 1 if same_weight else 1
    weight = weight_words(performed, ctx)
    if failures >= rule.deload_after:
        load = deloaded(performed, Decimal(100 - rule.deload_percent) / 100, ctx)
        why = f"{plural(failures, 'failed session')} at {weight}: deload {rule.deload_percent} %"
        return moved(state, performed, load, -1, why, failures=0)
    left = rule.deload_after - failures
    why = (
        f"last time {reps_done(done)} {at_weight(performed, ctx)}, short of {_wanted(session)}: "
        f"{plural(failures, 'failed session')} at {weight}; {sessions_word(left)} more and the weight "
        f"drops {plain(Decimal(rule.deload_percent))} %"
    )
    return moved(state, performed, exact_base(state, performed), 0, why, failures=failures)


def _all_reps(session: Session) -> bool:
    pairs = main_pairs(session)
    return bool(pairs) and all(s is not None and (s.reps or 0) >= (t.reps_min or 0) for t, s in pairs)


def _wanted(session: Session) -> str:
    targets = [t for t, _ in main_pairs(session)]
    reps = {t.reps_min for t in targets}
    if len(reps) == 1:
        return f"{len(targets)} × {reps.pop()}"
    return ", ".join(str(t.reps_min) for t in targets)

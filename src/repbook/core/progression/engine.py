"""Replay a prescription's sessions through its rule and plan the next one.

The rule's state is rebuilt from the sessions each time, so editing or deleting a logged set
changes what comes next; nothing goes stale. On top of every rule sit the same coaching rules:
a new exercise starts with fewer sets, pain backs the load off, and a load set by hand is used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Final

from repbook.core.guidance.pain import PAIN_CAUTION
from repbook.core.program import Rule, RuleName, SetGroup
from repbook.core.progression import double, effort, gzclp, linear, loads, wave
from repbook.core.progression.model import Context, Override, Plan, Session, State
from repbook.core.progression.sessions import done_main, main_pairs, performed_load, weight_words
from repbook.core.units import format_weight, to_kg

#: After pain, come back this much lighter and with one set fewer.
PAIN_SHARE: Final = Decimal("0.8")
#: A brand-new exercise starts with at most this many working sets.
FIRST_TIME_SETS: Final = 2

Start = Callable[[Rule, tuple[SetGroup, ...], Context], State]
Advance = Callable[[Rule, State, Session, Context], State]
Planner = Callable[[Rule, State, tuple[SetGroup, ...], Context], Plan]


@dataclass(frozen=True, slots=True)
class RuleLogic:
    start: Start
    advance: Advance
    plan: Planner


RULES: Final[dict[RuleName, RuleLogic]] = {
    "double": RuleLogic(loads.start, double.advance, double.plan),
    "linear": RuleLogic(loads.start, linear.advance, linear.plan),
    "amrap": RuleLogic(loads.start, linear.advance_amrap, linear.plan),
    "gzclp": RuleLogic(gzclp.start, gzclp.advance, gzclp.plan),
    "531": RuleLogic(wave.start, wave.advance, wave.plan),
    "rpe": RuleLogic(effort.start, effort.advance, effort.plan),
    "fixed": RuleLogic(effort.start_fixed, effort.advance_fixed, effort.plan_fixed),
}


def replay(
    rule: Rule,
    sessions: Sequence[Session],
    groups: tuple[SetGroup, ...],
    ctx: Context,
    override: Override | None = None,
) -> tuple[State, Plan]:
    """The state after `sessions` (oldest first) and the plan for the next session's `groups`."""
    logic = RULES[rule.name]
    if rule.increment is not None:
        ctx = replace(ctx, increment_kg=to_kg(rule.increment, rule.increment_unit))
    state = logic.start(rule, sessions[0].groups if sessions else groups, ctx)
    for index, session in enumerate(sessions):
        state = _by_hand(state, override, index, ctx)
        shown = next_plan(rule, state, session.groups, ctx)
        first_time = ctx.new_exercise and state.sessions == 0
        back_from_pain = state.pain
        state = replace(state, shown_kg=shown.main_load_kg)
        judged = _as_shown(session, shown)
        if any(s.pain for s in session.sets):
            state = _after_pain(state, judged, ctx)
        else:
            before, state = state, logic.advance(rule, state, judged, ctx)
            if first_time or back_from_pain:
                words = "back after pain" if back_from_pain else "first session done"
                state = _never_a_failure(before, state, judged, ctx, words)
            if back_from_pain and state.direction > 0:
                state = _settle_in(state, ctx, "back after pain")
    state = _by_hand(state, override, len(sessions), ctx)
    return state, next_plan(rule, state, groups, ctx)


def next_plan(rule: Rule, state: State, groups: tuple[SetGroup, ...], ctx: Context) -> Plan:
    """The rule's plan with the coaching rules applied: first time light, after pain lighter."""
    plan = RULES[rule.name].plan(rule, state, groups, ctx)
    if state.pain:
        return _back_off(plan, state, ctx)
    if ctx.new_exercise and state.sessions == 0:
        return _first_time(plan)
    return plan


def _as_shown(session: Session, shown: Plan) -> Session:
    """The session judged against what was shown for it (fewer sets the first time or after pain)."""
    groups = tuple(
        replace(g, sets=p.sets, reps_min=p.reps_min, reps_max=p.reps_max, seconds=p.seconds, amrap=p.amrap)
        for g, p in zip(session.groups, shown.groups, strict=False)
    )
    return replace(session, groups=groups)


def _never_a_failure(before: State, after: State, session: Session, ctx: Context, words: str) -> State:
    """A session Repbook itself cut short (first time, after pain) can move a rule on, never back.

    The rule judges it against the sets it showed: with every target met, whatever the rule does
    stands (the load goes up as usual); short of one, the load holds and nothing a failure would
    set off happens — no failure counted, no deload, no new stage, no training max cut — and the
    next session simply has every set again.
    """
    if _every_target_met(session) or (after.direction > 0 and not _set_back(before, after)):
        return after
    performed = performed_load(done_main(session))
    chosen = performed is not None and (before.load_kg is None or performed != before.shown_kg)
    held = performed if chosen else before.load_kg
    why = f"{words}: this time every set, still at {weight_words(after.last_kg, ctx)}"
    return replace(
        after,
        load_kg=held,
        direction=0,
        failures=before.failures,
        stage=before.stage,
        missed_amrap=before.missed_amrap,
        training_max_kg=before.training_max_kg or after.training_max_kg,
        why=why,
    )


def _every_target_met(session: Session) -> bool:
    """Every working set shown was done with at least its reps (or seconds)."""
    pairs = main_pairs(session)
    return bool(pairs) and all(
        s is not None and ((s.seconds or 0) >= t.seconds if t.seconds else (s.reps or 0) >= (t.reps_min or 0))
        for t, s in pairs
    )


def _set_back(before: State, after: State) -> bool:
    """Did the rule react to the session as to a failure?"""
    return (
        after.direction < 0
        or after.failures > before.failures
        or after.stage != before.stage
        or (after.missed_amrap and not before.missed_amrap)
        or (after.training_max_kg or 0) < (before.training_max_kg or 0)
    )


def _settle_in(state: State, ctx: Context, after: str) -> State:
    """After a first (or after-pain) session, volume comes back before load: every set, same weight."""
    why = f"{after}: this time every set, still at {weight_words(state.last_kg, ctx)}"
    return replace(state, load_kg=state.last_kg, direction=0, why=why)


def _by_hand(state: State, override: Override | None, index: int, ctx: Context) -> State:
    if override is None or override.after != index:
        return state
    if override.training_max_kg is not None:
        why = f"training max {format_weight(override.training_max_kg, ctx.unit)}, set by hand"
        return replace(state, training_max_kg=override.training_max_kg, why=why, by_hand=True)
    if override.load_kg is not None:
        why = f"{weight_words(override.load_kg, ctx)}, set by hand"
        return replace(state, load_kg=override.load_kg, direction=0, last_kg=None, why=why, by_hand=True)
    return state


def _after_pain(state: State, session: Session, ctx: Context) -> State:
    """A session that hurt does not move the rule on; the next plan backs off (see `_back_off`)."""
    performed = performed_load(done_main(session))
    base = performed if performed is not None else state.load_kg
    when = f" on {session.on.isoformat()}" if session.on else ""
    return replace(
        state,
        load_kg=base * PAIN_SHARE if base is not None else None,
        last_kg=performed,
        direction=-1,
        sessions=state.sessions + 1,
        pain=True,
        why=f"you reported pain{when}: 20 % lighter and one set fewer",
    )


def _back_off(plan: Plan, state: State, ctx: Context) -> Plan:
    """One set fewer after pain; loads the rule does not hold itself (percentages) 20 % lighter too."""
    groups = []
    for group in plan.groups:
        if group.set_type != "working":
            groups.append(group)
            continue
        load = group.load_kg
        if load and state.load_kg is None:
            load = min(ctx.loading.nearest(load * PAIN_SHARE), ctx.loading.below(load))
        groups.append(replace(group, sets=max(1, group.sets - 1), load_kg=load, reason="after pain: lighter"))
    return Plan(tuple(groups), plan.reason, PAIN_CAUTION)


def _first_time(plan: Plan) -> Plan:
    groups = tuple(
        replace(g, sets=min(g.sets, FIRST_TIME_SETS)) if g.set_type == "working" else g for g in plan.groups
    )
    if groups == plan.groups:
        return plan
    return Plan(
        groups, f"first time: {FIRST_TIME_SETS} sets to learn the movement; {plan.reason}", plan.caution
    )

"""Loads shared by every rule: where a new exercise starts, and a plan's groups from a working load."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Final

from repbook.core.program import Rule, SetGroup
from repbook.core.progression.model import Context, Plan, PlannedGroup, State
from repbook.core.progression.sessions import reps_words, weight_words
from repbook.core.rpe import percent_of_1rm
from repbook.core.units import format_weight, plain, to_kg

#: A new exercise starts with about three reps left in the tank.
START_RPE: Final = Decimal(7)
WARMUP_SHARE: Final = Decimal("0.5")
BACKOFF_SHARE: Final = Decimal("0.8")


def working_groups(groups: tuple[SetGroup, ...]) -> list[SetGroup]:
    return [g for g in groups if g.set_type == "working"]


def given_load(groups: tuple[SetGroup, ...]) -> Decimal | None:
    """The program's own starting weight (or added load), in kg, if it gives one."""
    for group in working_groups(groups):
        if group.load.kind in ("weight", "added") and group.load.value is not None:
            return to_kg(group.load.value, group.load.unit)
    return None


def light_load(e1rm_kg: Decimal, reps: int) -> Decimal:
    """A load for `reps` with about three in reserve (RPE 7), from an estimated 1RM."""
    percent = percent_of_1rm(reps, START_RPE)
    share = Decimal(str(percent)) / 100 if percent else 1 / (1 + Decimal(reps + 3) / 30)
    return e1rm_kg * share


def starting_state(groups: tuple[SetGroup, ...], ctx: Context) -> State:
    """Where a weight rule starts: the program's weight (or a heavier light load from history), a light
    load from history, the empty bar, or unset (the user picks)."""
    given = given_load(groups)
    main = working_groups(groups)
    reps = (main[0].reps_min or 5) if main else 5
    from_history = light_load(ctx.best.e1rm_kg, reps) if ctx.best and not ctx.bodyweight else None
    if given is not None and (from_history is None or from_history <= given):
        return State(load_kg=given, why="the program's starting weight")
    if ctx.best is not None and from_history is not None:
        best = ctx.best
        load = from_history
        when = f" on {best.on.isoformat()}" if best.on else ""
        why = (
            f"your best recent set, {format_weight(best.weight_kg, ctx.unit)} × {best.reps}{when}, "
            f"estimates a 1RM of {format_weight(best.e1rm_kg, ctx.unit)}; start with {reps} reps "
            "and about 3 in reserve"
        )
        return State(load_kg=load, why=why)
    if ctx.bodyweight:
        return State(load_kg=Decimal(0), why="start with body weight alone")
    if ctx.loading.kind == "barbell":
        return State(
            load_kg=ctx.loading.base_kg, why="new exercise: start with the empty bar, add weight each time"
        )
    return State(
        why=f"new exercise: pick a light weight you could lift {reps + 3} times; Repbook goes on from it"
    )


def start(rule: Rule, groups: tuple[SetGroup, ...], ctx: Context) -> State:
    """The start of the plain weight rules (double, linear, amrap)."""
    return starting_state(groups, ctx)


def shown_load(state: State, ctx: Context) -> Decimal | None:
    """The rule's exact load rounded to a loadable weight, in the rule's direction."""
    if state.load_kg is None:
        return None
    if state.by_hand:  # the user's own number, as typed, even if the usual steps do not reach it
        return state.load_kg
    return ctx.loading.towards(state.load_kg, state.last_kg, state.direction)


def planned(group: SetGroup, load_kg: Decimal | None, reason: str = "", **changes: object) -> PlannedGroup:
    base = PlannedGroup(
        sets=group.sets,
        reps_min=group.reps_min,
        reps_max=group.reps_max,
        seconds=group.seconds,
        amrap=group.amrap,
        set_type=group.set_type,
        load_kg=load_kg,
        rpe=group.load.value if group.load.kind == "rpe" else None,
        reason=reason,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def weight_plan(
    state: State, groups: tuple[SetGroup, ...], ctx: Context, reps_said: str | None = None
) -> Plan:
    """A plan where every working set uses the rule's load; warm-ups and back-offs are shares of it.

    `reps_said` is the rep target named in the reason (default: the first working group's).
    """
    load = shown_load(state, ctx)
    out = []
    for group in groups:
        if group.load.kind in ("pct_1rm", "pct_tm", "rpe"):
            out.append(percent_group(group, state, ctx))
        elif group.set_type == "warmup" or (group.set_type == "backoff" and group.load.kind == "none"):
            share = WARMUP_SHARE if group.set_type == "warmup" else BACKOFF_SHARE
            light = ctx.loading.nearest(load * share) if load else None
            words = "warm-up" if group.set_type == "warmup" else "back-off"
            out.append(planned(group, light, f"{words}: about {plain(share * 100)} % of the working weight"))
        else:
            out.append(planned(group, load))
    main = working_groups(groups)
    reps = reps_said or (
        reps_words(main[0].reps_min, main[0].reps_max, main[0].seconds, main[0].amrap) if main else ""
    )
    target = f"{weight_words(load, ctx)} × {reps}"
    reason = f"{state.why} → {target}" if state.why else target
    return Plan(tuple(out), reason)


def percent_group(group: SetGroup, state: State, ctx: Context) -> PlannedGroup:
    """A group loaded as % of 1RM, % of training max, or by RPE, with the arithmetic in words."""
    value = group.load.value or Decimal(0)
    reps = group.reps_min or 1
    if group.load.kind == "pct_tm":
        base, name = state.training_max_kg, "training max"
        share: Decimal | None = value / 100
        said = f"{plain(value)} % of your training max"
    elif group.load.kind == "pct_1rm":
        base, name = state.e1rm_kg or (ctx.best.e1rm_kg if ctx.best else None), "estimated 1RM"
        share, said = value / 100, f"{plain(value)} % of your estimated 1RM"
    else:
        base, name = state.e1rm_kg or (ctx.best.e1rm_kg if ctx.best else None), "estimated 1RM"
        percent = percent_of_1rm(reps, value)
        share = Decimal(str(percent)) / 100 if percent is not None else None
        said = f"{reps} reps at RPE {plain(value)} is {percent} % of your estimated 1RM" if percent else ""
    if base is None or share is None:
        return planned(
            group, None, f"no {name} yet: choose the weight; Repbook estimates it from what you log"
        )
    load = ctx.loading.nearest(base * share)
    return planned(group, load, f"{said}, {format_weight(base, ctx.unit)}")

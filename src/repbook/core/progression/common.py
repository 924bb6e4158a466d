"""Small steps every weight rule takes after a session: the exact base load and the next state."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from repbook.core.progression.model import Context, State


def exact_base(state: State, performed: Decimal) -> Decimal:
    """The rule's exact load when the user lifted what was prescribed, else what they lifted.

    Keeping the exact load (not the rounded one) is what stops rounding from stalling a rule;
    going from what was lifted lets a hand-picked weight carry on sensibly.
    """
    if state.load_kg is not None and state.shown_kg is not None and performed == state.shown_kg:
        return state.load_kg
    return performed


def deloaded(performed: Decimal, share: Decimal, ctx: Context) -> Decimal:
    """A deload from the weight actually lifted (never a hidden exact load), rounded to what loads.

    Working from the lifted weight means three deloads from 40 kg all land on 35 kg; the answer
    is always lighter than what was lifted (when anything lighter loads at all).
    """
    if performed <= 0:
        return Decimal(0)
    return min(ctx.loading.nearest(performed * share), ctx.loading.below(performed))


def moved(
    state: State, performed: Decimal, load_kg: Decimal, direction: int, why: str, **changes: object
) -> State:
    """The state after a session: the new exact load, which way it went, and why."""
    return replace(
        state,
        load_kg=load_kg,
        last_kg=performed,
        direction=direction,
        why=why,
        sessions=state.sessions + 1,
        pain=False,
        by_hand=False,
        **changes,  # type: ignore[arg-type]
    )


def sessions_word(count: int) -> str:
    return "one" if count == 1 else str(count)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"

"""Reading a session: which logged set answers which prescribed set, and the words for them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from repbook.core.e1rm import estimate_set
from repbook.core.program import SetGroup
from repbook.core.progression.model import Context, DoneSet, Session
from repbook.core.units import format_load


@dataclass(frozen=True, slots=True)
class Target:
    """One prescribed set, flattened out of its group."""

    reps_min: int | None
    reps_max: int | None
    seconds: int | None
    amrap: bool  # this very set is "as many as possible"
    main: bool  # a working set (not a back-off, drop or failure set)


def targets(groups: Sequence[SetGroup]) -> list[Target]:
    """Every prescribed set except warm-ups, in order."""
    return [
        Target(g.reps_min, g.reps_max, g.seconds, g.amrap and i == g.sets - 1, g.set_type == "working")
        for g in groups
        if g.set_type != "warmup"
        for i in range(g.sets)
    ]


def main_pairs(session: Session) -> list[tuple[Target, DoneSet | None]]:
    """Each working set prescribed, with the logged set that answered it (None: not done).

    Logged sets are matched in order, warm-ups left out on both sides.
    """
    done = [s for s in session.sets if s.set_type != "warmup"]
    wanted = targets(session.groups)
    pairs = [(t, done[i] if i < len(done) else None) for i, t in enumerate(wanted)]
    return [(t, s) for t, s in pairs if t.main]


def done_main(session: Session) -> list[DoneSet]:
    return [s for _, s in main_pairs(session) if s is not None]


def performed_load(sets: Sequence[DoneSet]) -> Decimal | None:
    """The weight most sets were done with (ties: the heavier); no weight counts as 0 added load."""
    weights = Counter(s.weight_kg if s.weight_kg is not None else Decimal(0) for s in sets)
    if not weights:
        return None
    return max(weights, key=lambda w: (weights[w], w))


def reps_done(sets: Sequence[DoneSet]) -> str:
    """'3 × 12' when every set had the same reps, else '12, 11, 10'."""
    reps = [s.reps or 0 for s in sets]
    if reps and len(set(reps)) == 1:
        return f"{len(reps)} × {reps[0]}"
    return ", ".join(str(r) for r in reps)


def weight_words(kg: Decimal | None, ctx: Context) -> str:
    """'10 kg'; for a bodyweight exercise 'body weight' or 'body weight + 5 kg'."""
    if kg is None and not ctx.bodyweight:
        return "a weight of your choice"
    return format_load(kg or Decimal(0), ctx.unit, ctx.bodyweight)


def at_weight(kg: Decimal | None, ctx: Context) -> str:
    """'at 10 kg', 'with body weight alone', 'at body weight + 5 kg'."""
    if ctx.bodyweight and not kg:
        return "with body weight alone"
    return f"at {weight_words(kg, ctx)}"


def reps_words(reps_min: int | None, reps_max: int | None, seconds: int | None, amrap: bool = False) -> str:
    """'10–12', '5', '5+', '60 s'."""
    if seconds is not None:
        return f"{seconds} s"
    text = str(reps_min) if reps_min == reps_max else f"{reps_min}–{reps_max}"
    return f"{text}+" if amrap else text


def set_e1rm(s: DoneSet) -> Decimal | None:
    """The 1RM a logged set estimates: from its RPE when given, else Epley up to 12 reps; in kg."""
    if not s.weight_kg or not s.reps or s.weight_kg <= 0 or s.set_type == "warmup":
        return None
    estimate = estimate_set(float(s.weight_kg), s.reps, s.rpe)
    if estimate is None or not (estimate.reliable or estimate.from_rpe):
        return None
    return Decimal(str(round(estimate.kg, 3)))

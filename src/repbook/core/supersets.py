"""Supersets: the labels that name them and the order a lifter moves through one.

A superset is exercises done in turn (A1, A2, A1, A2, …): after a set of one, the lifter goes
straight to the next without rest; the rest comes after the round, back at the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import count, product
from string import ascii_uppercase
from typing import Final

#: A label's most characters (the stored column's size).
MAX_LABEL: Final = 8


def _labels() -> Iterator[str]:
    """A, B, …, Z, AA, AB, …, ZZ, AAA, …: as many as anyone needs, shortest first."""
    for size in count(1):
        for letters in product(ascii_uppercase, repeat=size):
            yield "".join(letters)


def group_label(used: Iterable[str]) -> str:
    """The first label that no group in `used` has (compared without case): never runs out."""
    taken = {label.upper() for label in used}
    # At most len(taken) labels are skipped, so this ends long before MAX_LABEL letters.
    return next(label for label in _labels() if label not in taken)


@dataclass(frozen=True, slots=True)
class Member:
    """One exercise of a superset, in the superset's order."""

    entry: int  # the workout's exercise (any id the caller uses)
    done: int  # working sets done (warm-ups are done before, not in turn)
    planned: int | None = None  # working sets the program asks for; None: no limit


@dataclass(frozen=True, slots=True)
class Step:
    go_to: int  # the exercise to do next
    rest: bool  # rest first (the round is over), or go straight on


def _wants_more(member: Member) -> bool:
    return member.planned is None or member.done < member.planned


def step_after(members: Sequence[Member], logged: int) -> Step:
    """Where to go after a working set of `logged`: the next exercise of the superset that still has
    sets to do, straight away; back at the start of the round (or staying put when every other
    exercise is done), after the rest."""
    at = next(i for i, m in enumerate(members) if m.entry == logged)
    for offset in range(1, len(members) + 1):
        candidate = members[(at + offset) % len(members)]
        if _wants_more(candidate):
            return Step(candidate.entry, rest=at + offset >= len(members))
    return Step(logged, rest=True)

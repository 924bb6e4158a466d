"""The plate calculator: what to load on each side of a bar."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class PlateLoad:
    per_side: tuple[Decimal, ...]  # heaviest first
    total: Decimal  # what the bar weighs loaded like this
    target: Decimal

    @property
    def exact(self) -> bool:
        return self.total == self.target

    @property
    def short_by(self) -> Decimal:
        return self.target - self.total


def plates_per_side(
    target: Decimal,
    bar: Decimal,
    plates: Sequence[Decimal],
    pairs_available: Mapping[Decimal, int] | None = None,
) -> PlateLoad:
    """The heaviest loading not above `target`, largest plates first (same units throughout).

    `pairs_available` limits how many pairs of each plate exist; by default there is no limit.
    A target below the bar gives the empty bar.
    """
    remaining = (target - bar) / 2
    chosen: list[Decimal] = []
    for plate in sorted({p for p in plates if p > 0}, reverse=True):
        limit = pairs_available.get(plate, 0) if pairs_available is not None else None
        count = 0
        while remaining >= plate and (limit is None or count < limit):
            chosen.append(plate)
            remaining -= plate
            count += 1
    total = bar + 2 * sum(chosen, Decimal(0))
    return PlateLoad(tuple(chosen), total, target)

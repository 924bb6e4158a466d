"""The plate calculator: what to load on each side of a bar."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from repbook.core.units import from_kg, plain

#: The largest weight the calculators take, in either unit: no bar, lift or total comes near it,
#: and the cap keeps the plate loop short.
MAX_CALCULATOR_WEIGHT: Final = Decimal(5000)


@dataclass(frozen=True, slots=True)
class BarbellSetup:
    """A bar, its plates and the smallest jump, all in one unit."""

    unit: str
    bar: Decimal
    plates: tuple[Decimal, ...]
    step: Decimal


def _decimals(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


#: Standard equipment by unit. The kg set includes 0.5 kg change plates, so loads between the
#: usual jumps (61 kg) can be put on the bar; the step programs add stays two 1.25 kg plates,
#: the smallest jump most gyms' plates allow, and a user with change plates may lower it.
STANDARD_SETUPS: Final = {
    "kg": BarbellSetup(
        "kg", Decimal(20), _decimals("25", "20", "15", "10", "5", "2.5", "1.25", "0.5"), Decimal("2.5")
    ),
    "lb": BarbellSetup("lb", Decimal(45), _decimals("45", "35", "25", "10", "5", "2.5"), Decimal(5)),
}


def barbell_setup(
    unit: str,
    bar_kg: Decimal | None = None,
    plates_kg: Sequence[Decimal] = (),
    step_kg: Decimal | None = None,
) -> BarbellSetup:
    """The user's barbell in their unit: their own bar, plates and jump where set, else the standard ones."""
    standard = STANDARD_SETUPS[unit]

    def shown(kg: Decimal) -> Decimal:
        return Decimal(plain(from_kg(kg, unit, places=2)))

    return BarbellSetup(
        unit,
        shown(bar_kg) if bar_kg is not None else standard.bar,
        tuple(shown(p) for p in plates_kg) or standard.plates,
        shown(step_kg) if step_kg is not None else standard.step,
    )


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

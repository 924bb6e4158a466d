"""Loadable weights: what a bar with plates, a dumbbell rack or a machine stack can actually hold.

A progression rule works in exact kilograms; before a load is shown it is rounded to the nearest
weight the user can load. `Loading.towards` makes sure rounding never stalls a rule: when the rule
raised the load, the rounded load is above the last one lifted, however small the rule's step.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Final, Literal

from repbook.core.equipment import LOADS, OPTIONAL_WITH_BODYWEIGHT
from repbook.core.units import KG_PER_LB, to_kg

LoadingKind = Literal["barbell", "dumbbell", "machine", "added", "free"]

#: The smallest step of each kind of equipment when the user has not set their own (in their unit).
DEFAULT_STEPS: Final[dict[str, dict[LoadingKind, Decimal]]] = {
    "kg": {"barbell": Decimal("2.5"), "dumbbell": Decimal(2), "machine": Decimal(5),
           "added": Decimal("1.25"), "free": Decimal("0.5")},
    "lb": {"barbell": Decimal(5), "dumbbell": Decimal(5), "machine": Decimal(10),
           "added": Decimal("2.5"), "free": Decimal(1)},
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Loading:
    """Loads `base + k × step` for whole k ≥ 0, in `unit` (base: the empty bar, or 0)."""

    kind: LoadingKind
    unit: str
    step: Decimal
    base: Decimal = Decimal(0)

    @property
    def step_kg(self) -> Decimal:
        return to_kg(self.step, self.unit)

    @property
    def base_kg(self) -> Decimal:
        return to_kg(self.base, self.unit)

    def nearest(self, kg: Decimal) -> Decimal:
        """The loadable weight nearest `kg` (halves round up), never below the base; in kg."""
        return self._snap(kg, ROUND_HALF_UP)

    def at_most(self, kg: Decimal) -> Decimal:
        """The heaviest loadable weight not heavier than `kg` (or the base); in kg."""
        return self._snap(kg, ROUND_FLOOR)

    def above(self, kg: Decimal) -> Decimal:
        """The lightest loadable weight strictly heavier than `kg`; in kg."""
        snapped = self._snap(kg, ROUND_CEILING)
        return snapped if snapped > kg else self._snap(kg + self.step_kg, ROUND_CEILING)

    def below(self, kg: Decimal) -> Decimal:
        """The heaviest loadable weight strictly lighter than `kg`, or the base; in kg."""
        snapped = self._snap(kg, ROUND_FLOOR)
        return snapped if snapped < kg else self._snap(kg - self.step_kg, ROUND_FLOOR)

    def towards(self, target_kg: Decimal, last_kg: Decimal | None, direction: int) -> Decimal:
        """`target_kg` rounded so that a rule that raised (lowered) the load really does.

        `direction` is +1 when the rule went up from `last_kg`, −1 when it went down, 0 to hold
        (then the answer is `last_kg` itself, rounded, even when the exact target drifted).
        Rounding the target alone could give back the last load (60 + 1 rounded to a 2.5 step is
        60 again); then the next loadable weight in the rule's direction is used instead.
        """
        if last_kg is None:
            return self.nearest(target_kg)
        if direction == 0:
            return self.nearest(last_kg)  # holding: the weight lifted last time
        rounded = self.nearest(target_kg)
        if direction > 0 and rounded <= last_kg:
            return self.above(last_kg)
        if direction < 0 and rounded >= last_kg:
            return self.below(last_kg)
        return rounded

    def _snap(self, kg: Decimal, rounding: str) -> Decimal:
        in_unit = (kg if self.unit == "kg" else kg / KG_PER_LB).quantize(Decimal("0.001"))
        steps = ((in_unit - self.base) / self.step).to_integral_value(rounding)
        return to_kg(self.base + max(steps, Decimal(0)) * self.step, self.unit)


def default_step(kind: LoadingKind, unit: str) -> Decimal:
    """The smallest step for `kind` in `unit` when the user has not set one."""
    return DEFAULT_STEPS[unit][kind]


def loading_kind(equipment: frozenset[str], bodyweight_fraction: float) -> LoadingKind:
    """How an exercise is loaded, from its equipment: a bar, dumbbells, a stack, or added to the body.

    An exercise done with the body's weight that may also be loaded (a reverse lunge listing
    bodyweight, dumbbells and a barbell) is loaded as added weight: it starts at body weight and
    any load is added to it, whatever holds the load (core.equipment: such loads are optional)."""
    if (
        bodyweight_fraction > 0
        and "bodyweight" in equipment
        and not equipment & (LOADS - OPTIONAL_WITH_BODYWEIGHT)
    ):
        return "added"
    if equipment & {"barbell", "ez_bar", "trap_bar", "smith_machine", "landmine"}:
        return "barbell"
    if equipment & {"dumbbell", "kettlebell"}:
        return "dumbbell"
    if equipment & {"cable", "machine", "sled"}:
        return "machine"
    if bodyweight_fraction > 0:
        return "added"
    return "free"

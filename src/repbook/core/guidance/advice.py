"""A piece of advice: what to do, why (from the user's own numbers), and where the rule comes from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Advice:
    kind: str  # "new_exercise", "volume_ramp", "pain", "frequency"
    subject: str  # the exercise or muscle it is about, as shown
    message: str  # what to do
    reason: str  # why, in the user's numbers
    source: str  # where the rule comes from
    level: str = "info"  # "info" or "caution"


@dataclass(frozen=True, slots=True)
class AdviceGroup:
    """The same advice for several subjects, said once: "Traps, Forearms: consider splitting ..."."""

    kind: str
    message: str
    source: str
    level: str
    items: tuple[Advice, ...]

    @property
    def subjects(self) -> str:
        names = [a.subject for a in self.items]
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def group_advice(advice: Iterable[Advice]) -> list[AdviceGroup]:
    """Advice with the same message and source joined into one group, in the order first seen."""
    groups: dict[tuple[str, str, str, str], list[Advice]] = {}
    for item in advice:
        groups.setdefault((item.kind, item.message, item.source, item.level), []).append(item)
    return [AdviceGroup(*key, tuple(items)) for key, items in groups.items()]


#: Sources, quoted with each rule.
GRADUAL: Final = (
    "Coaching practice: begin a new exercise light with few sets and raise weight and volume "
    "gradually; too much, too soon is a common cause of aches"
)
PAIN: Final = (
    "Coaching practice: after an aching joint or lower back, one to two weeks off that exercise, "
    "then lower volume and weight, and a review of form"
)
VOLUME: Final = (
    "About 10+ weekly sets per muscle is the common guideline (Schoenfeld et al. 2017); raise it "
    "gradually. This week against your own average is descriptive, not an injury prediction "
    "(Impellizzeri et al. 2021)"
)
FREQUENCY: Final = "A common default: train each muscle on about two days a week, spreading its sets"

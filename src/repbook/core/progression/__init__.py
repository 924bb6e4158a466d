"""Progression rules: from the sessions done, what to lift next time and why (in words).

`replay()` is the entry point; each rule lives in its own module (double, linear, gzclp,
wave for 5/3/1, effort for RPE and fixed prescriptions). No eval: rules are typed data.
"""

from repbook.core.progression.engine import RULES, next_plan, replay
from repbook.core.progression.model import (
    BestSet,
    Context,
    DoneSet,
    Override,
    Plan,
    PlannedGroup,
    Session,
    State,
)

__all__ = [
    "RULES", "BestSet", "Context", "DoneSet", "Override", "Plan", "PlannedGroup", "Session", "State",
    "next_plan", "replay",
]  # fmt: skip

"""The plate helper's words: plates on each side, the closest load, the warm-up ramp.

The workout page's script (static/repbook/app.js, `plateHelper`) words its own answers the same way
while a weight is typed; a browser test holds the two to the same text for many weights.
"""

from __future__ import annotations

from repbook.core.plates import PlateLoad
from repbook.core.units import plain
from repbook.core.warmup import WarmupSet

EMPTY_BAR = "nothing (empty bar)"


def plates_words(load: PlateLoad) -> str:
    """ "20 + 10 + 2.5", heaviest first; "nothing (empty bar)"."""
    return " + ".join(plain(p) for p in load.per_side) or EMPTY_BAR


def closest_words(load: PlateLoad, unit: str) -> str:
    """What the bar weighs when the plates cannot make the target exactly; "" when they can."""
    if load.exact:
        return ""
    if load.total > load.target:
        return f"Less than the empty bar ({plain(load.total)} {unit})"
    return f"Closest below: {plain(load.total)} {unit}"


def warmup_words(ramp: list[WarmupSet]) -> str:
    """ "20 × 10, 40 × 5, 60 × 3, 80 × 1"; "" when no warm-up is needed."""
    return ", ".join(f"{plain(w.weight)} × {w.reps}" for w in ramp)

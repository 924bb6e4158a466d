"""New exercise: start light with few sets, then add load and volume a little at a time."""

from __future__ import annotations

from typing import Final

from repbook.core.guidance.advice import GRADUAL, Advice

#: Sessions during which an exercise still counts as new.
NEW_FOR_SESSIONS: Final = 3


def new_exercise_advice(name: str, sessions_done: int) -> Advice | None:
    """Advice for an exercise done `sessions_done` times before; None once it is familiar."""
    if sessions_done >= NEW_FOR_SESSIONS:
        return None
    if sessions_done == 0:
        return Advice(
            "new_exercise",
            name,
            "Start light: two sets with a weight you could lift three or more extra times, "
            "and learn the movement before you load it.",
            f"you have not logged the {name.lower()} before",
            GRADUAL,
        )
    times = "once" if sessions_done == 1 else "twice"
    return Advice(
        "new_exercise",
        name,
        "Build up gradually: add a set or a little weight each session, not both at once.",
        f"you have done the {name.lower()} {times} so far",
        GRADUAL,
    )

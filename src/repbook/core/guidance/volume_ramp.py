"""Volume ramp: this week's sets for a muscle far above the user's own recent average."""

from __future__ import annotations

from typing import Final

from repbook.core.guidance.advice import VOLUME, Advice

#: Flag a week at this multiple of the average or more...
RAMP_FACTOR: Final = 1.5
#: ...when it is also at least this many sets more (a jump from 2 to 4 sets is no concern).
RAMP_MIN_EXTRA: Final = 4
#: With no recent baseline, this many sets in one week is a sudden start.
SUDDEN_START: Final = 10


def volume_ramp_advice(muscle: str, this_week: float, average: float) -> Advice | None:
    """Advice when `this_week`'s hard sets jump well above `average` (weekly, earlier weeks)."""
    if average <= 0:
        if this_week < SUDDEN_START:
            return None
        reason = f"{this_week:g} sets this week with no {muscle.lower()} training in the weeks before"
    elif this_week >= RAMP_FACTOR * average and this_week - average >= RAMP_MIN_EXTRA:
        reason = (
            f"{this_week:g} sets this week against {average:.1f} a week on average "
            f"({round(100 * this_week / average)} %)"
        )
    else:
        return None
    return Advice(
        "volume_ramp",
        muscle,
        "That is a big jump in volume. Raise weekly sets a little at a time (a few sets more per week) "
        "and watch for aches that are not the usual tiredness.",
        reason,
        VOLUME,
        level="caution",
    )

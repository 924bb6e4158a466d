"""Frequency: how many days a week a muscle is trained, against about twice a week."""

from __future__ import annotations

from repbook.core.guidance.advice import FREQUENCY, Advice
from repbook.core.stats.volume import RECOMMENDED_FREQUENCY


def frequency_advice(muscle: str, days_per_week: float, weekly_sets: float) -> Advice | None:
    """Advice when a muscle with real volume is trained directly on fewer than ~2 days a week."""
    if weekly_sets < 4 or days_per_week >= RECOMMENDED_FREQUENCY - 0.5:
        return None
    return Advice(
        "frequency",
        muscle,
        f"Consider splitting those sets over {RECOMMENDED_FREQUENCY} days a week.",
        f"{weekly_sets:.1f} sets a week on {_days(days_per_week)} a week on average",
        FREQUENCY,
    )


def _days(average: float) -> str:
    """Days as a lifter counts them: whole ones ("about 1 day", "2 days")."""
    whole = round(average)
    words = f"{whole} day{'' if whole == 1 else 's'}"
    return words if whole == average else f"about {words}"

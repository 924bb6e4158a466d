"""Pain: one to two weeks off the exercise, then back lighter and with fewer sets, and a form check."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from repbook.core.guidance.advice import PAIN, Advice

REST_DAYS: Final = (7, 14)
#: Sessions after the return during which the reminder stays.
RETURN_SESSIONS: Final = 3

PAIN_CAUTION: Final = (
    "You reported pain in this exercise last time. If it still hurts, take one to two weeks off it. "
    "Come back lighter and with fewer sets, and check your form; a pump or tiredness in the "
    "working muscles is normal, an aching deep in a joint or the lower back is not."
)


def short_date(day: date) -> str:
    """'3 Nov' (no zero padding on any platform)."""
    return f"{day.day} {day:%b}"


def pain_advice(name: str, pain_day: date, today: date, sessions_since: int) -> Advice | None:
    """Advice after pain reported on `pain_day`; `sessions_since` counts sessions of it done since."""
    when = short_date(pain_day)
    if sessions_since == 0 and (today - pain_day).days < REST_DAYS[1]:
        back = pain_day + timedelta(days=REST_DAYS[0])
        return Advice(
            "pain",
            name,
            f"Take one to two weeks off the {name.lower()} (at least until {short_date(back)}). "
            "When you return, go lighter with fewer sets and review your form.",
            f"you reported pain in it on {when}",
            PAIN,
            level="caution",
        )
    if sessions_since < RETURN_SESSIONS:
        return Advice(
            "pain",
            name,
            "You are coming back after pain: keep the weight and sets lower for a few sessions, "
            "review your form, and stop if the aching returns.",
            f"you reported pain in it on {when} and have done it {sessions_since} time(s) since",
            PAIN,
            level="caution",
        )
    return None

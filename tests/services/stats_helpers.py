"""Logging sets on chosen days through the real service, for the statistics tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from repbook.services.workout.workouts import SetInput, log_set
from repbook.storage.models import Set


def at(day: date, hour: int | None = None) -> datetime:
    """A moment of `day`: 18:00 today; on an earlier day 07:00 unless told, so that a session of a
    few hours that day is over by more than the idle limit at any time the tests run. (At 18:00
    yesterday, a test run just after midnight saw a backdated session straddle the idle limit:
    its first sets joined a past workout and the rest the open one.)"""
    if hour is None:
        hour = 18 if day >= timezone.localdate() else 7
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour))


def days_ago(n: int) -> date:
    return timezone.localdate() - timedelta(days=n)


def lift(
    user: Any, slug: str, day: date, weight: str | None, reps: int | None, times: int = 1, **kw: Any
) -> list[Set]:
    """Log `times` sets of `slug` on `day` (one workout per day), as a user would."""
    return [
        log_set(
            user,
            SetInput(
                exercise=slug,
                weight=Decimal(weight) if weight is not None else None,
                reps=reps,
                performed_at=at(day) + timedelta(minutes=3 * i),
                **kw,
            ),
        )
        for i in range(times)
    ]

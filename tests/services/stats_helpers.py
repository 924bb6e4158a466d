"""Logging sets on chosen days through the real service, for the statistics tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from repbook.services.workout.workouts import SetInput, log_set
from repbook.storage.models import Set


def at(day: date, hour: int = 18) -> datetime:
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

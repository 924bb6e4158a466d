"""The body-weight log: one reading per day, kept as typed (value and unit) beside kilograms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from django.db import transaction
from django.utils import timezone

from repbook.core.errors import FieldError
from repbook.core.sets import WEIGHT_PLACES
from repbook.core.stats.body import trend
from repbook.core.units import has_places, to_kg
from repbook.storage import summaries
from repbook.storage.models import BodyWeight, owned

MIN_KG: Final = Decimal(20)
MAX_KG: Final = Decimal(400)


class BodyWeightError(FieldError):
    """A reading that cannot be stored."""


def check_body_weight(value: Decimal, unit: str, day: date) -> Decimal:
    """The reading in kilograms; BodyWeightError naming the field when it cannot be stored."""
    if unit not in ("kg", "lb"):
        raise BodyWeightError("unit", "must be kg or lb")
    if value.is_finite() and not has_places(value, WEIGHT_PLACES):
        raise BodyWeightError("weight", f"must have at most {WEIGHT_PLACES} decimals")
    try:
        kg = to_kg(value, unit)
    except InvalidOperation as exc:
        raise BodyWeightError("weight", "must be a number") from exc
    if not MIN_KG <= kg <= MAX_KG:
        raise BodyWeightError("weight", f"must be between {MIN_KG} and {MAX_KG} kg (or the same in lb)")
    if day > timezone.localdate():
        raise BodyWeightError("date", "is in the future")
    return kg


def log_body_weight(user: Any, value: Decimal, unit: str, day: date | None = None) -> BodyWeight:
    """Store the reading for `day` (default today), replacing that day's reading if there was one."""
    if not value.is_finite():
        raise BodyWeightError("weight", "must be a number")
    day = day or timezone.localdate()
    kg = check_body_weight(value, unit, day)
    with transaction.atomic():
        row, _ = BodyWeight.objects.update_or_create(
            owner=user, date=day, defaults={"weight_kg": kg, "typed_value": value, "typed_unit": unit}
        )
        summaries.refresh_body_weight(user, day)
    return row


def delete_body_weight(user: Any, day: date) -> None:
    """Remove the reading of `day`; raises BodyWeight.DoesNotExist when there is none of yours."""
    with transaction.atomic():
        deleted, _ = owned(BodyWeight, user).filter(date=day).delete()
        if not deleted:
            raise BodyWeight.DoesNotExist
        summaries.refresh_body_weight(user, day)


def readings(user: Any) -> list[tuple[date, Decimal]]:
    """Every reading as (date, kg), oldest first: one query."""
    return list(owned(BodyWeight, user).order_by("date").values_list("date", "weight_kg"))


#: Readings before a shown window that still feed the trend: each day moves it 10 % of the way,
#: so after half a year an older reading's share is below a millionth of a gram per kilogram.
TREND_WARMUP_DAYS: Final = 180


@dataclass(frozen=True)
class BodyWeightLog:
    rows: list[BodyWeight]  # newest first
    trend: list[tuple[date, float]]  # oldest first, one per reading
    total: int = 0  # readings in all (rows may hold only a window of them)

    @property
    def readings(self) -> list[tuple[date, Decimal]]:
        """(date, kg), oldest first, as `readings()` gives them."""
        return [(r.date, r.weight_kg) for r in reversed(self.rows)]

    @property
    def latest(self) -> BodyWeight | None:
        return self.rows[0] if self.rows else None

    @property
    def latest_trend_kg(self) -> float | None:
        return self.trend[-1][1] if self.trend else None


def body_weight_log(user: Any, since: date | None = None) -> BodyWeightLog:
    """The readings (from `since` on, when given) with the smoothed trend: one query, two with
    `since`. The trend starts TREND_WARMUP_DAYS before `since`, so it matches the whole history's."""
    rows = owned(BodyWeight, user).order_by("date")
    if since is None:
        found = list(rows)
        return BodyWeightLog(found[::-1], trend([(r.date, r.weight_kg) for r in found]), len(found))
    found = list(rows.filter(date__gte=since - timedelta(days=TREND_WARMUP_DAYS)))
    smoothed = trend([(r.date, r.weight_kg) for r in found])
    shown = [(r, t) for r, t in zip(found, smoothed, strict=True) if r.date >= since]
    if not shown:  # nothing lately: the last reading stands for the trend
        last = rows.last()
        shown = [(last, (last.date, float(last.weight_kg)))] if last is not None else []
    return BodyWeightLog([r for r, _ in reversed(shown)], [t for _, t in shown], rows.count())

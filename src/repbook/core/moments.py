"""Dates and times a user gives Repbook: the years a training log can hold.

Year 1 or 9999 with a UTC offset cannot be converted to UTC (Python raises OverflowError), and no
set was lifted before 1900; every interface checks a given date or time with `check_moment`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final, TypeVar

from repbook.core.errors import FieldError

MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2200


When = TypeVar("When", date, datetime)


class MomentError(FieldError):
    """A date or time outside the years Repbook keeps."""


def check_moment(value: When, field: str) -> When:
    """`value` when its year is from MIN_YEAR to MAX_YEAR, else MomentError naming `field`."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise MomentError(field, f"must be in the years {MIN_YEAR} to {MAX_YEAR}")
    return value

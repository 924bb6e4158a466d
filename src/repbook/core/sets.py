"""What a logged set may hold: the limits every interface shares (web form, API, quick log, import).

Two kinds of limit: a hard one (`check_set_values`) refuses a value no set can hold, with an error
naming the field and the limit; a soft one (`unusual_set_values`) names values that are possible
but rare enough to be a typo, for the web form to ask "are you sure?" before it logs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from repbook.core.errors import FieldError
from repbook.core.text import MAX_SET_NOTES, TextError, check_text
from repbook.core.units import has_places

SET_TYPES: Final = ("warmup", "working", "drop", "failure", "amrap")
SIDES: Final = ("both", "left", "right")
MAX_WEIGHT_KG: Final = Decimal(1000)
#: Hard limits on reps. With a load (weight above 0) a set of more than 100 is no strength set,
#: and 100 is also the most a program may prescribe (core.program_text); without a load, long
#: bodyweight sets (squats, push-ups) are real, so they get more room.
MAX_LOADED_REPS: Final = 100
MAX_REPS: Final = 300
MAX_DURATION_S: Final = 24 * 3600
MAX_DISTANCE_M: Final = Decimal(100_000)
MAX_NOTES: Final = MAX_SET_NOTES
#: Decimals a typed weight and a distance keep (the columns hold no more).
WEIGHT_PLACES: Final = 3
DISTANCE_PLACES: Final = 2


class SetValueError(FieldError):
    """A set value out of bounds."""


@dataclass(frozen=True, slots=True)
class SetValues:
    weight_kg: Decimal | None = None  # signed for bodyweight exercises: negative is assistance
    reps: int | None = None
    rpe: Decimal | None = None
    rir: int | None = None
    set_type: str = "working"
    duration_s: int | None = None
    distance_m: Decimal | None = None
    side: str = "both"
    notes: str = ""


def check_set_values(
    values: SetValues, *, measure: str, bodyweight: bool, performed_on: date, today: date
) -> None:
    """Raise SetValueError for the first value a set of this exercise cannot hold."""
    w = values.weight_kg
    if w is not None:
        if w.is_nan() or w.is_infinite():
            raise SetValueError("weight", "must be a number")
        if abs(w) > MAX_WEIGHT_KG:
            raise SetValueError("weight", f"must be at most {MAX_WEIGHT_KG} kg")
        if w < 0 and not bodyweight:
            raise SetValueError("weight", "cannot be negative (only bodyweight exercises take assistance)")
    elif measure == "reps" and not bodyweight:
        raise SetValueError("weight", "is needed for this exercise (0 for an empty machine or bar)")
    if values.reps is not None:
        loaded = w is not None and w > 0
        limit = MAX_LOADED_REPS if loaded else MAX_REPS
        if not 0 <= values.reps <= limit:
            raise SetValueError(
                "reps", f"must be from 0 to {limit}{' in a set with a load' if loaded else ''}"
            )
    if measure == "reps" and values.reps is None:
        raise SetValueError("reps", "is needed for this exercise")
    if measure == "time" and values.duration_s is None:
        raise SetValueError("duration_s", "is needed for a timed exercise")
    if measure == "distance" and values.distance_m is None:
        raise SetValueError("distance_m", "is needed for a distance exercise")
    if values.rpe is not None:
        if not Decimal(1) <= values.rpe <= Decimal(10) or values.rpe * 2 % 1 != 0:
            raise SetValueError("rpe", "must be from 1 to 10 in half steps")
        if values.rir is not None:
            raise SetValueError("rir", "give RPE or RIR, not both (RIR = 10 - RPE)")
    if values.rir is not None and not 0 <= values.rir <= 10:
        raise SetValueError("rir", "must be from 0 to 10")
    if values.duration_s is not None and not 1 <= values.duration_s <= MAX_DURATION_S:
        raise SetValueError("duration_s", f"must be from 1 to {MAX_DURATION_S} seconds")
    if values.distance_m is not None and not Decimal(0) < values.distance_m <= MAX_DISTANCE_M:
        raise SetValueError("distance_m", f"must be more than 0 and at most {MAX_DISTANCE_M} m")
    if values.distance_m is not None and not has_places(values.distance_m, DISTANCE_PLACES):
        raise SetValueError("distance_m", f"must have at most {DISTANCE_PLACES} decimals")
    if values.set_type not in SET_TYPES:
        raise SetValueError("set_type", f"must be one of {', '.join(SET_TYPES)}")
    if values.side not in SIDES:
        raise SetValueError("side", f"must be one of {', '.join(SIDES)}")
    try:
        check_text(values.notes, "notes", MAX_NOTES)
    except TextError as exc:
        raise SetValueError(exc.field, exc.message) from exc
    if performed_on > today:
        raise SetValueError("performed_at", "is in the future")


#: Soft limits: past these a value is possible but unusual, so the web form asks before logging it.
USUAL_LOADED_REPS: Final = 30  # where rep-max tables and e1RM estimates (core.e1rm) stop
USUAL_REPS: Final = 100
USUAL_WEIGHT_KG: Final = Decimal(300)
USUAL_DURATION_S: Final = 30 * 60
USUAL_DISTANCE_M: Final = Decimal(10_000)


@dataclass(frozen=True, slots=True)
class UnusualValue:
    field: str
    message: str


def unusual_set_values(values: SetValues) -> list[UnusualValue]:
    """The values of a set (already within the hard limits) that are rare enough to be a typo."""
    found = []
    w, reps = values.weight_kg, values.reps
    loaded = w is not None and w > 0
    if reps is not None and reps > (USUAL_LOADED_REPS if loaded else USUAL_REPS):
        limit = USUAL_LOADED_REPS if loaded else USUAL_REPS
        kind = "with a load" if loaded else "in one set"
        found.append(UnusualValue("reps", f"{reps} reps {kind} is unusual (more than {limit})"))
    if w is not None and w > USUAL_WEIGHT_KG:
        found.append(
            UnusualValue("weight", f"{w.normalize():f} kg is unusual (more than {USUAL_WEIGHT_KG} kg)")
        )
    if values.duration_s is not None and values.duration_s > USUAL_DURATION_S:
        minutes = USUAL_DURATION_S // 60
        found.append(
            UnusualValue("duration_s", f"{values.duration_s} s is unusual (more than {minutes} min)")
        )
    if values.distance_m is not None and values.distance_m > USUAL_DISTANCE_M:
        found.append(
            UnusualValue(
                "distance_m",
                f"{values.distance_m.normalize():f} m is unusual (more than {USUAL_DISTANCE_M} m)",
            )
        )
    return found

"""Statistics in words, in the user's unit: one wording for the web and the command line."""

from __future__ import annotations

from decimal import Decimal

from repbook.core.loadable import default_step
from repbook.core.stats.lifts import Record
from repbook.core.units import format_weight, from_kg, to_kg

UNRELIABLE = "more than 12 reps: a rough estimate"


def count_words(n: int, noun: str) -> str:
    """ "1 session", "3 sessions", "1 set"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def load_words(kg: Decimal | float | None, unit: str) -> str:
    """A load to the plate: "116.67 kg", "257.2 lb"; "–" when unknown."""
    return format_weight(Decimal(str(round(kg, 3))), unit) if kg is not None else "–"


def estimate_words(kg: Decimal | float | None, unit: str) -> str:
    """An estimate (e1RM) to the nearest barbell step: "167.5 kg", "370 lb"; "–" when unknown.

    An estimate is not more precise than the plates it would be lifted with: 167.73 kg reads as
    167.5 kg, never as a weight no bar can hold.
    """
    if kg is None:
        return "–"
    step = default_step("barbell", unit)
    in_unit = from_kg(Decimal(str(kg)), unit, places=3)
    return format_weight(to_kg((in_unit / step).to_integral_value() * step, unit), unit)


def volume_words(kg: Decimal | float, unit: str) -> str:
    """A volume (load × reps) to the whole unit: "1,725 kg"."""
    return f"{from_kg(Decimal(str(kg)), unit, places=0):,} {unit}"


def record_words(rec: Record, unit: str, bodyweight: bool = False) -> str:
    """ "heaviest weight 115 kg (was 110 kg)", "6 reps at 100 kg (was 5)", …

    A bodyweight exercise's loads are what was lifted, the body's share included: its records say
    so ("9 reps at 64 kg with body weight"), so 64 kg is not read as a plate on a belt."""
    body = " with body weight" if bodyweight else ""
    if rec.kind == "reps":
        return f"{rec.value:g} reps at {load_words(rec.load_kg, unit)}{body} (was {rec.previous:g})"
    if rec.kind == "rep_max":
        was = load_words(rec.previous, unit)
        return f"{rec.reps}-rep max {load_words(rec.value, unit)}{body} (was {was})"
    if rec.kind == "hold":
        return f"longest hold {rec.value:g} s (was {rec.previous:g} s)"
    if rec.kind == "tonnage":
        was = volume_words(rec.previous, unit)
        return f"most volume in a session, {volume_words(rec.value, unit)} (was {was})"
    if rec.kind == "weight":
        return f"heaviest weight {load_words(rec.value, unit)}{body} (was {load_words(rec.previous, unit)})"
    mark = f" ({UNRELIABLE})" if not rec.reliable else ""
    was = estimate_words(rec.previous, unit)
    return f"best estimated 1RM {estimate_words(rec.value, unit)}{body} (was {was}){mark}"


def records_by_session(
    records: list[Record], unit: str, sessions: int = 8, bodyweight: bool = False
) -> list[tuple[Record, list[str]]]:
    """The latest `sessions` sessions that broke records, newest first: (first record, words of each)."""
    grouped: dict[int, tuple[Record, list[str]]] = {}
    for rec in reversed(records):
        if rec.workout_id not in grouped and len(grouped) == sessions:
            break
        grouped.setdefault(rec.workout_id, (rec, []))[1].append(record_words(rec, unit, bodyweight))
    return list(grouped.values())

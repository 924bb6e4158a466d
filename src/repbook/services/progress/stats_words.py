"""Statistics in words, in the user's unit: one wording for the web and the command line."""

from __future__ import annotations

from decimal import Decimal

from repbook.core.stats.lifts import Record
from repbook.core.units import format_weight, from_kg

UNRELIABLE = "more than 12 reps: a rough estimate"


def count_words(n: int, noun: str) -> str:
    """ "1 session", "3 sessions", "1 set"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def load_words(kg: Decimal | float | None, unit: str) -> str:
    """A load to the plate: "116.67 kg", "257.2 lb"; "–" when unknown."""
    return format_weight(Decimal(str(round(kg, 3))), unit) if kg is not None else "–"


def volume_words(kg: Decimal | float, unit: str) -> str:
    """A volume (load × reps) to the whole unit: "1,725 kg"."""
    return f"{from_kg(Decimal(str(kg)), unit, places=0):,} {unit}"


def record_words(rec: Record, unit: str) -> str:
    """ "heaviest weight 115 kg (was 110 kg)", "6 reps at 100 kg (was 5)", …"""
    if rec.kind == "reps":
        return f"{rec.value:g} reps at {load_words(rec.load_kg, unit)} (was {rec.previous:g})"
    if rec.kind == "rep_max":
        return f"{rec.reps}-rep max {load_words(rec.value, unit)} (was {load_words(rec.previous, unit)})"
    if rec.kind == "hold":
        return f"longest hold {rec.value:g} s (was {rec.previous:g} s)"
    if rec.kind == "tonnage":
        was = volume_words(rec.previous, unit)
        return f"most volume in a session, {volume_words(rec.value, unit)} (was {was})"
    words = "heaviest weight" if rec.kind == "weight" else "best estimated 1RM"
    mark = f" ({UNRELIABLE})" if not rec.reliable else ""
    return f"{words} {load_words(rec.value, unit)} (was {load_words(rec.previous, unit)}){mark}"


def records_by_session(records: list[Record], unit: str, sessions: int = 8) -> list[tuple[Record, list[str]]]:
    """The latest `sessions` sessions that broke records, newest first: (first record, words of each)."""
    grouped: dict[int, tuple[Record, list[str]]] = {}
    for rec in reversed(records):
        if rec.workout_id not in grouped and len(grouped) == sessions:
            break
        grouped.setdefault(rec.workout_id, (rec, []))[1].append(record_words(rec, unit))
    return list(grouped.values())

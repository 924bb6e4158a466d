"""Statistics in words: estimates to the plate, and bodyweight records that say what the load is."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from repbook.core.stats.lifts import Record
from repbook.services.progress.stats_words import estimate_words, record_words


def record(kind: str, value: str, previous: str, **extra: object) -> Record:
    return Record(date(2026, 12, 1), 1, kind, Decimal(value), Decimal(previous), **extra)  # type: ignore[arg-type]


def test_an_estimate_is_shown_to_the_nearest_barbell_step() -> None:
    assert estimate_words(116.667, "kg") == "117.5 kg"
    assert estimate_words(167.73, "kg") == "167.5 kg"
    assert estimate_words(128.33, "kg") == "127.5 kg"
    assert estimate_words(Decimal("100"), "kg") == "100 kg"
    assert estimate_words(100, "lb") == "220 lb"  # 220.46 lb to the 5 lb step
    assert estimate_words(None, "kg") == "–"


def test_a_bodyweight_exercises_records_say_the_body_is_in_the_load() -> None:
    reps = record("reps", "9", "8", load_kg=Decimal(80))
    assert record_words(reps, "kg") == "9 reps at 80 kg (was 8)"
    assert record_words(reps, "kg", bodyweight=True) == "9 reps at 80 kg with body weight (was 8)"
    heaviest = record("weight", "85", "80")
    assert (
        record_words(heaviest, "kg", bodyweight=True) == "heaviest weight 85 kg with body weight (was 80 kg)"
    )
    e1rm = record("e1rm", "104.2", "100")
    assert (
        record_words(e1rm, "kg", bodyweight=True) == "best estimated 1RM 105 kg with body weight (was 100 kg)"
    )
    assert record_words(record("tonnage", "1800", "1600"), "kg", bodyweight=True) == (
        "most volume in a session, 1,800 kg (was 1,600 kg)"
    )

"""The plate helper's words, shared by the page and its script (the browser test compares them)."""

from __future__ import annotations

from decimal import Decimal

from repbook.core.plates import plates_per_side
from repbook.core.warmup import warmup_ramp
from repbook.services.workout.plate_words import closest_words, plates_words, warmup_words

D = Decimal
KG_PLATES = tuple(D(p) for p in ("25", "20", "15", "10", "5", "2.5", "1.25"))


def test_plates_closest_and_warmup_in_words() -> None:
    load = plates_per_side(D("102.5"), D(20), KG_PLATES)
    assert (plates_words(load), closest_words(load, "kg")) == ("25 + 15 + 1.25", "")
    short = plates_per_side(D("97.3"), D(20), KG_PLATES)
    assert closest_words(short, "kg") == "Closest below: 95 kg"
    below = plates_per_side(D(15), D(20), KG_PLATES)
    assert plates_words(below) == "nothing (empty bar)"
    assert closest_words(below, "kg") == "Less than the empty bar (20 kg)"
    assert warmup_words(warmup_ramp(D(100), D(20), D("2.5"))) == "20 × 10, 40 × 5, 60 × 3, 80 × 1"
    assert warmup_words(warmup_ramp(D(20), D(20), D("2.5"))) == ""

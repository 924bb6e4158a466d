"""How a set's weight reads on the logging page: as typed, and for bodyweight exercises what was
added (+10 kg), taken off by an assisting machine (assisted 22.5 kg), or nothing (BW)."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from repbook.web.templatetags.repbook import set_weight


def row(kg: str | None, bodyweight: bool, typed: str | None = None, unit: str = "kg") -> SimpleNamespace:
    return SimpleNamespace(
        weight_kg=None if kg is None else Decimal(kg),
        typed_weight=None if typed is None else Decimal(typed),
        typed_unit=unit,
        exercise=SimpleNamespace(is_bodyweight=bodyweight),
    )


def test_a_barbell_set_reads_as_typed() -> None:
    assert set_weight(row("32.5", False, "32.5"), "kg") == "32.5 kg"
    assert set_weight(row(None, False), "kg") == ""


def test_a_bodyweight_set_says_what_was_added_or_taken_off() -> None:
    assert set_weight(row("10", True, "10"), "kg") == "+10 kg"
    assert set_weight(row("0", True, "0"), "kg") == "BW"
    assert set_weight(row(None, True), "kg") == "BW"
    assert set_weight(row("-22.5", True, "-22.5"), "kg") == "assisted 22.5 kg"

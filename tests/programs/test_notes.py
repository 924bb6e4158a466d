"""The built-in programs' own words agree with the rules that run them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from repbook.core.program_text import parse_program
from repbook.core.progression import gzclp

BUILTIN = Path(__file__).parents[2] / "src/repbook/programs/builtin"


def _text(name: str) -> str:
    return (BUILTIN / name).read_text(encoding="utf-8")


def test_gzclp_notes_say_what_the_rule_does() -> None:
    text = _text("gzclp.txt")
    assert {1: Decimal("0.85"), 2: Decimal("0.65")} == gzclp.START_SHARE
    assert "T1 starts at about 85 % of your 5-rep max" in text
    assert "test a new 5-rep max in the next session and restart at 5x3 with 85 % of it" in text
    assert "T2 starts at about 65 % of your 5-rep max" in text
    assert Decimal("7.5") == gzclp.T2_RESET_MIN  # and twice a +5 kg increment: 10 kg
    assert "last 3x10 weight plus 7.5 kg on presses, 10 kg on squats and deadlifts" in text


def test_531_back_extension_uses_the_seed_range() -> None:
    program = parse_program(_text("531.txt"))
    ranges = {
        (g.reps_min, g.reps_max)
        for day in program.days
        for p in day.prescriptions
        if p.exercise == "Back Extension"
        for g in p.groups
    }
    assert ranges == {(10, 12)}


def test_5x5_starts_the_row_at_30_and_the_deadlift_at_40_kg() -> None:
    program = parse_program(_text("5x5-linear.txt"))
    given = {p.exercise: p.groups[0].load.value for day in program.days for p in day.prescriptions}
    assert given["Barbell Row"] == 30 and given["Deadlift"] == 40
    assert given["Back Squat"] is None  # the empty bar

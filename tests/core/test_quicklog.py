"""The quick-log grammar: the documented examples, precise errors, and property tests."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repbook.core.quicklog import QuickLogError, QuickSet, parse_quicklog

D = Decimal


@pytest.mark.parametrize(
    ("line", "exercise", "sets"),
    [
        ("Back extension 3x12 @ 10kg", "Back extension", [QuickSet(reps=12, weight=D(10), unit="kg")] * 3),
        ("Back extension 3x12", "Back extension", [QuickSet(reps=12)] * 3),
        (
            "Deadlift 140kg x 5,5,4",
            "Deadlift",
            [QuickSet(reps=r, weight=D(140), unit="kg") for r in (5, 5, 4)],
        ),
        ("Pull-up 3x8 +5kg", "Pull-up", [QuickSet(reps=8, weight=D(5), unit="kg")] * 3),
        ("Pull-up 3x8 -20 kg", "Pull-up", [QuickSet(reps=8, weight=D(-20), unit="kg")] * 3),
        ("Bench press 100kg x 5 @8", "Bench press", [QuickSet(reps=5, weight=D(100), unit="kg", rpe=D(8))]),
        ("Plank 3x60s", "Plank", [QuickSet(duration_s=60)] * 3),
        ("Plank 2 x 2min", "Plank", [QuickSet(duration_s=120)] * 2),
        (
            "Farmer's carry 3x40m @ 32kg",
            "Farmer's carry",
            [QuickSet(distance_m=D(40), weight=D(32), unit="kg")] * 3,
        ),
        ("Squat 3x5 @ 225lb", "Squat", [QuickSet(reps=5, weight=D(225), unit="lb")] * 3),
        (
            "Squat 225 lbs x 5 x 3 rpe 7.5",
            "Squat",
            [QuickSet(reps=5, weight=D(225), unit="lb", rpe=D("7.5"))] * 3,
        ),
        ("Squat 102,5kg × 3", "Squat", [QuickSet(reps=3, weight=D("102.5"), unit="kg")]),
        ("Row 3x10 @ 30 rir 2", "Row", [QuickSet(reps=10, weight=D(30), rir=2)] * 3),
        ("Curl 3x10 @rpe 9", "Curl", [QuickSet(reps=10, rpe=D(9))] * 3),
        ("45 degree back extension 2x12", "45 degree back extension", [QuickSet(reps=12)] * 2),
        ("Bench 225 x 5,5,5", "Bench", [QuickSet(reps=5, weight=D(225))] * 3),
    ],
)
def test_documented_lines(line: str, exercise: str, sets: list[QuickSet]) -> None:
    parsed = parse_quicklog(line)
    assert parsed.exercise == exercise
    assert list(parsed.sets) == sets


def test_a_note_after_a_hash() -> None:
    parsed = parse_quicklog("Back extension 3x12 # felt easy, add a plate")
    assert parsed.note == "felt easy, add a plate"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Back extension 3x12 @ 10kgg", "could not read 'kgg' at column 25: expected a unit kg or lb"),
        ("Back extension 3y12", "could not read 'y12' at column 17: expected x between sets and reps"),
        ("Back extension", "the line ended at column 15: expected sets and reps after the exercise name"),
        ("", "expected an exercise name"),
        ("Deadlift 140kg x", "the line ended at column 17: expected a number of reps"),
        ("Deadlift 140kg x 5 banana", "could not read 'banana' at column 20: expected the end of the line"),
        ("Squat 0x5", "could not read '0x5' at column 7: expected 1 to 50 sets"),
    ],
)
def test_errors_point_at_the_exact_place(line: str, message: str) -> None:
    with pytest.raises(QuickLogError) as caught:
        parse_quicklog(line)
    assert message in str(caught.value)


names = st.text(alphabet=st.characters(whitelist_categories=("L",)), min_size=1, max_size=20).map(
    lambda s: s.strip() or "Row"
)


@given(
    name=names,
    sets=st.integers(1, 50),
    reps=st.integers(1, 999),
    weight=st.decimals(min_value=0, max_value=999, places=1),
    unit=st.sampled_from(["kg", "lb", "KG", "lbs"]),
    space=st.sampled_from(["", " "]),
)
def test_sets_reps_weight_round_trip(
    name: str, sets: int, reps: int, weight: Decimal, unit: str, space: str
) -> None:
    parsed = parse_quicklog(f"{name} {sets}x{reps}{space}@{space}{weight}{unit}")
    assert parsed.exercise == name
    assert len(parsed.sets) == sets
    assert parsed.sets[0] == QuickSet(
        reps=reps, weight=weight, unit="kg" if unit.lower().startswith("kg") else "lb"
    )


@given(name=names, weight=st.integers(1, 500), reps=st.lists(st.integers(1, 99), min_size=1, max_size=8))
def test_weight_then_rep_list_round_trip(name: str, weight: int, reps: list[int]) -> None:
    parsed = parse_quicklog(f"{name} {weight}kg x {','.join(map(str, reps))}")
    assert [s.reps for s in parsed.sets] == reps
    assert all(s.weight == weight for s in parsed.sets)


@given(st.text(max_size=80))
def test_any_text_parses_or_raises_only_quicklog_error(text: str) -> None:
    try:
        parsed = parse_quicklog(text)
    except QuickLogError as error:
        assert 1 <= error.column <= len(text) + 1
    else:
        assert parsed.sets

"""`repbook log`: the quick-log line from the command line."""

from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner

from repbook.cli import main
from repbook.storage.models import Set

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str) -> object:
    return CliRunner().invoke(main, ["log", *args])


def test_back_extension_with_a_plate_then_deadlift(alice) -> None:
    first = run("Back extension 3x12 @ 10kg")
    assert first.exit_code == 0, first.output
    assert "Logged 3 sets of Back Extension: 12 × 10 kg" in first.output
    second = run("Deadlift 140kg x 5,5,4")
    assert second.exit_code == 0, second.output
    back = list(Set.objects.filter(exercise__slug="back-extension").order_by("order"))
    assert [(s.reps, s.weight_kg, s.order) for s in back] == [
        (12, Decimal(10), 1),
        (12, Decimal(10), 2),
        (12, Decimal(10), 3),
    ]
    dead = list(Set.objects.filter(exercise__slug="deadlift").order_by("order"))
    assert [(s.reps, s.weight_kg) for s in dead] == [(5, Decimal(140)), (5, Decimal(140)), (4, Decimal(140))]
    assert len({s.workout_id for s in back + dead}) == 1


def test_pounds_rpe_and_a_past_date(alice) -> None:
    result = run("Bench press 225lb x 5 @8", "--date", "2026-03-14")
    assert result.exit_code == 0, result.output
    row = Set.objects.get()
    assert row.typed_unit == "lb" and row.typed_weight == 225 and row.rpe == 8
    assert row.performed_at.date().isoformat() == "2026-03-14"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Back extension 3x12 @ 10kgg"], "could not read 'kgg' at column 25: expected a unit kg or lb"),
        (["Unicorn press 3x5"], "no exercise called 'Unicorn press'"),
        (["Curl 3x10"], "could mean several exercises"),
        (["Deadlift 140kg x 5 @ 11"], "rpe: must be from 1 to 10"),
        (["Deadlift 3x500 @ 100kg"], "reps: must be from 0 to 100 in a set with a load"),
        (["Deadlift 3x5", "--date", "yesterday"], "is not a date like"),
        (["Deadlift 3x5 @ 100", "--date", "2999-01-01"], "in the future"),
    ],
)
def test_errors_are_clear_and_write_nothing(alice, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert not Set.objects.exists()

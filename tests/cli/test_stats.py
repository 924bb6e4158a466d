"""`repbook stats` and `repbook bodyweight`."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from click.testing import CliRunner, Result

from repbook.cli import main
from repbook.storage.models import BodyWeight
from tests.services.stats_helpers import days_ago, lift

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_overview_text_and_json(alice: Any) -> None:
    lift(alice, "deadlift", days_ago(8), "100", 5, times=3)
    lift(alice, "deadlift", days_ago(0), "110", 5, times=2, felt_pain=True)
    text = run("stats")
    assert text.exit_code == 0, text.output
    assert "This week against your 4-week average" in text.output
    assert "Deadlift" in text.output and "127.5 kg" in text.output  # 110 × (1 + 5/30) = 128.33, to the plate
    assert "one to two weeks off the deadlift" in text.output
    data = json.loads(run("stats", "--json", "--weeks", "3").output)
    assert len(data["training"]["weeks"]) == 3
    assert data["best_lifts"][0]["exercise"] == "deadlift" and data["best_lifts"][0]["e1rm_kg"] == 128.33
    assert data["guidance"][0]["kind"] == "pain"


def test_one_exercise(alice: Any) -> None:
    lift(alice, "deadlift", days_ago(8), "100", 5)
    lift(alice, "deadlift", days_ago(1), "100", 25)
    text = run("stats", "--exercise", "deadlift")
    assert text.exit_code == 0, text.output
    assert "best e1RM 117.5 kg (epley) from 100 kg × 5" in text.output  # 116.67 kg to the plate
    assert "rough estimate" in text.output  # the 25-rep record is marked
    data = json.loads(run("stats", "--exercise", "deadlift", "--json").output)
    assert [s["e1rm_reliable"] for s in data["sessions"]] == [True, False]
    assert [r["kind"] for r in data["records"] if not r["reliable"]] == ["e1rm"]


def test_body_weight_log_from_the_command_line(alice: Any) -> None:
    assert run("bodyweight").output.startswith("No body weight logged yet")
    logged = run("bodyweight", "180", "--unit", "lb", "--date", days_ago(2).isoformat())
    assert logged.exit_code == 0 and logged.output == f"Logged 81.65 kg on {days_ago(2)}.\n"
    assert run("bodyweight", "81").exit_code == 0
    listed = run("bodyweight")
    assert "81 kg" in listed.output and "trend" in listed.output
    rows = json.loads(run("bodyweight", "--json").output)
    assert [(r["typed_value"], r["typed_unit"]) for r in rows] == [(81.0, "kg"), (180.0, "lb")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["bodyweight", "heavy"], "'heavy' is not a number"),
        (["bodyweight", "nan"], "'nan' is not a number"),
        (["bodyweight", "5"], "weight: must be between 20 and 400 kg"),
        (["bodyweight", "80", "--date", "yesterday"], "is not a date like"),
        (["bodyweight", "80", "--date", "2999-01-01"], "date: is in the future"),
        (["stats", "--exercise", "nope"], "no exercise 'nope'"),
        (["stats", "--weeks", "0"], "0 is not in the range"),
    ],
)
def test_bad_arguments_are_clear(alice: Any, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code in (1, 2) and message in result.output
    assert isinstance(result.exception, SystemExit)
    assert not BodyWeight.objects.exists()


def test_body_weight_is_kept_as_typed(alice: Any) -> None:
    run("bodyweight", "80.25")
    row = BodyWeight.objects.get()
    assert (row.weight_kg, row.typed_value, row.typed_unit) == (Decimal("80.25"), Decimal("80.25"), "kg")

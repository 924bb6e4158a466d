"""`repbook calc`: the calculators, in-process; they need no database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from repbook.cli import main


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["calc", *args])


def as_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_e1rm_prints_every_formula_and_the_rpe_chart() -> None:
    result = run("e1rm", "100", "5", "--rpe", "8")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Estimated 1RM from 100 kg × 5:"
    assert lines[1].split() == ["epley", "116.67", "kg"]
    assert lines[2].split() == ["brzycki", "112.5", "kg"]
    assert len(lines) == 9  # heading, seven formulas, the chart
    assert lines[8].split()[:4] == ["RPE", "8", "123.3", "kg"]  # 100 / 0.811
    assert "81.1 % of 1RM" in lines[8]
    assert "nreliable" not in result.output


def test_e1rm_json_shape_and_numbers() -> None:
    data = as_json("e1rm", "100", "5", "--rpe", "8")
    assert data == {
        "weight": 100,
        "reps": 5,
        "unit": "kg",
        "estimates": {
            "epley": 116.67,
            "brzycki": 112.5,
            "lander": 113.71,
            "lombardi": 117.46,
            "mayhew": 119.01,
            "oconner": 112.5,
            "wathan": 116.58,
        },
        "rpe": 8,
        "rpe_estimate": 123.3,
        "reliable": True,
    }


def test_e1rm_one_formula_rir_and_pounds() -> None:
    data = as_json("e1rm", "225", "3", "--rir", "1", "--formula", "brzycki", "--unit", "lb")
    # RIR 1 is RPE 9; 3 reps at RPE 9 is 89.2 % of 1RM on the chart.
    assert data["estimates"] == {"brzycki": 238.24}
    assert (data["unit"], data["rpe"], data["rpe_estimate"]) == ("lb", 9, 252.24)
    text = run("e1rm", "225", "3", "--formula", "brzycki", "--unit", "lb").output
    assert text.splitlines()[1].split() == ["brzycki", "238.24", "lb"]


def test_one_rep_is_the_weight_itself() -> None:
    data = as_json("e1rm", "142.5", "1")
    assert set(data["estimates"].values()) == {142.5}


def test_e1rm_above_12_reps_is_marked_unreliable_and_off_the_chart() -> None:
    result = run("e1rm", "60", "15", "--rpe", "7")
    assert result.exit_code == 0, result.output
    assert "Unreliable: above 12 reps every estimate is a rough guess." in result.output
    assert result.output.splitlines()[8].split() == ["RPE", "7", "off", "the", "chart"]
    data = as_json("e1rm", "60", "15", "--rpe", "7")
    assert (data["reliable"], data["rpe_estimate"], data["estimates"]["epley"]) == (False, None, 90)


def test_score_wilks_for_a_known_lifter() -> None:
    # 500 kg at 90 kg, male: the Wilks coefficient is 0.6384.
    result = run("score", "500", "--bodyweight", "90", "--sex", "m", "--formula", "wilks")
    assert (result.exit_code, result.output) == (0, "wilks: 319.2\n")


def test_score_json_for_each_formula() -> None:
    common = ("score", "500", "--bodyweight", "90", "--sex", "m")
    assert as_json(*common, "--formula", "gl") == {
        "total": 500,
        "bodyweight": 90,
        "unit": "kg",
        "sex": "m",
        "formula": "gl",
        "event": "sbd",
        "equipped": False,
        "score": 66.47,
    }
    assert as_json(*common, "--formula", "dots")["score"] == 323.3
    assert as_json(*common, "--formula", "wilks2020")["score"] == 383.5
    dots = as_json(*common, "--formula", "dots")
    assert (dots["event"], dots["equipped"]) == (None, None)
    bench = as_json("score", "150", "--bodyweight", "90", "--sex", "m", "--formula", "gl", "--event", "bench")
    assert bench["score"] == 72.33
    equipped = as_json(
        "score",
        "150",
        "--bodyweight",
        "90",
        "--sex",
        "m",
        "--formula",
        "gl",
        "--event",
        "bench",
        "--equipped",
    )
    assert (equipped["equipped"], equipped["score"]) == (True, 50.6)


def test_score_in_pounds_converts_both_to_kg() -> None:
    # 1102 lb = 499.859 kg, 198 lb = 89.811 kg.
    data = as_json("score", "1102", "--bodyweight", "198", "--sex", "m", "--formula", "wilks", "--unit", "lb")
    assert (data["total"], data["bodyweight"], data["unit"], data["score"]) == (1102, 198, "lb", 319.45)


def test_plates_per_side() -> None:
    result = run("plates", "100")
    assert (result.exit_code, result.output) == (0, "100 kg on a 20 kg bar, each side: 25 + 15\n")
    assert as_json("plates", "100") == {
        "weight": 100,
        "bar": 20,
        "unit": "kg",
        "per_side": [25, 15],
        "loaded": 100,
        "exact": True,
        "short_by": 0,
        "below_bar": False,
    }


def test_change_plates_load_the_kilograms_between_the_usual_jumps() -> None:
    assert run("plates", "101").output == "101 kg on a 20 kg bar, each side: 25 + 15 + 0.5\n"


def test_plates_that_cannot_be_made_exactly_say_what_they_load() -> None:
    result = run("plates", "100.5")
    assert result.output == (
        "100.5 kg cannot be made exactly with 25, 20, 15, 10, 5, 2.5, 1.25, 0.5 kg plates.\n"
        "100 kg on a 20 kg bar (0.5 kg short), each side: 25 + 15\n"
    )
    data = as_json("plates", "100.5")
    assert (data["loaded"], data["exact"], data["short_by"]) == (100, False, 0.5)


def test_plates_below_the_bar_and_on_an_empty_bar() -> None:
    assert run("plates", "15").output == "15 kg is below the 20 kg bar: the empty bar is the least.\n"
    data = as_json("plates", "15")
    assert (data["below_bar"], data["per_side"], data["loaded"], data["short_by"]) == (True, [], 20, -5)
    assert run("plates", "20").output == "20 kg on a 20 kg bar, each side: nothing (the empty bar)\n"


def test_plates_in_pounds_and_with_another_bar() -> None:
    assert as_json("plates", "225", "--unit", "lb")["per_side"] == [45, 45]
    assert as_json("plates", "315", "--unit", "lb")["per_side"] == [45, 45, 45]
    data = as_json("plates", "100", "--bar", "15")
    assert (data["bar"], data["per_side"]) == (15, [25, 15, 2.5])


def test_warmup_sets() -> None:
    result = run("warmup", "100")
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.output.splitlines()]
    assert rows == [
        ["Warm-up", "for", "100", "kg", "on", "a", "20", "kg", "bar:"],
        ["20", "kg", "×", "10", "(20", "%)"],
        ["40", "kg", "×", "5", "(40", "%)"],
        ["60", "kg", "×", "3", "(60", "%)"],
        ["80", "kg", "×", "1", "(80", "%)"],
        ["Then", "100", "kg."],
    ]


def test_warmup_json_in_pounds() -> None:
    assert as_json("warmup", "315", "--unit", "lb") == {
        "weight": 315,
        "bar": 45,
        "unit": "lb",
        "sets": [
            {"weight": 45, "reps": 10, "percent": 14},
            {"weight": 125, "reps": 5, "percent": 40},
            {"weight": 185, "reps": 3, "percent": 60},
            {"weight": 250, "reps": 1, "percent": 80},
        ],
    }


def test_warmup_at_or_below_the_bar_has_no_sets() -> None:
    assert run("warmup", "20").output == "No warm-up sets: 20 kg is not above the 20 kg bar.\n"
    assert as_json("warmup", "20")["sets"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("e1rm", "-100", "5"),
            "Invalid value for 'WEIGHT': expected a weight above 0, at most 5000, not '-100'",
        ),
        (("e1rm", "0", "5"), "expected a weight above 0, at most 5000, not '0'"),
        (("e1rm", "heavy", "5"), "expected a weight above 0, at most 5000, not 'heavy'"),
        (("e1rm", "nan", "5"), "expected a weight above 0, at most 5000, not 'nan'"),
        (("e1rm", "inf", "5"), "expected a weight above 0, at most 5000, not 'inf'"),
        (("e1rm", "1e-9", "5"), "expected a weight above 0, at most 5000, not '1e-9'"),
        (
            ("e1rm", "100", "0"),
            "Invalid value for 'REPS': expected a whole number of reps from 1 to 30, not '0'",
        ),
        (("e1rm", "100", "31"), "expected a whole number of reps from 1 to 30, not '31'"),
        (("e1rm", "100", "5.5"), "expected a whole number of reps from 1 to 30, not '5.5'"),
        (("e1rm", "100", "5", "--rpe", "11"), "expected an RPE from 1 to 10 in half steps, not '11'"),
        (("e1rm", "100", "5", "--rpe", "0.5"), "expected an RPE from 1 to 10 in half steps, not '0.5'"),
        (("e1rm", "100", "5", "--rpe", "8.3"), "expected an RPE from 1 to 10 in half steps, not '8.3'"),
        (("e1rm", "100", "5", "--rpe", "NaN"), "expected an RPE from 1 to 10 in half steps, not 'NaN'"),
        (("e1rm", "100", "5", "--rir", "-1"), "expected reps in reserve from 0 to 9 in half steps, not '-1'"),
        (("e1rm", "100", "5", "--rpe", "8", "--rir", "2"), "give --rpe or --rir, not both"),
        (("e1rm", "100", "5", "--formula", "guess"), "'guess' is not one of 'epley', 'brzycki'"),
        (
            ("score", "500", "--bodyweight", "0", "--sex", "m", "--formula", "wilks"),
            "Invalid value for '--bodyweight': expected a weight above 0, at most 5000, not '0'",
        ),
        (
            ("score", "500", "--bodyweight", "90", "--sex", "x", "--formula", "wilks"),
            "Invalid value for '--sex': 'x' is not one of 'm', 'f'.",
        ),
        (
            ("score", "500", "--bodyweight", "90", "--sex", "m", "--formula", "dots", "--equipped"),
            "--event and --equipped apply to --formula gl only",
        ),
        (("score", "500", "--bodyweight", "90", "--sex", "m"), "Missing option '--formula'"),
        (("plates", "-20"), "Invalid value for 'WEIGHT': expected a weight above 0, at most 5000, not '-20'"),
        (("plates", "1e20"), "expected a weight above 0, at most 5000, not '1e20'"),
        (("plates", "100", "--bar", "-1"), "Invalid value for '--bar': expected a bar weight from 0 to 100"),
        (
            ("warmup", "100", "--unit", "stone"),
            "Invalid value for '--unit': 'stone' is not one of 'kg', 'lb'.",
        ),
    ],
)
def test_bad_input_is_one_clear_line_without_a_traceback(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    error = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(error) == 1 and message in error[0], result.output
    assert "Traceback" not in result.output


def test_calc_runs_without_a_database(tmp_path: Path) -> None:
    # The real command on a fresh data dir: no migration, no first account, nothing written.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REPBOOK_", "DJANGO_"))}
    env["REPBOOK_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "repbook", "calc", "plates", "100", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["per_side"] == [25, 15]
    assert list(tmp_path.iterdir()) == []

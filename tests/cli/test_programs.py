"""`repbook programs`, `repbook program show|start|tm|import|export`, `repbook next`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from repbook.cli import main
from repbook.storage.models import Program, Workout

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def test_list_show_start_and_next(alice: Any) -> None:
    listed = run("programs")
    assert listed.exit_code == 0, listed.output
    assert "back-workout" in listed.output and "GZCLP" in listed.output
    shown = run("program", "show", "back-workout")
    assert shown.exit_code == 0, shown.output
    assert "Deadlift: 3x5 (linear +5kg, rest 180 s)" in shown.output
    assert run("next").exit_code == 1  # no program yet
    assert "you follow no program" in run("next").output
    started = run("program", "start", "back-workout")
    assert started.exit_code == 0 and "alice now follows Back workout" in started.output
    text = run("next")
    assert text.exit_code == 0, text.output
    assert "Back workout: Back (day 1 of 1)" in text.output and "why: first time" in text.output
    data = json.loads(run("next", "--json").output)
    deadlift = data["exercises"][0]
    assert (deadlift["exercise"], deadlift["sets"][0]["sets"], deadlift["sets"][0]["reps"]) == (
        "deadlift",
        2,
        "5",
    )
    assert deadlift["sets"][0]["load"] == "20 kg" and deadlift["sets"][0]["reason"]


def test_next_start_then_quick_log_counts_for_the_program(alice: Any) -> None:
    run("program", "start", "back-workout")
    started = run("next", "--start")
    assert started.exit_code == 0 and "Started workout" in started.output
    assert run("log", "Deadlift 60kg x 5,5").exit_code == 0
    assert Workout.objects.get().sets.count() == 2
    again = run("next", "--start")
    assert again.exit_code == 0 and "Resumed your open workout" in again.output
    assert Workout.objects.count() == 1
    data = json.loads(run("next", "--json").output)
    assert data["exercises"][0]["reason"] == "last time 2 × 5 at 60 kg, every rep → 65 kg × 5"


def test_a_training_max_set_from_the_command_line_loads_the_first_531_session(alice: Any) -> None:
    run("program", "start", "531")
    before = json.loads(run("next", "--json").output)["exercises"][0]
    assert before["exercise"] == "overhead-press" and before["sets"][3]["load"] is None
    for lift, load in (("overhead-press", "40"), ("deadlift", "122.5"), ("bench-press", "70")):
        done = run("program", "tm", "531", lift, load)
        assert done.exit_code == 0, done.output
        assert f"Training max of {lift}: {load} kg" in done.output
    press = json.loads(run("next", "--json").output)["exercises"][0]
    assert [g["load"] for g in press["sets"]][3:] == ["25 kg", "30 kg", "35 kg"]
    assert "training max 40 kg, set by hand" in press["reason"]
    refused = run("program", "tm", "531", "dip", "50")
    assert refused.exit_code == 1 and "'dip' has no training max in 5/3/1" in refused.output
    assert "you do not follow 'gzclp'" in run("program", "tm", "gzclp", "deadlift", "100").output
    assert "is not a number" in run("program", "tm", "531", "deadlift", "heavy").output
    assert "above 0 and at most 1000" in run("program", "tm", "531", "deadlift", "0").output


def test_import_and_export_a_program(alice: Any, tmp_path: Path) -> None:
    source = tmp_path / "mine.txt"
    source.write_text("Program: Mine\nDay: A\nDeadlift: 3x5; linear +5kg\n", encoding="utf-8")
    imported = run("program", "import", str(source))
    assert imported.exit_code == 0, imported.output
    assert "Saved Mine as mine" in imported.output
    assert Program.objects.get(slug="mine").owner == alice
    out = tmp_path / "out.txt"
    assert run("program", "export", "mine", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("Program: Bad\nDay: A\nDeadlift: 3xx5\n", encoding="utf-8")
    refused = run("program", "import", str(bad))
    assert refused.exit_code == 1 and "line 3: Deadlift: could not read '3xx5'" in refused.output
    assert "Traceback" not in refused.output
    assert "no program 'nope'" in run("program", "show", "nope").output

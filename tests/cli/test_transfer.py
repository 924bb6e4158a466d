"""`repbook import` and `repbook export`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from repbook.cli import main
from repbook.storage.models import ExerciseMapping, Set, Workout

pytestmark = pytest.mark.django_db(transaction=True)
FIXTURES = Path(__file__).parents[1] / "importers" / "fixtures"


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def test_dry_run_then_import_then_again(alice: Any) -> None:
    path = str(FIXTURES / "strong_ios_comma_kg.csv")
    preview = run("import", path, "--dry-run")
    assert preview.exit_code == 0, preview.output
    assert "Would import 3 workouts (23 sets) from 2026-03-02 to 2026-03-09" in preview.output
    assert "Deadlift (Barbell)" in preview.output and "→ Deadlift (deadlift), exact" in preview.output
    assert not Workout.objects.exists()
    done = run("import", path, "--unit", "lb")
    assert done.exit_code == 0 and "Imported 3 workouts (23 sets)" in done.output
    assert Set.objects.filter(owner=alice, typed_unit="lb").exists()
    again = run("import", path)
    assert "Imported 0 workouts" in again.output and "3 workouts already in your log" in again.output


def test_unmatched_names_print_a_mapping_file_to_fill_in(alice: Any, tmp_path: Path) -> None:
    path = str(FIXTURES / "wger_api_v2_workoutlog_page.json")
    refused = run("import", path)
    assert refused.exit_code == 1
    assert "match no exercise: 'wger exercise 184'" in refused.output
    assert "wger exercise 184 = " in refused.output and "--map FILE" in refused.output
    mapping = tmp_path / "map.txt"
    mapping.write_text(
        "# wger ids\nwger exercise 184 = deadlift\nwger exercise 475 = pull-up\n"
        "wger exercise 81 = dumbbell-row\nwger exercise 822 = -skip\nwger exercise 301 = +new\n"
    )
    done = run("import", path, "--map", str(mapping), "--json")
    assert done.exit_code == 0, done.output
    report = json.loads(done.output)
    assert (report["workouts"], report["sets"], report["created_exercises"]) == (1, 6, ["wger exercise 301"])
    assert ExerciseMapping.objects.filter(owner=alice).count() == 4  # answers kept, skips not


def test_create_missing_and_stdin(alice: Any) -> None:
    data = (FIXTURES / "wger_api_v2_workoutlog_page.json").read_bytes()
    done = run("import", "-", "--create-missing", stdin=data)
    assert done.exit_code == 0, done.output
    assert "Imported 1 workout (7 sets)" in done.output and "new exercise of your own" in done.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "/no/such/file.csv"], "cannot read '/no/such/file.csv'"),
        (["import", "FILE", "--format", "excel"], "Invalid value for '--format'"),
        (["import", "FILE", "--unit", "stone"], "Invalid value for '--unit'"),
        (["import", "FILE", "--map", "/no/map.txt"], "cannot read '/no/map.txt'"),
        (["import", "FILE", "--format", "hevy"], "not a Hevy export"),
        (["export", "--format", "xml"], "Invalid value for '--format'"),
        (["export", "-o", "/no/dir/out.json"], "cannot write '/no/dir/out.json'"),
    ],
)
def test_bad_arguments_say_what_is_wrong(alice: Any, args: list[str], message: str) -> None:
    args = [str(FIXTURES / "strong_ios_comma_kg.csv") if a == "FILE" else a for a in args]
    result = run(*args)
    assert result.exit_code != 0
    assert message.lower() in result.output.lower()
    assert "Traceback" not in result.output
    assert not Workout.objects.exists()


def test_bad_mapping_file(alice: Any, tmp_path: Path) -> None:
    mapping = tmp_path / "map.txt"
    mapping.write_text("no equals sign here\n")
    result = run("import", str(FIXTURES / "hevy_workout_data_kg.csv"), "--map", str(mapping))
    assert result.exit_code == 2 and "line 1: write `Foreign name = exercise-slug`" in result.output
    mapping.write_text("Plank = no-such-exercise\n")
    result = run("import", str(FIXTURES / "hevy_workout_data_kg.csv"), "--map", str(mapping))
    assert result.exit_code == 1 and "no exercise 'no-such-exercise'" in result.output


def test_export_json_and_csv(alice: Any, tmp_path: Path) -> None:
    run("import", str(FIXTURES / "hevy_workout_data_kg.csv"))
    data = json.loads(run("export").output)
    assert data["format"] == "repbook" and len(data["workouts"]) == 3
    out = tmp_path / "sets.csv"
    written = run("export", "--format", "csv", "-o", str(out))
    assert written.exit_code == 0
    lines = out.read_text().splitlines()
    assert lines[0].startswith("workout_started_at,workout_name") and len(lines) == 24

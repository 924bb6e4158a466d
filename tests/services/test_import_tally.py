"""The import report accounts for every set of a file: written, in a workout already there, left out by
the user's answer, or refused on a line that says why. Run on every sample file, then through the
CLI and the API."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile

from repbook.cli import main
from repbook.services.transfer.import_matching import SKIP
from repbook.services.transfer.imports import ImportOptions, ImportReport, import_file
from repbook.storage.models import Set

TESTS = Path(__file__).parents[1]
SAMPLES = sorted(
    [*(TESTS / "fixtures" / "imports").glob("*.csv"), *(TESTS / "importers" / "fixtures").glob("*.csv")]
)


def accounted(report: ImportReport) -> bool:
    gone = report.duplicate_sets + report.left_out_sets + report.refused_sets
    return report.sets_read == report.sets + gone and report.refused_sets <= len(report.problems)


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_every_set_of_every_sample_is_accounted_for(alice: Any, path: Path) -> None:
    report = import_file(alice, path.read_bytes(), ImportOptions(dry_run=True, create_missing=True))
    assert accounted(report), report
    assert report.sets_read >= report.sets
    assert report.sets > 0 or report.body_weights > 0
    assert sum(lines for _reason, lines in report.skipped_reasons) == len(report.problems)
    names = report.names_matched + report.names_suggested + report.names_created
    assert names == len(report.names)  # create_missing answers every name


def test_left_out_duplicate_and_refused_sets_are_counted(alice: Any) -> None:
    data = (TESTS / "fixtures" / "imports" / "hevy_portuguese_months.csv").read_bytes()
    first = import_file(alice, data, ImportOptions(create_missing=True, choices={"Barra Fixa": SKIP}))
    assert (first.sets_read, first.sets, first.left_out_sets, first.refused_sets) == (6, 5, 1, 0)
    assert first.skipped_reasons == [("date … has a month we cannot read (…)", 1)]
    assert first.names_created == 2
    again = import_file(alice, data, ImportOptions(create_missing=True))
    assert (again.sets_read, again.sets, again.duplicate_sets) == (6, 0, 6)
    assert accounted(first) and accounted(again)


def test_cardio_rows_with_zero_reps_are_written_with_their_time_and_distance(alice: Any) -> None:
    data = (TESTS / "fixtures" / "imports" / "fitnotes_cardio.csv").read_bytes()
    report = import_file(alice, data, ImportOptions(create_missing=True))
    assert (report.sets_read, report.sets, report.problems) == (4, 4, [])
    rows = Set.objects.filter(owner=alice).order_by("order", "pk")
    cardio = {s.exercise.name: (s.reps, s.duration_s, s.distance_m) for s in rows if s.reps is None}
    assert cardio == {
        "Stationary Bike": (None, 1500, None),
        "Running": (None, 1800, Decimal("4500.00")),  # "Treadmill" in the file: the running page's alias
        "Rowing Machine": (None, None, Decimal("2000.00")),
    }


@pytest.mark.django_db(transaction=True)
def test_the_cli_prints_where_every_set_went(alice: Any) -> None:
    path = TESTS / "fixtures" / "imports" / "hevy_portuguese_months.csv"
    result = CliRunner().invoke(main, ["import", str(path), "--dry-run", "--create-missing"])
    assert result.exit_code == 0, result.output
    assert "Sets: 6 read, 6 to write." in result.output
    assert (
        "Names: 0 matched, 0 suggested (check them), 3 created as your own, 0 without an answer."
        in result.output
    )
    assert "1 × date … has a month we cannot read (…)" in result.output
    assert "line 8: date '31 Xyz 2026, 07:05' has a month we cannot read ('Xyz')" in result.output


def test_the_api_answers_with_the_summary(alice: Any, alice_api: Any) -> None:
    data = (TESTS / "fixtures" / "imports" / "strong_ios_german.csv").read_bytes()
    body = {"file": SimpleUploadedFile("de.csv", data), "dry_run": "true", "create_missing": "true"}
    response = alice_api.client.post("/api/v1/imports", body, headers=alice_api.headers)
    assert response.status_code == 200, response.content
    assert response.json()["summary"] == {
        "sets_read": 4,
        "sets_written": 4,
        "sets_in_workouts_already_there": 0,
        "sets_left_out": 0,
        "sets_refused": 0,
        "lines_skipped": 0,
        "skipped_by_reason": [],
        "names_matched": 0,
        "names_suggested": 0,
        "names_created": 3,
    }


def test_the_mapping_file_never_answers_an_unmatched_name_with_a_similar_exercise(alice: Any) -> None:
    from repbook.services.transfer.import_json import mapping_template

    text = (
        "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
        "2026-03-04,High Pull,Back,40.0,kgs,8,,,,\n2026-03-04,Jumping Lunge,Legs,0.0,kgs,10,,,,\n"
    )
    report = import_file(alice, text.encode(), ImportOptions(dry_run=True))
    template = mapping_template(report)
    assert "High Pull = +new" in template and "Jumping Lunge = +new" in template
    assert "= pull-up" not in template and "= dumbbell-lunge" not in template

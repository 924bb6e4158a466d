"""On a phone: import a wger export from Settings, answer the names it cannot match, and find the
workout in the log."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from repbook.storage.models import ExerciseMapping, PendingImport, Set, User, Workout

pytestmark = pytest.mark.django_db(transaction=True)

WGER = Path(__file__).parent.parent / "importers" / "fixtures" / "wger_api_v2_workoutlog_page.json"


def test_import_a_wger_export_answering_the_unmatched_names(logged_in_page: Any) -> None:
    page = logged_in_page
    page.goto("/settings/")
    page.get_by_role("link", name="Import and export").click()
    page.wait_for_url("**/import/")

    page.get_by_label("Export file").set_input_files(str(WGER))
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_url(re.compile(r"/import/\d+/$"))
    summary = page.get_by_test_id("import-summary")
    assert "Ready to import 1 workout with 7 sets" in summary.text_content()
    names = page.get_by_test_id("import-names")
    assert names.locator("tr.unmatched").count() == 5
    assert names.get_by_text("no match").count() == 5

    # Importing before answering is refused, with the names it could not match.
    page.get_by_role("button", name="Import 1 workout").click()
    alert = page.get_by_role("alert")
    assert "match no exercise" in alert.text_content() and "wger exercise 184" in alert.text_content()
    assert Workout.objects.count() == 0

    page.get_by_label("wger exercise 184").select_option(label="Deadlift")
    for name in ("wger exercise 475", "wger exercise 81", "wger exercise 822", "wger exercise 301"):
        page.get_by_label(name).select_option(label="Leave these sets out")
    page.get_by_role("button", name="Import 1 workout").click()
    done = page.get_by_test_id("import-done")
    assert "1 workout and 3 sets from 2 Mar 2026" in done.text_content()

    alice = User.objects.get(username="alice")
    assert Set.objects.filter(owner=alice, exercise__slug="deadlift").count() == 3
    assert ExerciseMapping.objects.get(owner=alice).foreign_name == "wger exercise 184"
    assert not PendingImport.objects.exists()

    done.get_by_role("link", name="See your log").click()
    page.wait_for_url("**/workouts/")
    page.goto("/workouts/?month=2026-03")
    day = page.locator(".calendar td.trained a")
    assert day.count() == 1 and day.text_content() == "2"
    day.click()
    page.wait_for_url(re.compile(r"/workouts/\d+/$"))
    assert page.get_by_test_id("set-row").count() == 3

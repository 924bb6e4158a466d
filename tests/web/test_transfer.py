"""The import pages (upload, review the exercise names, import) and the export downloads."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from repbook.services.exercise import custom_exercises
from repbook.services.exercise.custom_exercises import CustomExerciseInput
from repbook.services.transfer.imports import ImportOptions, import_file
from repbook.services.workout import body_weight
from repbook.storage.models import BodyWeight, Exercise, ExerciseMapping, PendingImport, Set, Workout
from tests.services.stats_helpers import days_ago, lift

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent.parent / "importers" / "fixtures"
STRONG = "strong_ios_comma_kg.csv"  # 3 workouts, 23 sets, every name matches exactly
WGER = "wger_api_v2_workoutlog_page.json"  # 1 workout, 7 sets, five names that match nothing
WGER_NAMES = [f"wger exercise {n}" for n in (184, 475, 81, 822, 301)]


def upload(client: Client, name: str = STRONG, data: bytes | None = None, **fields: str) -> Any:
    content = (FIXTURES / name).read_bytes() if data is None else data
    payload: dict[str, Any] = {"format": "auto", "unit": "kg", **fields}
    payload["file"] = SimpleUploadedFile(name, content)
    return client.post("/import/", payload)


def review(client: Client, name: str = STRONG) -> tuple[int, str]:
    """Upload a sample file; its pending id and the review page."""
    response = upload(client, name)
    assert response.status_code == 302, response.content.decode()
    match = re.fullmatch(r"/import/(\d+)/", response["Location"])
    assert match, response["Location"]
    page = client.get(response["Location"])
    assert page.status_code == 200
    return int(match[1]), page.content.decode()


def counts(user: Any) -> tuple[int, int]:
    return Workout.objects.filter(owner=user).count(), Set.objects.filter(owner=user).count()


def nothing_written(*users: Any) -> bool:
    return all(
        counts(u) == (0, 0)
        and not ExerciseMapping.objects.filter(owner=u).exists()
        and not Exercise.objects.filter(owner=u).exists()
        for u in users
    )


def select(html: str, number: int) -> str:
    """The <select> of name number `number` on the review page."""
    match = re.search(rf'<select name="name-{number}" id="name-{number}">(.*?)</select>', html, re.S)
    assert match, f"no select name-{number}"
    return match[1]


# --- Upload, review, import ---


def answered(*choices: str) -> dict[str, str]:
    """The review form's fields for the wger names, as the page sends them, with these choices."""
    fields = {}
    for number, (name, choice) in enumerate(zip(WGER_NAMES, choices, strict=True)):
        fields |= {f"foreign-{number}": name, f"proposed-{number}": "", f"name-{number}": choice}
    return fields


def test_the_import_page_shows_the_form_and_the_export_links(alice_client: Client) -> None:
    response = alice_client.get("/import/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html and 'name="file"' in html
    assert 'name="format"' in html and 'name="unit"' in html and 'value="strong"' in html
    assert 'href="/export/repbook.json"' in html and 'href="/export/repbook.csv"' in html


def test_upload_review_then_import(alice: Any, alice_client: Client) -> None:
    pending_id, html = review(alice_client)
    assert "Ready to import <strong>3 workouts</strong> with <strong>23 sets</strong>" in html
    assert STRONG in html and 'data-testid="import-names"' in html
    assert "Deadlift (Barbell)" in html and "badge warn" not in html
    assert 'class="callout error"' not in html
    assert '<option value="deadlift" selected>' in select(html, 0)
    assert counts(alice) == (0, 0)  # a dry run: nothing written yet
    assert PendingImport.objects.filter(owner=alice, pk=pending_id).exists()

    preview = alice_client.post(f"/import/{pending_id}/", {"action": "preview"})
    assert preview.status_code == 200 and "Ready to import" in preview.content.decode()
    assert counts(alice) == (0, 0)

    done = alice_client.post(f"/import/{pending_id}/", {"action": "import"})
    assert done.status_code == 200
    assert done.templates[0].name == "web/import/done.html"
    text = done.content.decode()
    assert 'data-testid="import-done"' in text and "3 workouts and 23 sets" in text
    assert 'class="messages"' not in text  # the done panel says it once (no "Imported 3 workouts" flash too)
    assert counts(alice) == (3, 23)
    assert not PendingImport.objects.filter(owner=alice).exists()
    assert alice_client.get(f"/import/{pending_id}/").status_code == 404  # used up


def test_the_same_file_again_adds_nothing(alice: Any, alice_client: Client) -> None:
    pending_id, _ = review(alice_client)
    alice_client.post(f"/import/{pending_id}/", {"action": "import"})
    again, html = review(alice_client)
    assert "3 workouts already in your log will be left as they are" in html
    assert "Ready to import <strong>0 workouts</strong>" in html
    done = alice_client.post(f"/import/{again}/", {"action": "import"})
    assert done.status_code == 200 and "were already there" in done.content.decode()
    assert counts(alice) == (3, 23)


def test_a_new_upload_replaces_the_pending_one(alice: Any, alice_client: Client) -> None:
    first, _ = review(alice_client)
    second, _ = review(alice_client, WGER)
    assert first != second
    assert list(PendingImport.objects.filter(owner=alice).values_list("pk", flat=True)) == [second]
    assert alice_client.get(f"/import/{first}/").status_code == 404


# --- Names that match nothing ---


def test_unmatched_names_are_listed_and_refused_until_answered(alice: Any, alice_client: Client) -> None:
    pending_id, html = review(alice_client, WGER)
    assert "Ready to import <strong>1 workout</strong> with <strong>7 sets</strong>" in html
    for number, name in enumerate(WGER_NAMES):
        assert f'<label for="name-{number}">{name}</label>' in html
        assert '<option value="">Choose…</option>' in select(html, number)
        assert f'<option value="+new">Create “{name}” as my own exercise</option>' in select(html, number)
        assert '<option value="-skip">Leave these sets out</option>' in select(html, number)
        assert '<option value="deadlift">Deadlift</option>' in select(html, number)  # all exercises
    assert html.count('<span class="badge warn">no match</span>') == 5
    assert html.count("as your own exercise it would work") == 5
    assert "Exercise names: 0 matched, 0 suggested (check them), 0 created as your own, 5 waiting" in html

    refused = alice_client.post(f"/import/{pending_id}/", {"action": "import"})
    assert refused.status_code == 422
    text = refused.content.decode()
    assert 'class="callout error" role="alert"' in text
    assert "these exercise names match no exercise" in text and "wger exercise 184" in text
    assert 'data-testid="import-names"' in text  # the form is still there to answer
    assert nothing_written(alice)
    assert PendingImport.objects.filter(owner=alice, pk=pending_id).exists()  # kept for the answers


def test_answered_names_import_and_are_remembered(alice: Any, alice_client: Client) -> None:
    pending_id, _ = review(alice_client, WGER)
    answers = answered("deadlift", "+new", "-skip", "-skip", "-skip")

    preview = alice_client.post(f"/import/{pending_id}/", {"action": "preview", **answers})
    assert preview.status_code == 200
    html = preview.content.decode()
    assert '<option value="deadlift" selected>Deadlift</option>' in select(html, 0)
    assert '<option value="+new" selected>' in select(html, 1)
    assert '<option value="-skip" selected>' in select(html, 2)
    assert "badge warn" not in html
    assert nothing_written(alice)

    done = alice_client.post(f"/import/{pending_id}/", {"action": "import", **answers})
    assert done.status_code == 200
    text = done.content.decode()
    assert 'data-testid="import-done"' in text and "New exercises of your own: wger exercise 475" in text
    assert "1 workout and 4 sets from 2 Mar 2026" in text  # 3 deadlift sets and 1 of the new exercise
    assert (
        "Sets: <strong>7</strong> read from the file, <strong>4</strong> written, 3 left out by your answer."
        in text
    )
    assert "Exercise names: 1 matched, 0 suggested (check them), 1 created as your own." in text
    assert 'class="messages"' not in text  # once, and not as "Imported 1 workouts"
    started = timezone.localtime(Workout.objects.get(owner=alice).started_at)
    assert (started.year, started.month) == (2026, 3)
    sets = Set.objects.filter(owner=alice)
    slugs = set(sets.values_list("workout_exercise__exercise__slug", flat=True))
    custom = Exercise.objects.get(owner=alice)
    assert custom.name == "wger exercise 475"
    assert slugs == {"deadlift", custom.slug}
    mappings = dict(ExerciseMapping.objects.filter(owner=alice).values_list("foreign_name", "exercise__slug"))
    assert mappings == {"wger exercise 184": "deadlift", "wger exercise 475": custom.slug}
    assert not PendingImport.objects.filter(owner=alice).exists()

    # The next upload of the file knows the answers already; the skipped names are asked again.
    _, html = review(alice_client, WGER)
    assert '<option value="deadlift" selected>Deadlift</option>' in select(html, 0)
    assert html.count('<span class="badge warn">no match</span>') == 3


def test_a_bad_answer_is_refused_by_name(alice: Any, alice_client: Client) -> None:
    pending_id, _ = review(alice_client, WGER)
    answers = answered("no-such-slug", "-skip", "-skip", "-skip", "-skip")
    for action in ("preview", "import"):
        response = alice_client.post(f"/import/{pending_id}/", {"action": action, **answers})
        assert response.status_code == 422
        text = response.content.decode()
        assert 'class="callout error"' in text and "no exercise &#x27;no-such-slug&#x27;" in text
        assert 'data-testid="import-names"' in text
    assert nothing_written(alice)
    assert PendingImport.objects.filter(owner=alice, pk=pending_id).exists()


def test_another_users_exercise_is_not_an_answer(alice: Any, bob: Any, alice_client: Client) -> None:
    bobs = custom_exercises.create(bob, CustomExerciseInput("Bobs secret lift", ("lower_back",)))
    pending_id, html = review(alice_client, WGER)
    assert f'value="{bobs.slug}"' not in html and "Bobs secret lift" not in html
    answers = answered(bobs.slug, "-skip", "-skip", "-skip", "-skip")
    response = alice_client.post(f"/import/{pending_id}/", {"action": "import", **answers})
    assert response.status_code == 422 and f"no exercise &#x27;{bobs.slug}&#x27;" in response.content.decode()
    assert nothing_written(alice)


def test_a_body_weight_file_has_no_names_to_review(alice: Any, alice_client: Client) -> None:
    pending_id, html = review(alice_client, "wger_Weightdata.csv")
    assert (
        "Ready to import <strong>0 workouts</strong> with <strong>0 sets</strong>, and 11 body weights"
        in html
    )
    assert 'data-testid="import-names"' not in html  # no empty table of names
    assert ">Import</button>" in html and "Import 0 workouts" not in html
    done = alice_client.post(f"/import/{pending_id}/", {"action": "import"})
    assert done.status_code == 200 and "11 body weights are in your log" in done.content.decode()
    assert BodyWeight.objects.filter(owner=alice).count() == 11 and counts(alice) == (0, 0)


def test_names_and_file_names_from_the_file_are_escaped(alice_client: Client) -> None:
    data = (FIXTURES / STRONG).read_bytes().replace(b"Deadlift (Barbell)", b"<script>alert(1)</script>")
    response = upload(alice_client, "<img src=x onerror=alert(2)>.csv", data)
    html = alice_client.get(response["Location"]).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;.csv" in html


# --- Bad input ---


def assert_refused(response: Any, message: str) -> None:
    assert response.status_code == 422
    text = response.content.decode()
    assert message in text, text
    assert 'enctype="multipart/form-data"' in text  # the form again, to try another file
    assert not PendingImport.objects.exists()


def test_no_file(alice: Any, alice_client: Client) -> None:
    response = alice_client.post("/import/", {"format": "auto", "unit": "kg"})
    assert_refused(response, "This field is required.")
    assert nothing_written(alice)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.csv", b"", "The submitted file is empty."),
        ("junk.bin", bytes(range(256)) * 8, "this is not a text export (it holds binary data)"),
        (
            "contacts.csv",
            b"name,email,phone\nAda,ada@example.com,123\nBob,bob@example.com,456\n",
            "this file is not an export Repbook recognises; it reads repbook, strong, hevy",
        ),
        ("bom.csv", b"\xef\xbb\xbf\r\n", "the file is empty"),
        (
            "header.csv",
            (FIXTURES / STRONG).read_bytes().splitlines()[0],
            "the Strong export has a header but no rows",
        ),
        (
            "backup.json",
            b'{"format": "repbook", "version": 99}',
            "backup version 99 is not one this Repbook reads",
        ),
    ],
    ids=["empty", "binary", "not-an-export", "only-a-bom", "header-only", "future-backup"],
)
def test_files_that_are_not_exports(
    alice: Any, alice_client: Client, name: str, data: bytes, message: str
) -> None:
    response = upload(alice_client, name, data)
    assert_refused(response, message)
    assert nothing_written(alice)


@pytest.mark.parametrize(
    ("name", "format", "message"),
    [
        (STRONG, "hevy", "this is not a Hevy export: the header has no title, start_time"),
        (STRONG, "wger", "this is not a wger file"),
        (WGER, "strong", "line 1: this is not a Strong export"),
    ],
)
def test_a_wrong_forced_format(
    alice: Any, alice_client: Client, name: str, format: str, message: str
) -> None:
    assert_refused(upload(alice_client, name, format=format), message)
    assert nothing_written(alice)


def test_bad_format_and_unit_values(alice: Any, alice_client: Client) -> None:
    for fields in ({"format": "myfitnesspal"}, {"unit": "stone"}):
        response = upload(alice_client, STRONG, **fields)
        assert_refused(response, "Select a valid choice.")
    assert nothing_written(alice)


def test_a_file_too_large(alice: Any, alice_client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("repbook.web.import_forms.MAX_FILE_BYTES", 1024)
    response = upload(alice_client, STRONG)
    assert_refused(response, "The file is larger than")


# --- Who may see what ---


def test_another_users_pending_import_is_not_found(
    alice: Any, bob: Any, alice_client: Client, bob_client: Client
) -> None:
    pending_id, _ = review(alice_client)
    assert bob_client.get(f"/import/{pending_id}/").status_code == 404
    for action in ("preview", "import"):
        assert bob_client.post(f"/import/{pending_id}/", {"action": action}).status_code == 404
    assert nothing_written(alice, bob)
    assert PendingImport.objects.filter(owner=alice, pk=pending_id).exists()


@pytest.mark.parametrize("path", ["/import/", "/import/1/", "/export/repbook.csv", "/export/repbook.json"])
def test_anonymous_users_are_sent_to_log_in(alice: Any, path: str) -> None:
    client = Client()
    response = client.get(path)
    assert response.status_code == 302 and response["Location"] == f"/login/?next={path}"
    if path.startswith("/import/"):
        response = client.post(path, {"action": "import"})
        assert response.status_code == 302 and response["Location"].startswith("/login/")


# --- Export ---


@pytest.fixture
def alice_history(alice: Any) -> None:
    """A lifted workout, a workout imported from wger (with a new exercise and a remembered name) and
    a body weight: something of everything the backup holds."""
    lift(alice, "deadlift", days_ago(1), "100", 5, times=3)
    answers = {"wger exercise 184": "deadlift", "wger exercise 475": "+new"}
    options = ImportOptions("auto", "kg", {**answers, **{n: "-skip" for n in WGER_NAMES[2:]}})
    import_file(alice, (FIXTURES / WGER).read_bytes(), options)
    body_weight.log_body_weight(alice, Decimal(80), "kg", days_ago(1))


def test_export_csv(alice_history: None, alice_client: Client, bob_client: Client) -> None:
    response = alice_client.get("/export/repbook.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(
        r'attachment; filename="repbook-\d{4}-\d{2}-\d{2}\.csv"', response["Content-Disposition"]
    )
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("workout_started_at,workout_name,workout_notes,workout_finished_at,exercise,")
    assert len(lines) == 1 + 3 + 4  # a row per set
    assert sum("wger exercise 475" in line for line in lines) == 1

    bobs = bob_client.get("/export/repbook.csv")
    assert b"".join(bobs.streaming_content).decode().splitlines() == lines[:1]  # the header only


def test_export_json(alice_history: None, alice_client: Client, bob_client: Client) -> None:
    response = alice_client.get("/export/repbook.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert re.fullmatch(
        r'attachment; filename="repbook-\d{4}-\d{2}-\d{2}\.json"', response["Content-Disposition"]
    )
    backup = json.loads(response.content)
    assert backup["format"] == "repbook" and backup["version"] == 1
    owned_lists = ("workouts", "custom_exercises", "exercise_mappings", "body_weights")
    assert [len(backup[key]) for key in owned_lists] == [2, 1, 2, 1]

    bobs = json.loads(bob_client.get("/export/repbook.json").content)
    assert bobs["format"] == "repbook"
    assert all(bobs[key] == [] for key in owned_lists)
    assert "wger" not in json.dumps(bobs)


def test_export_is_get_only(alice_client: Client) -> None:
    assert alice_client.post("/export/repbook.csv").status_code == 405
    assert alice_client.post("/export/repbook.json").status_code == 405


def test_an_export_imports_back_into_an_empty_account(
    alice: Any, bob: Any, alice_client: Client, bob_client: Client
) -> None:
    lift(alice, "deadlift", days_ago(1), "100", 5, times=3)
    backup = alice_client.get("/export/repbook.json").content
    response = upload(bob_client, "backup.json", backup)
    assert response.status_code == 302
    done = bob_client.post(response["Location"], {"action": "import"})
    assert done.status_code == 200 and 'data-testid="import-done"' in done.content.decode()
    assert counts(bob) == (1, 3) and counts(alice) == (1, 3)


def test_the_settings_page_links_to_import(alice_client: Client) -> None:
    html = alice_client.get("/settings/").content.decode()
    assert '<a class="button" href="/import/">Import and export</a>' in html

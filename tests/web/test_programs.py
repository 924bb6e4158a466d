"""Program pages: the library, a program, writing your own, today's workout, targets while logging."""

from __future__ import annotations

from typing import Any

from repbook.storage.models import ActiveProgram, Program, Workout


def test_library_program_page_and_following(alice_client: Any) -> None:
    page = alice_client.get("/programs/")
    assert page.status_code == 200 and b"Back workout" in page.content and b"5/3/1" in page.content
    detail = alice_client.get("/programs/back-workout/")
    assert detail.status_code == 200
    text = detail.content.decode()
    assert "Reverse Dumbbell Fly" in text and "3x12-15" in text and "Follow this program" in text
    followed = alice_client.post("/programs/back-workout/follow/")
    assert followed.status_code == 302 and followed["Location"] == "/programs/next/"
    today = alice_client.get("/programs/next/").content.decode()
    assert "Start today's workout" in today and "Why: first time" in today
    home = alice_client.get("/").content.decode()
    assert "Next: Back" in home


def test_start_todays_workout_shows_targets_and_reasons(alice_client: Any, alice: Any) -> None:
    alice_client.post("/programs/back-workout/follow/")
    started = alice_client.post("/programs/next/start/")
    workout = Workout.objects.get(owner=alice)
    assert started["Location"] == f"/workouts/{workout.pk}/"
    page = alice_client.get(started["Location"]).content.decode()
    assert "Target:</strong> 2 × 5 @ 20 kg" in page
    assert "Target for set 1: <strong>5 @ 20 kg</strong>" in page
    assert "Why: first time: 2 sets to learn the movement" in page
    entry = workout.entries.get(exercise__slug="deadlift")
    alice_client.post(
        f"/workouts/{workout.pk}/entries/{entry.pk}/sets/",
        {"weight": "20", "reps": "5", "unit": "kg", "set_type": "working"},
    )
    page = alice_client.get(started["Location"]).content.decode()
    assert 'data-testid="set-target">5 @ 20 kg' in page


def test_by_hand_load_from_the_page(alice_client: Any) -> None:
    alice_client.post("/programs/back-workout/follow/")
    alice_client.post("/programs/next/deadlift/load/", {"value": "70"})
    assert "70 kg, set by hand" in alice_client.get("/programs/next/").content.decode()
    response = alice_client.post("/programs/next/deadlift/load/", {"value": "seventy"}, follow=True)
    assert "Enter the weight as a number" in response.content.decode()
    alice_client.post("/programs/next/deadlift/load/", {"clear": "1"})
    assert "set by hand" not in alice_client.get("/programs/next/").content.decode()


def test_writing_your_own_program(alice_client: Any, bob_client: Any) -> None:
    bad = alice_client.post("/programs/new/", {"text": "Program: Mine\nDay: A\nDeadlift: 3xx5\n"})
    assert bad.status_code == 200 and "line 3: Deadlift: could not read" in bad.content.decode()
    good = alice_client.post("/programs/new/", {"text": "Program: Mine\nDay: A\nDeadlift: 3x5\n"})
    assert good.status_code == 302 and good["Location"] == "/programs/mine/"
    assert alice_client.get("/programs/mine/export/").content.decode().startswith("Program: Mine")
    for path in ("/programs/mine/", "/programs/mine/edit/", "/programs/mine/export/"):
        assert bob_client.get(path).status_code == 404
    assert bob_client.post("/programs/mine/delete/").status_code == 404
    assert bob_client.post("/programs/mine/follow/").status_code == 404
    assert Program.objects.filter(slug="mine").exists()
    assert not ActiveProgram.objects.exists()
    copy = alice_client.get("/programs/new/?from=gzclp").content.decode()
    assert "Program: GZCLP" in copy


def test_pages_need_a_login(client: Any) -> None:
    for path in ("/programs/", "/programs/back-workout/", "/programs/next/"):
        response = client.get(path)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_531_asks_for_a_training_max_and_uses_it(alice_client: Any) -> None:
    assert "Week 4" in alice_client.get("/programs/531/").content.decode()
    alice_client.post("/programs/531/follow/")
    page = alice_client.get("/programs/next/").content.decode()
    assert "no training max yet" in page and "Training max (kg)" in page
    alice_client.post("/programs/next/overhead-press/load/", {"kind": "training_max", "value": "50"})
    page = alice_client.get("/programs/next/").content.decode()
    assert "training max 50 kg, set by hand" in page
    assert "@ 42.5 kg" in page  # the 5+ set at 85 % of 50 kg


def test_a_program_page_names_the_alternative_not_its_slug(alice_client) -> None:
    page = alice_client.get("/programs/back-workout/").content.decode()
    assert '">Lat Pulldown</a>)' in page and '">lat-pulldown</a>' not in page

"""The installable app's server side: manifest, service worker, offline page, pages to keep."""

from __future__ import annotations

import pytest
from django.test import Client

from repbook.services.program.programs import start_program
from repbook.services.workout.workout_entries import add_to_open_workout

pytestmark = pytest.mark.django_db


def test_the_manifest_names_the_app_and_its_icons(client: Client) -> None:
    answer = client.get("/manifest.webmanifest")
    assert answer["Content-Type"] == "application/manifest+json"
    body = answer.json()
    assert (body["name"], body["display"], body["scope"]) == ("Repbook", "standalone", "/")
    assert body["start_url"].startswith("/?")
    for icon in body["icons"]:
        assert client.get(icon["src"]).status_code == 200, icon["src"]


def test_the_service_worker_is_served_from_the_root_never_cached(client: Client) -> None:
    answer = client.get("/sw.js")
    assert answer["Content-Type"].startswith("text/javascript")
    assert answer["Service-Worker-Allowed"] == "/" and answer["Cache-Control"] == "no-cache"
    script = answer.content.decode()
    assert 'const VERSION = "' in script and "{{" not in script
    assert '"/offline/"' in script and "/static/repbook/offline.js" in script
    assert "http" not in script.replace("http.", ""), "nothing from another site"


def test_the_offline_page_is_plain_and_the_same_for_everyone(client: Client, alice_client: Client) -> None:
    anonymous = client.get("/offline/").content.decode()
    assert "You are offline" in anonymous
    assert alice_client.get("/offline/").content.decode() == anonymous


def test_the_pages_to_keep_are_the_open_workout_the_next_day_and_their_exercises(
    alice, alice_client: Client
) -> None:
    assert alice_client.get("/offline/pages.json").json() == {"urls": ["/", "/workouts/"]}
    workout = add_to_open_workout(alice, "back-extension").workout
    start_program(alice, "back-workout")
    urls = alice_client.get("/offline/pages.json").json()["urls"]
    assert urls[:4] == ["/", "/workouts/", f"/workouts/{workout.pk}/", "/programs/next/"]
    assert urls[4] == "/exercises/back-extension/"
    assert "/exercises/deadlift/" in urls and len(urls) == len(set(urls))


def test_the_workers_copy_of_a_page_leaves_the_users_messages_unread(alice, alice_client: Client) -> None:
    workout = add_to_open_workout(alice, "back-extension").workout
    alice_client.post(f"/workouts/{workout.pk}/edit/", {"name": "Back day", "notes": ""})
    copy = alice_client.get(f"/workouts/{workout.pk}/", headers={"X-Repbook-Offline-Copy": "1"})
    assert "Workout saved." not in copy.content.decode()
    assert "Workout saved." in alice_client.get(f"/workouts/{workout.pk}/").content.decode()
    assert "Workout saved." not in alice_client.get(f"/workouts/{workout.pk}/").content.decode()

"""Another user's objects named where the matrix does not look (in a request body or a search), and
pages every user shares (the catalog, built-in programs), which show each user only their own log."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from repbook.services.program import programs
from repbook.services.workout.workouts import SetInput, log_set, start_workout
from repbook.storage.models import Program, User
from tests.security.matrix import Actor, actor, body, send
from tests.security.objects import BY_HAND, FOLLOWED, MARKER, SETUPS, UPLOAD_FILE, account_state, build

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_password_hashing")]


def _status_line(response: Any) -> str:
    return f"{response.status_code} {response.get('Location', '')}".strip()


# --- another user's object named in a request body -----------------------------------------------


def _api(user: User) -> Actor:
    return actor(user, "GET /api/v1/me")


def test_a_set_cannot_be_logged_into_another_users_workout(alice: User, bob: User) -> None:
    workout = build(alice, ("workout",)).params["workout_id"]
    before = account_state(alice)
    theirs = send(
        _api(bob),
        "POST",
        "/api/v1/sets",
        {"exercise": "deadlift", "weight": 100, "reps": 5, "workout": workout},
    )
    missing = send(
        _api(bob),
        "POST",
        "/api/v1/sets",
        {"exercise": "deadlift", "weight": 100, "reps": 5, "workout": 10**9},
    )
    assert theirs.status_code == 422 and theirs.json()["detail"][0]["field"] == "workout"
    # Alice's workout and one that does not exist answer alike: the id tells Bob nothing.
    assert theirs.json()["detail"][0]["message"].replace(str(workout), "N") == (
        missing.json()["detail"][0]["message"].replace(str(10**9), "N")
    )
    assert account_state(alice) == before
    mine = send(
        _api(alice),
        "POST",
        "/api/v1/sets",
        {"exercise": "deadlift", "weight": 100, "reps": 5, "workout": workout},
    )
    assert mine.status_code == 201


def test_another_users_custom_exercise_cannot_be_logged_or_added(alice: User, bob: User) -> None:
    slug = build(alice, ("custom_exercise",)).params["slug"]
    logged = send(_api(bob), "POST", "/api/v1/sets", {"exercise": slug, "weight": 10, "reps": 5})
    assert logged.status_code == 422 and logged.json()["detail"][0]["field"] == "exercise"
    web = actor(bob, "web:workout-add")
    own_workout = build(bob, ("workout",)).params["workout_id"]
    before = account_state(bob)
    added = send(web, "POST", f"/workouts/{own_workout}/add/", {"exercise": slug})
    assert added.status_code == 302
    assert account_state(bob) == before, "Bob's workout now holds Alice's custom exercise"
    assert (
        send(_api(alice), "POST", "/api/v1/sets", {"exercise": slug, "weight": 10, "reps": 5}).status_code
        == 201
    )


def test_a_program_cannot_overwrite_another_users_program(alice: User, bob: User) -> None:
    slug = build(alice, ("program",)).params["slug"]
    before = account_state(alice)
    text = "Program: Taken over\nDay: A\nDeadlift: 3x5\n"
    response = send(_api(bob), "POST", "/api/v1/programs", {"text": text, "slug": slug})
    assert response.status_code == 404, body(response)
    assert account_state(alice) == before
    assert send(_api(alice), "POST", "/api/v1/programs", {"text": text, "slug": slug}).status_code == 200


def test_a_program_cannot_use_another_users_custom_exercise(alice: User, bob: User) -> None:
    build(alice, ("custom_exercise",))
    text = f"Program: Borrowed\nDay: A\n{MARKER} Curl: 3x10\n"
    refused = send(_api(bob), "POST", "/api/v1/programs", {"text": text})
    assert refused.status_code == 422, body(refused)
    assert send(_api(alice), "POST", "/api/v1/programs", {"text": text}).status_code == 201


def test_an_import_cannot_map_names_to_another_users_custom_exercise(alice: User, bob: User) -> None:
    slug = build(alice, ("custom_exercise",)).params["slug"]
    files = UPLOAD_FILE.read_bytes()
    mapping = json.dumps({"Deadlift (Barbell)": slug})

    def upload(user: User) -> Any:
        who = _api(user)
        data = {"file": SimpleUploadedFile(UPLOAD_FILE.name, files), "mapping": mapping, "dry_run": "true"}
        return who.client.post("/api/v1/imports", data, headers=who.headers)

    refused = upload(bob)
    assert refused.status_code == 422 and refused.json()["detail"][0]["field"] == "mapping"
    assert upload(alice).status_code == 200


# --- pages everyone shares (the catalog, built-in programs) show each user only their own log --------


def _deadlift(alice: User, bob: User) -> tuple[str, str, str]:
    build(alice, ("workout",))  # a 187.5 kg deadlift
    # Bob's own deadlift: his page then lists his recent workouts, where Alice's must not be.
    log_set(bob, SetInput("deadlift", weight=Decimal(100), reps=5))
    return "/exercises/deadlift/", "/exercises/deadlift/", "187.5"


def _deadlift_stats(alice: User, bob: User) -> tuple[str, str, str]:
    build(alice, ("workout",))
    return "/api/v1/stats/exercises/deadlift", "/api/v1/stats/exercises/deadlift", "187.5"


def _by_hand(alice: User, bob: User) -> tuple[str, str, str]:
    for user in (alice, bob):
        SETUPS["follows"](user)  # both follow the same built-in program
    programs.set_by_hand(alice, BY_HAND, load=Decimal("137.5"))
    return "/programs/next/", "/programs/next/", "137.5"


def _by_hand_api(alice: User, bob: User) -> tuple[str, str, str]:
    _by_hand(alice, bob)
    return "/api/v1/next-workout", "/api/v1/next-workout", "137.5"


def _directory(alice: User, bob: User) -> tuple[str, str, str]:
    build(alice, ("custom_exercise",))
    return "/exercises/?q=curl", "/exercises/?q=curl", MARKER


def _directory_api(alice: User, bob: User) -> tuple[str, str, str]:
    build(alice, ("custom_exercise",))
    return "/api/v1/exercises", "/api/v1/exercises", MARKER


def _exercise_search(alice: User, bob: User) -> tuple[str, str, str]:
    """The search on the logging page, in each user's own workout."""
    build(alice, ("custom_exercise",))
    mine, theirs = start_workout(alice), start_workout(bob)
    return f"/workouts/{mine.pk}/?q={MARKER}", f"/workouts/{theirs.pk}/?q={MARKER}", f"{MARKER} Curl"


SHARED_PAGES = {
    "exercise page": _deadlift,
    "exercise stats": _deadlift_stats,
    "next workout": _by_hand,
    "next workout api": _by_hand_api,
    "directory search": _directory,
    "directory api": _directory_api,
    "logging page search": _exercise_search,
}


@pytest.mark.parametrize("case", sorted(SHARED_PAGES))
def test_a_shared_page_shows_each_user_only_their_own_data(case: str, alice: User, bob: User) -> None:
    alices_url, bobs_url, marker = SHARED_PAGES[case](alice, bob)
    key = "GET /api/v1/me" if alices_url.startswith("/api/") else "web:home"
    mine, theirs = send(actor(alice, key), "GET", alices_url), send(actor(bob, key), "GET", bobs_url)
    assert mine.status_code == theirs.status_code == 200, (_status_line(mine), _status_line(theirs))
    assert marker in body(mine), f"Alice's {alices_url} lacks {marker!r}: the check is blind"
    assert marker not in body(theirs), f"Bob's {bobs_url} shows Alice's {marker!r}"


def test_no_user_can_change_or_delete_a_built_in_program(alice: User) -> None:
    def builtin() -> list[dict[str, Any]]:
        return list(Program.objects.filter(owner__isnull=True, slug=FOLLOWED).values())

    before = builtin()
    assert before, f"no built-in program {FOLLOWED!r}"
    web, api = actor(alice, "web:program-edit"), _api(alice)
    text = "Program: Mine now\nDay: A\nDeadlift: 3x5\n"
    for who, method, address, data in (
        (web, "POST", f"/programs/{FOLLOWED}/edit/", {"text": text}),
        (web, "POST", f"/programs/{FOLLOWED}/delete/", {}),
        (api, "DELETE", f"/api/v1/programs/{FOLLOWED}", {}),
        (api, "POST", "/api/v1/programs", {"text": text, "slug": FOLLOWED}),
    ):
        response = send(who, method, address, data)
        assert response.status_code == 404, f"{method} {address}: {_status_line(response)}"
    assert builtin() == before
    # The control: the built-in program is there for Alice to read.
    assert send(web, "GET", f"/programs/{FOLLOWED}/").status_code == 200

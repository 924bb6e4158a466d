"""Every page a lifter uses at the gym, measured at 390 px: no tap target under 44 × 44 CSS px, no two
buttons touching, and the bottom bar holds five destinations, each an icon over its label."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from tests.e2e.targets import SMALL_TARGETS, TOUCHING

pytestmark = pytest.mark.django_db(transaction=True)


def _alice_mid_program() -> dict[str, int]:
    """Alice follows the back workout: one session finished, today's open with two sets in it."""
    from repbook.services.program.programs import start_next_workout, start_program
    from repbook.services.workout.workout_entries import finish_workout
    from repbook.services.workout.workouts import SetInput, log_set
    from repbook.storage.models import User

    alice = User.objects.get(username="alice")
    start_program(alice, "back-workout")
    done = start_next_workout(alice)
    log_set(alice, SetInput("deadlift", Decimal(60), reps=5, workout=done.pk))
    log_set(alice, SetInput("pull-up", Decimal(0), reps=8, workout=done.pk))
    finish_workout(alice, done.pk)
    # A deadlift of more than a year ago: the exercise page offers its chart spans (two chips).
    year_ago = timezone.now() - timedelta(days=400)
    log_set(alice, SetInput("deadlift", Decimal(50), reps=5, performed_at=year_ago))
    today = start_next_workout(alice)
    log_set(alice, SetInput("deadlift", Decimal(40), reps=5, workout=today.pk, set_type="warmup"))
    log_set(alice, SetInput("deadlift", Decimal("62.5"), reps=5, workout=today.pk))
    return {"done": done.pk, "open": today.pk}


def _pages(ids: dict[str, int]) -> list[str]:
    return [
        "/",
        "/workouts/",
        f"/workouts/{ids['open']}/",
        f"/workouts/{ids['done']}/",
        f"/workouts/{ids['done']}/summary/",
        "/programs/",
        "/programs/back-workout/",
        "/programs/next/",
        "/stats/",
        "/exercises/",
        "/exercises/back-extension/",
        "/exercises/deadlift/",
        "/tools/",
        "/settings/",
        "/import/",
    ]


def test_every_tap_target_is_big_enough_on_a_phone(logged_in_page: Any) -> None:
    page = logged_in_page
    ids = _alice_mid_program()
    found = {}
    for path in _pages(ids):
        page.goto(path)
        if path == "/exercises/deadlift/":
            assert page.get_by_test_id("chart-span").get_by_role("link").count() == 2
        body = page.locator("body").element_handle()
        small, touching = page.evaluate(SMALL_TARGETS, body), page.evaluate(TOUCHING, body)
        if small or touching:
            found[path] = small + touching
    assert found == {}, "\n".join(f"{p}: {v}" for p, v in found.items())


def test_the_login_page_has_big_targets_and_no_navigation(page: Any) -> None:
    page.goto("/login/")
    body = page.locator("body").element_handle()
    assert page.evaluate(SMALL_TARGETS, body) == []
    assert page.get_by_role("navigation", name="Main").count() == 0


def test_the_bottom_bar_has_five_destinations_with_icons(logged_in_page: Any) -> None:
    page = logged_in_page
    nav = page.get_by_role("navigation", name="Main")
    links = nav.get_by_role("link")
    assert links.all_inner_texts() == ["Today", "History", "Programs", "Progress", "Exercises"]
    for i in range(5):
        box = links.nth(i).bounding_box()
        assert box is not None and box["width"] >= 70 and box["height"] >= 52  # a fifth of 390 px each
        assert links.nth(i).locator("svg.icon").count() == 1
    assert links.nth(0).get_attribute("aria-current") == "page"
    account = page.get_by_role("navigation", name="Account")
    account.get_by_role("link", name="Settings").click()
    page.wait_for_url("**/settings/")
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/login/**")

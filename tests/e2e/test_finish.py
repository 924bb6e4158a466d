"""Finishing a workout on a phone: asked first, a summary worth keeping (numbers,
records, what the program does next time and why), and a way back in when finished by mistake."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from tests.e2e.targets import SMALL_TARGETS, TOUCHING

pytestmark = pytest.mark.django_db(transaction=True)


def _alice() -> Any:
    from repbook.storage.models import User

    return User.objects.get(username="alice")


def _last_week(user: Any) -> None:
    """The back workout's first day, done a week ago: deadlift 2 × 5 at 60 kg."""
    from django.utils import timezone

    from repbook.services.program.programs import start_next_workout
    from repbook.services.workout.workout_entries import finish_workout
    from repbook.services.workout.workouts import SetInput, log_set
    from repbook.storage import summaries
    from repbook.storage.models import Set, Workout

    workout = start_next_workout(user)
    for _ in range(2):
        log_set(user, SetInput("deadlift", Decimal(60), reps=5, workout=workout.pk))
    finish_workout(user, workout.pk)
    week_ago = timezone.now() - timedelta(days=7)
    Workout.objects.filter(pk=workout.pk).update(started_at=week_ago, finished_at=week_ago)
    Set.objects.filter(workout=workout).update(performed_at=week_ago)
    # Moved in time behind the services' back: its statistics follow, as an edit's would.
    summaries.refresh(user, [workout.pk], lowered=True)


def _entry(page: Any, name: str) -> Any:
    return page.locator("section.entry").filter(has=page.get_by_role("heading", name=name))


def test_finish_asks_then_shows_a_summary_with_records_and_next_time_and_can_reopen(
    logged_in_page: Any,
) -> None:
    from repbook.services.program.programs import start_program
    from repbook.storage.models import Workout

    page = logged_in_page
    start_program(_alice(), "back-workout")
    _last_week(_alice())
    page.goto("/")
    page.get_by_role("button", name="Start today's workout").click()
    page.wait_for_url(re.compile(r"/workouts/\d+/$"))
    workout_url = page.url
    deadlift = _entry(page, "Deadlift")
    deadlift.get_by_label("kg").fill("65")
    deadlift.get_by_label("Reps").fill("5")
    deadlift.get_by_role("button", name="Log set 1").click()
    _entry(page, "Deadlift").get_by_role("button", name="Log set 2").click()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path="/tmp/gym2-workout.png")

    page.get_by_role("link", name="Finish workout").click()
    assert page.get_by_role("heading", name="Finish this workout?").is_visible()
    assert Workout.objects.get(finished_at__isnull=True), "asking finishes nothing"
    page.screenshot(path="/tmp/gym2-finish-confirm.png")
    assert page.evaluate(SMALL_TARGETS, page.locator("main").element_handle()) == []
    assert page.evaluate(TOUCHING, page.locator("main").element_handle()) == []
    page.get_by_role("button", name="Finish workout").click()

    page.wait_for_url(re.compile(r"/summary/$"))
    assert page.get_by_role("heading", name="Workout finished").is_visible()
    assert page.get_by_test_id("summary-sets").text_content() == "2"
    volume = page.get_by_test_id("summary-volume")
    assert volume.text_content() == "650 kg"
    style = volume.evaluate(
        "e => [getComputedStyle(e).textTransform, parseFloat(getComputedStyle(e).fontSize)]"
    )
    assert style[0] == "none" and style[1] >= 20, "the volume is a number to read, not a label"
    records = page.get_by_test_id("summary-records").text_content()
    assert "heaviest weight 65 kg (was 60 kg)" in records
    assert "best estimated 1RM 75 kg (was 70 kg)" in records
    assert "5-rep max 65 kg (was 60 kg)" in records
    upcoming = page.get_by_test_id("next-workout")
    assert "Next time:" in upcoming.text_content() and "Why:" in upcoming.text_content()
    page.screenshot(path="/tmp/gym2-summary.png", full_page=True)
    assert page.evaluate(SMALL_TARGETS, page.locator("main").element_handle()) == []
    assert page.evaluate(TOUCHING, page.locator("main").element_handle()) == []

    page.get_by_role("link", name="View sets").click()
    assert page.get_by_role("button", name=re.compile("Log set")).count() == 0
    assert page.get_by_test_id("set-row").count() == 2
    assert page.get_by_role("link", name="Edit set 1").is_visible()
    page.screenshot(path="/tmp/gym2-finished-workout.png")
    page.get_by_role("button", name="Reopen").click()
    page.wait_for_url(workout_url)
    assert _entry(page, "Deadlift").get_by_role("button", name="Log set 3").is_visible()
    assert Workout.objects.get(finished_at__isnull=True).pk == int(workout_url.rstrip("/").split("/")[-1])

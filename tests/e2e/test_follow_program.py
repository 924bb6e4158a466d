"""On a phone: choose the back workout, see today's loads and reasons, start it, log to the target."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_follow_the_back_workout_and_start_today(logged_in_page: Any) -> None:
    page = logged_in_page
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Programs").click()
    page.get_by_test_id("program-card").filter(has_text="Back workout").click()
    assert page.get_by_test_id("prescription").count() == 5
    page.get_by_role("button", name="Follow this program").click()
    page.wait_for_url(re.compile(r"/programs/next/$"))

    planned = page.get_by_test_id("planned-exercise")
    assert planned.count() == 5
    names = [planned.nth(i).get_by_role("heading").text_content().strip() for i in range(5)]
    assert names == ["Deadlift", "Pull-Up", "Dumbbell Row", "Back Extension", "Reverse Dumbbell Fly"]
    deadlift = planned.first
    assert "2 × 5 @ 20 kg" in deadlift.text_content()
    assert "Why: first time: 2 sets to learn the movement; new exercise: start with the empty bar" in (
        deadlift.get_by_test_id("reason").text_content()
    )

    page.get_by_test_id("start-workout").click()
    page.wait_for_url(re.compile(r"/workouts/\d+/$"))
    first = page.locator("section.entry").first
    assert "Target: 2 × 5 @ 20 kg" in first.get_by_test_id("target").text_content()
    assert first.get_by_label("kg").input_value() == "20"
    assert first.get_by_label("Reps").input_value() == "5"
    first.get_by_role("button", name="Log set 1").click()
    first = page.locator("section.entry").first
    assert first.get_by_test_id("set-target").first.text_content() == "5 @ 20 kg"
    assert "Target for set 2: 5 @ 20 kg" in first.get_by_test_id("next-target").text_content()

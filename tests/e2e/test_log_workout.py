"""On a phone: log in, start a workout, add back extension, log 3 sets (one with a 10 kg plate),
see the rest timer run, finish, and find the workout in history with its volume."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_log_a_back_extension_workout_on_a_phone(logged_in_page: Any) -> None:
    page = logged_in_page
    page.clock.install()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="History").click()
    page.get_by_role("button", name="Start a workout").click()
    page.wait_for_url(re.compile(r"/workouts/\d+/$"))
    page.get_by_label("Exercise name").fill("back extnsion")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("button", name="+ Back Extension").click()

    page.get_by_label("Reps").fill("12")
    page.get_by_role("button", name="Log set 1").click()
    clock = page.get_by_test_id("rest-clock")
    assert clock.is_visible()
    first = clock.text_content()
    page.clock.run_for(1500)
    assert clock.text_content() != first, "the rest timer runs"

    page.get_by_role("button", name="Log set 2").click()
    page.get_by_label("Added kg").fill("10")
    page.get_by_role("button", name="Log set 3").click()
    rows = page.get_by_test_id("set-row")
    assert rows.count() == 3
    assert "+10 kg" in rows.nth(2).text_content()

    page.get_by_role("link", name="Finish workout").click()
    page.get_by_role("button", name="Finish workout").click()
    assert page.get_by_test_id("summary-volume").text_content() == "120 kg"
    page.get_by_role("navigation", name="Main").get_by_role("link", name="History").click()
    assert "3 sets · volume 120 kg" in page.get_by_test_id("volume").first.text_content()

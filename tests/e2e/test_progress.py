"""On a phone: log sets, then see this week's muscles on the heat map, tap a week's bar for its value,
open the exercise and tap a point of its e1RM chart."""

from __future__ import annotations

import re
from typing import Any

import pytest

from repbook.storage.models import User
from tests.services.stats_helpers import days_ago, lift

pytestmark = pytest.mark.django_db(transaction=True)


def test_heat_map_and_e1rm_chart_after_logging(logged_in_page: Any) -> None:
    page = logged_in_page
    alice = User.objects.get(username="alice")
    for weeks_back, weight in ((3, "100"), (2, "105"), (1, "110")):  # earlier weeks, logged before
        lift(alice, "deadlift", days_ago(7 * weeks_back), weight, 5, times=3)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="History").click()
    page.get_by_role("button", name="Start a workout").click()
    page.wait_for_url(re.compile(r"/workouts/\d+/$"))
    page.get_by_label("Quick log").fill("Deadlift 115kg x 5,5,5")
    page.get_by_role("button", name="Log", exact=True).click()
    page.get_by_label("Quick log").fill("Back extension 3x12 @ 10kg")
    page.get_by_role("button", name="Log", exact=True).click()
    assert page.get_by_test_id("set-row").count() == 6

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Progress").click()
    heat = page.get_by_test_id("heat-map")
    lower_back = heat.locator('[data-muscle="lower_back"]').first
    assert lower_back.is_visible()
    assert lower_back.get_attribute("class") == "m m-heat-2"  # 6 sets: under the 10–20 target
    assert heat.locator('[data-muscle="chest"]').first.get_attribute("class") == "m m-idle"
    assert "Lower back" in page.get_by_test_id("muscle-table").text_content()

    bar_tip = page.locator("#this-week .chart-svg .pt .tip").last
    assert not bar_tip.is_visible()
    page.locator("#this-week .chart-svg .pt").last.locator(".fill").tap()
    assert bar_tip.is_visible() and "6 sets in 1 session" in bar_tip.text_content()

    page.get_by_test_id("best-lifts").get_by_role("link", name="Deadlift").click()
    page.wait_for_url(re.compile(r"/exercises/deadlift/"))
    # 115 × (1 + 5/30) = 134.17 kg, shown to the plate.
    assert page.get_by_test_id("best-e1rm").text_content() == "135 kg"
    chart = page.get_by_test_id("e1rm-chart")
    assert chart.locator("svg").is_visible()
    points = chart.locator(".pt")
    assert points.count() == 4
    tip = points.last.locator(".tip")
    assert not tip.is_visible()
    points.last.locator(".dot").tap()
    assert tip.is_visible() and "135 kg from 115 kg × 5" in tip.text_content()

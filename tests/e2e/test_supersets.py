"""A superset on a phone: log A1, go straight to A2 with no rest, rest after the
round, then A1 again."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def _add(page: Any, query: str, name: str) -> None:
    page.get_by_label("Exercise name").fill(query)
    page.get_by_role("button", name="Search").click()
    page.get_by_role("button", name=f"+ {name}").click()


def _entry(page: Any, name: str) -> Any:
    return page.locator("section.entry").filter(has=page.get_by_role("heading", name=name))


def _entry_id(page: Any, name: str) -> str:
    return str(_entry(page, name).get_attribute("id"))


def test_a_superset_goes_a1_a2_rest_a1(logged_in_page: Any) -> None:
    page = logged_in_page
    page.get_by_role("navigation", name="Main").get_by_role("link", name="History").click()
    page.get_by_role("button", name="Start a workout").click()
    page.wait_for_url(re.compile(r"/workouts/\d+/$"))
    _add(page, "dumbbell row", "Dumbbell Row")
    _add(page, "back extension", "Back Extension")
    _entry(page, "Dumbbell Row").get_by_role("button", name="Superset with next").click()
    a1, a2 = _entry_id(page, "Dumbbell Row"), _entry_id(page, "Back Extension")
    timer = page.locator("#rest-timer")

    row = _entry(page, "Dumbbell Row")
    row.get_by_label("kg").fill("30")
    row.get_by_label("Reps").fill("10")
    row.get_by_role("button", name="Log set 1").click()
    page.wait_for_url(re.compile(f"#{a2}$"))
    assert timer.is_hidden(), "no rest between the exercises of a superset"
    expect(_entry(page, "Back Extension").get_by_role("button", name="Log set 1")).to_be_in_viewport()
    page.screenshot(path="/tmp/gym2-superset-a2.png")

    _entry(page, "Back Extension").get_by_label("Reps").fill("12")
    _entry(page, "Back Extension").get_by_role("button", name="Log set 1").click()
    page.wait_for_url(re.compile(f"#{a1}$"))
    assert timer.is_visible(), "the rest comes after the round"
    expect(_entry(page, "Dumbbell Row").get_by_role("button", name="Log set 2")).to_be_in_viewport()
    page.screenshot(path="/tmp/gym2-superset-rest.png")

    _entry(page, "Dumbbell Row").get_by_role("button", name="Log set 2").click()
    page.wait_for_url(re.compile(f"#{a2}$"))
    assert timer.is_hidden()

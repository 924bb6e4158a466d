"""The gym loop on a phone (issue 17): one open workout, the right prefill, a rest bar that goes
away, warm-ups beside the program's targets. The browser's clock is Playwright's, never a sleep."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

#: Counts vibrations instead of buzzing (and stands in for a phone that can vibrate).
COUNT_VIBRATIONS = (
    "window.vibrations = 0; navigator.vibrate = () => { window.vibrations += 1; return true; };"
)


def _start_empty_workout(page: Any) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Log").click()
    page.get_by_role("button", name=re.compile(r"Start a workout|Resume")).click()
    page.wait_for_url(re.compile(r"/workouts/\d+/$"))


def _add(page: Any, query: str, name: str) -> None:
    page.get_by_label("Exercise name").fill(query)
    page.get_by_role("button", name="Search").click()
    page.get_by_role("button", name=f"+ {name}").click()


def test_the_rest_bar_appears_after_a_set_counts_down_alerts_once_and_goes_away(logged_in_page: Any) -> None:
    page = logged_in_page
    page.add_init_script(COUNT_VIBRATIONS)
    page.clock.install()
    _start_empty_workout(page)
    timer = page.locator("#rest-timer")
    assert timer.is_hidden(), "no rest bar before the first set"

    _add(page, "back extension", "Back Extension")
    assert timer.is_hidden()
    page.get_by_label("Reps").fill("12")
    page.get_by_role("button", name="Log set 1").click()
    clock = page.get_by_test_id("rest-clock")
    assert timer.is_visible()
    first = clock.text_content()
    assert first != "0:00"
    page.clock.run_for(5_000)
    assert clock.text_content() != first, "the rest timer counts down"
    page.clock.run_for(15 * 60_000)
    assert timer.is_hidden(), "the rest bar goes away when the rest is over"
    assert page.evaluate("window.vibrations") == 1, "it alerts once"
    page.screenshot(path="/tmp/gym-rest-over.png")


@pytest.mark.parametrize("path", ["/workouts/", "/import/"])
def test_nothing_hidden_is_shown_by_a_display_rule(logged_in_page: Any, path: str) -> None:
    page = logged_in_page
    if path == "/workouts/":
        _start_empty_workout(page)
    else:
        page.goto(path)
    shown = page.evaluate(
        "[...document.querySelectorAll('[hidden]')]"
        ".filter(e => getComputedStyle(e).display !== 'none').map(e => e.outerHTML.slice(0, 80))"
    )
    assert shown == []

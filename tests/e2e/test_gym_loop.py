"""The gym loop on a phone: one open workout, the right prefill, a rest bar that goes
away, warm-ups beside the program's targets. The browser's clock is Playwright's, never a sleep."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

#: Counts vibrations instead of buzzing (and stands in for a phone that can vibrate).
COUNT_VIBRATIONS = (
    "window.vibrations = 0; navigator.vibrate = () => { window.vibrations += 1; return true; };"
)


def _start_empty_workout(page: Any) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="History").click()
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

    page.clock.set_system_time(time.time())  # back in step with the server's clock
    page.get_by_role("button", name="Log set 2").click()
    assert timer.is_visible()
    page.screenshot(path="/tmp/gym-rest-running.png")
    timer.get_by_role("button", name="Skip").click()
    assert timer.is_hidden()
    page.clock.run_for(15 * 60_000)
    assert page.evaluate("window.vibrations") == 0, "a skipped rest does not alert (a new page counts)"


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


def _alice() -> Any:
    from repbook.storage.models import User

    return User.objects.get(username="alice")


def _entry(page: Any, name: str) -> Any:
    return page.locator("section.entry").filter(has=page.get_by_role("heading", name=name))


def test_log_set_without_editing_logs_what_was_just_done(logged_in_page: Any) -> None:
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from repbook.services.workout.workouts import SetInput, log_sets
    from repbook.storage.models import Set

    page = logged_in_page
    two_days_ago = timezone.now() - timedelta(days=2)
    log_sets(_alice(), [
        SetInput("dumbbell-row", Decimal(30), reps=reps, performed_at=two_days_ago) for reps in (10, 8, 8)
    ] + [
        SetInput("deadlift", Decimal(weight), reps=5, set_type=kind, performed_at=two_days_ago)
        for weight, kind in (("60", "warmup"), ("100", "working"), ("100", "working"))
    ])  # fmt: skip
    _start_empty_workout(page)
    _add(page, "back extension", "Back Extension")
    back = _entry(page, "Back Extension")
    back.get_by_label("Added kg").fill("10")
    back.get_by_label("Reps").fill("12")
    back.get_by_role("button", name="Log set 1").click()
    back = _entry(page, "Back Extension")
    assert back.get_by_label("Added kg").input_value() == "10"
    back.get_by_role("button", name="Log set 2").click()

    _add(page, "dumbbell row", "Dumbbell Row")
    row = _entry(page, "Dumbbell Row")
    assert (row.get_by_label("kg").input_value(), row.get_by_label("Reps").input_value()) == ("30", "10")
    row.get_by_role("button", name="Log set 1").click()
    row = _entry(page, "Dumbbell Row")
    assert (row.get_by_label("kg").input_value(), row.get_by_label("Reps").input_value()) == ("30", "10")
    row.get_by_role("button", name="Log set 2").click()

    _add(page, "deadlift", "Deadlift")
    deadlift = _entry(page, "Deadlift")
    assert deadlift.get_by_label("kg").input_value() == "100"
    assert deadlift.get_by_label("Type").input_value() == "working"
    deadlift.get_by_role("button", name="Log set 1").click()
    page.screenshot(path="/tmp/gym-prefill.png", full_page=True)

    today = Set.objects.filter(performed_at__gt=two_days_ago + timedelta(days=1)).order_by("pk")
    logged = [(s.exercise.slug, s.weight_kg, s.reps, s.set_type) for s in today.select_related("exercise")]
    assert logged == [
        ("back-extension", Decimal(10), 12, "working"), ("back-extension", Decimal(10), 12, "working"),
        ("dumbbell-row", Decimal(30), 10, "working"), ("dumbbell-row", Decimal(30), 10, "working"),
        ("deadlift", Decimal(100), 5, "working"),
    ]  # fmt: skip


def test_a_warm_up_sits_above_the_programs_targets_and_shows_its_type(logged_in_page: Any) -> None:
    from repbook.services.program.programs import start_next_workout, start_program

    page = logged_in_page
    start_program(_alice(), "back-workout")
    workout = start_next_workout(_alice())
    page.goto(f"/workouts/{workout.pk}/")
    deadlift = _entry(page, "Deadlift")
    assert "Target: 2 × 5 @ 20 kg" in deadlift.get_by_test_id("target").text_content()
    deadlift.get_by_label("kg").fill("15")
    deadlift.get_by_label("Type").select_option("warmup")
    # Warm-ups are counted apart: the form now logs the first warm-up, not "set 1".
    assert deadlift.locator(".set-number").text_content() == "Warm-up 1"
    deadlift.get_by_role("button", name="Log warm-up 1").click()

    deadlift = _entry(page, "Deadlift")
    assert deadlift.get_by_test_id("set-type").first.text_content() == "W"
    assert deadlift.get_by_test_id("set-target").first.text_content() == ""
    assert "Target for set 1: 5 @ 20 kg" in deadlift.get_by_test_id("next-target").text_content()
    assert deadlift.get_by_label("kg").input_value() == "20"
    assert deadlift.get_by_label("Type").input_value() == "working"
    deadlift.get_by_role("button", name="Log set 1", exact=True).click()
    _entry(page, "Deadlift").get_by_role("button", name="Log set 2", exact=True).click()
    # The table counts as the form did: W, then 1 and 2.
    numbers = [
        row.locator("td").first.text_content().strip()
        for row in _entry(page, "Deadlift").get_by_test_id("set-row").all()
    ]
    assert numbers == ["W", "1", "2"]
    deadlift = _entry(page, "Deadlift")
    targets = deadlift.get_by_test_id("set-target").all_text_contents()
    assert targets == ["", "5 @ 20 kg", "5 @ 20 kg"]
    deadlift.scroll_into_view_if_needed()
    page.screenshot(path="/tmp/gym-warmup.png")


def test_today_offers_resume_while_a_workout_is_open_and_never_opens_a_second(logged_in_page: Any) -> None:
    from repbook.services.program.programs import start_program
    from repbook.storage.models import Workout

    page = logged_in_page
    start_program(_alice(), "back-workout")
    page.goto("/")
    page.get_by_role("button", name="Start today's workout").click()
    page.wait_for_url(re.compile(r"/workouts/\d+/$"))
    started = page.url
    _entry(page, "Deadlift").get_by_role("button", name="Log set 1").click()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Today").click()
    assert page.get_by_role("button", name="Start today's workout").count() == 0
    so_far = page.get_by_test_id("open-workout")
    assert "1 set so far" in so_far.text_content()
    assert "Deadlift: 1 set" in so_far.get_by_test_id("done-so-far").text_content()
    page.screenshot(path="/tmp/gym-today-resume.png")
    so_far.get_by_role("link", name="Resume workout").click()
    assert page.url == started

    page.get_by_role("navigation", name="Main").get_by_role("link", name="History").click()
    assert page.get_by_role("button", name="Start a workout").count() == 0
    page.screenshot(path="/tmp/gym-log-resume.png")
    page.get_by_test_id("open-workout").get_by_role("link", name="Resume workout").click()
    assert page.url == started
    assert Workout.objects.filter(finished_at__isnull=True).count() == 1


def test_an_unusual_set_is_asked_about_before_it_is_logged(logged_in_page: Any) -> None:
    page = logged_in_page
    _start_empty_workout(page)
    _add(page, "deadlift", "Deadlift")
    page.get_by_label("kg").fill("100")
    page.get_by_label("Reps").fill("45")
    page.get_by_role("button", name="Log set 1").click()
    assert (
        "45 reps with a load is unusual (more than 30)" in page.get_by_test_id("unusual-set").text_content()
    )
    page.screenshot(path="/tmp/gym-unusual.png")
    page.get_by_role("button", name="Yes, log it").click()
    page.wait_for_url(re.compile(r"/workouts/\d+/"))
    assert page.get_by_test_id("set-row").count() == 1

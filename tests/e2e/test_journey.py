"""The whole back workout at the gym, on a phone and on a desktop.

A lifter follows the built-in back workout and did its first session a week ago. Today they start
the program's workout from Today, warm up for the deadlift, do the back extension and the reverse
fly as a superset, tap "Log set" without editing wherever the prefill is already right (after
checking what it says), finish through the confirm step, and read the summary. Then every set is
looked up in the database."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

PROGRAM = "back-workout"

#: Last week's session, the program's first: two sets of each exercise (weight in kg, reps).
#: The first session's two sets of each: short of the top (the deadlift a rep short of its five), so
#: every load holds and today brings every set at the same weights.
LAST_WEEK = [
    ("deadlift", Decimal(60), 4),
    ("pull-up", Decimal(0), 7),
    ("dumbbell-row", Decimal(20), 9),
    ("back-extension", Decimal(0), 11),
    ("reverse-dumbbell-fly", Decimal(6), 13),
]


def _label(which: int | str) -> str:
    return f"set {which}" if isinstance(which, int) else which


@dataclass(frozen=True)
class Viewport:
    name: str
    size: dict[str, int]
    touch: bool


VIEWPORTS = [
    Viewport("phone", PHONE, touch=True),
    Viewport("desktop", {"width": 1280, "height": 800}, touch=False),
]


@pytest.fixture(params=VIEWPORTS, ids=lambda v: v.name)
def viewport(request: pytest.FixtureRequest) -> Viewport:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def lifter_page(
    browser: Any, live_server: Any, viewport: Viewport, make_user: Callable[..., Any]
) -> Iterator[Any]:
    from tests.conftest import PASSWORD

    make_user("alice")
    context = browser.new_context(viewport=viewport.size, base_url=live_server.url, has_touch=viewport.touch)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")
    yield page
    context.close()


def _alice() -> Any:
    from repbook.storage.models import User

    return User.objects.get(username="alice")


def _first_session_a_week_ago(user: Any) -> None:
    """The lifter began the back workout eight days ago and did its first session a week ago."""
    from django.utils import timezone

    from repbook.services.program.programs import start_next_workout, start_program
    from repbook.services.workout.body_weight import log_body_weight
    from repbook.services.workout.workout_entries import finish_workout
    from repbook.services.workout.workouts import SetInput, log_set
    from repbook.storage import summaries
    from repbook.storage.models import ActiveProgram, Set, Workout

    start_program(user, PROGRAM)
    week_ago = timezone.now() - timedelta(days=7)
    log_body_weight(user, Decimal(80), "kg", timezone.localdate(week_ago))
    ActiveProgram.objects.filter(owner=user).update(started_at=week_ago - timedelta(days=1))
    workout = start_next_workout(user)
    for slug, weight, reps in LAST_WEEK:
        for _ in range(2):
            log_set(user, SetInput(slug, weight, reps=reps, workout=workout.pk))
    finish_workout(user, workout.pk)
    Workout.objects.filter(pk=workout.pk).update(
        started_at=week_ago, finished_at=week_ago + timedelta(minutes=50)
    )
    Set.objects.filter(workout=workout).update(performed_at=week_ago + timedelta(minutes=20))
    # Moved in time behind the services' back: its statistics follow, as an edit's would.
    summaries.refresh(user, [workout.pk], lowered=True)


class Lifter:
    """Works the workout page as a lifter does: taps on a phone, clicks on a desktop."""

    def __init__(self, page: Any, viewport: Viewport) -> None:
        self.page = page
        self.viewport = viewport

    def press(self, target: Any) -> None:
        if self.viewport.touch:
            target.tap()
        else:
            target.click()

    def entry(self, name: str) -> Any:
        return self.page.locator("section.entry").filter(has=self.page.get_by_role("heading", name=name))

    def next_set(self, name: str, which: int | str) -> Any:
        """The exercise's set form once the page offers `which`: set 2 (an int), or "warm-up 1"."""
        entry = self.entry(name)
        expect(entry.get_by_role("button", name=f"Log {_label(which)}", exact=True)).to_be_visible()
        return entry

    def expect_prefill(self, name: str, which: int | str, weight: str, reps: str, set_type: str) -> Any:
        entry = self.next_set(name, which)
        expect(entry.locator("input[name=weight]")).to_have_value(weight)
        expect(entry.get_by_label("Reps")).to_have_value(reps)
        expect(entry.get_by_label("Type")).to_have_value(set_type)
        return entry

    def log_as_is(
        self, name: str, which: int | str, weight: str, reps: str, set_type: str = "working"
    ) -> None:
        """Checks the prefill, then taps "Log set" without editing anything."""
        entry = self.expect_prefill(name, which, weight, reps, set_type)
        self._log(name, entry, which)

    def log_edited(
        self,
        name: str,
        which: int | str,
        *,
        weight: str | None = None,
        reps: str | None = None,
        set_type: str | None = None,
    ) -> None:
        """Edits the form, then logs it as `which` (the button follows a changed type)."""
        entry = self.entry(name)
        if weight is not None:
            entry.locator("input[name=weight]").fill(weight)
        if reps is not None:
            entry.get_by_label("Reps").fill(reps)
        if set_type is not None:
            entry.get_by_label("Type").select_option(set_type)
        self._log(name, entry, which)

    def _log(self, name: str, entry: Any, which: int | str) -> None:
        rows = entry.get_by_test_id("set-row").count()
        self.press(entry.get_by_role("button", name=f"Log {_label(which)}", exact=True))
        expect(self.entry(name).get_by_test_id("set-row")).to_have_count(rows + 1)

    def screenshot(self, step: str) -> None:
        self.page.screenshot(path=f"/tmp/journey-{self.viewport.name}-{step}.png", full_page=True)


def test_the_whole_back_workout(lifter_page: Any, viewport: Viewport) -> None:
    from repbook.storage.models import Set, Workout

    page = lifter_page
    lifter = Lifter(page, viewport)
    _first_session_a_week_ago(_alice())

    # Today: the program's next workout with last week's loads, and a button to start it.
    page.goto("/")
    upcoming = page.get_by_test_id("next-workout")
    expect(upcoming).to_contain_text("Deadlift: 3 × 5 @ 60 kg")
    expect(upcoming).to_contain_text("Reverse Dumbbell Fly: 3 × 12–15 @ 6 kg")
    lifter.screenshot("1-today")
    lifter.press(page.get_by_role("button", name="Start today's workout"))
    page.wait_for_url(re.compile(r"/workouts/\d+/$"))
    workout = Workout.objects.get(finished_at__isnull=True)
    # Started three quarters of an hour ago, as far as the summary's duration can tell.
    Workout.objects.filter(pk=workout.pk).update(started_at=workout.started_at - timedelta(minutes=45))
    names = page.locator("section.entry h2 a").all_text_contents()
    assert names == ["Deadlift", "Pull-Up", "Dumbbell Row", "Back Extension", "Reverse Dumbbell Fly"]

    # Deadlift: the plate helper's ramp for the working weight, two warm-ups from it, then 3 × 5.
    deadlift = lifter.expect_prefill("Deadlift", 1, "60", "5", "working")
    expect(deadlift.get_by_test_id("target")).to_contain_text("Target: 3 × 5 @ 60 kg")
    expect(deadlift.get_by_test_id("warmup-ramp")).to_have_text("20 × 10, 22.5 × 5, 35 × 3, 47.5 × 1")
    lifter.log_edited("Deadlift", "warm-up 1", weight="20", reps="10", set_type="warmup")
    lifter.log_edited("Deadlift", "warm-up 2", weight="40", reps="5", set_type="warmup")
    # Warm-ups are counted apart: the next set is the first working set, with its target.
    deadlift = lifter.next_set("Deadlift", 1)
    expect(deadlift.get_by_test_id("set-type")).to_have_text(["W", "W"])
    expect(deadlift.get_by_test_id("next-target")).to_contain_text("Target for set 1: 5 @ 60 kg")
    lifter.screenshot("2-warmups")
    for number in (1, 2, 3):
        lifter.log_as_is("Deadlift", number, "60", "5")
        expect(page.locator("#rest-timer")).to_be_visible()
    expect(lifter.entry("Deadlift").get_by_test_id("set-target")).to_have_text(
        ["", "", "5 @ 60 kg", "5 @ 60 kg", "5 @ 60 kg"]
    )

    # Pull-up: body weight, the bottom of the range prefilled; 8 reps typed once, then repeated.
    lifter.expect_prefill("Pull-Up", 1, "0", "6", "working")
    lifter.log_edited("Pull-Up", 1, reps="8")
    lifter.log_as_is("Pull-Up", 2, "0", "8")
    lifter.log_as_is("Pull-Up", 3, "0", "8")

    # Dumbbell row: last week's 20 kg; 10 reps typed once.
    lifter.expect_prefill("Dumbbell Row", 1, "20", "8", "working")
    lifter.log_edited("Dumbbell Row", 1, reps="10")
    lifter.log_as_is("Dumbbell Row", 2, "20", "10")
    lifter.log_as_is("Dumbbell Row", 3, "20", "10")

    # Back extension + reverse fly as a superset: A1 → A2 with no rest → rest → A1 …
    lifter.press(lifter.entry("Back Extension").get_by_role("button", name="Superset with next"))
    expect(lifter.entry("Back Extension").locator(".superset-tag")).to_have_text("Superset A")
    expect(lifter.entry("Reverse Dumbbell Fly").locator(".superset-tag")).to_have_text("Superset A")
    a1 = str(lifter.entry("Back Extension").get_attribute("id"))
    a2 = str(lifter.entry("Reverse Dumbbell Fly").get_attribute("id"))
    timer = page.locator("#rest-timer")

    lifter.expect_prefill("Back Extension", 1, "0", "10", "working")
    lifter.log_edited("Back Extension", 1, reps="12")
    page.wait_for_url(re.compile(f"#{a2}$"))
    expect(timer).to_be_hidden()
    lifter.expect_prefill("Reverse Dumbbell Fly", 1, "6", "12", "working")
    lifter.screenshot("3-superset-a2")
    lifter.log_edited("Reverse Dumbbell Fly", 1, reps="15")
    page.wait_for_url(re.compile(f"#{a1}$"))
    expect(timer).to_be_visible()
    for number in (2, 3):
        lifter.log_as_is("Back Extension", number, "0", "12")
        page.wait_for_url(re.compile(f"#{a2}$"))
        expect(timer).to_be_hidden()
        lifter.log_as_is("Reverse Dumbbell Fly", number, "6", "15")
        expect(timer).to_be_visible()
        if number == 2:
            page.wait_for_url(re.compile(f"#{a1}$"))
    lifter.screenshot("4-all-sets")

    # Finish: asked first, then the summary.
    lifter.press(page.get_by_role("link", name="Finish workout"))
    expect(page.get_by_test_id("finish-question")).to_contain_text("17 sets of 5 exercises")
    assert Workout.objects.get(pk=workout.pk).finished_at is None, "asking finishes nothing"
    lifter.screenshot("5-finish-confirm")
    lifter.press(page.get_by_role("button", name="Finish workout"))
    page.wait_for_url(re.compile(r"/summary/$"))
    expect(page.get_by_role("heading", name="Workout finished")).to_be_visible()
    lifter.screenshot("6-summary")

    # Every set stored, in the order logged, with its exercise, weight, reps, type and place.
    logged = [
        (s.exercise.slug, s.weight_kg, s.reps, s.set_type, s.order)
        for s in Set.objects.filter(workout=workout).select_related("exercise").order_by("performed_at", "pk")
    ]
    dl, pu, row = "deadlift", "pull-up", "dumbbell-row"
    be, fly = "back-extension", "reverse-dumbbell-fly"
    assert logged == [
        (dl, Decimal(20), 10, "warmup", 1), (dl, Decimal(40), 5, "warmup", 2),
        (dl, Decimal(60), 5, "working", 3), (dl, Decimal(60), 5, "working", 4),
        (dl, Decimal(60), 5, "working", 5),
        (pu, Decimal(0), 8, "working", 1), (pu, Decimal(0), 8, "working", 2),
        (pu, Decimal(0), 8, "working", 3),
        (row, Decimal(20), 10, "working", 1), (row, Decimal(20), 10, "working", 2),
        (row, Decimal(20), 10, "working", 3),
        (be, Decimal(0), 12, "working", 1), (fly, Decimal(6), 15, "working", 1),
        (be, Decimal(0), 12, "working", 2), (fly, Decimal(6), 15, "working", 2),
        (be, Decimal(0), 12, "working", 3), (fly, Decimal(6), 15, "working", 3),
    ]  # fmt: skip
    finished = Workout.objects.get(pk=workout.pk)
    assert finished.finished_at is not None

    # The summary: duration, sets (warm-ups too), volume (working sets' lifted load × reps: the
    # records' volumes below add up to it, 900 + 1,824 + 600 + 1,440 + 270 kg).
    minutes = int((finished.finished_at - finished.started_at).total_seconds()) // 60
    expect(page.get_by_test_id("summary-duration")).to_have_text(f"{minutes} min")
    expect(page.get_by_test_id("summary-sets")).to_have_text("17")
    expect(page.get_by_test_id("summary-volume")).to_have_text("5,034 kg")
    # Records: each exercise beat last week somewhere (body weight is logged, so the bodyweight
    # exercises have loads too).
    records = page.get_by_test_id("summary-records")
    expect(records.get_by_role("heading", level=3)).to_have_text(
        ["Deadlift", "Pull-Up", "Dumbbell Row", "Back Extension", "Reverse Dumbbell Fly"]
    )
    expect(records).to_contain_text("most volume in a session, 900 kg (was 480 kg)")
    expect(records).to_contain_text("most volume in a session, 600 kg (was 360 kg)")
    expect(records).to_contain_text("15 reps at 6 kg (was 13)")

    # Next time: what the program asks after this session, and why.
    upcoming = page.get_by_test_id("next-workout")
    expect(upcoming.get_by_role("heading", level=2)).to_have_text("Next time: Back")
    plan = upcoming.locator(".next-exercise")
    expect(plan).to_have_count(5)
    expect(plan.nth(0)).to_contain_text("3 × 5 @ 65 kg")
    expect(plan.nth(0).locator(".reason")).to_have_text(
        "Why: last time 3 × 5 at 60 kg, every rep → 65 kg × 5"
    )
    expect(plan.nth(2)).to_contain_text("3 × 8–10 @ 22 kg")
    expect(plan.nth(2).locator(".reason")).to_contain_text("last time 3 × 10 at 20 kg, the top of 8–10")
    expect(plan.nth(4)).to_contain_text("3 × 12–15 @ 8 kg")
    for i in range(5):
        expect(plan.nth(i).locator(".reason")).to_contain_text("Why: last time 3 × ")

    # Done: Today offers the next workout at its new loads.
    lifter.press(page.get_by_role("link", name="Done"))
    page.wait_for_url(re.compile(r"/$"))
    expect(page.get_by_test_id("next-workout")).to_contain_text("Deadlift: 3 × 5 @ 65 kg")
    expect(page.get_by_role("button", name="Start today's workout")).to_be_visible()
    assert not Workout.objects.filter(finished_at__isnull=True).exists()

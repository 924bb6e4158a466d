"""The plate helper follows the weight as it is typed, computed in the browser and
checked against core's plate and warm-up rules for a set of weights in kg and in lb."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

KG = ["20", "60", "100", "102.5", "97.3", "142.5", "61.25", "15", "227.5", "183.75", "0.5", "1000"]
LB = ["45", "135", "225", "315", "137.5", "100", "405", "50", "47.5", "1000"]


def _expected(typed: str, unit: str) -> tuple[str, str, str]:
    """What core says for this weight: the plates each side, the closest load below, the warm-up."""
    from repbook.core.plates import STANDARD_SETUPS, plates_per_side
    from repbook.core.warmup import warmup_ramp
    from repbook.services.workout.plate_words import closest_words, plates_words, warmup_words

    setup = STANDARD_SETUPS[unit]
    weight = Decimal(typed)
    load = plates_per_side(weight, setup.bar, setup.plates)
    ramp = warmup_ramp(weight, setup.bar, setup.step)
    return plates_words(load), closest_words(load, unit), warmup_words(ramp)


def _shown(helper: Any) -> tuple[str, str, str]:
    closest = helper.get_by_test_id("plates-closest")
    return (
        helper.get_by_test_id("plates-per-side").text_content(),
        closest.text_content() if closest.is_visible() else "",
        helper.get_by_test_id("warmup-ramp").text_content()
        if helper.get_by_test_id("warmup").is_visible()
        else "",
    )


def _deadlift_workout(page: Any) -> Any:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="History").click()
    page.get_by_role("button", name="Start a workout").click()
    page.wait_for_url(re.compile(r"/workouts/\d+/$"))
    page.get_by_label("Exercise name").fill("deadlift")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("button", name="+ Deadlift").click()
    return page.locator("section.entry").filter(has=page.get_by_role("heading", name="Deadlift"))


@pytest.mark.parametrize(("unit", "weights"), [("kg", KG), ("lb", LB)])
def test_the_plate_helper_follows_the_typed_weight_as_core_computes_it(
    logged_in_page: Any, unit: str, weights: list[str]
) -> None:
    from repbook.storage.models import UserSettings

    UserSettings.objects.filter(owner__username="alice").update(unit=unit)
    page = logged_in_page
    deadlift = _deadlift_workout(page)
    helper = deadlift.locator("details.helpers")
    field = deadlift.get_by_label(unit, exact=True)
    field.fill(weights[0])
    helper.locator("summary").click()
    for typed in weights:
        field.fill(typed)
        assert helper.locator("summary").text_content() == f"Plates and warm-up for {typed} {unit}"
        assert _shown(helper) == _expected(typed, unit), typed
    field.fill("140" if unit == "kg" else "315")
    page.screenshot(path=f"/tmp/gym2-plates-{unit}.png")
    field.fill("")
    assert helper.is_hidden(), "no weight, no plates"

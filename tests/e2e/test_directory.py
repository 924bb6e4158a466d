"""A browser opens the directory, filters by lower back, opens Back Extension and reads it all."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_filter_lower_back_and_read_the_back_extension_page(page: Any) -> None:
    page.goto("/exercises/")
    page.get_by_label("Muscle", exact=True).select_option("lower_back")
    page.wait_for_url("**muscle=lower_back**")
    page.locator("#results").get_by_role("link", name="Back Extension", exact=False).first.click()
    page.wait_for_url("**/exercises/back-extension/")
    for heading in ("Muscles worked", "How to do it", "Benefits", "Variations", "Alternatives",
                    "Sets, reps and how often", "Questions people ask"):  # fmt: skip
        assert page.get_by_role("heading", name=heading).is_visible(), heading
    primary = page.locator('.bodymap [data-muscle="lower_back"]').first
    assert "m-primary" in primary.get_attribute("class")
    for muscle in ("glutes", "hamstrings"):
        assert "m-secondary" in page.locator(f'.bodymap [data-muscle="{muscle}"]').first.get_attribute(
            "class"
        )
    # The two colours really differ on screen.
    colours = page.evaluate(
        """() => ['m-primary', 'm-secondary'].map(
            c => getComputedStyle(document.querySelector('.bodymap .' + c)).fill)"""
    )
    assert colours[0] != colours[1]
    assert page.get_by_text("Primary", exact=True).first.is_visible()
    page.get_by_text("Which muscles should I feel working during a back extension?").click()
    assert page.get_by_text("In the lower back, the glutes and the hamstrings").is_visible()


def test_the_two_positions_sit_side_by_side_on_a_phone_and_the_movement_can_be_shown(page: Any) -> None:
    page.goto("/exercises/back-extension/")
    start = page.get_by_role("img", name="Back Extension: top position")
    end = page.get_by_role("img", name="Back Extension: bottom position")
    first, second = start.bounding_box(), end.bounding_box()
    assert first["y"] == second["y"] and first["x"] + first["width"] <= second["x"]  # side by side
    assert second["x"] + second["width"] <= 390 and first["width"] > 120  # on screen, not tiny
    assert page.locator("#positions figcaption").all_inner_texts() == ["Top", "Bottom"]
    page.get_by_text("Show the movement").click()
    stacked = start.bounding_box(), end.bounding_box()
    assert stacked[0]["x"] == stacked[1]["x"] and stacked[0]["y"] == stacked[1]["y"]  # one frame, crossfading
    assert (
        page.locator("#positions .pose-end").evaluate("e => getComputedStyle(e).animationName") == "pose-fade"
    )


def test_reduced_motion_keeps_the_positions_still(browser: Any, live_server: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url,
                                  reduced_motion="reduce")  # fmt: skip
    page = context.new_page()
    page.goto("/exercises/back-extension/")
    assert not page.get_by_text("Show the movement").is_visible()
    assert page.locator("#positions .pose-end").evaluate("e => getComputedStyle(e).animationName") == "none"
    context.close()

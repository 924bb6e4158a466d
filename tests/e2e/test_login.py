"""Log in with a real browser on a phone-sized screen and see the home page."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_log_in_and_see_the_home_page(logged_in_page: Any) -> None:
    page = logged_in_page
    assert page.get_by_role("heading", name="Today").is_visible()
    nav = page.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link", name="Today").is_visible()
    assert page.get_by_role("navigation", name="Account").get_by_role("link", name="Settings").is_visible()
    # The stylesheet is our own file and it applied (the phone navigation sits at the bottom).
    box = nav.bounding_box()
    assert box is not None and box["y"] > 600


def test_a_wrong_password_shows_an_error(page: Any, make_user: Any) -> None:
    make_user("alice")
    page.goto("/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("alert").is_visible()
    assert "/login/" in page.url

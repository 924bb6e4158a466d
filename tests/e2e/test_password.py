"""Change the password in a real browser on a phone: the old one stops working, other sessions end."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)
NEW = "another-horse-battery-staple"
SHOTS = "/tmp/repbook-e2e"


def log_in(page: Any, password: str) -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_change_password_ends_other_sessions_and_the_old_password(
    browser: Any, logged_in_page: Any, live_server: Any
) -> None:
    page = logged_in_page
    other_context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=live_server.url)
    other = other_context.new_page()
    log_in(other, PASSWORD)
    other.wait_for_url("**/")

    page.goto("/settings/")
    page.get_by_role("link", name="Change password").click()
    page.get_by_label("Old password").fill(PASSWORD)
    page.get_by_label(re.compile(r"^New password:?$")).fill(NEW)
    page.get_by_label("New password confirmation").fill(NEW)
    page.screenshot(path=f"{SHOTS}/password-change.png", full_page=True)
    page.get_by_role("button", name="Change password").click()
    page.wait_for_url("**/settings/")
    expect(page.get_by_text("Password changed. You were logged out everywhere else.")).to_be_visible()
    page.screenshot(path=f"{SHOTS}/password-changed.png", full_page=True)

    other.goto("/workouts/")
    assert "/login/" in other.url  # the laptop's session ended
    log_in(other, PASSWORD)
    expect(other.get_by_role("alert")).to_be_visible()  # waits for the refused form to come back
    assert "/login/" in other.url
    log_in(other, NEW)
    other.wait_for_url("**/")
    other_context.close()


def test_forgot_password_says_whom_to_ask(page: Any) -> None:
    page.goto("/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    expect(page.get_by_role("heading", name="Forgot your password?")).to_be_visible()
    expect(page.get_by_text("repbook user password YOUR-NAME --temporary")).to_be_visible()

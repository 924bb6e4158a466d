"""Log-in, throttling, registration, settings and tokens on the web."""

from __future__ import annotations

import pytest
from django.test import Client

from repbook.storage.models import ApiToken, SiteSettings, User
from tests.conftest import PASSWORD, STATS_DEFAULTS

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_log_in() -> None:
    for path in ("/", "/settings/"):
        response = Client().get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/?next=")


def test_log_in_and_see_the_home_page(alice) -> None:
    client = Client()
    response = client.post("/login/", {"username": "alice", "password": PASSWORD}, follow=True)
    assert response.status_code == 200
    assert b"<title>Today \xc2\xb7 Repbook</title>" in response.content
    assert b'<nav class="mainnav" aria-label="Main">' in response.content


def test_wrong_password_and_unknown_user_read_the_same(alice) -> None:
    wrong = Client().post("/login/", {"username": "alice", "password": "nope-nope-nope"})
    unknown = Client().post("/login/", {"username": "nobody", "password": "nope-nope-nope"})
    assert wrong.status_code == unknown.status_code == 200
    assert wrong.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()


def test_repeated_bad_log_ins_are_throttled(alice) -> None:
    client = Client()
    for _ in range(5):
        client.post("/login/", {"username": "alice", "password": "wrong-password!"})
    locked = client.post("/login/", {"username": "alice", "password": PASSWORD})
    assert locked.status_code == 429
    assert b"Too many failed log-ins" in locked.content
    assert "_auth_user_id" not in client.session


def test_log_out_needs_a_post(alice_client: Client) -> None:
    assert alice_client.get("/logout/").status_code == 405
    assert alice_client.post("/logout/").status_code == 302
    assert alice_client.get("/").status_code == 302


def test_registration_creates_an_account_and_logs_in() -> None:
    client = Client()
    response = client.post(
        "/register/",
        {"username": "erin", "password": PASSWORD, "password_again": PASSWORD},
        follow=True,
    )
    assert b"Welcome to Repbook, erin" in response.content
    assert User.objects.get(username="erin").password.startswith("argon2")


def test_registration_rejects_weak_or_mismatched_passwords() -> None:
    weak = Client().post("/register/", {"username": "erin", "password": "abc", "password_again": "abc"})
    assert "too short" in str(weak.context["form"].errors)
    differ = Client().post("/register/", {"username": "erin", "password": PASSWORD, "password_again": "x"})
    assert "differ" in str(differ.context["form"].errors)
    assert not User.objects.filter(username="erin").exists()


def test_an_admin_can_close_registration() -> None:
    SiteSettings.objects.update_or_create(pk=1, defaults={"registration_open": False})
    response = Client().post(
        "/register/", {"username": "erin", "password": PASSWORD, "password_again": PASSWORD}
    )
    assert response.status_code == 403
    assert not User.objects.filter(username="erin").exists()


def test_settings_are_saved_and_bad_values_refused(alice_client: Client, alice) -> None:
    response = alice_client.post(
        "/settings/", {"unit": "lb", "bar_kg": "20", "default_rest_s": "120", "sex": "f"} | STATS_DEFAULTS
    )
    assert response.status_code == 302
    alice.repbook_settings.refresh_from_db()
    assert alice.repbook_settings.unit == "lb"
    bad = alice_client.post(
        "/settings/", {"unit": "stone", "bar_kg": "-3", "default_rest_s": "120", "sex": ""} | STATS_DEFAULTS
    )
    assert bad.status_code == 200
    assert set(bad.context["form"].errors) == {"unit", "bar_kg"}


def test_create_and_revoke_a_token_on_the_web(alice_client: Client, alice) -> None:
    alice_client.post("/settings/tokens/", {"name": "watch"})
    page = alice_client.get("/settings/")
    secret = page.context["new_secret"]
    assert secret.startswith("rb_")
    assert alice_client.get("/settings/").context["new_secret"] is None, "shown once only"
    token = ApiToken.objects.get(owner=alice)
    assert alice_client.post(f"/settings/tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_another_users_token_cannot_be_revoked(alice, bob_client: Client) -> None:
    from repbook.services.account.accounts import create_token

    token = create_token(alice, "phone").token
    assert bob_client.post(f"/settings/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_forms_need_csrf(alice) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post("/settings/tokens/", {"name": "x"}).status_code == 403


def test_security_headers_are_sent(alice_client: Client) -> None:
    response = alice_client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_health_endpoint() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_static_files_are_served(client: Client) -> None:
    response = client.get("/static/repbook/app.css")
    assert response.status_code == 200
    htmx = client.get("/static/django_htmx/htmx-2.min.js")
    assert htmx.status_code == 200

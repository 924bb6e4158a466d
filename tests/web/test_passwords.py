"""Passwords on the web: change one's own, temporary ones from an administrator, reset by e-mail."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from repbook.cli import main
from repbook.services.account import recent_password
from repbook.services.account.accounts import create_token, set_password, user_for_token
from repbook.settings import _email_settings
from repbook.storage.models import ApiToken, User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
NEW = "another-horse-battery-staple"


def log_in(username: str, password: str) -> Client | None:
    """A client logged in through the real login form (throttling included), or None if refused."""
    client = Client()
    response = client.post("/login/", {"username": username, "password": password})
    return client if response.status_code == 302 else None


def logged_in(username: str, password: str = PASSWORD) -> Client:
    client = log_in(username, password)
    assert client is not None, f"{username} could not log in"
    return client


def change(client: Client, old: str = PASSWORD, new: str = NEW, **extra: str) -> object:
    data = {"old_password": old, "new_password1": new, "new_password2": new, **extra}
    return client.post("/settings/password/", data)


def test_change_password_keeps_this_session_and_ends_the_others(alice: User) -> None:
    here, elsewhere = logged_in("alice"), logged_in("alice")
    response = change(here)
    assert response.status_code == 302 and response["Location"] == "/settings/"
    assert here.get("/settings/").status_code == 200
    assert elsewhere.get("/settings/")["Location"].startswith("/login/")
    assert log_in("alice", PASSWORD) is None
    assert log_in("alice", NEW) is not None


def test_a_wrong_old_password_or_a_weak_new_one_changes_nothing(alice: User) -> None:
    client = logged_in("alice")
    wrong = change(client, old="not-my-password")
    assert wrong.status_code == 200 and "old password was entered incorrectly" in wrong.content.decode()
    weak = change(client, new="12345678")
    assert weak.status_code == 200 and "too common" in weak.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_api_tokens_are_revoked_with_the_old_password_unless_kept(alice: User) -> None:
    first, second = create_token(alice, "phone").secret, create_token(alice, "script").secret
    client = logged_in("alice")
    page = client.get("/settings/password/").content.decode()
    assert "Also revoke my 2 API tokens" in page and 'name="revoke_tokens"' in page and "checked" in page
    response = change(client, revoke_tokens="on")
    assert user_for_token(first) is None and user_for_token(second) is None
    messages = [str(m) for m in response.wsgi_request._messages]  # type: ignore[attr-defined]
    assert any("2 API tokens were revoked" in m for m in messages)

    kept = create_token(alice, "watch").secret
    change(client, old=NEW, new="a-third-horse-battery")  # box unticked: the form sends nothing
    assert user_for_token(kept) == alice


def test_a_temporary_password_must_be_replaced_before_anything_else(alice: User) -> None:
    set_password(alice, "temporary-pass-4821", temporary=True)
    client = logged_in("alice", "temporary-pass-4821")
    for path in ("/", "/workouts/", "/settings/", "/admin/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/settings/password/", path
    page = client.get("/settings/password/").content.decode()
    assert "Choose your own password" in page
    token = create_token(alice, "api").secret
    assert client.get("/api/v1/workouts", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert change(client, old="temporary-pass-4821").status_code == 302
    alice.refresh_from_db()
    assert not alice.must_change_password
    assert client.get("/").status_code == 200


def test_an_administrator_sets_a_temporary_password_in_the_admin(alice: User, make_user) -> None:
    make_user("root", admin=True)
    admin = logged_in("root")
    response = admin.post(
        f"/admin/storage/user/{alice.pk}/password/",
        {"password1": "given-by-admin-77", "password2": "given-by-admin-77", "temporary": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    alice.refresh_from_db()
    assert alice.must_change_password and alice.check_password("given-by-admin-77")
    assert logged_in("alice", "given-by-admin-77").get("/")["Location"] == "/settings/password/"


def test_an_administrator_sets_a_temporary_password_from_the_cli(alice: User) -> None:
    create_token(alice, "phone")
    result = CliRunner().invoke(main, ["user", "password", "alice", "--temporary", "--revoke-tokens"])
    assert result.exit_code == 0, result.output
    (password,) = re.findall(r"Temporary password for alice: (\S+)", result.output)
    assert "Revoked 1 API token." in result.output
    alice.refresh_from_db()
    assert alice.must_change_password and alice.check_password(password)


def test_without_e_mail_the_login_page_says_whom_to_ask(alice: User) -> None:
    login = Client().get("/login/").content.decode()
    assert 'href="/password-reset/"' in login and "Forgot your password?" in login
    page = Client().get("/password-reset/").content.decode()
    assert "ask the person who runs it" in page and "repbook user password YOUR-NAME --temporary" in page
    Client().post("/password-reset/", {"email": "alice@example.org"})
    assert mail.outbox == []


def test_reset_by_e_mail_when_a_server_is_configured(alice: User, settings) -> None:
    settings.PASSWORD_RESET_BY_EMAIL = True
    logged_in("alice").post("/settings/email/", {"email": "alice@example.org"})
    sent = Client().post("/password-reset/", {"email": "alice@example.org"})
    unknown = Client().post("/password-reset/", {"email": "nobody@example.org"})
    assert sent.status_code == unknown.status_code == 302  # the same answer: nobody learns who has an account
    (message,) = mail.outbox
    assert message.to == ["alice@example.org"] and "Repbook password" in message.subject
    (link,) = re.findall(r"http://testserver(/password-reset/\S+/)", message.body)
    client = Client()
    form = client.get(link, follow=True)
    assert "Choose a new password" in form.content.decode()
    done = client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}, follow=True)
    assert "Password set" in done.content.decode()
    assert log_in("alice", NEW) is not None
    assert "has been used already" in Client().get(link, follow=True).content.decode()


def test_the_e_mail_url_becomes_smtp_settings() -> None:
    assert _email_settings("smtp+tls://repbook%40example.org:p%2Fss@mail.example.org") == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "repbook@example.org",
        "EMAIL_HOST_PASSWORD": "p/ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 20,
    }
    assert _email_settings("smtps://mail.example.org")["EMAIL_PORT"] == 465
    assert _email_settings("smtp://localhost:2525")["EMAIL_PORT"] == 2525
    for bad in ("mail.example.org", "http://mail.example.org", "smtp://host:99999"):
        with pytest.raises(ImproperlyConfigured, match="REPBOOK_EMAIL_URL"):
            _email_settings(bad)


def test_a_token_needs_the_password_when_it_was_not_typed_lately(alice: User) -> None:
    client = logged_in("alice")
    session = client.session
    session[recent_password.SESSION_KEY] -= recent_password.RECENT_S + 1
    session.save()
    wrong = client.post("/settings/tokens/", {"name": "laptop", "password": "not-my-password"}, follow=True)
    assert "That is not your password: no token was created." in wrong.content.decode()
    missing = client.post("/settings/tokens/", {"name": "laptop"}, follow=True)
    assert "Type your password to create a token." in missing.content.decode()
    assert not ApiToken.objects.filter(owner=alice).exists()
    made = client.post("/settings/tokens/", {"name": "laptop", "password": PASSWORD, "expires_in_days": "90"})
    assert made.status_code == 302
    token = ApiToken.objects.get(owner=alice)
    assert token.expires_at is not None
    assert f"<td>{token.expires_at:%Y-%m-%d}</td>" in client.get("/settings/").content.decode()

"""API authentication: Bearer tokens and the web session."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from repbook.services.account import recent_password
from repbook.services.account.accounts import create_token
from repbook.storage.models import ApiToken
from tests.conftest import PASSWORD, ApiClient

pytestmark = pytest.mark.django_db


def test_no_credentials_gives_401_with_a_detail() -> None:
    response = Client().get("/api/v1/me")
    assert response.status_code == 401
    assert "detail" in response.json()


def test_bearer_token_identifies_the_user(alice_api: ApiClient) -> None:
    response = alice_api.get("/api/v1/me")
    assert response.status_code == 200
    assert response.json()["username"] == "alice"


def test_a_revoked_token_stops_working(alice) -> None:
    new = create_token(alice, "script")
    api = ApiClient(new.secret)
    assert api.get("/api/v1/me").status_code == 200
    assert api.delete(f"/api/v1/tokens/{new.token.pk}").status_code == 204
    assert api.get("/api/v1/me").status_code == 401


def test_a_wrong_token_gives_401() -> None:
    assert ApiClient("rb_not-a-real-token").get("/api/v1/me").status_code == 401


def test_session_works_and_unsafe_methods_need_csrf(alice) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.get("/api/v1/me").json()["username"] == "alice"
    refused = client.post("/api/v1/tokens", {"name": "x"}, content_type="application/json")
    assert refused.status_code == 403


def session_of(user) -> Client:
    """A logged-in browser session (its password counts as just typed)."""
    client = Client()
    client.force_login(user)
    return client


def new_token(client: Client, **body: object) -> Any:
    return client.post("/api/v1/tokens", {"name": "watch", **body}, content_type="application/json")


def test_tokens_api_lists_only_own_tokens_and_hides_secrets(
    alice, alice_api: ApiClient, bob_api: ApiClient
) -> None:
    created = new_token(session_of(alice))
    assert created.status_code == 201
    body = created.json()
    assert body["token"].startswith("rb_") and body["expires_at"] is None
    listed = alice_api.get("/api/v1/tokens").json()
    assert {t["name"] for t in listed} == {"tests", "watch"}
    assert all("token" not in t and "token_hash" not in t for t in listed)
    assert {t["name"] for t in bob_api.get("/api/v1/tokens").json()} == {"tests"}


def test_another_users_token_is_404(alice, bob_api: ApiClient) -> None:
    token_id = new_token(session_of(alice)).json()["id"]
    response = bob_api.delete(f"/api/v1/tokens/{token_id}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_bad_body_gives_422_naming_the_field(alice) -> None:
    response = session_of(alice).post("/api/v1/tokens", {"nam": "x"}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "name"


# --- a token's life: made from a fresh password, never from a token; revoked, expired: 401 -----------


def test_a_token_cannot_create_tokens(alice_api: ApiClient) -> None:
    refused = alice_api.post("/api/v1/tokens", {"name": "another"})
    assert refused.status_code == 403
    assert "A token cannot create tokens" in refused.json()["detail"]


def test_a_session_needs_its_password_typed_lately(alice) -> None:
    client = session_of(alice)
    session = client.session
    session[recent_password.SESSION_KEY] -= recent_password.RECENT_S + 1
    session.save()
    refused = new_token(client)
    assert refused.status_code == 403 and "Settings → API tokens" in refused.json()["detail"]
    # Settings asks for the password with the token; typing it makes the session fresh again.
    page = client.get("/settings/").content.decode()
    assert 'name="password"' in page and "Your password" in page
    client.post("/settings/tokens/", {"name": "laptop", "password": PASSWORD})
    assert ApiToken.objects.filter(owner=alice, name="laptop").exists()
    assert 'name="password"' not in client.get("/settings/").content.decode()
    assert new_token(client).status_code == 201


def test_a_token_may_expire(alice) -> None:
    created = new_token(session_of(alice), expires_in_days=30).json()
    expires = datetime.fromisoformat(created["expires_at"])
    assert timedelta(days=29) < expires - timezone.now() <= timedelta(days=30)
    api = ApiClient(created["token"])
    assert api.get("/api/v1/me").status_code == 200
    ApiToken.objects.filter(pk=created["id"]).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert api.get("/api/v1/me").status_code == 401
    too_long = new_token(session_of(alice), expires_in_days=3651)
    assert too_long.status_code == 422 and too_long.json()["detail"][0]["field"] == "expires_in_days"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/workouts/1"),
        ("post", "/api/v1/sets"),
        ("put", "/api/v1/next-workout/exercises/deadlift"),
        ("patch", "/api/v1/workouts/1"),
        ("delete", "/api/v1/workouts/1"),
    ],
)
def test_an_unknown_revoked_or_expired_token_gets_401_on_every_method(alice, method: str, path: str) -> None:
    revoked = create_token(alice, "old")
    revoked_token = revoked.secret
    ApiToken.objects.filter(pk=revoked.token.pk).update(revoked_at=timezone.now())
    expired = create_token(alice, "short", expires_in_days=1)
    ApiToken.objects.filter(pk=expired.token.pk).update(expires_at=timezone.now())
    for secret in ("rb_not-a-real-token", revoked_token, expired.secret, "no prefix"):
        client = ApiClient(secret)
        client.client = Client(enforce_csrf_checks=True)  # as real clients are: no CSRF exemption
        response = client.delete(path) if method == "delete" else getattr(client, method)(path, {})
        assert response.status_code == 401, (secret, response.content)
        assert response.json()["detail"].startswith("Authentication required")


def test_a_changed_password_revokes_the_tokens_by_default(alice, alice_api: ApiClient) -> None:
    client = session_of(alice)
    new = "another-horse-battery-staple"
    client.post(
        "/settings/password/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new, "revoke_tokens": "on"},
    )
    assert alice_api.get("/api/v1/me").status_code == 401


def test_openapi_and_docs_are_served_locally() -> None:
    client = Client()
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert schema.json()["info"]["title"] == "Repbook API"
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert b"cdn" not in docs.content.lower()

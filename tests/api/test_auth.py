"""API authentication: Bearer tokens and the web session."""

from __future__ import annotations

import pytest
from django.test import Client

from repbook.services.accounts import create_token
from tests.conftest import ApiClient

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


def test_tokens_api_lists_only_own_tokens_and_hides_secrets(alice_api: ApiClient, bob_api: ApiClient) -> None:
    created = alice_api.post("/api/v1/tokens", {"name": "watch"})
    assert created.status_code == 201
    body = created.json()
    assert body["token"].startswith("rb_")
    listed = alice_api.get("/api/v1/tokens").json()
    assert {t["name"] for t in listed} == {"tests", "watch"}
    assert all("token" not in t and "token_hash" not in t for t in listed)
    assert {t["name"] for t in bob_api.get("/api/v1/tokens").json()} == {"tests"}


def test_another_users_token_is_404(alice_api: ApiClient, bob_api: ApiClient) -> None:
    token_id = alice_api.post("/api/v1/tokens", {"name": "watch"}).json()["id"]
    response = bob_api.delete(f"/api/v1/tokens/{token_id}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_bad_body_gives_422_naming_the_field(alice_api: ApiClient) -> None:
    response = alice_api.post("/api/v1/tokens", {"nam": "x"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "name"


def test_openapi_and_docs_are_served_locally() -> None:
    client = Client()
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert schema.json()["info"]["title"] == "Repbook API"
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert b"cdn" not in docs.content.lower()

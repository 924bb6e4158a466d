"""DELETE /api/v1/me: the password is needed too, so a stolen token alone cannot delete an account."""

from __future__ import annotations

import pytest
from django.test import Client

from repbook.services.account.accounts import create_token
from repbook.storage.models import Exercise, Set, User
from tests.conftest import PASSWORD, ApiClient
from tests.services.test_account_deletion import rich_account, rows_of

pytestmark = pytest.mark.django_db


def delete_me(api: ApiClient, body: object) -> object:
    return api.client.delete("/api/v1/me", body, content_type="application/json", headers=api.headers)


def test_the_token_and_the_password_delete_everything(alice: User, bob: User, alice_api: ApiClient) -> None:
    rich_account(alice)
    rich_account(bob)
    bob_before = rows_of(bob)
    response = delete_me(alice_api, {"password": PASSWORD})
    assert response.status_code == 204
    assert not any(rows_of(alice).values())
    assert rows_of(bob) == bob_before
    assert alice_api.get("/api/v1/me").status_code == 401  # the token went with the account


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        ({"password": "wrong-password!"}, 403, "the password is wrong; nothing was deleted"),
        (
            {"password": ""},
            422,
            [{"field": "password", "message": "type your password to confirm; nothing was deleted"}],
        ),
        ({}, 422, [{"field": "password", "message": "Field required"}]),
        ({"password": 12345678}, 422, [{"field": "password", "message": "Input should be a valid string"}]),
    ],
)
def test_a_token_without_the_right_password_deletes_nothing(
    alice: User, alice_api: ApiClient, body: object, status: int, detail: object
) -> None:
    rich_account(alice)
    before = rows_of(alice)
    response = delete_me(alice_api, body)
    assert (response.status_code, response.json()) == (status, {"detail": detail})
    assert rows_of(alice) == before


def test_no_body_or_a_broken_one_is_a_clear_4xx(alice: User, alice_api: ApiClient) -> None:
    response = alice_api.delete("/api/v1/me")
    assert (response.status_code, response.json()["detail"][0]["message"]) == (422, "Field required")
    garbled = alice_api.client.delete(
        "/api/v1/me", "{not json", content_type="application/json", headers=alice_api.headers
    )
    assert (garbled.status_code, garbled.json()) == (400, {"detail": "Cannot parse request body"})
    assert User.objects.filter(username="alice").exists()


def test_anonymous_gets_401(alice: User) -> None:
    response = Client().delete("/api/v1/me", {"password": PASSWORD}, content_type="application/json")
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required: send a valid Bearer token."}
    assert User.objects.filter(username="alice").exists()


def test_one_users_token_and_password_delete_only_that_user(
    alice: User, bob: User, bob_api: ApiClient
) -> None:
    # Bob's token with Alice's password (the same one in these tests) deletes Bob, never Alice.
    rich_account(alice)
    alice_before = rows_of(alice)
    assert delete_me(bob_api, {"password": PASSWORD}).status_code == 204
    assert rows_of(alice) == alice_before
    assert not User.objects.filter(username="bob").exists()


def test_guessing_the_password_with_a_token_is_throttled(alice: User) -> None:
    api = ApiClient(create_token(alice, "stolen").secret)
    locked = {"detail": "too many wrong passwords: try again in 15 minutes; nothing was deleted"}
    for _ in range(4):
        assert delete_me(api, {"password": "wrong-password!"}).status_code == 403
    fifth = delete_me(api, {"password": "wrong-password!"})  # the fifth failure locks, as for log-ins
    assert (fifth.status_code, fifth.json()) == (429, locked)
    right_too_late = delete_me(api, {"password": PASSWORD})
    assert (right_too_late.status_code, right_too_late.json()) == (429, locked)
    assert User.objects.filter(username="alice").exists()


def test_the_web_session_needs_its_csrf_token_and_is_logged_out(alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    body = {"password": PASSWORD}
    refused = client.delete("/api/v1/me", body, content_type="application/json")
    assert refused.status_code == 403
    assert User.objects.filter(username="alice").exists()
    client.get("/settings/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    done = client.delete("/api/v1/me", body, content_type="application/json", headers={"X-CSRFToken": token})
    assert done.status_code == 204
    assert "_auth_user_id" not in client.session
    assert client.get("/api/v1/me").status_code == 401


def test_a_refused_deletion_is_a_409_that_says_why(alice: User, bob: User, alice_api: ApiClient) -> None:
    rich_account(alice)
    rich_account(bob)
    Set.objects.filter(owner=bob).update(exercise=Exercise.objects.get(owner=alice))  # past the services
    before = rows_of(alice)
    response = delete_me(alice_api, {"password": PASSWORD})
    assert response.status_code == 409
    assert response.json()["detail"].startswith("other accounts use this account's exercises or programs")
    assert rows_of(alice) == before

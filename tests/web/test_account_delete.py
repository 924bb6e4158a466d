"""Settings → Delete account: what goes, export first, password and user name to confirm."""

from __future__ import annotations

import pytest
from django.test import Client

from repbook.storage.models import Exercise, Set, User
from tests.conftest import PASSWORD
from tests.services.test_account_deletion import rich_account, rows_of

pytestmark = pytest.mark.django_db
URL = "/settings/delete/"
DELETED = "Your account and all its data were deleted."


def confirm(client: Client, username: str = "alice", password: str = PASSWORD) -> object:
    return client.post(URL, {"username": username, "password": password})


def test_settings_links_to_the_page_in_a_danger_zone_beside_the_exports(alice_client: Client) -> None:
    page = alice_client.get("/settings/").content.decode()
    zone = page[page.index('id="danger-zone"') :]
    zone = zone[: zone.index("</section>")]
    assert f'href="{URL}"' in zone and "Delete account" in zone
    assert 'href="/export/repbook.json"' in zone and 'href="/export/repbook.csv"' in zone


def test_the_page_says_what_goes_and_offers_the_export_first(alice: User, alice_client: Client) -> None:
    rich_account(alice)
    response = alice_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 workouts with 3 sets" in page
    assert "1 exercise and 1 program of your own" in page and "1 API token" in page
    assert 'href="/export/repbook.json"' in page and 'href="/export/repbook.csv"' in page
    assert 'name="password"' in page and 'name="username"' in page
    assert 'method="post"' in page and "csrfmiddlewaretoken" in page


def test_visitors_are_sent_to_log_in() -> None:
    response = Client().get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/login/?next=")
    assert Client().post(URL, {"username": "alice", "password": PASSWORD}).status_code == 302


@pytest.mark.parametrize(
    ("username", "password", "field", "message"),
    [
        ("Alice", PASSWORD, "username", "Type your user name, alice, exactly as shown."),
        ("bob", PASSWORD, "username", "Type your user name, alice, exactly as shown."),
        ("", PASSWORD, "username", "This field is required."),
        ("alice", "wrong-password!", "password", "The password is wrong; nothing was deleted."),
        ("alice", "", "password", "This field is required."),
    ],
)
def test_a_wrong_name_or_password_deletes_nothing(
    alice: User, bob: User, alice_client: Client, username: str, password: str, field: str, message: str
) -> None:
    rich_account(alice)
    before = rows_of(alice)
    response = alice_client.post(URL, {"username": username, "password": password})
    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert rows_of(alice) == before
    assert alice_client.get("/settings/").status_code == 200  # still logged in


def test_deleting_logs_out_and_says_so_on_the_login_page(
    alice: User, bob: User, alice_client: Client
) -> None:
    rich_account(alice)
    rich_account(bob)
    bob_before = rows_of(bob)
    response = confirm(alice_client)
    assert response.status_code == 302 and response["Location"] == "/login/"
    login_page = alice_client.get("/login/")
    assert DELETED in login_page.content.decode()
    assert not User.objects.filter(username="alice").exists()
    assert not any(rows_of(alice).values())
    assert rows_of(bob) == bob_before
    assert alice_client.get("/settings/").status_code == 302  # the session is gone
    # The account is gone for logging in too.
    again = Client().post("/login/", {"username": "alice", "password": PASSWORD})
    assert again.status_code == 200 and "_auth_user_id" not in again.wsgi_request.session


def test_only_a_post_with_the_csrf_token_deletes(alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.get(URL, {"username": "alice", "password": PASSWORD}).status_code == 200
    assert client.post(URL, {"username": "alice", "password": PASSWORD}).status_code == 403
    assert client.delete(URL).status_code == 403  # CSRF is checked before the method
    logged_in = Client()
    logged_in.force_login(alice)
    assert logged_in.put(URL).status_code == 405
    assert User.objects.filter(username="alice").exists()
    # With the token from the page the same form deletes.
    token = client.get(URL).context["csrf_token"]
    response = client.post(
        URL, {"username": "alice", "password": PASSWORD, "csrfmiddlewaretoken": str(token)}
    )
    assert response.status_code == 302
    assert not User.objects.filter(username="alice").exists()


def test_guessing_the_password_is_throttled_like_logging_in(alice: User, alice_client: Client) -> None:
    for _ in range(4):
        assert confirm(alice_client, password="wrong-password!").status_code == 422
    fifth = confirm(alice_client, password="wrong-password!")  # the fifth failure locks, as for log-ins
    assert "Too many wrong passwords" in fifth.content.decode()
    locked = confirm(alice_client)  # the right password, too late
    assert locked.status_code == 422
    assert "Too many wrong passwords: try again in 15 minutes" in locked.content.decode()
    assert User.objects.filter(username="alice").exists()
    assert Client().post("/login/", {"username": "alice", "password": PASSWORD}).status_code == 429


def test_a_refused_deletion_shows_why_and_keeps_everything(
    alice: User, bob: User, alice_client: Client
) -> None:
    rich_account(alice)
    rich_account(bob)
    Set.objects.filter(owner=bob).update(exercise=Exercise.objects.get(owner=alice))  # past the services
    before = rows_of(alice)
    response = confirm(alice_client)
    assert response.status_code == 422
    errors = response.context["form"].non_field_errors()
    assert errors[0].startswith("Other accounts use this account's exercises or programs")
    assert errors[0].endswith("nothing was deleted.")
    assert rows_of(alice) == before
    assert alice_client.get("/settings/").status_code == 200

"""The authorization matrix: every route of the web app, the admin and the API, from the URL conf.

Alice owns the objects; Bob is another ordinary user; anonymous is nobody. Every route has a rule in
tests/security/table.py, and each rule is checked here on its own test id, e.g.
`test_second_user_gets_404[web:workout-edit]`. Objects named in a request body, and pages all users
share, are in test_cross_references.py; CSRF in test_csrf.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from repbook.storage.models import User
from tests.security.matrix import (
    RULES,
    actor,
    body,
    is_api,
    is_login_redirect,
    keys,
    methods,
    path,
    prepare,
    send,
    url,
)
from tests.security.objects import MARKER, account_state, build
from tests.security.routes import discovered_routes, parameters

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_password_hashing")]


def test_every_route_has_exactly_one_rule() -> None:
    found = [route.key for route in discovered_routes()]
    shared = sorted({key for key in found if found.count(key) > 1})
    assert not shared, f"routes sharing one key (give them distinct URL names): {shared}"
    missing = sorted(set(found) - set(RULES))
    assert not missing, f"routes without a rule in tests/security/table.py: {missing}"
    gone = sorted(set(RULES) - set(found))
    assert not gone, f"rules in tests/security/table.py for routes that no longer exist: {gone}"


@pytest.mark.parametrize("key", keys("owned", "own-data", "public"))
def test_a_rule_gives_every_url_parameter(key: str) -> None:
    """Owned rules name an object that fills the URL; the others fill it themselves (no object).

    (Admin URLs are filled from ADMIN_PARAMS: the staff check comes before any lookup.)
    """
    rule = RULES[key]
    needed = parameters(path(key))
    if rule.kind == "owned":
        assert rule.obj is not None
        assert needed, f"{key} names no object in its URL: an own-data rule, not owned"
        given = set(build(User.objects.create(username="probe"), (rule.obj,)).params)
    else:
        given = set(rule.params)
    assert needed <= given, f"{key}: the rule gives no value for {sorted(needed - given)}"


def _status_line(response: Any) -> str:
    return f"{response.status_code} {response.get('Location', '')}".strip()


# --- owned: another user's object ---------------------------------------------------------------


@pytest.mark.parametrize("key", keys("owned"))
def test_second_user_gets_404(key: str, alice: User, bob: User) -> None:
    rule = RULES[key]
    assert rule.obj is not None
    owner, other = actor(alice, key), actor(bob, key)
    thing = build(alice, (rule.obj,))
    address = url(key, thing.params)
    before, bobs = account_state(alice), account_state(bob)

    for method in methods(key):
        response = send(other, method, address, rule.data)
        assert response.status_code == 404, f"{method} {address} as Bob: {_status_line(response)}"
        assert thing.marker not in body(response)
    assert account_state(alice) == before, f"Bob changed Alice's data through {key}"
    assert account_state(bob) == bobs, f"a refused {key} still changed Bob's own data"

    # The control: the same requests reach the object for its owner (so the 404s above mean something).
    for method in methods(key):
        response = send(owner, method, address, rule.data)
        assert response.status_code not in (404, 405), (
            f"{method} {address} as Alice: {_status_line(response)}"
        )
        assert response.status_code < 500
    if rule.writes:
        assert account_state(alice) != before, f"Alice's own {key} changed nothing: the check above is blind"


# --- anonymous ----------------------------------------------------------------------------------


@pytest.mark.parametrize("key", keys("owned", "own-data"))
def test_anonymous_gets_the_login_page_or_401(key: str, alice: User) -> None:
    rule = RULES[key]
    thing = prepare(alice, rule, (rule.obj,) if rule.obj else rule.shows)
    address = url(key, thing.params if rule.kind == "owned" else rule.params)
    query = {k: v.format(**thing.params) for k, v in rule.query.items()}
    before = account_state(alice)
    nobody = actor(None, key)

    for method in methods(key):
        response = send(nobody, method, address, rule.data, query=query)
        where = f"{method} {address} anonymously: {_status_line(response)}"
        if rule.anonymous == "404":
            assert response.status_code == 404, where
        elif rule.anonymous == "public":
            assert response.status_code == 200, where
        elif is_api(key):
            assert response.status_code == 401, where
            assert response.json()["detail"].startswith("Authentication required")
        else:
            assert is_login_redirect(response, address, query=query if method == "GET" else None), where
        assert MARKER not in body(response), where
    assert account_state(alice) == before

    if rule.anonymous == "404":  # a public route: its public objects answer visitors
        assert send(nobody, "GET", url(key, rule.params)).status_code == 200


# --- own-data: no object in the URL -------------------------------------------------------------


def _reads(key: str, rule: Any) -> bool:
    return "GET" in methods(key) and bool(rule.shows)


@pytest.mark.parametrize("key", keys("own-data", where=_reads))
def test_second_user_sees_none_of_the_first_users_data(key: str, alice: User, bob: User) -> None:
    rule = RULES[key]
    owner, other = actor(alice, key), actor(bob, key)
    address = url(key, rule.params)
    bobs_before = body(send(other, "GET", address)) if rule.compare_bodies else ""
    thing = prepare(alice, rule, rule.shows)
    prepare(bob, rule, ())
    query = {k: v.format(**thing.params) for k, v in rule.query.items()}

    mine = send(owner, "GET", address, query=query)
    theirs = send(other, "GET", address, query=query)
    assert mine.status_code == 200, _status_line(mine)
    assert theirs.status_code < 500, _status_line(theirs)
    my_text, their_text = body(mine), body(theirs)
    if rule.compare_bodies:
        assert their_text == bobs_before, f"Bob's {key} changed when Alice logged her data"
        assert my_text != their_text, f"Alice's {key} shows nothing of hers: the check is blind"
    else:
        assert thing.marker in my_text, f"Alice's {key} lacks her {thing.marker!r}"
        assert thing.marker not in their_text, f"Bob's {key} shows Alice's {thing.marker!r}"
    assert MARKER not in their_text


def _writes(key: str, rule: Any) -> bool:
    return rule.writes


@pytest.mark.parametrize("key", keys("own-data", where=_writes))
def test_second_user_changes_only_their_own_data(key: str, alice: User, bob: User) -> None:
    rule = RULES[key]
    (method,) = [m for m in methods(key) if m != "GET"]
    owner, other = actor(alice, key), actor(bob, key)
    prepare(alice, rule, rule.shows)
    prepare(bob, rule, ())
    address = url(key, rule.params)
    before, bobs = account_state(alice), account_state(bob)

    response = send(other, method, address, rule.data)
    assert response.status_code < 400, f"Bob's own {method} {address}: {_status_line(response)}"
    assert account_state(bob) != bobs, f"Bob's {key} changed nothing of his: the check below is blind"
    assert account_state(alice) == before, f"Bob's {key} changed Alice's data"

    response = send(owner, method, address, rule.data)
    assert response.status_code < 400, f"Alice's own {method} {address}: {_status_line(response)}"
    assert account_state(alice) != before


# --- the methods a web rule lists are the ones its view serves ------------------------------------


@pytest.mark.parametrize("key", keys("owned", "own-data", "public", where=lambda k, r: not is_api(k)))
def test_a_web_rule_lists_the_methods_its_view_serves(key: str, alice: User) -> None:
    """Every served method is checked above: a view that starts serving GET or POST needs its rule updated."""
    rule = RULES[key]
    thing = prepare(alice, rule, (rule.obj,) if rule.obj else ())
    address = url(key, thing.params if rule.kind == "owned" else rule.params)
    who = actor(None if rule.kind == "public" else alice, key)
    for method in ("GET", "POST"):
        response = send(who, method, address, rule.data)
        served = response.status_code != 405
        assert served == (method in rule.methods), f"{method} {address}: {_status_line(response)}"


# --- public -------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", keys("public"))
def test_a_public_route_answers_anyone(key: str, alice: User) -> None:
    rule = RULES[key]
    assert rule.why, f"{key}: say why it is public"
    build(alice, ("custom_exercise", "workout"))
    response = send(actor(None, key), "GET", url(key, rule.params))
    assert response.status_code == rule.status, _status_line(response)
    assert MARKER not in body(response)


# --- admin --------------------------------------------------------------------------------------


@pytest.fixture
def staff(make_user: Callable[..., User]) -> Client:
    client = Client()
    client.force_login(make_user("root", admin=True))
    return client


@pytest.mark.parametrize("key", keys("admin"))
def test_the_admin_needs_staff(key: str, bob: User, staff: Client) -> None:
    address = url(key, {})
    for who in (actor(None, key), actor(bob, key)):
        for method in ("GET", "POST"):
            response = send(who, method, address, {})
            assert is_login_redirect(response, address, "/admin/login/"), (
                f"{method}: {_status_line(response)}"
            )
    # The control: staff get past the login page (a page, or the admin's own redirect or 404).
    response = staff.get(address)
    assert not is_login_redirect(response, address, "/admin/login/"), _status_line(response)


ADMIN_LISTS = ["workout", "exercise", "program", "apitoken"]


def test_ordinary_users_cannot_see_admin_lists_that_show_alices_data(
    alice: User, bob: User, staff: Client
) -> None:
    build(alice, ("workout", "program", "token"))
    for name in ADMIN_LISTS:
        address = f"/admin/storage/{name}/"
        assert MARKER in staff.get(address).content.decode(), f"{address} shows staff nothing of Alice's"
        for who in (actor(alice, "web:admin"), actor(bob, "web:admin")):
            response = send(who, "GET", address)
            assert is_login_redirect(response, address, "/admin/login/"), _status_line(response)
            assert MARKER not in response.content.decode()

"""CSRF on every form: each web route refuses a POST without the token (login and sign-up too), every
form carries the token, and the API refuses a session's unsafe call without it while a Bearer token
needs none. The routes come from the same declared table as the authorization matrix."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from repbook.storage.models import User
from tests.security.matrix import (
    RULES,
    Actor,
    actor,
    body,
    csrf_token,
    is_api,
    keys,
    methods,
    prepare,
    send,
    url,
)
from tests.security.objects import Owned, account_state

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_password_hashing")]

WEB = sorted(key for key in RULES if not is_api(key))
UNSAFE_API = keys("owned", "own-data", where=lambda key, rule: is_api(key) and not key.startswith("GET "))


def _alices(key: str, alice: User) -> tuple[Owned, str]:
    """Alice's objects the route needs, and its URL (naming her object for owned routes)."""
    rule = RULES[key]
    thing = prepare(alice, rule, (rule.obj,) if rule.obj else rule.shows)
    return thing, url(key, thing.params if rule.kind == "owned" else rule.params)


def _status_line(response: Any) -> str:
    return f"{response.status_code} {response.get('Location', '')} {body(response)[:200]}".strip()


@pytest.mark.parametrize("key", WEB)
def test_a_post_without_the_csrf_token_is_refused(key: str, alice: User) -> None:
    """Every web route, form or not: public ones (login, sign-up) for a visitor, the rest for Alice."""
    rule = RULES[key]
    _, address = _alices(key, alice)
    who = actor(None if rule.kind == "public" else alice, key, csrf=True)
    before = account_state(alice)

    refused = send(who, "POST", address, rule.data if rule.data is not None else {})
    assert refused.status_code == 403, _status_line(refused)
    assert account_state(alice) == before, f"a POST without the CSRF token changed Alice's data: {key}"

    if rule.data is not None:  # a declared form: with the token it goes through (the control)
        accepted = send(who, "POST", address, rule.data, headers={"X-CSRFToken": csrf_token(who.client)})
        assert accepted.status_code != 403 and accepted.status_code < 500, _status_line(accepted)
        if rule.kind != "public":
            assert account_state(alice) != before, f"{key} with the token changed nothing"


POST_FORM = re.compile(r"<form\b[^>]*\bmethod=\"post\"[^>]*>(.*?)</form>", re.IGNORECASE | re.DOTALL)


def test_every_form_on_every_page_carries_the_csrf_token(make_user: Callable[..., User]) -> None:
    """A form without the token fails for its users (403): every page's POST forms must have it."""
    forms: dict[str, int] = {}
    pages = keys(
        "public", "owned", "own-data", where=lambda key, rule: not is_api(key) and "GET" in rule.methods
    )
    for number, key in enumerate(pages):
        rule = RULES[key]
        user = make_user(f"user{number}")  # each page with its own user's objects
        _, address = _alices(key, user)
        client = Client()
        if rule.kind != "public":
            client.force_login(user)
        response = client.get(address)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        found = POST_FORM.findall(body(response))
        forms[key] = len(found)
        for form in found:
            assert 'name="csrfmiddlewaretoken"' in form, f"{key}: a POST form without the CSRF token"
    # Most pages have forms: if none were found, the pattern above is broken.
    assert sum(forms.values()) >= 20, forms


@pytest.mark.parametrize("key", UNSAFE_API)
def test_the_api_refuses_a_sessions_unsafe_call_without_the_csrf_token(key: str, alice: User) -> None:
    rule = RULES[key]
    (method,) = methods(key)
    _, address = _alices(key, alice)
    session = Client(enforce_csrf_checks=True)
    session.force_login(alice)
    who = Actor(session, alice)
    before = account_state(alice)

    refused = send(who, method, address, rule.data)
    assert refused.status_code == 403, _status_line(refused)
    assert "CSRF" in refused.json()["detail"]
    assert account_state(alice) == before

    # The control: the browser's session works once it sends the token.
    accepted = send(who, method, address, rule.data, headers={"X-CSRFToken": csrf_token(session)})
    assert accepted.status_code < 400, _status_line(accepted)
    assert account_state(alice) != before


@pytest.mark.parametrize("key", [k for k in UNSAFE_API if not RULES[k].session])
def test_a_bearer_token_needs_no_csrf_token(key: str, alice: User) -> None:
    rule = RULES[key]
    (method,) = methods(key)
    _, address = _alices(key, alice)
    who = actor(alice, key, csrf=True)  # a Bearer token, on a client that enforces CSRF
    before = account_state(alice)
    response = send(who, method, address, rule.data)
    assert response.status_code < 400, _status_line(response)
    assert account_state(alice) != before

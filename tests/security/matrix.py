"""What the matrix tests share: the rules by key, who sends a request, and how it is sent."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from repbook.services.account.accounts import create_token
from repbook.storage.models import User
from tests.security.objects import SETUPS, UPLOAD_FILE, Owned, build
from tests.security.routes import Route, discovered_routes, fill
from tests.security.table import ADMIN_PARAMS, UPLOAD, Rule, declared

RULES = declared()
ROUTES: dict[str, Route] = {route.key: route for route in discovered_routes()}


def keys(*kinds: str, where: Any = None) -> list[str]:
    """The declared route keys of these kinds (and matching `where(key, rule)`), for parametrize."""
    return sorted(k for k, r in RULES.items() if r.kind in kinds and (where is None or where(k, r)))


def is_api(key: str) -> bool:
    return " /api/" in key


def methods(key: str) -> tuple[str, ...]:
    """An API rule is one operation: its key's method. A web rule lists the methods its view serves."""
    return (key.split(" ", 1)[0],) if is_api(key) else RULES[key].methods


def path(key: str) -> str:
    """The route's pattern as discovered (a rule whose route is gone fails here, naming it)."""
    assert key in ROUTES, f"{key}: no such route in the URL conf any more"
    return ROUTES[key].path


@dataclass
class Actor:
    """Who sends the requests: a user (or nobody) with a browser session or a Bearer token."""

    client: Client
    user: User | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def params(self) -> dict[str, Any]:
        return {"username": self.user.get_username() if self.user else ""}


def actor(user: User | None, key: str, *, csrf: bool = False) -> Actor:
    """The usual way in for the route: a session on the web, a Bearer token in the API (a session for
    the API routes a token may not use)."""
    client = Client(enforce_csrf_checks=csrf)
    if user is None:
        return Actor(client)
    if is_api(key) and not RULES[key].session:
        return Actor(client, user, {"Authorization": f"Bearer {create_token(user, 'matrix').secret}"})
    client.force_login(user)
    return Actor(client, user)


def prepare(user: User, rule: Rule, objects: tuple[str, ...]) -> Owned:
    """The setup every user needs for the route, then the named objects of `user`."""
    for name in rule.both_have:
        SETUPS[name](user)
    return build(user, objects)


def url(key: str, params: dict[str, Any]) -> str:
    route = path(key)
    return fill(route, {**ADMIN_PARAMS, **params} if key.startswith("admin:") else params)


def formatted(values: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
    """Values with "{name}" placeholders filled from `params` (the acting user's or an object's)."""
    return {k: v.format(**params) if isinstance(v, str) and "{" in v else v for k, v in values.items()}


def _upload() -> dict[str, Any]:
    return {
        "file": SimpleUploadedFile(UPLOAD_FILE.name, UPLOAD_FILE.read_bytes()),
        "format": "auto",
        "unit": "kg",
    }


def send(
    who: Actor,
    method: str,
    address: str,
    data: dict[str, Any] | None = None,
    *,
    query: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> Any:
    """One request as a browser or an API client would send it; `data` is filled with who's parameters."""
    all_headers = {**who.headers, **(headers or {})}
    if method == "GET":
        return who.client.get(address, query or {}, headers=all_headers)
    if data is UPLOAD:
        return who.client.post(address, _upload(), headers=all_headers)
    body = formatted(data or {}, who.params)
    if address.startswith("/api/"):
        return who.client.generic(
            method, address, json.dumps(body), content_type="application/json", headers=all_headers
        )
    assert method == "POST", f"web routes take GET and POST only, not {method}"
    return who.client.post(address, body, headers=all_headers)


def is_login_redirect(
    response: Any, address: str, login: str = "/login/", query: dict[str, str] | None = None
) -> bool:
    """A redirect to the login page that comes back to `address` (with its query) afterwards."""
    if response.status_code != 302:
        return False
    target = urlsplit(response["Location"])
    back = f"{address}?{urlencode(query)}" if query else address
    return target.path == login and parse_qs(target.query).get("next") == [back]


def body(response: Any) -> str:
    """The response's text, streamed or not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return str(response.content.decode(errors="replace"))


def csrf_token(client: Client) -> str:
    """A valid CSRF token for this client's session: a page with a form sets the cookie."""
    client.get("/login/")
    cookie = client.cookies.get("csrftoken")
    if cookie is None:
        client.get("/settings/")
        cookie = client.cookies.get("csrftoken")
    assert cookie is not None, "no page set the CSRF cookie"
    return cookie.value

"""Two real servers (two machines, each with its own data dir) behind one proxy: with
REPBOOK_CACHE_URL they share the sign-up limit through Redis; with their own file caches they do not."""

from __future__ import annotations

import http.cookiejar
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack
from pathlib import Path

import pytest
import redis
from bench.server import ServerConfig, serving

from repbook.web.views.accounts import REGISTRATIONS_PER_HOUR
from tests.conftest import PASSWORD

pytestmark = pytest.mark.slow
REDIS_URL = os.environ.get("REPBOOK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
CLIENT = "203.0.113.9"  # one visitor, as the proxy reports it


class Browser:
    """A cookie-keeping client of one server, sending what the proxy in front would add."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def sign_up(self, username: str) -> int:
        headers = {"X-Forwarded-For": CLIENT}
        form = self.opener.open(urllib.request.Request(f"{self.base_url}/register/", headers=headers))
        (token,) = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.read().decode())
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "username": username,
                "password": PASSWORD,
                "password_again": PASSWORD,
            }
        ).encode()
        request = urllib.request.Request(f"{self.base_url}/register/", data=data, headers=headers)
        try:
            return int(self.opener.open(request).status)
        except urllib.error.HTTPError as answer:
            return answer.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def sign_ups_alternating(tmp_path: Path, env: dict[str, str], prefix: str) -> list[int]:
    configs = [ServerConfig(tmp_path / name, env=env) for name in ("machine-a", "machine-b")]
    with ExitStack() as stack:
        servers = [stack.enter_context(serving(config)) for config in configs]
        # After a sign-up the visitor is logged in: a new browser for each attempt.
        return [
            Browser(servers[n % 2].base_url).sign_up(f"{prefix}{n}")
            for n in range(REGISTRATIONS_PER_HOUR + 1)
        ]


def test_the_sign_up_limit_holds_across_machines_only_with_a_shared_cache(tmp_path: Path) -> None:
    proxy = {"REPBOOK_TRUSTED_PROXIES": "127.0.0.1"}
    separate = sign_ups_alternating(tmp_path, proxy, "apart")
    assert 429 not in separate, "each machine's own file cache counts half: the check below is not blind"

    store = redis.Redis.from_url(REDIS_URL)
    store.flushdb()
    try:
        shared = sign_ups_alternating(tmp_path, proxy | {"REPBOOK_CACHE_URL": REDIS_URL}, "shared")
    finally:
        store.flushdb()
    assert shared == [302] * REGISTRATIONS_PER_HOUR + [429]

"""Behind a reverse proxy, and under load: who a request comes from (REPBOOK_TRUSTED_PROXIES), the
API's rate limits, and throttle counters shared through Redis (REPBOOK_CACHE_URL)."""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from repbook.core.client_address import parse_networks
from repbook.services.account.accounts import create_token
from repbook.storage.models import User
from repbook.web.views.accounts import REGISTRATIONS_PER_HOUR
from tests.conftest import PASSWORD

WRONG = "not-the-password-at-all"
PROXY = "127.0.0.1"
REDIS_URL = os.environ.get("REPBOOK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def via_proxy(client_address: str) -> dict[str, str]:
    """What a request through the local reverse proxy carries: the proxy's address and the header."""
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": client_address}


def register(name: str, **meta: str) -> Any:
    data = {"username": name, "password": PASSWORD, "password_again": PASSWORD}
    return Client().post("/register/", data, **meta)


def fail_log_ins(username: str, times: int, **meta: str) -> Any:
    response = None
    for _ in range(times):
        response = Client().post("/login/", {"username": username, "password": WRONG}, **meta)
    return response


@pytest.fixture(autouse=True)
def one_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    """The API counts requests per minute window: hold the clock inside one, so no test crosses it."""
    from repbook.api import throttles

    monkeypatch.setattr(throttles, "clock", lambda: 1_800_000_000.0)


@pytest.fixture
def behind_proxy(settings: Any) -> None:
    settings.TRUSTED_PROXIES = parse_networks(PROXY)


@pytest.mark.django_db
def test_behind_a_trusted_proxy_one_client_cannot_lock_out_another(alice: User, behind_proxy: None) -> None:
    assert fail_log_ins("alice", settings.AXES_FAILURE_LIMIT, **via_proxy("203.0.113.9")).status_code == 429
    elsewhere = Client().post(
        "/login/", {"username": "alice", "password": PASSWORD}, **via_proxy("198.51.100.4")
    )
    assert elsewhere.status_code == 302, "the owner, from her own address, still logs in"


@pytest.mark.django_db
def test_without_trusted_proxies_a_forged_header_changes_nothing(alice: User) -> None:
    for n in range(settings.AXES_FAILURE_LIMIT):
        # A new made-up address on every try must not escape the lock-out.
        Client().post("/login/", {"username": "alice", "password": WRONG}, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    locked = Client().post(
        "/login/", {"username": "alice", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="10.9.9.9"
    )
    assert locked.status_code == 429


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_sign_up_limit_is_per_client(behind_proxy: None) -> None:
    for n in range(REGISTRATIONS_PER_HOUR):
        assert register(f"user{n}", **via_proxy("203.0.113.9")).status_code == 302
    assert register("one-too-many", **via_proxy("203.0.113.9")).status_code == 429
    assert register("neighbour", **via_proxy("198.51.100.4")).status_code == 302, "not server-wide"


# --- API rate limits ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_api_limits_each_account_per_minute(alice: User, bob: User, settings: Any) -> None:
    settings.API_RATE_PER_USER = 3
    alices = {"Authorization": f"Bearer {create_token(alice, 'script').secret}"}
    bobs = {"Authorization": f"Bearer {create_token(bob, 'script').secret}"}
    client = Client()
    assert [client.get("/api/v1/workouts", headers=alices).status_code for _ in range(3)] == [200] * 3
    refused = client.get("/api/v1/workouts", headers=alices)
    assert refused.status_code == 429
    assert refused.json() == {"detail": "Too many requests."}
    assert int(refused["Retry-After"]) == 60  # the held clock stands at the start of a minute
    assert client.get("/api/v1/workouts", headers=bobs).status_code == 200, "each account counts alone"


@pytest.mark.django_db
def test_the_api_limits_requests_without_an_account_per_address(settings: Any, behind_proxy: None) -> None:
    settings.API_RATE_PER_ADDRESS = 2
    client = Client()
    codes = [client.get("/api/v1/exercises", **via_proxy("203.0.113.9")).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert client.get("/api/v1/exercises", **via_proxy("198.51.100.4")).status_code == 200


def test_the_schema_documents_429_on_every_operation() -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    operations = [op for path in schema["paths"].values() for op in path.values()]
    assert operations and all("429" in op["responses"] for op in operations)


# --- Redis: one count for every worker and machine -----------------------------------------------


@pytest.fixture
def redis_cache(settings: Any) -> Any:
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    # Changing CACHES makes Django open the new cache (its setting_changed signal).
    try:
        cache.clear()
    except Exception as exc:  # pragma: no cover - a machine without the Redis server
        pytest.fail(f"no Redis at {REDIS_URL}: {exc}")
    yield cache
    cache.clear()


@pytest.mark.django_db
def test_with_redis_the_api_counts_live_in_redis(alice: User, settings: Any, redis_cache: Any) -> None:
    import redis

    settings.API_RATE_PER_USER = 2
    headers = {"Authorization": f"Bearer {create_token(alice, 'script').secret}"}
    codes = [Client().get("/api/v1/workouts", headers=headers).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    keys = redis.Redis.from_url(REDIS_URL).keys("*api-rate:user*")
    assert len(keys) == 1 and int(redis.Redis.from_url(REDIS_URL).get(keys[0]) or 0) == 3

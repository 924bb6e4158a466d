"""Shared fixtures: a real database (SQLite, or PostgreSQL via DATABASE_URL).

The exercise catalog is loaded by migrate (post_migrate), and again after each flush of a
transactional test, exactly as in production.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from repbook.services.account.accounts import create_token, create_user
from repbook.storage.models import User

# Property tests: no deadline and no "too slow" health check (a busy 2-core machine is slow, not
# wrong). In CI (CI=true) the examples are derandomized, so a run passes or fails the same way every
# time; on a developer's machine they are random and keep finding new cases.
hypothesis_settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True, print_blob=True
)
hypothesis_settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "dev")

PASSWORD = "correct-horse-battery-staple"
#: The settings form's statistics fields at their defaults, for tests that post the form.
STATS_DEFAULTS = {"e1rm_formula": "epley", "secondary_muscle_weight": "0.5"}


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """The cache and the request counts are files in the data dir and outlive a run: throttles
    count from zero in every test. The catalog's rows kept per process are read again too: a
    test's rolled-back changes to them are invisible to that copy."""
    from django.core.cache import cache

    from repbook.services.system import request_counts
    from repbook.storage.queries import forget_catalog_rows

    cache.clear()
    request_counts.clear()
    forget_catalog_rows()


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(username: str = "alice", **kwargs: Any) -> User:
        return create_user(username, PASSWORD, **kwargs)

    return make


@pytest.fixture
def alice(make_user: Callable[..., User]) -> User:
    return make_user("alice")


@pytest.fixture
def bob(make_user: Callable[..., User]) -> User:
    return make_user("bob")


@pytest.fixture
def alice_client(alice: User) -> Client:
    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob: User) -> Client:
    client = Client()
    client.force_login(bob)
    return client


class ApiClient:
    """A test client that sends a Bearer token with every request."""

    def __init__(self, token: str) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str, data: Any = None, **kw: Any) -> Any:
        return self.client.get(path, data, headers=self.headers, **kw)

    def post(self, path: str, data: Any = None, **kw: Any) -> Any:
        return self.client.post(path, data, content_type="application/json", headers=self.headers, **kw)

    def patch(self, path: str, data: Any = None, **kw: Any) -> Any:
        return self.client.patch(path, data, content_type="application/json", headers=self.headers, **kw)

    def put(self, path: str, data: Any = None, **kw: Any) -> Any:
        return self.client.put(path, data, content_type="application/json", headers=self.headers, **kw)

    def delete(self, path: str, **kw: Any) -> Any:
        return self.client.delete(path, headers=self.headers, **kw)


@pytest.fixture
def alice_api(alice: User) -> ApiClient:
    return ApiClient(create_token(alice, "tests").secret)


@pytest.fixture
def bob_api(bob: User) -> ApiClient:
    return ApiClient(create_token(bob, "tests").secret)

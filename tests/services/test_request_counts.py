"""The API's request counts without Redis: small files changed under a lock, so every worker of
the machine adds to one exact count per caller and window."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from repbook.services.system import request_counts
from repbook.services.system.request_counts import count_request, counts_folder


def test_each_request_adds_one_and_a_new_window_starts_from_one() -> None:
    assert [count_request("user", "7", 100, 60) for _ in range(3)] == [1, 2, 3]
    assert count_request("user", "7", 101, 60) == 1
    assert count_request("user", "7", 101, 60) == 2


def test_callers_and_scopes_count_apart() -> None:
    count_request("user", "7", 100, 60)
    assert count_request("user", "8", 100, 60) == 1
    assert count_request("address", "7", 100, 60) == 1
    assert count_request("address", "2001:db8::1", 100, 60) == 1, "an address is a file name too"


def test_concurrent_requests_lose_no_count() -> None:
    # Each call opens the file anew, as another worker process would: the lock is on the open
    # file, so threads contend exactly as processes do.
    with ThreadPoolExecutor(max_workers=8) as pool:
        counts = list(pool.map(lambda _: count_request("user", "7", 100, 60), range(400)))
    assert sorted(counts) == list(range(1, 401))


def test_a_damaged_count_file_starts_the_count_again() -> None:
    count_request("user", "7", 100, 60)
    folder = counts_folder()
    assert folder is not None
    (path,) = folder.iterdir()
    path.write_bytes(b"junk")
    assert count_request("user", "7", 100, 60) == 1
    assert count_request("user", "7", 100, 60) == 2


def test_files_of_callers_idle_for_long_are_removed(monkeypatch: pytest.MonkeyPatch) -> None:
    count_request("user", "old", 100, 60)
    folder = counts_folder()
    assert folder is not None
    (old,) = folder.iterdir()
    long_ago = time.time() - 2 * request_counts.PRUNE_EVERY_S
    os.utime(old, (long_ago, long_ago))
    monkeypatch.setattr(request_counts, "_last_prune", 0.0)
    count_request("user", "new", 100, 60)  # a new caller's file prompts the pruning
    assert [p.name for p in folder.iterdir()] != [] and not old.exists()


def test_with_redis_the_counts_are_cache_keys(settings: Any) -> None:
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:6379/0"}}  # fmt: skip
    from django.core.cache import cache

    cache.delete("api-rate:user:7:100")
    assert counts_folder() is None
    assert [count_request("user", "7", 100, 60) for _ in range(2)] == [1, 2]
    assert cache.get("api-rate:user:7:100") == 2
    cache.delete("api-rate:user:7:100")


def test_the_folder_is_next_to_the_file_cache(settings: Any) -> None:
    folder = counts_folder()
    assert folder == Path(settings.CACHES["default"]["LOCATION"]).parent / "request-counts"

"""Rate limits of the API (django-ninja throttles): per account, or per address without one.

Counters live in the shared cache (Redis with REPBOOK_CACHE_URL, else files in the data dir), one
counter per minute window: a single atomic increment per request, where ninja's own throttles
keep and rewrite the list of every request's time.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

from repbook.services.system.client_address import request_client_address

WINDOW_S = 60
#: The clock the windows are counted by (tests hold it still, so no request crosses a window).
clock = time.time


class PerMinuteThrottle(BaseThrottle):
    """At most `limit()` requests per minute window for each caller `ident()` names."""

    scope = ""

    def limit(self) -> int:
        raise NotImplementedError

    def ident(self, request: HttpRequest) -> str | None:
        raise NotImplementedError

    def allow_request(self, request: HttpRequest) -> bool:
        who = self.ident(request)
        if who is None:
            return True
        key = f"api-rate:{self.scope}:{who}:{int(clock() // WINDOW_S)}"
        # The window's counter usually exists: one increment (atomic in Redis); the first request of
        # a window adds it, and a request that lost the race to add it increments after all.
        try:
            count = int(cache.incr(key))
        except ValueError:
            if cache.add(key, 1, timeout=WINDOW_S + 5):
                return True
            count = int(cache.incr(key))
        return count <= self.limit()

    def wait(self) -> float | None:
        """Seconds to the next window. Derived from the clock, not kept: the throttle is shared by
        every thread of a worker."""
        return WINDOW_S - clock() % WINDOW_S


class PerAccount(PerMinuteThrottle):
    scope = "user"

    def limit(self) -> int:
        return int(settings.API_RATE_PER_USER)

    def ident(self, request: HttpRequest) -> str | None:
        pk = getattr(getattr(request, "auth", None), "pk", None)
        return None if pk is None else str(pk)


class PerAddress(PerMinuteThrottle):
    """Requests without an account (the public exercise pages, the schema): per client address."""

    scope = "address"

    def limit(self) -> int:
        return int(settings.API_RATE_PER_ADDRESS)

    def ident(self, request: HttpRequest) -> str | None:
        if getattr(getattr(request, "auth", None), "pk", None) is not None:
            return None
        return request_client_address(request) or "unknown"


THROTTLES: list[BaseThrottle] = [PerAccount(), PerAddress()]

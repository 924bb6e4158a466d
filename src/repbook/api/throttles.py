"""Rate limits of the API (django-ninja throttles): per account, or per address without one.

Counts live in the shared cache (Redis with REPBOOK_CACHE_URL), else in small locked files in the
data dir (services.system.request_counts), one count per minute window: a single atomic increment
per request, where ninja's own throttles keep and rewrite the list of every request's time.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

from repbook.services.system.client_address import request_client_address
from repbook.services.system.request_counts import count_request

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
        count = count_request(self.scope, who, int(clock() // WINDOW_S), WINDOW_S)
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

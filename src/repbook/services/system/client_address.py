"""The address a web or API request comes from, for log-in, sign-up and API throttling.

django-axes calls `request_client_address` (AXES_CLIENT_IP_CALLABLE), and so do the sign-up
throttle and the API's rate limits, so all of them agree on who is who behind a proxy.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from repbook.core.client_address import client_address


def request_client_address(request: Any) -> str | None:
    """REMOTE_ADDR, or the X-Forwarded-For client when the request came through REPBOOK_TRUSTED_PROXIES."""
    meta = request.META
    return client_address(meta.get("REMOTE_ADDR"), meta.get("HTTP_X_FORWARDED_FOR"), settings.TRUSTED_PROXIES)

"""Security headers every response carries: pages, the API, errors and static files alike.

It sits right after Django's SecurityMiddleware and before WhiteNoise, which answers static files
without calling the middleware after it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.messages.storage.base import BaseStorage, Message
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

# No inline script or style anywhere: every script and stylesheet is a file we serve. The API docs
# page (django-ninja's Swagger UI from its own static files) works under the same policy.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        # Django's XFrameOptionsMiddleware does not see static files; frame-ancestors covers new browsers.
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class TemporaryPasswordMiddleware:
    """A user with a temporary password sees only the page to choose their own (and can log out)."""

    ALLOWED = ("password-change", "logout")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            not request.path.startswith(("/api/", "/static/"))
            and getattr(getattr(request, "user", None), "must_change_password", False)
            and request.path not in {reverse(name) for name in self.ALLOWED}
        ):
            return redirect("password-change")
        return self.get_response(request)


class _NoMessages(BaseStorage):
    """Flash messages for a page copy: none shown, none stored."""

    def _get(self, *args: object, **kwargs: object) -> tuple[list[Message], bool]:
        return [], True

    def _store(
        self, messages: list[Message], response: HttpResponse, *args: object, **kwargs: object
    ) -> list[Message]:
        return []


class OfflineCopyMiddleware:
    """A page the service worker fetches to keep for offline use (it sends X-Repbook-Offline-Copy)
    neither shows nor uses up the user's flash messages: they stay for the page the user opens.

    It sits after Django's MessageMiddleware, which would otherwise mark them read.
    """

    HEADER = "HTTP_X_REPBOOK_OFFLINE_COPY"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.HEADER not in request.META or not hasattr(request, "_messages"):
            return self.get_response(request)
        kept = request._messages
        request._messages = _NoMessages(request)
        try:
            return self.get_response(request)
        finally:
            request._messages = kept

"""API authentication: a personal Bearer token, or the web session (with CSRF)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer

from repbook.services.account.accounts import user_for_token


class BearerToken(HttpBearer):
    openapi_description = "A personal API token from Settings → API tokens, or `repbook token create`."

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is not None:
            request.user = user
            request.auth_by_token = True  # type: ignore[attr-defined]
        return user


class SessionCookie(APIKeyCookie):
    """The browser's logged-in session; unsafe methods need the CSRF token (ninja checks it)."""

    param_name = "sessionid"

    def _get_key(self, request: HttpRequest) -> str | None:
        # A request that sends a token is judged by its token alone: an unknown or revoked one gets
        # 401 on every method, never a CSRF answer for a cookie it did not send.
        if "HTTP_AUTHORIZATION" in request.META or self.param_name not in request.COOKIES:
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if key is None:
            return None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None


def anonymous(request: HttpRequest) -> bool:
    """Lets a public endpoint answer visitors too (after a token or session had its chance)."""
    return True


AUTH = [BearerToken(), SessionCookie(csrf=True)]
AUTH_OR_ANONYMOUS = [BearerToken(), SessionCookie(csrf=False), anonymous]
#: `openapi_extra` of an AUTH_OR_ANONYMOUS operation: ninja appends this empty security requirement
#: to the token and session ones, which tells clients that credentials are optional.
PUBLIC: dict[str, Any] = {"security": [{}]}

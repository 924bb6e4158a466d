"""Who am I, and personal API tokens."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import SESSION_KEY, logout
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from repbook.api.errors import ErrorOut, errors
from repbook.services.account import account_deletion, accounts
from repbook.services.account.recent_password import password_checked_recently
from repbook.storage.models import ApiToken, owned

router = Router(tags=["account"])


class MeOut(Schema):
    id: int
    username: str
    unit: str


class TokenIn(Schema):
    name: str
    #: None: the token works until revoked.
    expires_in_days: int | None = Field(None, ge=1, le=accounts.MAX_TOKEN_DAYS)


class TokenOut(Schema):
    id: int
    name: str
    hint: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    expires_at: datetime | None


class NewTokenOut(TokenOut):
    token: str


@router.get("/me", response={200: MeOut, **errors(401)})
def me(request: HttpRequest) -> MeOut:
    user = request.auth  # type: ignore[attr-defined]
    return MeOut(id=user.pk, username=user.username, unit=accounts.settings_for(user).unit)


class DeleteMeIn(Schema):
    password: str


#: How a refused password answers: 422 none given, 403 wrong, 429 too many wrong ones (wait).
REFUSED_STATUS = {"missing": 422, "wrong": 403, "locked": 429}


@router.delete("/me", response={204: None, **errors(400, 401, 403, 422), 409: ErrorOut, 429: ErrorOut})
def delete_me(request: HttpRequest, payload: DeleteMeIn) -> Status[None]:
    """Delete your account and everything in it, for good. Needs your password, not only a token."""
    user = request.auth  # type: ignore[attr-defined]
    try:
        account_deletion.check_password(request, user, payload.password)
    except account_deletion.PasswordRefused as exc:
        if exc.reason == "missing":
            raise
        raise HttpError(REFUSED_STATUS[exc.reason], exc.message) from exc
    try:
        account_deletion.delete_account(user)
    except account_deletion.AccountDeletionError as exc:
        raise HttpError(409, str(exc)) from exc
    if request.session.get(SESSION_KEY):
        logout(request)
    return Status(204, None)


@router.get("/tokens", response={200: list[TokenOut], **errors(401)})
def list_tokens(request: HttpRequest) -> list[ApiToken]:
    return list(owned(ApiToken, request.auth))  # type: ignore[attr-defined]


@router.post("/tokens", response={201: NewTokenOut, **errors(400, 401, 403, 422)})
def create_token(request: HttpRequest, payload: TokenIn) -> Status[NewTokenOut]:
    """Create a token from a logged-in browser session whose password was typed in the last 15 minutes.

    A token cannot create tokens (revoking a leaked one must end its access): use Settings → API
    tokens, or `repbook token create` on the server.
    """
    if getattr(request, "auth_by_token", False):
        raise HttpError(
            403,
            "A token cannot create tokens: create one in Settings → API tokens, or with "
            "`repbook token create` on the server.",
        )
    if not password_checked_recently(request.session):
        raise HttpError(
            403,
            "Creating a token needs your password typed in the last 15 minutes: create it in "
            "Settings → API tokens, which asks for it.",
        )
    try:
        new = accounts.create_token(request.auth, payload.name, payload.expires_in_days)  # type: ignore[attr-defined]
    except accounts.AccountError as exc:
        raise HttpError(422, str(exc)) from exc
    out = NewTokenOut.model_validate({**TokenOut.from_orm(new.token).model_dump(), "token": new.secret})
    return Status(201, out)


@router.delete("/tokens/{token_id}", response={204: None, **errors(401, 403, 404, 422)})
def revoke_token(request: HttpRequest, token_id: int) -> Status[None]:
    accounts.revoke_token(request.auth, token_id)  # type: ignore[attr-defined]
    return Status(204, None)

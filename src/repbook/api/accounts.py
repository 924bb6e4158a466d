"""Who am I, and personal API tokens."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from repbook.services import accounts
from repbook.storage.models import ApiToken, owned

router = Router(tags=["account"])


class MeOut(Schema):
    id: int
    username: str
    unit: str


class TokenIn(Schema):
    name: str


class TokenOut(Schema):
    id: int
    name: str
    hint: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class NewTokenOut(TokenOut):
    token: str


@router.get("/me", response=MeOut)
def me(request: HttpRequest) -> MeOut:
    user = request.auth  # type: ignore[attr-defined]
    return MeOut(id=user.pk, username=user.username, unit=accounts.settings_for(user).unit)


@router.get("/tokens", response=list[TokenOut])
def list_tokens(request: HttpRequest) -> list[ApiToken]:
    return list(owned(ApiToken, request.auth))  # type: ignore[attr-defined]


@router.post("/tokens", response={201: NewTokenOut})
def create_token(request: HttpRequest, payload: TokenIn) -> Status[NewTokenOut]:
    try:
        new = accounts.create_token(request.auth, payload.name)  # type: ignore[attr-defined]
    except accounts.AccountError as exc:
        raise HttpError(422, str(exc)) from exc
    out = NewTokenOut.model_validate({**TokenOut.from_orm(new.token).model_dump(), "token": new.secret})
    return Status(201, out)


@router.delete("/tokens/{token_id}", response={204: None})
def revoke_token(request: HttpRequest, token_id: int) -> Status[None]:
    accounts.revoke_token(request.auth, token_id)  # type: ignore[attr-defined]
    return Status(204, None)

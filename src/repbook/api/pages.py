"""Keyset pagination for the API's history lists: an opaque cursor and a `Link: <...>; rel="next"`.

A page is the next `limit` rows after the cursor's (time, id) in the list's order, found with an
index seek, so the thousandth page costs what the first does (an offset would count every row
before it).
"""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Final
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse

DEFAULT_LIMIT: Final = 50
MAX_LIMIT: Final = 500


class CursorError(ValueError):
    """A cursor this API did not hand out."""


def encode_cursor(when: datetime, pk: int) -> str:
    """The cursor after the row at (`when`, `pk`): opaque to clients."""
    return base64.urlsafe_b64encode(f"{when.isoformat()}|{pk}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    """(time, id) of a cursor from `encode_cursor`; CursorError for anything else."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        when, pk = text.split("|")
        moment = datetime.fromisoformat(when)
        if moment.tzinfo is None:
            raise ValueError("no time zone")
        return moment, int(pk)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CursorError("is not a cursor from this list's Link header; start without it") from exc


def link_next(request: HttpRequest, response: HttpResponse, cursor: str) -> None:
    """Point the `Link` header at the next page: the same query with `cursor` replaced."""
    params = {k: v for k, v in request.GET.items() if k != "cursor"}
    params["cursor"] = cursor
    response["Link"] = f'<{request.build_absolute_uri(request.path)}?{urlencode(params)}>; rel="next"'

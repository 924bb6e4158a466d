"""The error answers each operation documents in the OpenAPI schema: always JSON `{"detail": ...}`.

The handlers in `app.py` write them; listing them on every operation (`response={200: X, **errors(...)}`)
lets clients, the docs page and the schema tests know which statuses to expect.
"""

from __future__ import annotations

from typing import Any

from ninja import Schema


class ErrorOut(Schema):
    detail: str


class ProblemOut(Schema):
    field: str | None
    message: str
    line: int | None = None  # program text errors name the line


class InvalidOut(Schema):
    # A list naming each bad field; a few checks of a whole request answer one sentence.
    detail: list[ProblemOut] | str


#: 400 a body that cannot be parsed; 401 no or a bad token; 403 a session without its CSRF token, or
#: not allowed; 404 not yours or missing; 413 a file too large; 422 bad input, naming the field;
#: 429 too many requests this minute (every operation, with Retry-After).
ERROR_SCHEMAS: dict[int, type[Schema]] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    413: ErrorOut,
    422: InvalidOut,
    429: ErrorOut,
}


def errors(*codes: int) -> dict[int, Any]:
    """`response=` entries for the error statuses an operation can answer (all of them may answer 429)."""
    return {code: ERROR_SCHEMAS[code] for code in (*codes, 429)}

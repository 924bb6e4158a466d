"""Text a user gives Repbook: the length limit of each field, and characters no field may hold.

Every interface (forms, API, CLI, import) checks text with `check_text`, so one field has one
limit and one error wherever the text comes from.
"""

from __future__ import annotations

import re
from typing import Final

from repbook.core.errors import FieldError

#: The longest text of each kind, in characters. Models may allow more; these are what input may hold.
MAX_WORKOUT_NAME: Final = 120
MAX_WORKOUT_NOTES: Final = 4000
MAX_ENTRY_NOTES: Final = 2000
MAX_SET_NOTES: Final = 2000
MAX_TARGET_WORDS: Final = 1000  # a target's reason or caution
MAX_TOKEN_NAME: Final = 100

#: A lone surrogate cannot be encoded as UTF-8 (SQLite and PostgreSQL refuse it) and PostgreSQL
#: refuses NUL; JSON can carry both ("\ud800", "\u0000").
_UNSTORABLE: Final = re.compile("[\x00\ud800-\udfff]")


class TextError(FieldError):
    """Text a field cannot hold."""


def unstorable(value: str) -> str | None:
    """What in `value` no database can store ("NUL characters", "lone surrogates"), or None."""
    found = _UNSTORABLE.search(value)
    if found is None:
        return None
    return (
        "NUL characters" if found.group() == "\x00" else "lone surrogates (characters that cannot be stored)"
    )


def check_text(value: str, field: str, max_length: int) -> str:
    """`value` when `field` can hold it: at most `max_length` characters, no NUL, no lone surrogate."""
    if len(value) > max_length:
        raise TextError(field, f"must be at most {max_length} characters")
    if reason := unstorable(value):
        raise TextError(field, f"must not contain {reason}")
    return value


def text_value(value: object, field: str, max_length: int) -> str:
    """A JSON value that must be text: "" for null, TextError for anything else or too long."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TextError(field, "must be text")
    return check_text(value, field, max_length)

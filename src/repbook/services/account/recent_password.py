"""Sensitive steps (creating an API token) need a password typed lately in this browser session.

A stolen session cookie, or a token, should not be enough to mint a lasting credential: the web
asks for the password again unless it was typed in the last RECENT_S seconds (log-in, password
change, or the confirmation itself). The CLI needs none: it runs on the server.
"""

from __future__ import annotations

import time
from collections.abc import MutableMapping
from typing import Any

RECENT_S = 15 * 60
SESSION_KEY = "repbook_password_checked_at"


def mark_password_checked(session: MutableMapping[str, Any], now: float | None = None) -> None:
    """Remember in the session that its user has just typed their password."""
    session[SESSION_KEY] = time.time() if now is None else now


def password_checked_recently(session: MutableMapping[str, Any], now: float | None = None) -> bool:
    checked = session.get(SESSION_KEY)
    if not isinstance(checked, int | float):
        return False
    return 0 <= (time.time() if now is None else now) - checked <= RECENT_S

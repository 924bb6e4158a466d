"""Rebuild the statistics summaries from the sets: what `repbook rebuild-stats` runs.

The summaries are kept up to date by every write (storage.summaries); rebuilding is for safety,
after restoring a database by hand or upgrading from a version that did not keep them.
"""

from __future__ import annotations

from typing import Any

from repbook.storage import summaries
from repbook.storage.models import User


def rebuild_stats(user: Any | None = None) -> dict[str, int]:
    """Recompute the summaries of `user` (every user when None); sessions summarised per user name."""
    users = [user] if user is not None else list(User.objects.order_by("username"))
    return {u.get_username(): summaries.rebuild(u) for u in users}

"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from repbook import __version__

#: (url name, label) of the main sections, in navigation order.
NAVIGATION = [
    ("home", "Today"),
    ("workouts", "Log"),
    ("programs", "Programs"),
    ("stats", "Progress"),
    ("exercises", "Exercises"),
    ("tools", "Tools"),
    ("settings", "Settings"),
]


def site(request: HttpRequest) -> dict[str, Any]:
    items = []
    for name, label in NAVIGATION:
        url = reverse(name)
        current = request.path == url or (url != "/" and request.path.startswith(url))
        items.append({"name": name, "url": url, "label": label, "current": current})
    return {"navigation": items, "repbook_version": __version__}

"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from repbook import __version__

#: (url name, label, icon) of the main sections, in navigation order: at most five, so that each
#: keeps a thumb-sized target in the phone's bottom bar.
NAVIGATION = [
    ("home", "Today", "today"),
    ("workouts", "History", "history"),
    ("programs", "Programs", "programs"),
    ("stats", "Progress", "progress"),
    ("exercises", "Exercises", "exercises"),
]

#: Reached from the top bar: used now and then, not at every set.
SECONDARY = [
    ("tools", "Tools", "tools"),
    ("settings", "Settings", "settings"),
]


def _items(request: HttpRequest, entries: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    items = []
    for name, label, icon in entries:
        url = reverse(name)
        current = request.path == url or (url != "/" and request.path.startswith(url))
        items.append({"name": name, "url": url, "label": label, "icon": icon, "current": current})
    return items


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "navigation": _items(request, NAVIGATION),
        "secondary_navigation": _items(request, SECONDARY),
        "repbook_version": __version__,
    }

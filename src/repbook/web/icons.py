"""Repbook's own line icons, drawn on a 24×24 grid and inlined into pages (no icon font, no requests).

Each icon is a list of SVG path strings stroked with ``currentColor``, so it takes the colour of the
text around it and follows dark mode.
"""

from __future__ import annotations

from functools import lru_cache

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

ICONS: dict[str, tuple[str, ...]] = {
    # A house: the Today page, where a workout starts or resumes.
    "today": ("M4 11.5 12 4.5l8 7", "M6.5 9.5V19.5h11V9.5", "M10 19.5v-5h4v5"),
    # A clipboard with lines: the log of past workouts.
    "history": ("M8.5 5H6.5v15h11V5h-2", "M9 3.5h6v3H9z", "M9 11h6", "M9 14.5h6", "M9 18h3.5"),
    # A calendar: programs are weeks of planned days.
    "programs": (
        "M4.5 6.5h15v13h-15z",
        "M4.5 10.5h15",
        "M8.5 4v4",
        "M15.5 4v4",
        "M8 14h2",
        "M14 14h2",
        "M8 17h2",
    ),
    # A rising line over an axis: progress.
    "progress": ("M4 4v16h16", "M7 15.5l4-4.5 3 2.5 5.5-6.5", "M15.5 7h4v4"),
    # A dumbbell: the exercise directory.
    "exercises": ("M3 10v4", "M6 7.5v9", "M18 7.5v9", "M21 10v4", "M6 12h12"),
    # Calculator: the plate and warm-up tools.
    "tools": (
        "M6 3.5h12v17H6z",
        "M8.5 6.5h7v3h-7z",
        "M9 13h.01",
        "M12 13h.01",
        "M15 13h.01",
        "M9 16.5h.01",
        "M12 16.5h.01",
        "M15 16.5h.01",
    ),
    # A cog: settings.
    "settings": (
        "M19.0 10.1L21.5 10.5L21.5 13.5L19.0 13.9L18.2 15.6L19.8 17.6L17.6 19.8L15.6 18.2L13.9 19.0L13.5 21.5"
        "L10.5 21.5L10.1 19.0L8.4 18.2L6.4 19.8L4.2 17.6L5.8 15.6L5.0 13.9L2.5 13.5L2.5 10.5L5.0 10.1L5.8 8.4"
        "L4.2 6.4L6.4 4.2L8.4 5.8L10.1 5.0L10.5 2.5L13.5 2.5L13.9 5.0L15.6 5.8L17.6 4.2L19.8 6.4L18.2 8.4Z",
        "M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6z",
    ),
}


@lru_cache(maxsize=64)
def icon(name: str, size: int = 24) -> SafeString:
    """The inline SVG of one icon; decorative (``aria-hidden``): the link or button around it is labelled.

    Made once per icon and size (every page draws the navigation's seven): the markup never changes.
    """
    paths = format_html_join("", '<path d="{}"/>', ((d,) for d in ICONS[name]))
    return format_html(
        '<svg class="icon" width="{}" height="{}" viewBox="0 0 24 24" fill="none" stroke="currentColor" '
        'stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" '
        'aria-hidden="true" focusable="false">'
        "{}</svg>",
        size,
        size,
        paths,
    )

"""The installable app: the web app manifest, the service worker, the offline page and the list
of pages a phone keeps for the gym.

The service worker is served from the site root, not from /static/, because a worker controls
only the pages under its own folder. It is rendered with a cache name made from Repbook's version
and the contents of the files it keeps, so a new release or a changed file replaces the old copies.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

from repbook import __version__
from repbook.services.workout.offline_pages import offline_pages

#: Static files every page needs, kept when the service worker installs.
SHELL_FILES = (
    "repbook/app.css",
    "repbook/app.js",
    "repbook/offline.js",
    "repbook/icon.svg",
    "repbook/icons/icon-192.png",
    "django_htmx/htmx-2.min.js",
)
THEME_COLOUR = "#1f6f5c"
BACKGROUND_COLOUR = "#f6f7f5"


def _shell_urls() -> list[str]:
    return [reverse("offline"), reverse("manifest"), *(static(name) for name in SHELL_FILES)]


@cache
def cache_version() -> str:
    """Repbook's version and a digest of the kept files and the worker itself."""
    digest = hashlib.sha256(__version__.encode())
    for name in SHELL_FILES:
        path = finders.find(name)
        digest.update(open(path, "rb").read() if isinstance(path, str) else name.encode())  # noqa: SIM115
    template = get_template("web/pwa/sw.js").template  # type: ignore[attr-defined]
    digest.update(template.source.encode())
    return f"{__version__}-{digest.hexdigest()[:12]}"


def _icon(name: str, sizes: str, purpose: str) -> dict[str, str]:
    kind = "image/svg+xml" if name.endswith(".svg") else "image/png"
    return {"src": static(f"repbook/icons/{name}"), "sizes": sizes, "type": kind, "purpose": purpose}


@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    body = {
        "id": "/",
        "name": "Repbook",
        "short_name": "Repbook",
        "description": "Your strength-training log: what to lift next, every set, your progress.",
        "start_url": reverse("home") + "?source=home-screen",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "categories": ["health", "fitness", "sports"],
        "icons": [
            _icon("icon-192.png", "192x192", "any"),
            _icon("icon-512.png", "512x512", "any"),
            _icon("maskable-192.png", "192x192", "maskable"),
            _icon("maskable-512.png", "512x512", "maskable"),
            _icon("app-icon.svg", "any", "any"),
        ],
        "shortcuts": [{"name": "Log", "url": reverse("workouts")}],
    }
    return JsonResponse(body, content_type="application/manifest+json")


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    context = {"cache_version": cache_version(), "shell": json.dumps(_shell_urls())}
    response = render(request, "web/pwa/sw.js", context, content_type="text/javascript; charset=utf-8")
    # Browsers look for a new worker at most every day anyway; no-cache makes them ask every time.
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    """Shown by the service worker for a page it cannot fetch and has not kept."""
    return render(request, "web/pwa/offline.html")


@login_required
@require_GET
def offline_urls(request: HttpRequest) -> JsonResponse:
    """The pages the service worker keeps for this user: Today, the Log, the open workout, the
    program's next day and the exercises they name."""
    pages = offline_pages(request.user)
    urls = [reverse("home"), reverse("workouts")]
    if pages.workout_id is not None:
        urls.append(reverse("workout", args=[pages.workout_id]))
    if pages.follows_program:
        urls.append(reverse("program-next"))
    urls.extend(reverse("exercise", args=[slug]) for slug in pages.exercise_slugs)
    response = JsonResponse({"urls": urls})
    response["Cache-Control"] = "no-store"
    return response

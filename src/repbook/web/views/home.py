"""The home page and the health check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from repbook.services.program.program_plan import next_workout
from repbook.services.progress.guidance import pain_guidance
from repbook.services.workout.open_workouts import open_workout_so_far


@login_required
def home(request: HttpRequest) -> HttpResponse:
    cautions = pain_guidance(request.user, timezone.localdate())
    context = {
        "open": open_workout_so_far(request.user),
        "next": next_workout(request.user),
        "cautions": cautions,
    }
    return render(request, "web/home.html", context)


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the app answers and its database does; 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})

"""The exercise directory and exercise pages (public), and custom exercises (own only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from repbook.core.equipment import EQUIPMENT
from repbook.core.exercise import LEVELS, PATTERNS
from repbook.core.guidance import new_exercise_advice
from repbook.core.muscles import MUSCLES, muscle_label
from repbook.core.search import known_names
from repbook.services.account.accounts import settings_for
from repbook.services.exercise import custom_exercises
from repbook.services.exercise.exercise_catalog import (
    DirectoryFilters,
    directory,
    exercise_page,
    recent_workouts,
)
from repbook.services.exercise.exercise_stats import exercise_stats
from repbook.services.progress.guidance import pain_guidance
from repbook.services.progress.stats_words import records_by_session
from repbook.services.workout import workout_entries
from repbook.storage.models import Exercise, UserSettings
from repbook.web import progress
from repbook.web.bodymap import body_map_svg
from repbook.web.forms import CustomExerciseForm


def _choice(value: str, allowed: object) -> str:
    return value if value in allowed else ""  # type: ignore[operator]


def exercise_list(request: HttpRequest) -> HttpResponse:
    filters = DirectoryFilters(
        q=request.GET.get("q", "").strip()[:100],
        muscle=_choice(request.GET.get("muscle", ""), MUSCLES),
        equipment=_choice(request.GET.get("equipment", ""), EQUIPMENT),
        pattern=_choice(request.GET.get("pattern", ""), PATTERNS),
        level=_choice(request.GET.get("level", ""), LEVELS),
    )
    context = {
        "directory": directory(request.user, filters),
        # Each card links to exercises/<slug>/: one reverse() for the page, not one per card.
        "exercises_url": reverse("exercises"),
        "filters": filters,
        "muscles": MUSCLES,
        "equipment": EQUIPMENT,
        "patterns": [(p, p.replace("_", " ")) for p in PATTERNS],
        "levels": LEVELS,
    }
    partial = request.headers.get("HX-Request") == "true"
    template = "web/exercises/_results.html" if partial else "web/exercises/list.html"
    return render(request, template, context)


def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    signed_in = request.user.is_authenticated
    prefs = settings_for(request.user) if signed_in else None  # type: ignore[arg-type]
    try:
        page = exercise_page(request.user, slug, prefs)
    except Exercise.DoesNotExist as exc:
        raise Http404("No such exercise.") from exc
    classes = {m: "primary" for m in page.facts.primary} | {m: "secondary" for m in page.facts.secondary}
    labels = {m: f" ({c})" for m, c in classes.items()}
    context = {
        "page": page,
        "exercise": page.exercise,
        "also_called": known_names(page.exercise.name, page.exercise.aliases),
        "body_map": body_map_svg(classes, labels, title=f"Muscles worked by the {page.exercise.name}"),
        "primary": [muscle_label(m) for m in MUSCLES if m in page.facts.primary],
        "secondary": [muscle_label(m) for m in MUSCLES if m in page.facts.secondary],
        "equipment_names": [EQUIPMENT[e] for e in sorted(page.facts.equipment)],
        "muscles": MUSCLES,
    }
    if prefs is not None:
        context |= _progress(request, page.exercise, prefs)
    return render(request, "web/exercises/detail.html", context)


def _progress(request: HttpRequest, exercise: Exercise, prefs: UserSettings) -> dict[str, object]:
    """The signed-in user's progress in this exercise: charts, rep maxes, records, advice, last workouts."""
    stats = exercise_stats(request.user, exercise, prefs)
    advice = pain_guidance(request.user, timezone.localdate(), exercise)
    new = new_exercise_advice(exercise.name, len(stats.sessions))
    timed = exercise.measure == "time"
    span = progress.chart_span(stats, timezone.localdate(), request.GET.get("range") == "all")
    return {
        "stats": stats,
        "unit": stats.unit,
        "advice": advice + ([new] if new else []),
        "span": span,
        "e1rm_chart": progress.e1rm_chart(stats, span) if not timed else "",
        "volume_chart": progress.hold_chart(stats, span) if timed else progress.volume_chart(stats, span),
        "records": records_by_session(stats.records, stats.unit, bodyweight=exercise.is_bodyweight),
        "recent": recent_workouts(request.user, exercise) if stats.logged else [],
    }


@login_required
def custom_create(request: HttpRequest) -> HttpResponse:
    form = CustomExerciseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            exercise = custom_exercises.create(request.user, form.to_input())
        except custom_exercises.CustomExerciseError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, f"Added {exercise.name} to your exercises.")
            return redirect("exercise", slug=exercise.slug)
    return render(request, "web/exercises/custom_form.html", {"form": form, "editing": None})


@login_required
def custom_edit(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        exercise = Exercise.objects.owned_by(request.user).get(slug=slug)
    except Exercise.DoesNotExist as exc:
        raise Http404("No such custom exercise.") from exc
    form = CustomExerciseForm(request.POST or None, initial=CustomExerciseForm.initial_from(exercise))
    if request.method == "POST" and form.is_valid():
        try:
            custom_exercises.update(request.user, exercise, form.to_input())
        except custom_exercises.CustomExerciseError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, "Exercise saved.")
            return redirect("exercise", slug=exercise.slug)
    return render(request, "web/exercises/custom_form.html", {"form": form, "editing": exercise})


@login_required
@require_POST
def custom_delete(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        name = custom_exercises.delete(request.user, slug)
    except Exercise.DoesNotExist as exc:
        raise Http404("No such custom exercise.") from exc
    except custom_exercises.CustomExerciseError as exc:
        messages.error(request, exc.message)
        return redirect("exercise", slug=slug)
    messages.success(request, f"Deleted {name}.")
    return redirect("exercises")


@login_required
@require_POST
def add_to_workout(request: HttpRequest, slug: str) -> HttpResponse:
    """Add this exercise to today's workout (starting it when none is open) and go there."""
    try:
        entry = workout_entries.add_to_open_workout(request.user, slug)
    except Exercise.DoesNotExist as exc:
        raise Http404("No such exercise.") from exc
    messages.success(request, f"{entry.exercise.name} is in your workout.")
    return redirect(f"/workouts/{entry.workout_id}/#entry-{entry.pk}")

"""The workout log on the web: history, the logging page, summary."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from repbook.core.moments import MAX_YEAR, MIN_YEAR, MomentError, check_moment
from repbook.services.workout import workout_entries, workouts
from repbook.services.workout.open_workouts import open_workout_so_far, was_resumed
from repbook.services.workout.quicklog import exercise_index, log_line
from repbook.services.workout.sent_sets import log_sent_set
from repbook.services.workout.supersets import step_after_set
from repbook.services.workout.workout_page import logging_page
from repbook.services.workout.workout_summary import workout_summary
from repbook.storage.models import Set, SetType, Workout, WorkoutExercise, owned
from repbook.storage.queries import latest_workouts, workouts_between
from repbook.web.forms import QuickLogForm, SetForm, WorkoutForm

#: Said when a start gives back the open workout (one open workout at a time).
RESUMED = "You have a workout open: here it is. Finish it to start another."


def _month(request: HttpRequest) -> date | None:
    """The month asked for (this one when unreadable); None for one outside the years Repbook keeps."""
    try:
        year, month = (int(p) for p in request.GET.get("month", "")[:16].split("-"))
        return check_moment(date(year, month, 1), "month")
    except MomentError:
        return None
    except ValueError:
        return timezone.localdate().replace(day=1)


@login_required
def history(request: HttpRequest) -> HttpResponse:
    month = _month(request)
    if month is None:
        messages.error(request, f"Choose a month as YYYY-MM, in the years {MIN_YEAR} to {MAX_YEAR}.")
        month = timezone.localdate().replace(day=1)
        status = 422
    else:
        status = 200
    last_day = date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])
    in_month = list(workouts_between(request.user, month, last_day))
    by_day: dict[date, list[Workout]] = {}
    for workout in in_month:
        by_day.setdefault(timezone.localdate(workout.started_at), []).append(workout)
    weeks = [
        [(day, by_day.get(day, [])) for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    ]
    # Looked up first, so a workout it closes (idle too long) shows as finished below.
    open_now = open_workout_so_far(request.user)
    context = {
        "open": open_now,
        "recent": latest_workouts(owned(Workout, request.user), 30),
        "weeks": weeks,
        "month": month,
        "previous_month": (month - timedelta(days=1)).replace(day=1),
        "next_month": last_day + timedelta(days=1),
        "today": timezone.localdate(),
    }
    return render(request, "web/workouts/history.html", context, status=status)


@login_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    asked_at = timezone.now()
    try:
        workout = workouts.start_workout(request.user, name=request.POST.get("name", ""))
    except workouts.LogError as exc:
        messages.error(request, f"The workout was not started: {exc}.")
        return redirect("workouts")
    if was_resumed(workout, asked_at):
        messages.info(request, RESUMED)
    return redirect("workout", workout_id=workout.pk)


@login_required
def detail(request: HttpRequest, workout_id: int) -> HttpResponse:
    try:
        page = logging_page(request.user, workout_id)
    except Workout.DoesNotExist as exc:
        raise Http404("No such workout.") from exc
    query = request.GET.get("q", "").strip()[:100]
    found = [m.exercise for m in exercise_index(request.user).search(query, limit=12)] if query else []
    rest_until = None
    if page.last_logged is not None and page.workout.is_open and page.rest_s:
        rest_until = page.last_logged.performed_at + timedelta(seconds=page.rest_s)
        if rest_until < timezone.now() - timedelta(minutes=10):
            rest_until = None
    context = {
        "page": page,
        "workout": page.workout,
        "query": query,
        "found": found,
        "quick_form": QuickLogForm(),
        "workout_form": WorkoutForm(initial={"name": page.workout.name, "notes": page.workout.notes}),
        "rest_until_ms": int(rest_until.timestamp() * 1000) if rest_until else None,
        "set_types": SetType.choices,
    }
    return render(request, "web/workouts/detail.html", context)


def _owned_workout_or_404(request: HttpRequest, workout_id: int) -> Workout:
    try:
        return owned(Workout, request.user).get(pk=workout_id)
    except Workout.DoesNotExist as exc:
        raise Http404("No such workout.") from exc


@login_required
@require_POST
def add_exercise(request: HttpRequest, workout_id: int) -> HttpResponse:
    _owned_workout_or_404(request, workout_id)
    try:
        entry = workout_entries.add_exercise(request.user, workout_id, request.POST.get("exercise", ""))
    except workouts.LogError as exc:
        messages.error(request, exc.message)
        return redirect("workout", workout_id=workout_id)
    return redirect(f"/workouts/{workout_id}/#entry-{entry.pk}")


@login_required
@require_POST
def log_set(request: HttpRequest, workout_id: int, entry_id: int) -> HttpResponse:
    try:
        # Scoped by owner and workout in one query; log_set locks the workout itself.
        entry = (
            owned(WorkoutExercise, request.user)
            .select_related("exercise")
            .get(pk=entry_id, workout_id=workout_id)
        )
    except WorkoutExercise.DoesNotExist as exc:
        raise Http404("No such exercise in this workout.") from exc
    form = SetForm(request.POST)
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        messages.error(request, f"{entry.exercise.name}: {field}: {' '.join(str(e) for e in errors)}")
        return redirect(f"/workouts/{workout_id}/#entry-{entry_id}")
    unit = request.POST.get("unit", "kg")
    data = workouts.SetInput(
        exercise=entry.exercise.slug,
        unit=unit,
        workout=workout_id,
        felt_pain=form.cleaned_data["felt_pain"],
        client_id=form.cleaned_data["client_id"],
        **form.values(),
    )
    try:
        confirmed = request.POST.get("confirmed") == "1"
        row = log_sent_set(request.user, data, ask_if_unusual=not confirmed).row
    except workouts.UnusualSetError as exc:
        # Not refused: asked. The same values go back with confirmed=1 when the user says yes.
        posted = [(k, v) for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken", "confirmed")]
        context = {"entry": entry, "unusual": exc.unusual, "posted": posted}
        return render(request, "web/workouts/set_confirm.html", context)
    except workouts.LogError as exc:
        messages.error(request, f"{entry.exercise.name}: {exc.field}: {exc.message}. Nothing was saved.")
        return redirect(f"/workouts/{workout_id}/#entry-{entry_id}")
    # In a superset, on to its next exercise (A1 → A2); elsewhere, stay for the next set.
    step = step_after_set(request.user, row)
    return redirect(f"/workouts/{workout_id}/#entry-{step.go_to if step else entry_id}")


@login_required
@require_POST
def quick_log(request: HttpRequest, workout_id: int) -> HttpResponse:
    workout = _owned_workout_or_404(request, workout_id)
    form = QuickLogForm(request.POST)
    form.is_valid()  # the line's own errors are the service's to word; a bad key is only left out
    text = request.POST.get("text", "")
    try:
        day = timezone.localdate(workout.started_at)
        logged = log_line(
            request.user,
            text,
            None if day == timezone.localdate() else day,
            workout_id=workout_id,
            client_id=form.cleaned_data.get("client_id"),
        )
    except workouts.LogError as exc:
        messages.error(request, f"{exc.message} Nothing was saved.")
        return redirect("workout", workout_id=workout_id)
    messages.success(request, f"Logged {len(logged.sets)} × {logged.exercise.name}.")
    return redirect(f"/workouts/{workout_id}/#entry-{logged.sets[0].workout_exercise_id}")


@login_required
@require_POST
def edit(request: HttpRequest, workout_id: int) -> HttpResponse:
    _owned_workout_or_404(request, workout_id)
    form = WorkoutForm(request.POST)
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        messages.error(request, f"The workout was not saved: {field}: {' '.join(str(e) for e in errors)}")
        return redirect("workout", workout_id=workout_id)
    try:
        workouts.update_workout(request.user, workout_id, form.cleaned_data)
    except workouts.LogError as exc:
        messages.error(request, f"The workout was not saved: {exc}.")
    else:
        messages.success(request, "Workout saved.")
    return redirect("workout", workout_id=workout_id)


@login_required
def finish(request: HttpRequest, workout_id: int) -> HttpResponse:
    """GET asks "Finish this workout?" (a page, so it works without JavaScript); POST finishes."""
    workout = _owned_workout_or_404(request, workout_id)
    if request.method != "POST":
        if not workout.is_open:
            return redirect("workout-summary", workout_id=workout_id)
        sets = Set.objects.filter(workout=workout)
        context = {"workout": workout, "set_count": sets.count(), "exercise_count": workout.entries.count()}
        return render(request, "web/workouts/finish_confirm.html", context)
    workout_entries.finish_workout(request.user, workout_id)
    return redirect("workout-summary", workout_id=workout_id)


@login_required
@require_POST
def reopen(request: HttpRequest, workout_id: int) -> HttpResponse:
    _owned_workout_or_404(request, workout_id)
    try:
        workout_entries.reopen_workout(request.user, workout_id)
    except workout_entries.ReopenError as exc:
        if exc.open_workout is not None:
            link = format_html(
                '<a href="{}">{}</a>',
                reverse("workout", args=[exc.open_workout.pk]),
                exc.open_workout.name or "the open workout",
            )
            messages.error(request, format_html("Not reopened: {} ({}).", exc.message, link))
        else:
            messages.error(request, f"Not reopened: {exc.message}.")
        return redirect("workout-summary", workout_id=workout_id)
    messages.success(request, "Workout reopened: log on where you left off.")
    return redirect("workout", workout_id=workout_id)


@login_required
def summary(request: HttpRequest, workout_id: int) -> HttpResponse:
    _owned_workout_or_404(request, workout_id)
    return render(
        request, "web/workouts/summary.html", {"summary": workout_summary(request.user, workout_id)}
    )


@login_required
@require_POST
def repeat(request: HttpRequest, workout_id: int) -> HttpResponse:
    _owned_workout_or_404(request, workout_id)
    copy = workout_entries.repeat_workout(request.user, workout_id)
    return redirect("workout", workout_id=copy.pk)


@login_required
@require_POST
def delete(request: HttpRequest, workout_id: int) -> HttpResponse:
    _owned_workout_or_404(request, workout_id)
    workouts.delete_workout(request.user, workout_id)
    messages.success(request, "Workout deleted.")
    return redirect("workouts")


@login_required
@require_POST
def move_entry(request: HttpRequest, entry_id: int, direction: str) -> HttpResponse:
    try:
        entry = owned(WorkoutExercise, request.user).get(pk=entry_id)
    except WorkoutExercise.DoesNotExist as exc:
        raise Http404("No such exercise in your workouts.") from exc
    workout_entries.move_entry(request.user, entry_id, -1 if direction == "up" else 1)
    return redirect(f"/workouts/{entry.workout_id}/#entry-{entry_id}")


@login_required
@require_POST
def superset(request: HttpRequest, entry_id: int) -> HttpResponse:
    try:
        entry = owned(WorkoutExercise, request.user).get(pk=entry_id)
    except WorkoutExercise.DoesNotExist as exc:
        raise Http404("No such exercise in your workouts.") from exc
    try:
        workout_entries.toggle_superset_with_next(request.user, entry_id)
    except workouts.LogError as exc:
        messages.error(request, exc.message)
    return redirect(f"/workouts/{entry.workout_id}/#entry-{entry_id}")

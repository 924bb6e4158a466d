"""Progress on the web: weekly totals, sets per muscle with the heat map, best lifts, scores,
advice, the body-weight log and the muscle targets."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from repbook.core.guidance import group_advice
from repbook.core.muscles import MUSCLES
from repbook.core.stats.volume import DEFAULT_TARGETS, parse_targets
from repbook.core.units import plain
from repbook.services.account.accounts import settings_for
from repbook.services.progress import guidance, training_stats
from repbook.services.workout import body_weight
from repbook.storage.models import BodyWeight
from repbook.web import progress
from repbook.web.forms import BodyWeightForm, MuscleTargetsForm

#: The body-weight readings shown, in days.
BODY_WEIGHT_DAYS = 365
#: The windows offered on the page, in weeks.
WEEK_CHOICES = (4, 8, 12, 26, 52)


def _weeks(request: HttpRequest) -> int:
    try:
        weeks = int(request.GET.get("weeks", training_stats.DEFAULT_WEEKS))
    except ValueError:
        return training_stats.DEFAULT_WEEKS
    return weeks if weeks in WEEK_CHOICES else training_stats.DEFAULT_WEEKS


@login_required
def stats_page(request: HttpRequest) -> HttpResponse:
    return _render(request, None)


def _render(request: HttpRequest, body_form: BodyWeightForm | None, status: int = 200) -> HttpResponse:
    user = request.user
    prefs = settings_for(user)  # type: ignore[arg-type]
    weeks = _weeks(request)
    # A year of readings on the page (the trend still starts from the ones before).
    log = body_weight.body_weight_log(user, since=timezone.localdate() - timedelta(days=BODY_WEIGHT_DAYS))
    training = training_stats.training_weeks(user, weeks, prefs=prefs, readings=log.readings)
    lifts = training_stats.best_lifts(user, prefs)
    muscle = request.GET.get("muscle", "")
    trained = [m for m in training.muscles if any(m.sets)]
    context = {
        "weeks": weeks,
        "week_choices": WEEK_CHOICES,
        "training": training,
        "secondary_share": plain(training.secondary_weight),
        "trained": trained,
        "advice": group_advice(guidance.guidance(user, training)),
        "lifts": lifts,
        "scores": training_stats.scores_for(prefs, lifts, log.latest_trend_kg),
        "prefs": prefs,
        "log": log,
        "unit": prefs.unit,
        "heat_map": progress.heat_map(training),
        "weekly_chart": progress.weekly_sets_chart(training),
        "muscle": muscle if muscle in MUSCLES else "",
        "muscle_chart": progress.muscle_chart(training, muscle, MUSCLES[muscle]) if muscle in MUSCLES else "",
        "body_chart": progress.body_weight_chart(log, prefs.unit),
        "body_form": body_form or BodyWeightForm(initial={"unit": prefs.unit}),
    }
    return render(request, "web/stats/overview.html", context, status=status)


@login_required
@require_POST
def body_weight_add(request: HttpRequest) -> HttpResponse:
    form = BodyWeightForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            body_weight.log_body_weight(request.user, data["weight"], data["unit"], data["date"])
        except body_weight.BodyWeightError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, "Body weight saved.")
            return redirect("/stats/#body-weight")
    # Shown again with the errors beside the fields, and what was typed still in them.
    return _render(request, form, status=422)


@login_required
@require_POST
def body_weight_delete(request: HttpRequest, day: str) -> HttpResponse:
    try:
        body_weight.delete_body_weight(request.user, date.fromisoformat(day))
    except (ValueError, BodyWeight.DoesNotExist) as exc:
        raise Http404("No such reading.") from exc
    messages.success(request, f"Deleted the reading of {day}.")
    return redirect("/stats/#body-weight")


@login_required
def targets(request: HttpRequest) -> HttpResponse:
    prefs = settings_for(request.user)  # type: ignore[arg-type]
    current = {**DEFAULT_TARGETS, **parse_targets(prefs.muscle_targets or {})}
    form = MuscleTargetsForm(request.POST or None, targets=current)
    if request.method == "POST":
        if "reset" in request.POST:
            prefs.muscle_targets = {}
            prefs.save(update_fields=["muscle_targets"])
            messages.success(request, "Targets set back to the defaults.")
            return redirect("stats-targets")
        if form.is_valid():
            chosen = form.targets()
            prefs.muscle_targets = {m: v for m, v in chosen.items() if tuple(v) != DEFAULT_TARGETS[m]}
            prefs.save(update_fields=["muscle_targets"])
            messages.success(request, "Targets saved.")
            return redirect("stats")
    return render(request, "web/stats/targets.html", {"form": form})

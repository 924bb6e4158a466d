"""Programs on the web: the library, a program's page, writing your own, and today's workout."""

from __future__ import annotations

import contextlib
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from repbook.services.account.accounts import settings_for
from repbook.services.program import programs
from repbook.services.program.program_json import program_detail
from repbook.services.program.program_plan import next_workout
from repbook.services.workout.open_workouts import open_workout, was_resumed
from repbook.storage.models import Program
from repbook.web.views.workouts import RESUMED

EXAMPLE = """Program: My back day
Days per week: 2

Day: Back
Deadlift: 3x5; linear +5kg; rest 3min
Back extension: 3x10-12; double
"""


class ProgramTextForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false"}), max_length=50_000
    )


def _program_or_404(request: HttpRequest, slug: str) -> Program:
    try:
        return programs.program_for(request.user, slug)
    except programs.ProgramError as exc:
        raise Http404(exc.message) from exc


@login_required
def program_list(request: HttpRequest) -> HttpResponse:
    active = programs.active_program(request.user)
    rows = programs.visible_programs(request.user)
    return render(request, "web/programs/list.html", {"programs": rows, "active": active})


@login_required
def program_page(request: HttpRequest, slug: str) -> HttpResponse:
    program = _program_or_404(request, slug)
    active = programs.active_program(request.user)
    detail = program_detail(program, active.program_id if active else None)
    weeks: dict[int, list[dict[str, object]]] = {}
    for day in detail["days"]:
        weeks.setdefault(day["week"], []).append(day)
    context = {
        "program": program,
        "detail": detail,
        "weeks": weeks,
        "own": program.owner_id == request.user.pk,
    }
    return render(request, "web/programs/detail.html", context)


@login_required
@require_POST
def follow(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        active = programs.start_program(request.user, slug)
    except programs.ProgramError as exc:
        raise Http404(exc.message) from exc
    messages.success(request, f"You now follow {active.program.name}. Here is your first workout.")
    return redirect("program-next")


@login_required
@require_POST
def unfollow(request: HttpRequest) -> HttpResponse:
    programs.stop_program(request.user)
    messages.success(request, "You follow no program now; your log is kept.")
    return redirect("programs")


@login_required
def edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """Write a program in the text format (a new one, or one of your own)."""
    own = programs.own_programs(request.user).filter(slug=slug).first() if slug else None
    if slug and own is None:
        raise Http404("You have no program by that name.")
    copy_of = request.GET.get("from", "")
    initial = own.source if own else EXAMPLE
    if copy_of and own is None:
        with contextlib.suppress(programs.ProgramError):  # an unknown name: start from the example
            initial = programs.program_for(request.user, copy_of).source
    form = ProgramTextForm(request.POST or None, initial={"text": initial})
    if request.method == "POST" and form.is_valid():
        try:
            saved = programs.save_user_program(request.user, form.cleaned_data["text"], slug)
        except programs.ProgramError as exc:
            form.add_error("text", str(exc))
        else:
            messages.success(request, f"Saved {saved.program.name}.")
            return redirect("program", slug=saved.program.slug)
    return render(request, "web/programs/edit.html", {"form": form, "own": own})


@login_required
@require_POST
def delete(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        programs.delete_user_program(request.user, slug)
    except programs.ProgramError as exc:
        raise Http404(exc.message) from exc
    messages.success(request, "Program deleted.")
    return redirect("programs")


@login_required
def export(request: HttpRequest, slug: str) -> HttpResponse:
    program = _program_or_404(request, slug)
    response = HttpResponse(program.source, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{program.slug}.txt"'
    return response


@login_required
def next_page(request: HttpRequest) -> HttpResponse:
    """Today's workout of the active program: every exercise, its loads and why."""
    upcoming = next_workout(request.user)
    if upcoming is None:
        messages.info(request, "Choose a program to follow first.")
        return redirect("programs")
    days = list(upcoming.active.program.days.all())
    unit = settings_for(request.user).unit  # type: ignore[arg-type]
    context = {"next": upcoming, "days": days, "unit": unit, "open": open_workout(request.user)}
    return render(request, "web/programs/next.html", context)


@login_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    day = request.POST.get("day") or None
    asked_at = timezone.now()
    try:
        workout = programs.start_next_workout(request.user, int(day) if day and day.isdigit() else None)
    except programs.ProgramError as exc:
        messages.error(request, exc.message)
        return redirect("programs")
    if was_resumed(workout, asked_at):
        messages.info(request, RESUMED)
    return redirect("workout", workout_id=workout.pk)


@login_required
@require_POST
def by_hand(request: HttpRequest, slug: str) -> HttpResponse:
    """Set the next load (or training max) of one exercise by hand, or clear it."""
    if "clear" in request.POST:
        programs.clear_by_hand(request.user, slug)
        return redirect("program-next")
    kind = request.POST.get("kind", "load")
    try:
        value = Decimal(request.POST.get("value", "").strip().replace(",", "."))
        if not value.is_finite():
            raise InvalidOperation
        unit = settings_for(request.user).unit  # type: ignore[arg-type]
        if kind == "training_max":
            programs.set_by_hand(request.user, slug, training_max=value, unit=unit)
        else:
            programs.set_by_hand(request.user, slug, load=value, unit=unit)
    except InvalidOperation:
        messages.error(request, "Enter the weight as a number, like 62.5.")
    except programs.ProgramError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Saved: it applies to your next session of that exercise.")
    return redirect("program-next")

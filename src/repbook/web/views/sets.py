"""Editing and deleting one logged set on the web."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from repbook.core.units import plain
from repbook.services.workout import workouts
from repbook.storage.models import Set, owned
from repbook.web.forms import SetForm


def _own_set(request: HttpRequest, set_id: int) -> Set:
    try:
        return owned(Set, request.user).select_related("exercise").get(pk=set_id)
    except Set.DoesNotExist as exc:
        raise Http404("No such set.") from exc


@login_required
def edit(request: HttpRequest, set_id: int) -> HttpResponse:
    row = _own_set(request, set_id)
    weight = row.typed_weight if row.typed_weight is not None else row.weight_kg
    initial = {
        "weight": plain(weight) if weight is not None else None,  # as typed: 30, 32.5, never 30.000
        "reps": row.reps, "rpe": row.rpe, "rir": row.rir, "set_type": row.set_type,
        "duration_s": row.duration_s, "distance_m": row.distance_m, "side": row.side,
        "notes": row.notes, "felt_pain": row.felt_pain,
    }  # fmt: skip
    form = SetForm(request.POST or None, initial=initial).only_for(row.exercise)
    if request.method == "POST" and form.is_valid():
        changes = form.values() | {"felt_pain": form.cleaned_data["felt_pain"]}
        changes["unit"] = row.typed_unit
        try:
            workouts.update_set(request.user, set_id, changes)
        except workouts.LogError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, "Set saved.")
            return redirect(f"/workouts/{row.workout_id}/#entry-{row.workout_exercise_id}")
    return render(request, "web/workouts/set_edit.html", {"form": form, "row": row})


@login_required
@require_POST
def delete(request: HttpRequest, set_id: int) -> HttpResponse:
    row = _own_set(request, set_id)
    workouts.delete_set(request.user, set_id)
    messages.success(request, "Set deleted.")
    return redirect(f"/workouts/{row.workout_id}/#entry-{row.workout_exercise_id}")

"""Statistics kept as sets are logged: one row per exercise per workout, and each exercise's bests.

Derived data only: `services.progress.summaries` writes them in the same transaction as the sets
they summarise and can rebuild them from the sets at any time. Pages read these rows instead of
the whole history.
"""

from __future__ import annotations

from django.db import models

from repbook.storage.models.json_text import JsonText
from repbook.storage.models.owned import OwnedModel
from repbook.storage.models.training import Workout


class ExerciseSession(OwnedModel):
    """One exercise in one workout: counts, tonnage, heaviest load, best sets and rep maxes."""

    owned_parents = ("workout",)
    workout = models.ForeignKey(Workout, on_delete=models.CASCADE, related_name="+")
    exercise = models.ForeignKey("storage.Exercise", on_delete=models.CASCADE, related_name="+")
    #: The workout's day (its start, in the server's time zone), as the statistics date a session.
    day = models.DateField()
    logged = models.PositiveIntegerField(default=0)  # completed sets, warm-ups included
    sets = models.PositiveIntegerField(default=0)  # counted sets: no warm-ups
    reps = models.PositiveIntegerField(default=0)
    tonnage_kg = models.DecimalField(max_digits=14, decimal_places=3, default=0)
    #: The tonnage the weekly totals count: with no body weight logged yet, a bodyweight exercise's
    #: added load stands in for its unknown lifted load.
    week_tonnage_kg = models.DecimalField(max_digits=14, decimal_places=3, default=0)
    heaviest_kg = models.DecimalField(max_digits=10, decimal_places=3, null=True, blank=True)
    longest_s = models.PositiveIntegerField(null=True, blank=True)
    #: The latest set's moment: a set logged after it is added to the summary without reading the
    #: session's sets again.
    last_performed_at = models.DateTimeField(null=True, blank=True)
    #: The best set under each formula: [load, reps, rpe, rir, set type, duration]:
    #: {"epley": ["100.000", 5, "8.0", null, "working", null], ...}.
    best = JsonText(default=dict)
    #: This session's rep maxes: {"5": ["100.000", 5], ...} (reps -> load, reps done).
    rep_loads = JsonText(default=dict)
    #: The most reps done with each load: {"100.000": 6, ...}.
    reps_at = JsonText(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workout", "exercise"], name="exercise_session_unique"),
        ]
        indexes = [
            models.Index(fields=["owner", "exercise", "day"], name="exercise_session_history"),
            models.Index(fields=["owner", "day"], name="exercise_session_days"),
        ]


class ExerciseBest(OwnedModel):
    """The best reliable e1RM of an exercise over its whole history, under each formula."""

    exercise = models.ForeignKey("storage.Exercise", on_delete=models.CASCADE, related_name="+")
    #: {"epley": [e1rm_kg, "100.000", 5, "2026-01-02"], ...}: estimate, load, reps, first day.
    best = JsonText(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "exercise"], name="exercise_best_unique"),
        ]

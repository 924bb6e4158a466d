"""Workouts, the exercises in them and the sets logged."""

from __future__ import annotations

from typing import Final

from django.conf import settings
from django.db import models
from django.db.models.functions import Now
from django.utils import timezone

from repbook.storage.models.accounts import Unit
from repbook.storage.models.owned import OwnedModel


class SetType(models.TextChoices):
    WARMUP = "warmup", "Warm-up"
    WORKING = "working", "Working"
    DROP = "drop", "Drop"
    FAILURE = "failure", "Failure"
    AMRAP = "amrap", "AMRAP"


class Side(models.TextChoices):
    BOTH = "both", "Both"
    LEFT = "left", "Left"
    RIGHT = "right", "Right"


class Workout(OwnedModel):
    """One training session; open while `finished_at` is empty."""

    name = models.CharField(max_length=120, blank=True, default="")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    notes = models.TextField(blank=True, default="")
    felt_pain = models.BooleanField(default=False)
    program_day = models.ForeignKey(
        "storage.ProgramDay", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: Identifies a workout that came from an import, so importing it twice adds nothing.
    import_key = models.CharField(max_length=64, blank=True, default="")
    #: When the workout row last changed, for sync clients (`updated_since`).
    updated_at = models.DateTimeField(auto_now=True, db_default=Now())

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["owner", "-started_at"], name="workout_owner_started"),
            models.Index(fields=["owner", "updated_at"], name="workout_owner_updated"),
            # The open workout (every set logged without a workout looks for it) is found among
            # the few unfinished ones, not by filtering years of finished ones.
            models.Index(
                fields=["owner", "-started_at"],
                condition=models.Q(finished_at__isnull=True),
                name="workout_owner_open",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "import_key"],
                condition=~models.Q(import_key=""),
                name="workout_import_key_unique",
            )
        ]

    @property
    def is_open(self) -> bool:
        return self.finished_at is None


class WorkoutExercise(OwnedModel):
    """An exercise inside a workout: its place, superset group and notes."""

    owned_parents = ("workout",)

    workout = models.ForeignKey(Workout, on_delete=models.CASCADE, related_name="entries")
    exercise = models.ForeignKey("storage.Exercise", on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)
    #: Entries with the same non-empty group are done as a superset (A-B-A-B).
    superset_group = models.CharField(max_length=8, blank=True, default="")
    notes = models.TextField(blank=True, default="")
    rest_s = models.PositiveSmallIntegerField(null=True, blank=True)
    #: The program's plan for this exercise when the workout started: groups, loads and reasons.
    target = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["workout", "order"]


#: What a set holds beyond its place in the log (owner, workout, entry, exercise) and its
#: bookkeeping (key, time of change): what imports write, exports and the API's set lists read.
SET_VALUE_FIELDS: Final = (
    "order",
    "set_type",
    "weight_kg",
    "typed_weight",
    "typed_unit",
    "reps",
    "rpe",
    "rir",
    "duration_s",
    "distance_m",
    "side",
    "notes",
    "felt_pain",
    "completed",
    "target",
    "performed_at",
)


class Set(OwnedModel):
    """A set: what the program asked for (`target`) and what the user did.

    `weight_kg` is the external load. For a bodyweight exercise it is the added load, and
    negative for assistance (band or machine); the lifted load is then
    body weight × the exercise's bodyweight fraction + weight_kg.
    """

    owned_parents = ("workout", "workout_exercise")

    # Neither key has an index of its own: every index of the table starts with the owner, and
    # `set_workout_time` starts with the workout. Each index is one more write per logged set.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    workout = models.ForeignKey(Workout, on_delete=models.CASCADE, related_name="sets", db_index=False)
    workout_exercise = models.ForeignKey(WorkoutExercise, on_delete=models.CASCADE, related_name="sets")
    #: Copied from the workout exercise so statistics need no join.
    exercise = models.ForeignKey("storage.Exercise", on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)
    set_type = models.CharField(max_length=8, choices=SetType.choices, default=SetType.WORKING)
    weight_kg = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    typed_weight = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    typed_unit = models.CharField(max_length=2, choices=Unit.choices, default=Unit.KG)
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    rpe = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    rir = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_s = models.PositiveIntegerField(null=True, blank=True)
    distance_m = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    side = models.CharField(max_length=5, choices=Side.choices, default=Side.BOTH)
    notes = models.TextField(blank=True, default="")
    felt_pain = models.BooleanField(default=False)
    #: What the program prescribed: {"reps": .., "weight_kg": .., "rpe": .., "reason": ..}.
    target = models.JSONField(null=True, blank=True)
    completed = models.BooleanField(default=True)
    performed_at = models.DateTimeField(default=timezone.now)
    #: The key the client chose for this set (a UUID), so sending it again cannot log it twice.
    client_id = models.UUIDField(null=True, blank=True)
    #: When the set last changed, for sync clients (`updated_since`); bulk inserts get the database's now.
    updated_at = models.DateTimeField(auto_now=True, db_default=Now())

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["workout_exercise", "order"], name="set_order_unique_per_entry"),
            # Per owner: another account's client may pick the same key without touching this one.
            models.UniqueConstraint(
                fields=["owner", "client_id"],
                condition=models.Q(client_id__isnull=False),
                name="set_client_id_unique_per_owner",
            ),
        ]
        indexes = [
            # A workout's latest set in one index step (the open workout's idle check).
            models.Index(fields=["workout", "performed_at"], name="set_workout_time"),
            models.Index(fields=["owner", "exercise", "performed_at"], name="set_owner_exercise_time"),
            models.Index(fields=["owner", "performed_at"], name="set_owner_time"),
            models.Index(fields=["owner", "updated_at"], name="set_owner_updated"),
            # Covers the best-lifts aggregate (heaviest weight per exercise, reps and effort), so a
            # ten-year history is read from the index alone.
            models.Index(
                fields=["owner", "exercise", "reps", "rpe", "rir", "weight_kg", "set_type", "completed"],
                name="set_owner_best_lifts",
            ),
        ]

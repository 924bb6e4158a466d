"""Programs (weeks → days → prescriptions), a user's active program and progression state."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from repbook.storage.models.owned import OwnedModel


class Program(models.Model):
    """A training program: built-in (no owner) or written by a user."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    slug = models.SlugField(max_length=80)
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True, default="")
    level = models.CharField(max_length=16, blank=True, default="")
    days_per_week = models.PositiveSmallIntegerField(default=3)
    weeks = models.PositiveSmallIntegerField(default=1)
    #: The program in Repbook's program text format, the source of truth for export.
    source = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"], condition=Q(owner__isnull=True), name="builtin_program_slug_unique"
            ),
            models.UniqueConstraint(fields=["owner", "slug"], name="program_slug_unique_per_owner"),
        ]

    def __str__(self) -> str:
        return self.name


class ProgramDay(models.Model):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="days")
    week = models.PositiveSmallIntegerField(default=1)
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["program", "week", "order"]


class Prescription(models.Model):
    """One exercise line of a program day, kept as its text (core.program_text reads it back).

    The exercise (and the alternative for people without its equipment) are resolved once, when
    the program is saved, so a renamed or misspelled exercise never breaks a program later.
    """

    day = models.ForeignKey(ProgramDay, on_delete=models.CASCADE, related_name="prescriptions")
    order = models.PositiveSmallIntegerField(default=0)
    exercise = models.ForeignKey("storage.Exercise", on_delete=models.PROTECT, related_name="+")
    alternative = models.ForeignKey(
        "storage.Exercise", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    #: The line in the program text format: "Back extension: 3x10-12; double; rest 90s".
    line = models.TextField(default="")
    note = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["day", "order"]


class ActiveProgram(OwnedModel):
    """The program a user follows now, since when. The next day follows the last one done."""

    owner = models.OneToOneField("storage.User", on_delete=models.CASCADE, related_name="active_program")
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(default=timezone.now)


class ProgressionState(OwnedModel):
    """A load or training max the user set by hand for one exercise of their program.

    The rules' own state is rebuilt from the logged sessions (core.progression.replay); only
    what cannot be rebuilt is kept here. `slot` tells apart two rules on one exercise (GZCLP T1/T2).
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="+")
    exercise = models.ForeignKey("storage.Exercise", on_delete=models.CASCADE, related_name="+")
    slot = models.CharField(max_length=16, default="", blank=True)
    #: {"after": sessions done when set, "load_kg": "100"} or {"after": .., "training_max_kg": ..}.
    override = models.JSONField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "program", "exercise", "slot"], name="one_state_per_program_slot"
            )
        ]


class ExerciseMapping(OwnedModel):
    """A user's answer to "which exercise is this foreign name?", remembered for the next import."""

    foreign_name = models.CharField(max_length=200)
    exercise = models.ForeignKey("storage.Exercise", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "foreign_name"], name="one_mapping_per_name")]

"""Programs (weeks → days → prescriptions), a user's active program and progression state."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from repbook.storage.models.owned import OwnedModel
from repbook.storage.models.training import SetType


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
    """One exercise of a program day: sets × reps, a load, a rule that moves it on."""

    class LoadKind(models.TextChoices):
        NONE = "none", "No load (bodyweight)"
        ABSOLUTE = "kg", "Weight"
        PERCENT_1RM = "pct_1rm", "% of 1RM"
        PERCENT_TM = "pct_tm", "% of training max"
        RPE = "rpe", "RPE target"

    day = models.ForeignKey(ProgramDay, on_delete=models.CASCADE, related_name="prescriptions")
    exercise = models.ForeignKey("storage.Exercise", on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)
    sets = models.PositiveSmallIntegerField(default=3)
    reps_min = models.PositiveSmallIntegerField(null=True, blank=True)
    reps_max = models.PositiveSmallIntegerField(null=True, blank=True)
    seconds = models.PositiveIntegerField(null=True, blank=True)
    load_kind = models.CharField(max_length=8, choices=LoadKind.choices, default=LoadKind.NONE)
    load_value = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    set_type = models.CharField(max_length=8, choices=SetType.choices, default=SetType.WORKING)
    rest_s = models.PositiveSmallIntegerField(null=True, blank=True)
    superset_group = models.CharField(max_length=8, blank=True, default="")
    #: Progression rule name (core.progression) and its parameters.
    rule = models.CharField(max_length=24, default="double")
    rule_params = models.JSONField(default=dict, blank=True)
    notes = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["day", "order"]


class ActiveProgram(OwnedModel):
    """The program a user follows now and where they are in it."""

    owner = models.OneToOneField("storage.User", on_delete=models.CASCADE, related_name="active_program")
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="+")
    started_on = models.DateField(default=timezone.localdate)
    #: Index into the program's days in order; "next workout" follows it whatever the calendar did.
    next_day_index = models.PositiveIntegerField(default=0)


class ProgressionState(OwnedModel):
    """A rule's memory for one exercise of a user's program (training max, stage, failures...)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="+")
    exercise = models.ForeignKey("storage.Exercise", on_delete=models.CASCADE, related_name="+")
    state = models.JSONField(default=dict)
    #: A load or reps the user set by hand; kept until the rule moves past it.
    override = models.JSONField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "program", "exercise"], name="one_state_per_program_exercise"
            )
        ]


class ExerciseMapping(OwnedModel):
    """A user's answer to "which exercise is this foreign name?", remembered for the next import."""

    foreign_name = models.CharField(max_length=200)
    exercise = models.ForeignKey("storage.Exercise", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "foreign_name"], name="one_mapping_per_name")]

"""Muscles, equipment and exercises: the shared catalog plus each user's custom exercises."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from repbook.storage.models.json_text import JsonText


class Muscle(models.Model):
    """A canonical muscle group (core.muscles), loaded by a migration."""

    slug = models.SlugField(max_length=32, primary_key=True)
    name = models.CharField(max_length=64)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class Equipment(models.Model):
    slug = models.SlugField(max_length=32, primary_key=True)
    name = models.CharField(max_length=64)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "equipment"

    def __str__(self) -> str:
        return self.name


class ExerciseQuerySet(models.QuerySet["Exercise"]):
    def owned_by(self, user: Any) -> ExerciseQuerySet:
        """The user's custom exercises only (what they may edit or delete)."""
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(owner_id=user.pk)

    def visible_to(self, user: Any) -> ExerciseQuerySet:
        """The catalog plus the custom exercises `user` owns."""
        if user is None or not getattr(user, "is_authenticated", False):
            return self.filter(owner__isnull=True)
        return self.filter(Q(owner__isnull=True) | Q(owner_id=user.pk))


class Exercise(models.Model):
    """An exercise: catalog rows have no owner; custom rows belong to one user."""

    class Measure(models.TextChoices):
        REPS = "reps", "Repetitions"
        TIME = "time", "Time"
        DISTANCE = "distance", "Distance"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    slug = models.SlugField(max_length=80)
    name = models.CharField(max_length=120)
    aliases = models.JSONField(default=list, blank=True)
    category = models.CharField(max_length=16, default="strength")
    level = models.CharField(max_length=16, default="beginner")
    mechanics = models.CharField(max_length=16, default="compound")
    pattern = models.CharField(max_length=24, default="")
    force = models.CharField(max_length=8, default="")
    equipment = models.ManyToManyField(Equipment, blank=True, related_name="exercises")
    muscles = models.ManyToManyField(Muscle, through="ExerciseMuscle", related_name="exercises")
    bodyweight_fraction = models.DecimalField(max_digits=4, decimal_places=3, default=0)
    measure = models.CharField(max_length=8, choices=Measure.choices, default=Measure.REPS)
    unilateral = models.BooleanField(default=False)
    rest_s = models.PositiveSmallIntegerField(default=90)
    #: The page: introduction, steps, benefits, variations, alternatives, recommendation, faq.
    content = JsonText(default=dict, blank=True)
    #: Name and aliases folded for search.
    search_text = models.TextField(default="", blank=True)

    objects = ExerciseQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"], condition=Q(owner__isnull=True), name="catalog_slug_unique"
            ),
            models.UniqueConstraint(fields=["owner", "slug"], name="custom_slug_unique_per_owner"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_custom(self) -> bool:
        return self.owner_id is not None

    @property
    def is_bodyweight(self) -> bool:
        return self.bodyweight_fraction > 0


class ExerciseMuscle(models.Model):
    """Which muscles an exercise works, and whether as primary or secondary mover."""

    class Role(models.TextChoices):
        PRIMARY = "primary", "Primary"
        SECONDARY = "secondary", "Secondary"

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="muscle_links")
    muscle = models.ForeignKey(Muscle, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=9, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["exercise", "muscle"], name="one_role_per_muscle")]

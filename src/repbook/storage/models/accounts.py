"""Users, their settings, body weight, API tokens and site-wide switches."""

from __future__ import annotations

import hashlib
import secrets
from decimal import Decimal

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from repbook.core.usernames import normalise_username
from repbook.storage.models.owned import OwnedModel


class User(AbstractUser):
    """A Repbook account (Django auth, argon2-hashed password)."""

    #: Set when an administrator gave the user a temporary password: the web asks for a new one
    #: before anything else.
    must_change_password = models.BooleanField(
        default=False,
        help_text="Ask for a new password at the next page the user opens (after a temporary one).",
    )

    class Meta:
        db_table = "repbook_user"

    def clean(self) -> None:
        """The name normalised (NFKC) and free ignoring case: checked here so that every path that
        creates or renames a user, the admin's forms included, refuses a lookalike of a taken name."""
        super().clean()
        self.username = normalise_username(self.username)
        taken = User.objects.filter(username__iexact=self.username).exclude(pk=self.pk)
        if self.username and taken.exists():
            raise ValidationError({"username": "A user with that user name already exists."})


class Unit(models.TextChoices):
    KG = "kg", "kg"
    LB = "lb", "lb"


class UserSettings(OwnedModel):
    """One row per user: units, equipment and the defaults the log and stats use."""

    class Sex(models.TextChoices):
        UNSET = "", "Not given"
        MALE = "m", "Male"
        FEMALE = "f", "Female"

    owner = models.OneToOneField("storage.User", on_delete=models.CASCADE, related_name="repbook_settings")
    unit = models.CharField(max_length=2, choices=Unit.choices, default=Unit.KG)
    # Empty bar, plates or increments mean the standard set for the user's unit
    # (core.plates.STANDARD_SETUPS): a 20 kg bar and kg plates, or a 45 lb bar and lb plates.
    bar_kg = models.DecimalField(max_digits=6, decimal_places=3, null=True, blank=True)
    plates_kg = models.JSONField(default=list, blank=True)
    increments_kg = models.JSONField(default=dict, blank=True)
    equipment = models.JSONField(
        default=list, blank=True, help_text="equipment slugs the user has; empty = all"
    )
    default_rest_s = models.PositiveSmallIntegerField(default=90)
    e1rm_formula = models.CharField(max_length=16, default="epley")
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNSET, blank=True)
    secondary_muscle_weight = models.DecimalField(max_digits=3, decimal_places=2, default=Decimal("0.5"))
    muscle_targets = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name_plural = "user settings"


class BodyWeight(OwnedModel):
    """A body-weight reading on a day (one per day)."""

    date = models.DateField()
    weight_kg = models.DecimalField(max_digits=7, decimal_places=3)
    typed_value = models.DecimalField(max_digits=7, decimal_places=3)
    typed_unit = models.CharField(max_length=2, choices=Unit.choices, default=Unit.KG)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "date"], name="one_body_weight_per_day")]
        ordering = ["date"]


class ApiToken(OwnedModel):
    """A personal API token. Only its SHA-256 hash is stored; the token is shown once."""

    PREFIX = "rb_"

    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12, help_text="the token's first characters, to recognise it")
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    #: None: the token works until revoked.
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @staticmethod
    def hash(token: str) -> str:
        # Tokens are 256 random bits, so a fast hash is enough: there is nothing to brute-force.
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def new_token(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()


class SiteSettings(models.Model):
    """Switches an administrator sets for the whole server (a single row)."""

    registration_open = models.BooleanField(
        default=True, help_text="Let visitors create their own accounts on the sign-up page."
    )
    #: Fingerprint of the exercise catalog last loaded, so unchanged files are not reloaded.
    catalog_version = models.CharField(max_length=64, blank=True, default="", editable=False)
    programs_version = models.CharField(max_length=64, blank=True, default="", editable=False)
    #: Fingerprint of the code that last made the database ready (services/system/bootstrap.py), so a
    #: command on an up-to-date database skips migration planning and catalog hashing.
    ready_stamp = models.CharField(max_length=64, blank=True, default="", editable=False)

    class Meta:
        verbose_name_plural = "site settings"

    @classmethod
    def current(cls) -> SiteSettings:
        row, _ = cls.objects.get_or_create(pk=1)
        return row

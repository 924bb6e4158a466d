"""An uploaded file waiting for the user to review its exercise names before it is imported."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from repbook.storage.models.accounts import Unit
from repbook.storage.models.owned import OwnedModel


class PendingImport(OwnedModel):
    """The file as uploaded and the options chosen; deleted once imported or replaced by a new upload."""

    filename = models.CharField(max_length=200, blank=True, default="")
    data = models.BinaryField()
    format = models.CharField(max_length=16, default="auto")
    unit = models.CharField(max_length=2, choices=Unit.choices, default=Unit.KG)
    created_at = models.DateTimeField(default=timezone.now)

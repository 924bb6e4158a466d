"""Uploads kept between the web's preview and the user's go-ahead (one per user at a time)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from repbook.storage.models import PendingImport, owned


@transaction.atomic
def keep_upload(user: Any, filename: str, data: bytes, format: str, unit: str) -> PendingImport:
    """Store an upload for review, replacing the user's earlier one."""
    owned(PendingImport, user).delete()
    return PendingImport.objects.create(
        owner=user, filename=filename[:200], data=data, format=format, unit=unit
    )


def pending_upload(user: Any, pending_id: int) -> PendingImport:
    """The user's kept upload; PendingImport.DoesNotExist for anyone else's."""
    return owned(PendingImport, user).get(pk=pending_id)


def forget_upload(user: Any, pending_id: int) -> None:
    owned(PendingImport, user).filter(pk=pending_id).delete()

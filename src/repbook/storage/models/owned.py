"""The base of every user-owned row, and the one helper that scopes queries to an owner."""

from __future__ import annotations

from typing import Any, TypeVar

from django.conf import settings
from django.db import models

M = TypeVar("M", bound="OwnedModel")


class OwnerMismatch(ValueError):
    """A row was about to be saved under one owner while pointing at another owner's row."""


class OwnedQuerySet(models.QuerySet[M]):
    def owned_by(self, user: Any) -> OwnedQuerySet[M]:
        """Rows of `user` only; an anonymous or missing user owns nothing."""
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(owner_id=user.pk)


class OwnedModel(models.Model):
    """A row that belongs to one user. Reach it only through `owned_by(user)`."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    objects = OwnedQuerySet.as_manager()

    #: Foreign keys to other owned rows that must share this row's owner.
    owned_parents: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        for name in self.owned_parents:
            # Only checks a parent already in memory: the check must not cost a query.
            parent = self._state.fields_cache.get(name)
            if parent is not None and getattr(parent, "owner_id", self.owner_id) != self.owner_id:
                raise OwnerMismatch(f"{type(self).__name__}.{name} belongs to another user")
        super().save(*args, **kwargs)


def owned(model: type[M], user: Any) -> OwnedQuerySet[M]:
    """The rows of `model` that `user` owns: the single entry point for user-owned reads."""
    manager: Any = model.objects
    return manager.owned_by(user)  # type: ignore[no-any-return]

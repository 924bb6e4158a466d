from __future__ import annotations

from typing import Any

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class CatalogConfig(AppConfig):
    """Loads the exercise catalog whenever the database is migrated (idempotent upsert)."""

    name = "repbook.catalog"
    label = "catalog"

    def ready(self) -> None:
        post_migrate.connect(_load_after_migrate, sender=apps.get_app_config("storage"))


def _load_after_migrate(sender: Any, plan: Any = None, **kwargs: Any) -> None:
    # Unapplying migrations leaves an older schema than this code's models: nothing to load.
    if any(backwards for _, backwards in plan or []):
        return
    from repbook.catalog.load import load_catalog_if_changed

    load_catalog_if_changed()

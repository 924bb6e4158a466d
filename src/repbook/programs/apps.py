from __future__ import annotations

from typing import Any

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class ProgramsConfig(AppConfig):
    """Loads the built-in programs after every migrate, once the catalog is loaded."""

    name = "repbook.programs"
    label = "programs"

    def ready(self) -> None:
        post_migrate.connect(_load_after_migrate, sender=apps.get_app_config("storage"))


def _load_after_migrate(sender: Any, plan: Any = None, **kwargs: Any) -> None:
    # Unapplying migrations leaves an older schema than this code's models: nothing to load.
    if any(backwards for _, backwards in plan or []):
        return
    from repbook.programs.load import load_programs_if_changed

    load_programs_if_changed()

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class StorageConfig(AppConfig):
    name = "repbook.storage"
    label = "storage"
    verbose_name = "Repbook data"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from repbook.storage.models import Exercise, ExerciseMuscle

        # The catalog's rows are kept per process (queries.catalog_rows); a change to them made
        # through the ORM in this process is seen at once. (Reloading the catalog files changes
        # the stamp the other processes check.)
        for model in (Exercise, ExerciseMuscle, Exercise.equipment.through):
            post_save.connect(_catalog_changed, sender=model, dispatch_uid=f"catalog-save-{model.__name__}")
            post_delete.connect(_catalog_changed, sender=model, dispatch_uid=f"catalog-del-{model.__name__}")
        m2m_changed.connect(_catalog_changed, sender=Exercise.equipment.through, dispatch_uid="catalog-m2m")


def _catalog_changed(sender: Any, **kwargs: Any) -> None:
    from repbook.storage.queries import forget_catalog_rows

    forget_catalog_rows()

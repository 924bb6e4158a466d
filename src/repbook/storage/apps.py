from django.apps import AppConfig


class StorageConfig(AppConfig):
    name = "repbook.storage"
    label = "storage"
    verbose_name = "Repbook data"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "repbook.web"
    label = "web"
    verbose_name = "Repbook web"

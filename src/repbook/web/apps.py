from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "repbook.web"
    label = "web"
    verbose_name = "Repbook web"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(_password_typed, dispatch_uid="repbook-password-typed")


def _password_typed(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """A log-in is a password just typed: token creation needs no second one for a while."""
    from repbook.services.account.recent_password import mark_password_checked

    if request is not None and hasattr(request, "session"):
        mark_password_checked(request.session)

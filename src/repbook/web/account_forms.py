"""Forms of one's own account: the password and the e-mail address for password resets."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm

from repbook.storage.models import User


class PasswordChangeForm(DjangoPasswordChangeForm):
    """Old password, the new one twice (Django's checks), and whether API tokens go with the old one."""

    revoke_tokens = forms.BooleanField(
        required=False,
        initial=True,
        label="Also revoke my API tokens",
        help_text="Scripts and apps that use them must get a new token. Leave it ticked if one may "
        "have leaked.",
    )

    def __init__(self, user: Any, *args: Any, active_tokens: int = 0, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        if not active_tokens:
            del self.fields["revoke_tokens"]
        else:
            self.fields[
                "revoke_tokens"
            ].label = f"Also revoke my {active_tokens} API token{'s' if active_tokens != 1 else ''}"


class EmailForm(forms.ModelForm[User]):
    class Meta:
        model = User
        fields = ["email"]
        labels = {"email": "E-mail address"}
        help_texts = {"email": "Used only to send you a link when you forget your password."}

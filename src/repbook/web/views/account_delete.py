"""Delete your account: what goes, a chance to export first, then password and user name to confirm."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from repbook.services.account.account_deletion import (
    AccountDeletionError,
    PasswordRefused,
    check_password,
    delete_account,
    owned_data,
)

DELETED = "Your account and all its data were deleted."


class DeleteAccountForm(forms.Form):
    username = forms.CharField(label="Type your user name to confirm", max_length=150)
    password = forms.CharField(label="Your password", widget=forms.PasswordInput, strip=False)

    def __init__(self, username: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expected = username
        self.fields["username"].widget.attrs.update(autocomplete="off", autocapitalize="none")
        self.fields["password"].widget.attrs.update(autocomplete="current-password")

    def clean_username(self) -> str:
        typed: str = self.cleaned_data["username"]
        if typed != self.expected:
            raise forms.ValidationError(f"Type your user name, {self.expected}, exactly as shown.")
        return typed


@login_required
@require_http_methods(["GET", "POST"])
def delete_page(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    form = DeleteAccountForm(user.get_username(), request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            check_password(request, user, form.cleaned_data["password"])
            delete_account(user)
        except PasswordRefused as exc:
            form.add_error("password", _sentence(exc.message))
        except AccountDeletionError as exc:
            form.add_error(None, _sentence(str(exc)))
        else:
            logout(request)
            messages.success(request, DELETED)
            return redirect("login")
    status = 422 if form.errors else 200
    context = {"form": form, "held": owned_data(user)}
    return render(request, "web/account_delete.html", context, status=status)


def _sentence(message: str) -> str:
    """A service message ("the password is wrong") as a form error ("The password is wrong.")."""
    return message[:1].upper() + message[1:] + "."

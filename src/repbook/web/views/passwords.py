"""Passwords: change one's own, a temporary one that must be replaced, and reset by e-mail."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from repbook.services.account import accounts
from repbook.services.account.recent_password import mark_password_checked
from repbook.storage.models import User
from repbook.web.account_forms import EmailForm, PasswordChangeForm


@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    active_tokens = accounts.active_token_count(user)
    form = PasswordChangeForm(user, request.POST or None, active_tokens=active_tokens)
    if request.method == "POST" and form.is_valid():
        revoked = accounts.set_password(
            user,
            form.cleaned_data["new_password1"],
            revoke_tokens=bool(form.cleaned_data.get("revoke_tokens")),
        )
        # This browser stays logged in; every other session of the user ends.
        update_session_auth_hash(request, user)
        mark_password_checked(request.session)
        done = "Password changed. You were logged out everywhere else"
        done += (
            f", and {revoked} API token{'s were' if revoked != 1 else ' was'} revoked." if revoked else "."
        )
        messages.success(request, done)
        return redirect("settings")
    return render(
        request,
        "web/passwords/change.html",
        {"form": form, "temporary": user.must_change_password},
    )


@login_required
def email_change(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = EmailForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "E-mail address saved.")
        return redirect("settings")
    return render(request, "web/passwords/email.html", {"form": form})


def password_reset(request: HttpRequest) -> HttpResponseBase:
    """Django's reset by e-mail when an SMTP server is configured; otherwise who to ask."""
    if not settings.PASSWORD_RESET_BY_EMAIL:
        return render(request, "web/passwords/reset_ask.html")
    return _password_reset_by_email(request)


# Django's own views (tokens, rate of one use, no user enumeration), with Repbook's pages.
_password_reset_by_email = auth_views.PasswordResetView.as_view(
    template_name="web/passwords/reset_form.html",
    email_template_name="web/passwords/reset_email.txt",
    subject_template_name="web/passwords/reset_subject.txt",
    success_url=reverse_lazy("password-reset-done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(template_name="web/passwords/reset_sent.html")
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="web/passwords/reset_confirm.html", success_url=reverse_lazy("password-reset-complete")
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="web/passwords/reset_complete.html"
)

"""Registration, account settings and API tokens."""

from __future__ import annotations

import time

from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from repbook.services.account import accounts
from repbook.services.account.recent_password import mark_password_checked, password_checked_recently
from repbook.services.system.client_address import request_client_address
from repbook.storage.models import ApiToken, SiteSettings, owned
from repbook.web.forms import RegistrationForm, TokenForm, UserSettingsForm

#: Sign-up attempts one address may make per hour: plenty for a family behind one router, too few
#: to find out which user names exist by trying to register them.
REGISTRATIONS_PER_HOUR = 10


def registration_attempts(address: str | None) -> int:
    """Count one sign-up attempt from `address` in this hour's window; the count so far, this one included.

    The count lives in the shared cache (Redis with REPBOOK_CACHE_URL, else files in the data dir),
    so all worker processes, and with Redis all machines, add up.
    """
    hour = int(time.time() // 3600)
    key = f"register:{address or 'unknown'}:{hour}"
    count = int(cache.get(key, 0)) + 1
    cache.set(key, count, timeout=3600)
    return count


def register(request: HttpRequest) -> HttpResponse:
    if not SiteSettings.current().registration_open:
        return render(request, "registration/closed.html", status=403)
    if request.user.is_authenticated:
        return redirect("home")
    if (
        request.method == "POST"
        and registration_attempts(request_client_address(request)) > REGISTRATIONS_PER_HOUR
    ):
        return render(request, "registration/register_throttled.html", status=429)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = accounts.create_user(form.cleaned_data["username"], form.cleaned_data["password"])
        except accounts.AccountError:
            # Same words whether the name is taken or not: no user enumeration.
            form.add_error("username", "This user name cannot be used; choose another.")
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome to Repbook, {user.username}.")
            return redirect("home")
    return render(request, "registration/register.html", {"form": form})


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    row = accounts.settings_for(request.user)  # type: ignore[arg-type]
    form = UserSettingsForm(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Settings saved.")
        return redirect("settings")
    tokens = owned(ApiToken, request.user)
    return render(
        request,
        "web/settings.html",
        {
            "form": form,
            "tokens": tokens,
            "token_form": TokenForm(needs_password=not password_checked_recently(request.session)),
            "new_secret": request.session.pop("new_token", None),
        },
    )


@login_required
@require_POST
def create_token(request: HttpRequest) -> HttpResponse:
    needs_password = not password_checked_recently(request.session)
    form = TokenForm(request.POST, needs_password=needs_password)
    if not form.is_valid():
        first = next(iter(form.errors))
        messages.error(
            request,
            "Type your password to create a token."
            if first == "password"
            else "A token needs a name of 1 to 100 characters.",
        )
        return redirect("settings")
    if needs_password:
        # Through the log-in's own checks, so guesses here count towards the same lock-out.
        confirmed = authenticate(
            request, username=request.user.get_username(), password=form.cleaned_data["password"]
        )
        if confirmed is None or confirmed.pk != request.user.pk:
            messages.error(request, "That is not your password: no token was created.")
            return redirect("settings")
        mark_password_checked(request.session)
    new = accounts.create_token(
        request.user,  # type: ignore[arg-type]
        form.cleaned_data["name"],
        form.cleaned_data.get("expires_in_days"),
    )
    # Shown once on the next page, then gone: only the hash is stored.
    request.session["new_token"] = new.secret
    return redirect("settings")


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    try:
        token = accounts.revoke_token(request.user, token_id)  # type: ignore[arg-type]
    except ApiToken.DoesNotExist as exc:
        raise Http404("No such token.") from exc
    messages.success(request, f"Token “{token.name}” revoked.")
    return redirect("settings")

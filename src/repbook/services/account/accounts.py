"""Accounts: users, their settings row, and personal API tokens."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from repbook.core.plates import BarbellSetup, barbell_setup
from repbook.core.stored import StoredValueError, read_increments
from repbook.core.text import MAX_TOKEN_NAME, unstorable
from repbook.core.usernames import normalise_username
from repbook.storage import hot_path
from repbook.storage.models import ApiToken, User, UserSettings, owned


class AccountError(ValueError):
    """A request about an account that cannot be carried out; the message says why."""


@transaction.atomic
def create_user(username: str, password: str, *, admin: bool = False, email: str = "") -> User:
    """Create a user with validated password and a settings row; raises AccountError.

    The name is NFKC-normalised first, so a full-width or ligature spelling of a taken name is taken.
    """
    username = normalise_username(username)
    if not username:
        raise AccountError("the user name is empty")
    if User.objects.filter(username__iexact=username).exists():
        raise AccountError(f"a user named {username!r} already exists")
    user = User(username=username, email=email, is_staff=admin, is_superuser=admin)
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise AccountError(" ".join(exc.messages)) from exc
    user.set_password(password)
    try:
        user.full_clean(exclude=["password"])
        user.save()
    except ValidationError as exc:
        raise AccountError(" ".join(exc.messages)) from exc
    except IntegrityError as exc:
        raise AccountError(f"a user named {username!r} already exists") from exc
    UserSettings.objects.create(owner=user)
    return user


def set_password(user: User, password: str, *, temporary: bool = False, revoke_tokens: bool = False) -> int:
    """Validate and set a new password; returns how many API tokens were revoked with it.

    Every browser session of the user ends (Django checks the password hash in each session);
    the caller keeps its own with `update_session_auth_hash`. `temporary`: the web asks for a new
    password before anything else (a password an administrator gave out). Raises AccountError.
    """
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise AccountError(" ".join(exc.messages)) from exc
    with transaction.atomic():
        user.set_password(password)
        user.must_change_password = temporary
        user.save(update_fields=["password", "must_change_password"])
        return revoke_all_tokens(user) if revoke_tokens else 0


def revoke_all_tokens(user: User) -> int:
    """Revoke every active API token of the user; returns how many."""
    return owned(ApiToken, user).filter(revoked_at__isnull=True).update(revoked_at=timezone.now())


def active_token_count(user: User) -> int:
    return owned(ApiToken, user).filter(revoked_at__isnull=True).count()


def generate_password() -> str:
    """A random password that is easy to type from a screen: four groups of letters and digits."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


def user_barbell(prefs: UserSettings) -> BarbellSetup:
    """The user's bar, plates and smallest barbell jump in their unit (standard ones where unset)."""
    step = own_steps(prefs).get("barbell")
    try:
        plates = [Decimal(str(p)) for p in prefs.plates_kg or []]
    except ArithmeticError:  # kept before backups were checked; the standard plates stand in
        plates = []
    return barbell_setup(prefs.unit, prefs.bar_kg, [p for p in plates if p > 0], step)


def own_steps(prefs: UserSettings) -> dict[str, Decimal]:
    """The user's own smallest step per kind of equipment, in kg; none when the stored value is bad."""
    try:
        steps = read_increments(prefs.increments_kg or {})
    except StoredValueError:
        return {}
    return {kind: Decimal(kg) for kind, kg in steps.items()}


def settings_for(user: User) -> UserSettings:
    """The user's settings row, created with defaults if it is missing: one plain statement when
    it is there (every page reads it; the ORM's query cost ten times what the database does)."""
    row = hot_path.user_settings(user.pk)
    if row is None:
        row, _ = UserSettings.objects.get_or_create(owner=user)
    return row


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str


#: The longest a token may be made to last, in days (ten years); without a number it lasts until revoked.
MAX_TOKEN_DAYS = 3650


def create_token(user: User, name: str, expires_in_days: int | None = None) -> NewToken:
    """Create an API token, for good or for `expires_in_days` days (1 to 3650).

    The secret is returned once and only its hash is stored. Raises AccountError.
    """
    name = name.strip()
    if not name or len(name) > MAX_TOKEN_NAME or unstorable(name):
        raise AccountError(f"a token needs a name of 1 to {MAX_TOKEN_NAME} characters that can be stored")
    if expires_in_days is not None and not 1 <= expires_in_days <= MAX_TOKEN_DAYS:
        raise AccountError(f"a token lasts 1 to {MAX_TOKEN_DAYS} days, or until revoked")
    expires_at = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
    secret = ApiToken.new_token()
    token = ApiToken.objects.create(
        owner=user, name=name, token_hash=ApiToken.hash(secret), hint=secret[:10], expires_at=expires_at
    )
    return NewToken(token=token, secret=secret)


def revoke_token(user: User, token_id: int) -> ApiToken:
    """Revoke one of the user's tokens; raises ApiToken.DoesNotExist for anyone else's."""
    token = owned(ApiToken, user).get(pk=token_id)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


#: Remember a token's use at most this often, so a busy client does not write on every call.
LAST_USED_RESOLUTION = timedelta(minutes=5)


def user_for_token(secret: str) -> User | None:
    """The active user a bearer token belongs to, or None (unknown, revoked or expired)."""
    if not secret.startswith(ApiToken.PREFIX) or len(secret) > 200:
        return None
    now = timezone.now()
    found = hot_path.token_owner(ApiToken.hash(secret), now)  # every API call: one plain statement
    if found is None:
        return None
    token_id, last_used_at, owner = found
    if last_used_at is None or now - last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token_id).update(last_used_at=now)
    return owner  # type: ignore[no-any-return]

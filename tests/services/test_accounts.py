"""Accounts and API tokens."""

from __future__ import annotations

import pytest

from repbook.services.account.accounts import (
    AccountError,
    create_token,
    create_user,
    revoke_token,
    user_for_token,
)
from repbook.storage.models import ApiToken, UserSettings

pytestmark = pytest.mark.django_db


def test_create_user_hashes_with_argon2_and_creates_settings() -> None:
    user = create_user("carol", "a-long-enough-passphrase")
    assert user.password.startswith("argon2")
    assert UserSettings.objects.get(owner=user).unit == "kg"


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [
        ("", "a-long-enough-passphrase", "empty"),
        ("dave", "short", "too short"),
        ("dave", "password123", "too common"),
        ("dave", "12345678901", "entirely numeric"),
        ("bad name!", "a-long-enough-passphrase", "valid username"),
    ],
)
def test_bad_accounts_are_refused_with_a_reason(name: str, password: str, message: str) -> None:
    with pytest.raises(AccountError, match=message):
        create_user(name, password)


def test_user_names_are_unique_ignoring_case(alice) -> None:
    with pytest.raises(AccountError, match="already exists"):
        create_user("ALICE", "a-long-enough-passphrase")


def test_only_the_hash_of_a_token_is_stored(alice) -> None:
    new = create_token(alice, "phone")
    row = ApiToken.objects.get(pk=new.token.pk)
    assert new.secret not in (row.token_hash, row.hint, row.name)
    assert row.token_hash == ApiToken.hash(new.secret)
    assert not ApiToken.objects.filter(token_hash=new.secret).exists()


def test_a_token_works_until_revoked(alice) -> None:
    new = create_token(alice, "phone")
    assert user_for_token(new.secret) == alice
    revoke_token(alice, new.token.pk)
    assert user_for_token(new.secret) is None


def test_a_user_cannot_revoke_anothers_token(alice, bob) -> None:
    new = create_token(alice, "phone")
    with pytest.raises(ApiToken.DoesNotExist):
        revoke_token(bob, new.token.pk)
    assert user_for_token(new.secret) == alice


@pytest.mark.parametrize("secret", ["", "rb_", "rb_nonsense", "Bearer x", "x" * 5000])
def test_unknown_tokens_give_no_user(secret: str, alice) -> None:
    create_token(alice, "phone")
    assert user_for_token(secret) is None


def test_inactive_users_tokens_stop_working(alice) -> None:
    new = create_token(alice, "phone")
    alice.is_active = False
    alice.save()
    assert user_for_token(new.secret) is None

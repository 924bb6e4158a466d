"""`repbook user` and `repbook token` in-process, against the test database."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from repbook.cli import main
from repbook.services.account.accounts import user_for_token
from repbook.storage.models import ApiToken, User

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str, input: str | None = None) -> object:
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_user_create_reads_password_from_stdin() -> None:
    result = run("user", "create", "frank", "--admin", "--password-stdin", input="a-long-enough-passphrase\n")
    assert result.exit_code == 0, result.output
    user = User.objects.get(username="frank")
    assert user.is_superuser and user.check_password("a-long-enough-passphrase")


def test_user_create_refuses_a_weak_password_without_traceback() -> None:
    result = run("user", "create", "frank", "--password-stdin", input="abc\n")
    assert result.exit_code == 1
    assert "Error: This password is too short" in result.output
    assert "Traceback" not in result.output


def test_token_create_without_user_when_there_is_one(alice) -> None:
    result = run("token", "create", "laptop")
    assert result.exit_code == 0, result.output
    assert user_for_token(result.output.strip()) == alice


def test_user_must_be_named_when_there_are_several(alice, bob) -> None:
    result = run("token", "create", "laptop")
    assert result.exit_code == 2
    assert "--user NAME" in result.output
    assert run("token", "create", "laptop", "--user", "bob").exit_code == 0


def test_unknown_user_is_a_clear_error(alice) -> None:
    result = run("token", "list", "--user", "zed")
    assert result.exit_code == 2
    assert "no user named 'zed'" in result.output


def test_token_revoke_of_someone_elses_token_fails(alice, bob) -> None:
    run("token", "create", "laptop", "--user", "alice")
    token_id = ApiToken.objects.get(owner=alice).pk
    result = run("token", "revoke", str(token_id), "--user", "bob")
    assert result.exit_code == 1
    assert f"you have no token with id {token_id}" in result.output
    assert ApiToken.objects.get(pk=token_id).revoked_at is None

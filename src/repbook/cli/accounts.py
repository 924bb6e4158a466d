"""`repbook user ...` and `repbook token ...`."""

from __future__ import annotations

import sys

import click

from repbook.cli.context import ready, resolve_user


@click.group()
def user() -> None:
    """Create, list and delete user accounts."""


@user.command("create")
@click.argument("name")
@click.option("--admin", is_flag=True, help="Make the user an administrator (Django admin, site switches).")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from standard input instead of asking.",
)
@ready
def user_create(name: str, admin: bool, password_stdin: bool) -> None:
    """Create the user NAME."""
    from repbook.services.accounts import AccountError, create_user

    password = _read_password(password_stdin)
    try:
        created = create_user(name, password, admin=admin)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Created user {created.username}{' (admin)' if admin else ''}.")


@user.command("password")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the new password from standard input.")
@ready
def user_password(name: str, password_stdin: bool) -> None:
    """Set a new password for the user NAME."""
    from django.contrib.auth import password_validation
    from django.core.exceptions import ValidationError

    account = resolve_user(name)
    password = _read_password(password_stdin)
    try:
        password_validation.validate_password(password, account)
    except ValidationError as exc:
        raise click.ClickException(" ".join(exc.messages)) from exc
    account.set_password(password)
    account.save(update_fields=["password"])
    click.echo(f"Password changed for {account.username}.")


@user.command("list")
@ready
def user_list() -> None:
    """List the user accounts."""
    from repbook.storage.models import User

    for account in User.objects.order_by("username"):
        flags = " (admin)" if account.is_superuser else ""
        click.echo(f"{account.username}{flags}")


@user.command("delete")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@ready
def user_delete(name: str, yes: bool) -> None:
    """Delete the user NAME and everything they own: workouts, sets, exercises, programs, tokens."""
    from repbook.services.account_deletion import AccountDeletionError, delete_account, owned_data
    from repbook.storage.models import User

    account = User.objects.filter(username=name).first()
    if account is None:
        raise click.ClickException(f"no user named {name!r}; see `repbook user list`")
    if not yes:
        held = owned_data(account)
        click.echo(f"To keep a copy first: repbook export --user {name} -o FILE")
        click.confirm(
            f"Delete {name} with {held.workouts} workouts and {held.sets} sets? This cannot be undone",
            abort=True,
        )
    try:
        deleted = delete_account(account)
    except AccountDeletionError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Deleted user {name}: {deleted.workouts} workouts, {deleted.sets} sets and all their data.")


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


@click.group()
def token() -> None:
    """Create, list and revoke personal API tokens."""


@token.command("create")
@click.argument("name")
@click.option("--user", "username", help="The account (may be left out while there is one user).")
@ready
def token_create(name: str, username: str | None) -> None:
    """Create an API token called NAME and print it (it is shown only once)."""
    from repbook.services.accounts import AccountError, create_token

    try:
        new = create_token(resolve_user(username), name)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(new.secret)


@token.command("list")
@click.option("--user", "username", help="The account (may be left out while there is one user).")
@ready
def token_list(username: str | None) -> None:
    """List your API tokens."""
    from repbook.storage.models import ApiToken, owned

    for row in owned(ApiToken, resolve_user(username)):
        state = "active" if row.is_active else f"revoked {row.revoked_at:%Y-%m-%d}"
        click.echo(f"{row.pk}\t{row.name}\t{row.hint}…\t{state}")


@token.command("revoke")
@click.argument("token_id", type=int)
@click.option("--user", "username", help="The account (may be left out while there is one user).")
@ready
def token_revoke(token_id: int, username: str | None) -> None:
    """Revoke the token with id TOKEN_ID (see `repbook token list`)."""
    from repbook.services.accounts import revoke_token
    from repbook.storage.models import ApiToken

    try:
        revoked = revoke_token(resolve_user(username), token_id)
    except ApiToken.DoesNotExist as exc:
        raise click.ClickException(f"you have no token with id {token_id}") from exc
    click.echo(f"Revoked {revoked.name}.")

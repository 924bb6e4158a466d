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
    from repbook.services.account.accounts import AccountError, create_user

    password = _read_password(password_stdin)
    try:
        created = create_user(name, password, admin=admin)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Created user {created.username}{' (admin)' if admin else ''}.")


@user.command("password")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the new password from standard input.")
@click.option(
    "--temporary",
    is_flag=True,
    help="Make up a password, print it, and have the user choose a new one at the next login.",
)
@click.option("--revoke-tokens", is_flag=True, help="Also revoke all of the user's API tokens.")
@ready
def user_password(name: str, password_stdin: bool, temporary: bool, revoke_tokens: bool) -> None:
    """Set a new password for the user NAME (their browser sessions end)."""
    from repbook.services.account.accounts import AccountError, generate_password, set_password

    account = resolve_user(name)
    password = generate_password() if temporary else _read_password(password_stdin)
    try:
        revoked = set_password(account, password, temporary=temporary, revoke_tokens=revoke_tokens)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    if temporary:
        click.echo(
            f"Temporary password for {account.username}: {password}\n"
            "They choose a new one when they next log in."
        )
    else:
        click.echo(f"Password changed for {account.username}.")
    if revoked:
        click.echo(f"Revoked {revoked} API token{'s' if revoked != 1 else ''}.")


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
    from repbook.services.account.account_deletion import AccountDeletionError, delete_account, owned_data
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
@click.option(
    "--expires-in",
    "days",
    type=click.IntRange(1, 3650),
    help="Days the token works (default: until revoked).",
)
@ready
def token_create(name: str, username: str | None, days: int | None) -> None:
    """Create an API token called NAME and print it (it is shown only once)."""
    from repbook.services.account.accounts import AccountError, create_token

    try:
        new = create_token(resolve_user(username), name, days)
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
        if row.revoked_at:
            state = f"revoked {row.revoked_at:%Y-%m-%d}"
        elif row.expires_at:
            state = f"{'expired' if row.is_expired else 'active, expires'} {row.expires_at:%Y-%m-%d}"
        else:
            state = "active"
        used = f"last used {row.last_used_at:%Y-%m-%d %H:%M}" if row.last_used_at else "never used"
        click.echo(f"{row.pk}\t{row.name}\t{row.hint}…\t{state}\t{used}")


@token.command("revoke")
@click.argument("token_id", type=int)
@click.option("--user", "username", help="The account (may be left out while there is one user).")
@ready
def token_revoke(token_id: int, username: str | None) -> None:
    """Revoke the token with id TOKEN_ID (see `repbook token list`)."""
    from repbook.services.account.accounts import revoke_token
    from repbook.storage.models import ApiToken

    try:
        revoked = revoke_token(resolve_user(username), token_id)
    except ApiToken.DoesNotExist as exc:
        raise click.ClickException(f"you have no token with id {token_id}") from exc
    click.echo(f"Revoked {revoked.name}.")

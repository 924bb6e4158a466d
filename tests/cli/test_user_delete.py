"""`repbook user delete NAME [--yes]` in-process, against the test database."""

from __future__ import annotations

import pytest
from click.testing import CliRunner, Result

from repbook.cli import main
from repbook.storage.models import Exercise, Set, User
from tests.services.test_account_deletion import rich_account, rows_of

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


def test_delete_with_yes_says_what_went(alice: User, bob: User) -> None:
    rich_account(alice)
    rich_account(bob)
    bob_before = rows_of(bob)
    result = run("user", "delete", "alice", "--yes")
    assert result.exit_code == 0, result.output
    assert result.output == "Deleted user alice: 2 workouts, 3 sets and all their data.\n"
    assert not any(rows_of(alice).values())
    assert rows_of(bob) == bob_before


def test_it_asks_first_and_no_keeps_everything(alice: User) -> None:
    rich_account(alice)
    before = rows_of(alice)
    result = run("user", "delete", "alice", input="n\n")
    assert result.exit_code == 1
    assert "repbook export --user alice -o FILE" in result.output
    assert "Delete alice with 2 workouts and 3 sets? This cannot be undone [y/N]" in result.output
    assert "Aborted" in result.output
    assert rows_of(alice) == before


def test_yes_at_the_prompt_deletes(alice: User) -> None:
    rich_account(alice)
    result = run("user", "delete", "alice", input="y\n")
    assert result.exit_code == 0, result.output
    assert "Deleted user alice: 2 workouts, 3 sets" in result.output
    assert not User.objects.filter(username="alice").exists()


def test_an_unknown_user_is_a_clear_error(alice: User) -> None:
    result = run("user", "delete", "zed", "--yes")
    assert result.exit_code == 1
    assert result.output == "Error: no user named 'zed'; see `repbook user list`\n"
    assert User.objects.filter(username="alice").exists()


def test_a_refused_deletion_is_one_sentence_and_deletes_nothing(alice: User, bob: User) -> None:
    rich_account(alice)
    mine = Exercise.objects.get(owner=alice)
    rich_account(bob)
    Set.objects.filter(owner=bob).update(exercise=mine)  # written past the services
    result = run("user", "delete", "alice", "--yes")
    assert result.exit_code == 1
    assert "Error: other accounts use this account's exercises or programs" in result.output
    assert "nothing was deleted" in result.output and "Traceback" not in result.output
    assert User.objects.filter(username="alice").exists()

"""User names are compared after NFKC normalisation: full-width ＡＬＩＣＥ is alice's name, on every
path that creates or renames a user (service and CLI, sign-up form, admin)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.core.exceptions import ValidationError
from django.test import Client

from repbook.cli import main
from repbook.services.account.accounts import AccountError, create_user
from repbook.storage.models import User
from tests.conftest import PASSWORD

FULL_WIDTH = "ＡＬＩＣＥ"
LOOKALIKES = [FULL_WIDTH, "ａｌｉｃｅ", "ALİCE".replace("İ", "I"), "alice\u00a0"]


@pytest.mark.parametrize("name", LOOKALIKES)
def test_the_service_refuses_a_lookalike_of_a_taken_name(alice, name):
    with pytest.raises(AccountError):
        create_user(name, PASSWORD)
    assert User.objects.count() == 1


def test_a_new_name_is_stored_normalised(db):
    assert create_user("ｅｒｉｎ", PASSWORD).username == "erin"


def test_sign_up_refuses_a_lookalike(alice):
    answer = Client().post(
        "/register/", {"username": FULL_WIDTH, "password": PASSWORD, "password_again": PASSWORD}
    )
    assert answer.status_code == 200
    assert User.objects.count() == 1


def test_the_cli_refuses_a_lookalike(alice):
    result = CliRunner().invoke(main, ["user", "create", FULL_WIDTH, "--password-stdin"], input=PASSWORD)
    assert result.exit_code != 0
    assert User.objects.count() == 1


def test_renaming_to_a_lookalike_is_refused(alice, bob):
    bob.username = FULL_WIDTH
    with pytest.raises(ValidationError) as caught:
        bob.full_clean(exclude=["password"])
    assert "username" in caught.value.message_dict

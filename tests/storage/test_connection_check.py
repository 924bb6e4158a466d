"""The kept connection's check before a request's first statement (CONN_HEALTH_CHECKS) is the
request's first read itself when that read runs outside a transaction (storage.plain_sql.fetch):
no extra round trip, and a connection the server dropped is replaced and the read run again."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from django.db import connection, transaction
from django.utils import timezone

from repbook.services.account.accounts import create_token
from repbook.storage import hot_path
from repbook.storage.models import ApiToken, User

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def pings(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each `is_usable` check Django or Repbook makes of the connection, with its answer."""
    made: list[bool] = []
    check = connection.is_usable

    def counted() -> bool:
        made.append(check())
        return made[-1]

    monkeypatch.setattr(connection, "is_usable", counted)
    return made


def _token_read(user: User) -> Any:
    secret = create_token(user, "phone").secret
    # What Django does as a request starts: the kept connection is to be checked again.
    connection.close_if_unusable_or_obsolete()
    return hot_path.token_owner(ApiToken.hash(secret), timezone.now())


def _backend() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return int(cursor.fetchone()[0])


def test_the_first_read_of_a_request_is_the_check_of_the_kept_connection(
    alice: User, pings: list[bool]
) -> None:
    found = _token_read(alice)
    assert found is not None and found[2].pk == alice.pk
    assert pings == []
    assert connection.health_check_done


def test_inside_a_transaction_djangos_own_check_stays(alice: User, pings: list[bool]) -> None:
    secret = create_token(alice, "phone").secret
    connection.close_if_unusable_or_obsolete()
    with transaction.atomic():
        assert hot_path.token_owner(ApiToken.hash(secret), timezone.now()) is not None
    assert pings == [True]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a server that drops connections")
def test_a_connection_the_server_dropped_is_replaced_and_the_read_run_again(
    alice: User, pings: list[bool]
) -> None:
    secret = create_token(alice, "phone").secret
    dropped = _backend()
    with psycopg.connect(**connection.get_connection_params(), autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [dropped])
    connection.close_if_unusable_or_obsolete()
    found = hot_path.token_owner(ApiToken.hash(secret), timezone.now())
    assert found is not None and found[2].pk == alice.pk
    assert pings == [False]  # asked once, after the read failed
    assert _backend() != dropped

"""A set Repbook acknowledged is on the disk: every commit waits for the log to be synced, on
SQLite (WAL with synchronous=FULL, settings.py) as on PostgreSQL (synchronous_commit left on).
A phone drops a set from its offline outbox once the server acknowledged it, so a commit that a
power cut could still undo would lose that set for good."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

#: PRAGMA synchronous's value for FULL.
SQLITE_FULL = 2


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's pragmas")
def test_sqlite_commits_are_synced_to_the_disk() -> None:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == SQLITE_FULL
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL session setting")
def test_postgresql_commits_wait_for_the_log() -> None:
    # Repbook's sessions must not turn it off (settings.py passes session options; `local` and
    # the remote levels all wait for the local disk).
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] != "off"

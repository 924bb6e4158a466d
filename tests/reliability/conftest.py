"""A fresh database for each test's real server: SQLite in a tmp data dir, or, when DATABASE_URL is set
(CI's second run), a new PostgreSQL database on the same server, dropped afterwards.

pytest-django's test database is never used here: the server is another process.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from bench.server import ServerConfig
from psycopg import sql

from tests.reliability.support import Backend


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[Backend]:
    data_dir = tmp_path / "data"
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        yield Backend("sqlite", ServerConfig(data_dir))
        return
    name = f"repbook_crash_{secrets.token_hex(4)}"
    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield Backend("postgresql", ServerConfig(data_dir, database_url=with_database(url, name)))
    finally:
        with psycopg.connect(with_database(url, "postgres"), autocommit=True) as admin:
            # A killed server's sessions may linger a moment; end them so the database can go.
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def with_database(url: str, name: str) -> str:
    """`url` (postgres://user@host:port/db?options) naming the database `name` instead."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))
